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
Timeline: miss m is the distance from a threat's impact to its aim point, or a round's miss distance
at its closest approach (intercept); KILL marks the intercepts whose kill draw succeeded.
Engagement tables (scenarios with weapons):
  outcome         intercepted (a round killed it), leaked (it came down on a defended asset),
                  fallen-short (it came down on none), or how its flight ended otherwise
  shots           rounds measured against it; killed by: the round that killed it
  intercept s, alt km, range km   time, altitude and ground range from the launcher of the kill
  margin s        its first confirmed track to its impact (for an intercepted threat, the impact the
                  battle manager last predicted from its track)
  to last shot s  its first confirmed track to the last shot any battery's window offered
  rounds, left, kills, held   rounds fired, left, kills, orders held (no solution at the shot time)
  energy MJ       electrical energy the railgun's capacitor bank gave its shots
  barrel wear %   share of the rails' life used
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
