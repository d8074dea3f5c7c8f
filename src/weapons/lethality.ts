/**
 * Lethality: the probability of kill against the miss distance d (the closest approach of the kill
 * mechanism to the target's centre), and its expectation over a Gaussian miss.
 *
 * Kill mechanisms (Ball, "The Fundamentals of Aircraft Combat Survivability Analysis and Design",
 * 2nd ed., AIAA 2003, ch. 5, for the cookie-cutter, Carleton and Poisson-fragment forms):
 * - hit-to-kill: the kill vehicle or projectile must strike the body. A "cookie cutter" of radius R_hit
 *   (the sum of the effective radii of the striking body and of the target's lethal region):
 *     Pk(d) = Pk|hit for d <= R_hit, 0 beyond.
 * - blast-fragmentation: a warhead whose fragments spread over a spray zone, so the expected number of
 *   lethal fragment hits on the target's vulnerable area falls as 1/d^2; hits are Poisson, so
 *     Pk(d) = reliability (1 - exp(-ln 2 (R_L / d)^2)),
 *   with R_L the lethal radius, where Pk = reliability / 2.
 * - gaussian (Carleton damage function): Pk(d) = Pk0 exp(-d^2 / (2 L^2)), a smooth stand-in for either.
 *
 * Expectation over a circular Gaussian miss (two-dimensional, standard deviation sigma per axis in the
 * plane normal to the relative velocity, the "encounter plane"), d Rayleigh distributed:
 *   hit-to-kill:  E[Pk] = Pk|hit (1 - exp(-R_hit^2 / (2 sigma^2)))
 *   gaussian:     E[Pk] = Pk0 L^2 / (L^2 + sigma^2)
 *   fragments:    E[Pk] = reliability (1 - 2 sqrt(b) K1(2 sqrt(b))),  b = ln 2 R_L^2 / (2 sigma^2)
 * (the last from the integral int_0^inf exp(-b/u - u) du = 2 sqrt(b) K1(2 sqrt(b)), Gradshteyn & Ryzhik
 * 3.471.9, with u = d^2 / (2 sigma^2)). An elliptical miss (sigma1, sigma2) is taken as the circle of the
 * same probability density at the centre, sigma = sqrt(sigma1 sigma2), except for the gaussian kind,
 * where the exact form Pk0 L^2 / sqrt((L^2 + sigma1^2)(L^2 + sigma2^2)) is used.
 */

export type Lethality =
  | {
      readonly kind: "hit-to-kill";
      /** Miss distance within which the body is struck, m (> 0). */
      readonly hitRadiusM: number;
      /** Probability of kill given a hit (0..1). */
      readonly killGivenHit: number;
    }
  | {
      readonly kind: "blast-fragmentation";
      /** Miss distance at which Pk is half the reliability, m (> 0). */
      readonly lethalRadiusM: number;
      /** Probability that fuze and warhead function (0..1). */
      readonly reliability: number;
    }
  | {
      readonly kind: "gaussian";
      /** Standard deviation L of the damage function, m (> 0). */
      readonly lethalRadiusM: number;
      /** Pk at zero miss (0..1). */
      readonly killAtZeroMiss: number;
    };

const LN2 = Math.LN2;

function check(l: Lethality): void {
  const prob = (v: number, name: string) => {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`lethality: l.${name} must be in [0, 1], given ${v}`);
  };
  const radius = (v: number, name: string) => {
    if (!(v > 0 && Number.isFinite(v)))
      throw new RangeError(`lethality: l.${name} must be a finite number > 0, given ${v}`);
  };
  switch (l.kind) {
    case "hit-to-kill":
      radius(l.hitRadiusM, "hitRadiusM");
      prob(l.killGivenHit, "killGivenHit");
      return;
    case "blast-fragmentation":
      radius(l.lethalRadiusM, "lethalRadiusM");
      prob(l.reliability, "reliability");
      return;
    case "gaussian":
      radius(l.lethalRadiusM, "lethalRadiusM");
      prob(l.killAtZeroMiss, "killAtZeroMiss");
      return;
    default:
      throw new RangeError(`lethality: unknown kind ${String((l as { kind?: unknown }).kind)}`);
  }
}

/** Checks a lethality description; throws a RangeError naming the bad field. */
export function validateLethality(l: Lethality): Lethality {
  check(l);
  return l;
}

/** Probability of kill at miss distance `missM` (>= 0). */
export function killProbability(l: Lethality, missM: number): number {
  if (!(missM >= 0 && Number.isFinite(missM)))
    throw new RangeError(`killProbability: missM must be a finite number >= 0, given ${missM}`);
  check(l);
  switch (l.kind) {
    case "hit-to-kill":
      return missM <= l.hitRadiusM ? l.killGivenHit : 0;
    case "blast-fragmentation": {
      if (missM === 0) return l.reliability;
      const r = l.lethalRadiusM / missM;
      return l.reliability * -Math.expm1(-LN2 * r * r);
    }
    case "gaussian":
      return l.killAtZeroMiss * Math.exp((-0.5 * missM * missM) / (l.lethalRadiusM * l.lethalRadiusM));
  }
}

/**
 * Modified Bessel function of the second kind, order one, K1(x) for x > 0: Abramowitz & Stegun
 * 9.8.7 (x <= 2, with I1 from 9.8.3) and 9.8.8 (x > 2); relative error below 2.2e-7.
 */
export function besselK1(x: number): number {
  if (!(x > 0)) throw new RangeError(`besselK1: x must be > 0, given ${x}`);
  if (x <= 2) {
    const y = (x * x) / 4;
    // I1(x) / x by A&S 9.8.3 with t = x / 3.75 (valid |x| <= 3.75).
    const t = (x / 3.75) ** 2;
    const i1OverX =
      0.5 +
      t *
        (0.87890594 +
          t * (0.51498869 + t * (0.15084934 + t * (0.02658733 + t * (0.00301532 + t * 0.00032411)))));
    const xi1 = x * x * i1OverX; // x I1(x)
    const xk1 =
      xi1 * Math.log(x / 2) +
      1 +
      y *
        (0.15443144 +
          y * (-0.67278579 + y * (-0.18156897 + y * (-0.01919402 + y * (-0.00110404 - y * 0.00004686)))));
    return xk1 / x;
  }
  const z = 2 / x;
  const poly =
    1.25331414 +
    z *
      (0.23498619 +
        z * (-0.0365562 + z * (0.01504268 + z * (-0.00780353 + z * (0.00325614 - z * 0.00068245)))));
  return (Math.exp(-x) / Math.sqrt(x)) * poly;
}

/**
 * Expected probability of kill over a Gaussian miss with standard deviations sigma1, sigma2 (m, >= 0)
 * along the two axes of the encounter plane, centred on the target (see the file comment).
 */
export function expectedKillProbability(l: Lethality, sigma1M: number, sigma2M: number = sigma1M): number {
  if (!(sigma1M >= 0 && Number.isFinite(sigma1M)))
    throw new RangeError(`expectedKillProbability: sigma1M must be a finite number >= 0, given ${sigma1M}`);
  if (!(sigma2M >= 0 && Number.isFinite(sigma2M)))
    throw new RangeError(`expectedKillProbability: sigma2M must be a finite number >= 0, given ${sigma2M}`);
  check(l);
  if (l.kind === "gaussian") {
    const L2 = l.lethalRadiusM * l.lethalRadiusM;
    return (l.killAtZeroMiss * L2) / Math.sqrt((L2 + sigma1M * sigma1M) * (L2 + sigma2M * sigma2M));
  }
  const s2 = sigma1M * sigma2M;
  if (s2 === 0) return killProbability(l, 0);
  if (l.kind === "hit-to-kill") {
    return l.killGivenHit * -Math.expm1((-0.5 * l.hitRadiusM * l.hitRadiusM) / s2);
  }
  const b = (LN2 * l.lethalRadiusM * l.lethalRadiusM) / (2 * s2);
  const z = 2 * Math.sqrt(b);
  return l.reliability * oneMinusZK1(z);
}

/** Euler-Mascheroni constant. */
const EULER_GAMMA = 0.5772156649015329;

/**
 * 1 - z K1(z) for z > 0. For z < 0.1 (a miss spread far wider than the lethal radius) from the series
 * K1(z) = 1/z + ln(z/2) I1(z) - (z/4) sum_k [psi(k+1) + psi(k+2)] (z^2/4)^k / (k! (k+1)!)
 * (A&S 9.6.11) to order z^4, since the difference of two numbers near one would lose the polynomial's
 * accuracy; z K1(z) underflows beyond z = 700.
 */
function oneMinusZK1(z: number): number {
  if (z > 700) return 1;
  if (z < 0.1) {
    const lz = Math.log(z / 2);
    const z2 = z * z;
    return (
      -0.5 * z2 * lz + 0.25 * z2 * (1 - 2 * EULER_GAMMA) + (z2 * z2 * (2.5 - 2 * EULER_GAMMA - 2 * lz)) / 32
    );
  }
  return Math.max(0, 1 - z * besselK1(z));
}
