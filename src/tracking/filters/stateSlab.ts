/**
 * Float64Array views carved from shared slabs, for the states the allocating filter calls return
 * (`predict`, `update`, `createState`). A typed array of more than 64 bytes gets its own backing store
 * outside V8's heap, which costs about as much as a 6-state Kalman update; a view on a slab costs a
 * small object. A slab is never reused: views keep their slab alive, so a state kept from the middle
 * of a long run keeps at most one slab (64 KB) in memory, and its values are never overwritten by later
 * states. Do not transfer the buffer of such a state to a worker: it would detach the whole slab.
 */

/** Doubles per slab (64 KB): allocated in a few microseconds, shared by about 200 6-state states. */
const SLAB_DOUBLES = 8192;

let slab = new Float64Array(SLAB_DOUBLES);
let used = 0;

/** Doubles that V8 keeps inside its own heap (typed arrays of at most 64 bytes). */
const ON_HEAP_DOUBLES = 8;

/** A zeroed Float64Array of `length` doubles: a small one of its own (allocated inline in V8's heap,
 *  cheaper than a view), a larger one carved from the current slab. */
export function carveFloat64(length: number): Float64Array {
  if (length <= ON_HEAP_DOUBLES || length > SLAB_DOUBLES / 4) return new Float64Array(length);
  if (used + length > SLAB_DOUBLES) {
    slab = new Float64Array(SLAB_DOUBLES);
    used = 0;
  }
  // subarray makes a view faster than the (buffer, offset, length) constructor on V8.
  const view = slab.subarray(used, used + length);
  used += length;
  return view;
}
