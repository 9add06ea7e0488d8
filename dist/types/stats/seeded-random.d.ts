/**
 * mulberry32: a small, fast 32-bit generator of uniforms in [0, 1). Everything in canary-gate
 * that draws at random (the pairwise-difference selection, Kayenta's tie-breaking noise, the
 * simulations in tests and benchmarks) draws from it with a fixed seed, so results repeat.
 */
export declare function mulberry32(seed: number): () => number;
