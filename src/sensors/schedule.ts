/**
 * Look schedule shared by every sensor: looks fall at firstLookS + k revisitS. A call at or after the due
 * time performs the look (stamped with the call's time) and moves the next one past it, so a loop that
 * steps more coarsely than the revisit loses no looks' worth of time and never looks twice in one step.
 */
const EPS_S = 1e-9;

/** Whether a look is due at timeS. */
export function lookDue(timeS: number, nextLookS: number): boolean {
  return timeS >= nextLookS - EPS_S;
}

/** The first scheduled look time after timeS. */
export function nextLookAfter(timeS: number, firstLookS: number, revisitS: number): number {
  const k = Math.floor((timeS - firstLookS) / revisitS + EPS_S) + 1;
  return firstLookS + k * revisitS;
}
