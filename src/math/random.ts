/**
 * Seeded, splittable random streams (docs/design.md "Randomness").
 *
 * A campaign seed + a run index + a stream name ("threat:hgv-1:launch-error") name one stream:
 *   const rng = randomStream(seed, run, "threat:hgv-1:launch-error");
 *   rng.next(); rng.uniform(a, b); rng.normal(mean, sd); rng.int(lo, hi); rng.split("child");
 * The same three inputs give the same sequence on any machine, in any worker, in any order, because
 * a stream depends on nothing else (no global state, no draw order between components).
 *
 * Key derivation: MurmurHash3_x86_128 (random/murmur3.ts) of the bytes
 *   seed (uint64 LE) | run (uint64 LE) | UTF-8 name        with hash seed 0x52414a31 ("RAJ1"),
 * and for split(child):  parent key (4 x uint32 LE) | UTF-8 child name   with hash seed 0x53504c54
 * ("SPLT"). Why Murmur3-128: 32-bit integer arithmetic only (bit-identical in every JS engine and
 * in browsers), full avalanche on all 128 output bits (SMHasher), so seeds 41 and 42 or names
 * "a:1" and "a:2" give unrelated states; distinct hash seeds separate the two derivations. A
 * child depends only on its parent's key and its own name, never on how many draws the parent made.
 *
 * Generator: xoshiro128** (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47 (2021) 36), 128-bit state, period 2^128 - 1, passes BigCrush and
 * PractRand; the authors' recommended all-purpose 32-bit generator. The 128-bit key is its state
 * (a zero key, probability 2^-128, is replaced). Streams start at hashed, effectively random points
 * of the period, so overlap between any two of them is negligible (about L^2 n^2 / 2^128).
 *
 * Draws allocate nothing. Normal draws use Marsaglia's polar method (G. Marsaglia & T. A. Bray,
 * SIAM Review 6 (1964) 260; Knuth TAOCP vol. 2, 3.4.1 Algorithm P) with the second value cached.
 */
import { murmur3x86_128, utf8Bytes } from "./random/murmur3.js";
import { lnGamma } from "./stats/special.js";

const ROOT_HASH_SEED = 0x52414a31;
const SPLIT_HASH_SEED = 0x53504c54;
const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const INV_TWO_POW_53 = 1 / TWO_POW_53;

function checkIndex(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`randomStream: ${what} must be a non-negative safe integer (got ${v})`);
  }
}

function writeU64(bytes: Uint8Array, offset: number, v: number): void {
  const lo = v % TWO_POW_32;
  const hi = Math.floor(v / TWO_POW_32);
  for (let i = 0; i < 4; i++) {
    bytes[offset + i] = (lo >>> (8 * i)) & 255;
    bytes[offset + 4 + i] = (hi >>> (8 * i)) & 255;
  }
}

/** One reproducible random stream. Create with randomStream() or split(); not shareable across threads. */
export class RandomStream {
  /** The stream's name path ("name" or "parent/child"), for diagnostics. */
  readonly name: string;
  /** The 128-bit key (4 x uint32) the stream was derived from; identifies it for split(). */
  readonly key: Uint32Array;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  /** Use randomStream() or split(); this constructor takes an already-derived key. */
  constructor(key: Uint32Array, name: string) {
    this.key = Uint32Array.from(key);
    this.name = name;
    this.s0 = key[0] | 0;
    this.s1 = key[1] | 0;
    this.s2 = key[2] | 0;
    this.s3 = key[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** A child stream: depends only on this stream's key and `name`, not on draws made so far. */
  split(name: string): RandomStream {
    const nameBytes = utf8Bytes(name);
    const bytes = new Uint8Array(16 + nameBytes.length);
    for (let w = 0; w < 4; w++) {
      const k = this.key[w];
      for (let i = 0; i < 4; i++) bytes[4 * w + i] = (k >>> (8 * i)) & 255;
    }
    bytes.set(nameBytes, 16);
    const key = murmur3x86_128(bytes, SPLIT_HASH_SEED, new Uint32Array(4));
    return new RandomStream(key, `${this.name}/${name}`);
  }

  /** Next 32-bit output of xoshiro128** as an unsigned integer in [0, 2^32). */
  uint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits (every double k / 2^53 equally likely). */
  next(): number {
    const a = this.uint32() >>> 5; // 27 bits
    const b = this.uint32() >>> 6; // 26 bits
    return (a * TWO_POW_26 + b) * INV_TWO_POW_53;
  }

  /** Uniform in [a, b); uniform() is the same as next(), [0, 1). */
  uniform(a = 0, b = 1): number {
    return a + (b - a) * this.next();
  }

  /** Standard normal draw (polar method, spare cached). */
  standardNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }

  /** Normal draw with the given mean and standard deviation. */
  normal(mean = 0, sd = 1): number {
    return mean + sd * this.standardNormal();
  }

  /** Uniform integer in [lo, hi] (inclusive, safe integers), without modulo bias (rejection). */
  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo) {
      throw new RangeError(`RandomStream.int: need safe integers lo <= hi (got ${lo}, ${hi})`);
    }
    const n = hi - lo + 1;
    if (n <= TWO_POW_32) {
      const limit = TWO_POW_32 - (TWO_POW_32 % n);
      let u = this.uint32();
      while (u >= limit) u = this.uint32();
      return lo + (u % n);
    }
    if (n > TWO_POW_53) throw new RangeError("RandomStream.int: range wider than 2^53");
    const limit = TWO_POW_53 - (TWO_POW_53 % n);
    let u = this.next() * TWO_POW_53;
    while (u >= limit) u = this.next() * TWO_POW_53;
    return lo + (u % n);
  }

  /** true with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential draw with the given rate (mean 1 / rate), by inversion. */
  exponential(rate = 1): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /**
   * Poisson draw with the given mean (e.g. a false-alarm count). Mean < 10: Knuth's multiplication
   * method (TAOCP vol. 2, 3.4.1). Otherwise W. Hörmann's PTRS transformed rejection ("The
   * transformed rejection method for generating Poisson random variables", Insurance: Mathematics
   * and Economics 12 (1993) 39-45), exact and O(1) per draw.
   */
  poisson(mean: number): number {
    if (!(mean >= 0) || !Number.isFinite(mean))
      throw new RangeError(`RandomStream.poisson: bad mean ${mean}`);
    if (mean === 0) return 0;
    if (mean < 10) {
      const limit = Math.exp(-mean);
      let k = 0;
      let prod = this.next();
      while (prod > limit) {
        k++;
        prod *= this.next();
      }
      return k;
    }
    const slam = Math.sqrt(mean);
    const logLam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -mean + k * logLam - lnGamma(k + 1)
      ) {
        return k;
      }
    }
  }
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/**
 * The stream named `name` of run `run` in the campaign with seed `seed` (both non-negative safe
 * integers). Same inputs, same sequence, everywhere.
 */
export function randomStream(seed: number, run: number, name: string): RandomStream {
  checkIndex(seed, "seed");
  checkIndex(run, "run");
  const nameBytes = utf8Bytes(name);
  const bytes = new Uint8Array(16 + nameBytes.length);
  writeU64(bytes, 0, seed);
  writeU64(bytes, 8, run);
  bytes.set(nameBytes, 16);
  const key = murmur3x86_128(bytes, ROOT_HASH_SEED, new Uint32Array(4));
  return new RandomStream(key, name);
}
