/**
 * mulberry32: a small, fast 32-bit generator of uniforms in [0, 1). Everything in canary-gate
 * that draws at random (the pairwise-difference selection, Kayenta's tie-breaking noise, the
 * simulations in tests and benchmarks) draws from it with a fixed seed, so results repeat.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
