/** A fast standard normal CDF for the infrared detection hot path. */

/**
 * Standard normal CDF from the complementary error function fit of Press et al., Numerical Recipes,
 * 2nd ed., sec. 6.2 ("erfcc", Chebyshev fit, fractional error below 1.2e-7 everywhere).
 */
export function fastNormalCdf(x: number): number {
  const zz = Math.abs(x) * Math.SQRT1_2;
  const t = 1 / (1 + 0.5 * zz);
  const e =
    t *
    Math.exp(
      -zz * zz -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  // erfc(zz) = e; Phi(x) = erfc(-x / sqrt 2) / 2
  return x >= 0 ? 1 - 0.5 * e : 0.5 * e;
}
