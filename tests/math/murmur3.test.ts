import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fmix32, murmur3x86_128, utf8Bytes } from "../../src/math/random/murmur3.js";

function hex(words: Uint32Array): string {
  // Digest bytes: h1..h4, each little-endian (the reference C output on x86).
  let s = "";
  for (const w of words)
    for (let i = 0; i < 4; i++) s += ((w >>> (8 * i)) & 255).toString(16).padStart(2, "0");
  return s;
}

describe("MurmurHash3_x86_128", () => {
  // Public test vectors of MurmurHash3_x86_128, as used by independent implementations (e.g. the
  // NHasher .NET tests and the sammy00/murmur3 Go tests agree on these digests).
  const vectors: [number, string, string][] = [
    [0, "", "00000000000000000000000000000000"],
    [0x9747b28c, "", "a1d5bef71c6a575b1c6a575b1c6a575b"],
    [0x9747b28c, "The quick brown fox jumps over the lazy dog", "5ed5d48a7161b84c9c3aa78e3e79b6cd"],
    [0x9747b28c, "The quick brown fox jumps over the lazy cog", "0e8829ccf91081107c6f5ebf3433e188"],
    [0x9747b28c, "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG", "85c392715a1701c682dfbf4a14508190"],
    [0x9747b28c, "the quick brown fox jumps over the lazy dog", "6ec157f6790f9bee9e2be436c509f88a"],
    [0, "The quick brown fox jumps over the lazy dog", "c383152f672ceeec6cf67b5d2c1de9e5"],
    [0, "The quick brown fox jumps over the lazy cog", "8843d60e79e79a3e934503972ff3b349"],
  ];
  it.each(vectors)("seed %d, %j", (seed, text, digest) => {
    expect(hex(murmur3x86_128(utf8Bytes(text), seed, new Uint32Array(4)))).toBe(digest);
  });

  it("fmix32 is a bijection on a sample and maps 0 to 0", () => {
    expect(fmix32(0)).toBe(0);
    const seen = new Set<number>();
    for (let i = 0; i < 10000; i++) seen.add(fmix32(i));
    expect(seen.size).toBe(10000);
  });

  it("utf8Bytes matches TextEncoder on arbitrary strings (including astral and lone surrogates)", () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const a = utf8Bytes(s);
        const b = enc.encode(s);
        return a.length === b.length && a.every((v, i) => v === b[i]);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it("avalanche: one flipped input bit flips about half of the 128 output bits", () => {
    const base = utf8Bytes("threat:hgv-1:launch-error");
    const h0 = murmur3x86_128(base, 0, new Uint32Array(4));
    const h1 = new Uint32Array(4);
    let flipped = 0;
    let trials = 0;
    for (let byte = 0; byte < base.length; byte++) {
      for (let bit = 0; bit < 8; bit++) {
        const m = base.slice();
        m[byte] ^= 1 << bit;
        murmur3x86_128(m, 0, h1);
        for (let w = 0; w < 4; w++) {
          let x = (h0[w] ^ h1[w]) >>> 0;
          while (x) {
            flipped += x & 1;
            x >>>= 1;
          }
        }
        trials++;
      }
    }
    // Binomial(128 trials, 1/2) per flip: mean 64, sd 5.7 per flip, sd of the average 5.7 / sqrt(200).
    expect(Math.abs(flipped / trials - 64)).toBeLessThan(2);
  });
});
