/**
 * A saturation raid made of copies of a scenario's threats (project issue 12's measurement): copy j of
 * each threat launches from a point moved by up to 0.45 deg in latitude and longitude (a deterministic
 * low-discrepancy pattern, so copies do not coincide) and (37 j mod 241) s later; sensors and assets are
 * the scenario's own. Copy 0 is the threat itself.
 */
import type { Scenario, Threat, Weapon } from "../src/scenario/index.js";

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

/** The scenario with each weapon copied `copies` times, copy j moved by (j * 0.04 deg) east and south. */
export function copiedBatteries(base: Scenario, copies: number): Scenario {
  const weapons: Weapon[] = [];
  for (const w of base.weapons) {
    for (let j = 0; j < copies; j++) {
      const move = <P extends { lat: number; lon: number; alt: number }>(p: P): P => ({
        ...p,
        lat: p.lat - j * 0.04 * D2R,
        lon: p.lon + j * 0.04 * D2R,
      });
      const id = j === 0 ? w.id : `${w.id}-c${j}`;
      weapons.push({
        ...w,
        id,
        at: w.at === undefined ? undefined : move(w.at),
        track: w.track?.map((s) => ({ ...s, at: move(s.at) })),
      } as Weapon);
    }
  }
  const priorities = base.doctrine?.weaponPriorities;
  const doctrine =
    base.doctrine === undefined
      ? undefined
      : {
          ...base.doctrine,
          weaponPriorities:
            priorities === undefined
              ? undefined
              : priorities.flatMap((id) =>
                  Array.from({ length: copies }, (_, j) => (j === 0 ? id : `${id}-c${j}`)),
                ),
        };
  return { ...base, name: `${base.name}, ${weapons.length} batteries`, weapons, doctrine } as Scenario;
}
