/**
 * A saturation raid made of copies of a scenario's threats (project issue 12's measurement): copy j of
 * each threat launches from a point moved by up to 0.45 deg in latitude and longitude (a deterministic
 * low-discrepancy pattern, so copies do not coincide) and (37 j mod 241) s later; sensors and assets are
 * the scenario's own. Copy 0 is the threat itself.
 */
import type { Scenario, Threat } from "../src/scenario/index.js";

const D2R = Math.PI / 180;
const MAX_SHIFT_RAD = 0.45 * D2R;

/** Copy j's shift as fractions in [-1, 1] (golden-ratio and sqrt(2) sequences). */
function shift(j: number): [number, number] {
  const a = (j * 0.6180339887498949) % 1;
  const b = (j * 0.4142135623730951) % 1;
  return [2 * a - 1, 2 * b - 1];
}

/** The scenario with `count` threats: its own, then copies, cycling through its threats. */
export function copiedRaid(base: Scenario, count: number): Scenario {
  const threats: Threat[] = [];
  const n = base.threats.length;
  for (let k = 0; k < count; k++) {
    const t = base.threats[k % n];
    const j = Math.floor(k / n);
    if (j === 0) {
      threats.push(t);
      continue;
    }
    const [u, v] = shift(j);
    const dt = (37 * j) % 241;
    const move = <P extends { at: { lat: number; lon: number; alt: number }; time: number }>(p: P): P => ({
      ...p,
      at: { ...p.at, lat: p.at.lat + u * MAX_SHIFT_RAD, lon: p.at.lon + v * MAX_SHIFT_RAD },
      time: p.time + dt,
    });
    threats.push({
      ...t,
      id: `${t.id}-c${j}`,
      launch: t.launch === undefined ? undefined : move(t.launch),
      burnout: t.burnout === undefined ? undefined : move(t.burnout),
    } as Threat);
  }
  return { ...base, name: `${base.name} x${count}`, threats };
}
