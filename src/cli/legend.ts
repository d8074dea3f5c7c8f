/**
 * What the printed tables' columns and terms mean (issue 9 item 14): shown by `raijin run --help` and
 * `raijin trajectory --help`, and pointed to under the tables.
 */

export const RUN_LEGEND = `
Columns of the threat table (times in seconds from the scenario epoch):
  launch s        when the threat was launched (or its free flight began)
  detected s, by  its first detection, and the sensor that made it
  tracked s       its first confirmed track
  held %          share of its flight after its first detection during which a confirmed track
                  followed it
  tracks          tracks that followed it (more than one: the track was lost or swapped)
  pos RMSE m      root-mean-square position error of those tracks against the truth, metres
  vel RMSE m/s    the same for velocity, metres per second
  NEES            mean normalised estimation error squared over position and velocity, e^T P^-1 e:
                  6 for a consistent filter, larger when it is overconfident, smaller when cautious
  impact err km   distance from the impact point a ballistic predictor draws from the track 60 s
                  before impact to the true one (large for gliders and cruise missiles: they do not
                  fly ballistic)
Timeline: miss m is the distance from a threat's impact to its aim point.
Tracks: false tracks are confirmed tracks that never followed a threat. OSPA and GOSPA (order p = 2,
cut-off c) are the mean per-step distances between the set of true threat positions and the set of
confirmed tracks, counting each missed or false object as c: 0 is perfect.
`;

export const TRAJECTORY_LEGEND = `
Columns of the flight table: launch s (seconds from the epoch), range km (ground range flown), apogee
km, flight s (time of flight), max m/s and max Mach (relative to the rotating air), glide km (the
altitude band of a glider's equilibrium glide), miss m (impact to aim point).
Columns of the detection table: first s and last s (first and last detection, seconds from the epoch),
held s (time within detection intervals, gaps under 10 s bridged), detections (count).
`;
