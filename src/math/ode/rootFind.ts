/**
 * Bracketed scalar root finding: Brent's method (R. P. Brent, "Algorithms for Minimization without
 * Derivatives", Prentice-Hall 1973, chapter 4, procedure zero; the same algorithm as Forsythe,
 * Malcolm & Moler's zeroin). It combines bisection, the secant step and inverse quadratic
 * interpolation, so it never does worse than bisection and converges superlinearly on smooth g.
 *
 * Used by the event locator on the dense output of an integration step. Unlike the textbook
 * routine, it reports which end of the final bracket lies on the *far* side of the root (the side
 * where f has the sign it had at `b`): an integrator that stops at an event must return a time at
 * which g has already changed sign, or a restart from that state would find the same event again.
 */

/** Where a root was found; reused between calls (allocation-free). */
export class RootResult {
  /** End of the final bracket on b's side of the root (f(x) has fb's sign, or is zero). */
  x = NaN;
  /** The other end of the final bracket (f has fa's sign there); |x - other| <= tol + 4 eps |x|. */
  other = NaN;
  /** f(x). */
  fx = NaN;
  /** Number of evaluations of f made by the search. */
  evaluations = 0;
}

const EPS = Number.EPSILON;
const MAX_EVALUATIONS = 200;

/**
 * Finds a root of f between a and b (either order), given fa = f(a) and fb = f(b) of opposite signs
 * (or one of them zero), to a bracket width of `tol` (plus 4 ulp of x). Writes into `out` and
 * returns it. Throws RangeError if fa and fb have the same strict sign.
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tol: number,
  out: RootResult,
): RootResult {
  out.evaluations = 0;
  if (fb === 0) return finish(out, b, b, 0);
  if (fa === 0) return finish(out, a, a, 0);
  if ((fa > 0 && fb > 0) || (fa < 0 && fb < 0) || !(fa === fa) || !(fb === fb)) {
    throw new RangeError(`brentRoot: f(a)=${fa} and f(b)=${fb} do not bracket a root`);
  }
  const farPositive = fb > 0;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (;;) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      // b and c on the same side: the bracket is [a, b]; restart the interpolation history.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep b as the best estimate (smallest |f|).
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * EPS * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0 || out.evaluations >= MAX_EVALUATIONS) {
      // c and b bracket the root; report the end on the far side.
      if (fb === 0 || fb > 0 === farPositive) return finish(out, b, c, fb);
      return finish(out, c, b, fc);
    }
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        // Secant step.
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        // Inverse quadratic interpolation through (a, fa), (b, fb), (c, fc).
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
    out.evaluations++;
  }
}

function finish(out: RootResult, x: number, other: number, fx: number): RootResult {
  out.x = x;
  out.other = other;
  out.fx = fx;
  return out;
}
