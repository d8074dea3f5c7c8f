/** Axis arithmetic for the altitude chart (no DOM, so the Node tests check it). */

/** A round step giving about `target` intervals over `span`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, target: number): number {
  const raw = span / target;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/** 0, step, 2 step... up to `max`, without the drift of repeated addition. */
export function tickValues(max: number, step: number): number[] {
  const out: number[] = [];
  for (let k = 0; k * step <= max * (1 + 1e-12); k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}
