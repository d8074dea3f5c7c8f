/**
 * What a detection tells a tracker, stated by the sensor that made it: its measurement model and how a
 * track can be started from it alone. Defined here, below the tracking layer, so that every sensor kind
 * (a radar, a satellite's infrared focal plane, an interceptor's seeker, a fire-control radar) builds
 * its own detections' models; the tracking layer's `NonlinearMeasurementModel` is the interface below,
 * and its filters and tracker use any object that satisfies it, without knowing the sensor kind
 * (Stone Soup attaches a `measurement_model` to every `Detection` for the same reason).
 *
 * Conventions: the state x is ECEF with position (m) in x[0..2] and velocity (m/s) in x[3..5], further
 * components (acceleration, inverse ballistic coefficient...) after; vectors Float64Array, matrices
 * row-major.
 */

/**
 * z = h(x) + v, v ~ N(0, R): a Gaussian measurement of a state x. `H(x) = dh/dx` is m x x.length.
 * The `...Into` forms write into a caller's array and allocate nothing; the filters prefer them. The
 * allocating forms may return plain arrays (`number[]`): the filters copy what they return, and a
 * small JavaScript array costs far less to allocate than a typed array of more than 64 bytes, whose
 * backing store V8 allocates off the heap.
 */
export interface NonlinearMeasurementModel {
  /** Measurement noise covariance (m x m, row-major). */
  readonly R: Float64Array;
  h(x: Float64Array): ArrayLike<number>;
  H(x: Float64Array): ArrayLike<number>;
  hInto?(x: Float64Array, out: Float64Array): Float64Array;
  HInto?(x: Float64Array, out: Float64Array): Float64Array;
  /**
   * Indices of the components of z that are angles in radians, wrapping at +-pi: a residual of them
   * is wrapped to (-pi, pi] by the filters (an azimuth across north, a bearing across the x axis),
   * with no call to a user function. A model that declares them needs no `residual`.
   */
  readonly angleComponents?: readonly number[];
  /** z - zPredicted when it is something else than a difference with the `angleComponents` wrapped
   *  (used only when `angleComponents` is absent). */
  residual?(z: ArrayLike<number>, zPredicted: ArrayLike<number>): ArrayLike<number>;
  residualInto?(z: ArrayLike<number>, zPredicted: ArrayLike<number>, out: Float64Array): Float64Array;
}

/** The measurement model a detection carries: allocation-free forms required. */
export interface DetectionMeasurementModel extends NonlinearMeasurementModel {
  hInto(x: Float64Array, out: Float64Array): Float64Array;
  HInto(x: Float64Array, out: Float64Array): Float64Array;
  /**
   * The same measurement without the components that depend on the target's velocity (a radar's range
   * rate), measuring the leading components of the same z, or undefined when there are none to leave
   * out. A track whose velocity is still unknown (a one-point start) uses it: an extended filter cannot
   * represent the second-order dependence of a range rate on the unknown cross-range velocity (see
   * src/tracking/management/trackerTypes.ts, rangeRateMaxVelocitySigmaMps). A method, so a model can
   * build the view only when a tracker asks for it.
   */
  positionOnly?(): DetectionMeasurementModel | undefined;
  /**
   * Whether `other` has this model's h and Jacobian (its R may differ): the detections of one look of
   * one sensor, referring to the sensor's state then. A tracker then computes what depends on the track
   * alone once for all of them. Absent, or false when unsure: nothing is shared.
   */
  sameFunctionAs?(other: DetectionMeasurementModel): boolean;
}

/**
 * A measurement that fixes the target's position by itself (range and two angles; a position report):
 * the tracker starts a track from one detection, and pre-gates it as a point. The methods take the
 * detection's z, so one object (typically the measurement model itself) serves every detection of the
 * same geometry.
 */
export interface PointInitiation {
  readonly kind: "point";
  /** The position measured by z, ECEF m (the measurement converted to Cartesian coordinates). */
  positionEcefInto(z: ArrayLike<number>, out: Float64Array): Float64Array;
  /** A bound on the one-sigma error of that position, m (the root of the trace of its covariance, or
   *  more). The tracker's pre-gate uses it. */
  positionSigmaM(z: ArrayLike<number>): number;
  /**
   * A position-velocity Gaussian of the target from the measurement z alone: mean [p, v] (6, ECEF m
   * and m/s) and covariance (6 x 6, row-major); the velocity directions z does not observe get the
   * variance velocitySigmaMps^2.
   */
  initialGaussianInto(
    z: ArrayLike<number>,
    velocitySigmaMps: number,
    mean6: Float64Array,
    cov36: Float64Array,
  ): void;
}

/**
 * A measurement that gives a direction only (an angle-only line of sight from a satellite or a
 * seeker): z is two angles, rad, and the model's R is 2 x 2; tracks start from two or more of them
 * taken from different places (triangulation), and the pre-gate treats it as a ray.
 */
export interface BearingInitiation {
  readonly kind: "bearing";
  /** Where the line of sight starts (the sensor), ECEF m. */
  readonly originEcefM: Float64Array;
  /** The unit line of sight measured by z, ECEF. */
  directionEcefInto(z: ArrayLike<number>, out: Float64Array): Float64Array;
  /** A bound on the one-sigma angular error of the direction, rad (the root of the sum of the two
   *  angle variances, or more). */
  angleSigmaRad(): number;
}

/** How a track can start from a detection: the two geometric kinds a tracker must tell apart. */
export type DetectionInitiation = PointInitiation | BearingInitiation;
