/**
 * Bump allocator for the small Float64Arrays a detection carries (z, R, sensor state).
 *
 * In V8 every `new Float64Array(n)` gets its own ArrayBuffer with a separately tracked backing store;
 * on the benchmark machine that costs 1-2 microseconds per array, twenty times the cost of a view onto
 * an existing buffer. A pool hands out views (`new Float64Array(chunk, offset, n)`) carved from
 * 8 KiB chunks. Chunks are never recycled: a view stays valid, and unshared, for as long as anyone
 * holds it (a chunk is freed by the garbage collector once none of its views is reachable).
 * Each sensor owns its pool, so nothing is shared between sensors or runs.
 *
 * The chunk size is what one kept view can hold alive: tracks keep their last few updates' detections
 * (for late measurements), scattered over the chunks. With 64 KiB chunks the 2,000-threat raid kept
 * about 75 MB more array buffers alive at its end than with 8 KiB ones (355 against 281 MB); a chunk of
 * 8 KiB still serves 64 radar detections, so its allocation stays a small part of a detection's cost.
 *
 * Arrays of up to eight doubles (64 bytes) are the exception: V8 stores those inside its own heap, and
 * `new Float64Array(n)` is then as cheap as a view (a detection's z and the infrared R use that).
 */
const CHUNK_DOUBLES = 1024;

export class Float64Pool {
  private chunk: ArrayBuffer = new ArrayBuffer(0);
  private used = CHUNK_DOUBLES;

  /** A fresh zero-filled Float64Array of length n (its own buffer when n exceeds a chunk). */
  take(n: number): Float64Array {
    if (n > CHUNK_DOUBLES) return new Float64Array(n);
    if (this.used + n > CHUNK_DOUBLES) {
      this.chunk = new ArrayBuffer(CHUNK_DOUBLES * 8);
      this.used = 0;
    }
    const v = new Float64Array(this.chunk, this.used * 8, n);
    this.used += n;
    return v;
  }

  /** A pooled copy of `src[start, start + n)`. */
  copy(src: ArrayLike<number>, start = 0, n = src.length - start): Float64Array {
    const v = this.take(n);
    for (let i = 0; i < n; i++) v[i] = src[start + i];
    return v;
  }
}
