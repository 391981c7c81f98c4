// A seeded random source for generated benchmark inputs: the same seed gives the same stack on every
// machine and in every run, so a number in results.json can always be reproduced.

/** Random: the few random choices generators need, all drawn from one seeded stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** The array shuffled into a new array (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[];
}

/**
 * seededRandom: a Random driven by mulberry32, a tiny 32-bit generator that is plenty for picking
 * files (not for anything secret).
 * @example const r = seededRandom(42); r.int(10)  // the same number every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const shuffled = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, shuffled };
}
