/**
 * The run's timeline (events.jsonl): key events by default (launches, first detections, confirmed
 * tracks, shots, intercepts, impacts), every event with "all". Clicking an event moves the clock to its
 * time; as the clock runs, events already past are marked and the latest one highlighted.
 */
import { describeEvent, KEY_EVENT_TYPES, type RunEvent } from "./data.js";
import { el } from "./dom.js";

export interface EventList {
  readonly element: HTMLElement;
  /** The rows shown now (key events, or all). */
  visibleCount(): number;
  setTime(timeS: number): void;
}

export function eventList(events: readonly RunEvent[], onPick: (e: RunEvent) => void): EventList {
  const rows = events.map((e) => {
    const key = KEY_EVENT_TYPES.has(e.type);
    const attrs: Record<string, string> = {
      class: key ? "event key" : "event",
      "data-type": e.type,
      title: "click: move the clock here",
    };
    // An intercept is a closest approach: green for a kill, amber for a round that passed.
    if (e.type === "intercept") attrs["data-outcome"] = e.detail?.killed === true ? "kill" : "no-kill";
    const row = el(
      "li",
      attrs,
      el("span", { class: "t" }, `${e.timeS.toFixed(1)} s`),
      el("span", { class: "type" }, e.type),
      el("span", { class: "what" }, describeEvent(e)),
    );
    row.addEventListener("click", () => onPick(e));
    return row;
  });
  const list = el("ol", { class: "events only-key" }, ...rows);
  const all = el("input", { type: "checkbox" });
  all.addEventListener("change", () => list.classList.toggle("only-key", !all.checked));
  const keyCount = events.filter((e) => KEY_EVENT_TYPES.has(e.type)).length;
  const toggle = el("label", { class: "toggle" }, all, ` all ${events.length} events (${keyCount} key)`);
  const element = el("div", { class: "timeline" }, toggle, list);

  let current = -1;
  return {
    element,
    visibleCount: () => (all.checked ? events.length : keyCount),
    setTime(timeS) {
      // Events are in time order (docs/design.md), so the past ones are a prefix.
      let n = 0;
      while (n < events.length && events[n].timeS <= timeS + 1e-6) n++;
      rows.forEach((r, i) => r.classList.toggle("past", i < n));
      if (current >= 0) rows[current].classList.remove("current");
      // The latest past event that is shown now.
      current = -1;
      for (let i = n - 1; i >= 0; i--)
        if (all.checked || KEY_EVENT_TYPES.has(events[i].type)) {
          current = i;
          break;
        }
      if (current >= 0) {
        rows[current].classList.add("current");
        // Follow the clock, unless the user is reading the list. Only the list scrolls (scrollIntoView
        // would scroll the whole panel too).
        const r = rows[current];
        const hidden =
          r.offsetTop < list.scrollTop || r.offsetTop + r.offsetHeight > list.scrollTop + list.clientHeight;
        if (hidden && !list.matches(":hover")) list.scrollTop = r.offsetTop - list.clientHeight / 2;
      }
    },
  };
}
