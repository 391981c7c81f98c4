// What a benchmark module looks like to the runner: a name and a function from a context to
// measurements. The overlay suite is the first; import, build and lessons suites plug in the same way
// (add them to the list in bench/run.ts).
import type { Measurement } from './record';
import type { TimingPlan } from './timing';

/** SuiteContext: what the runner tells every suite. */
export interface SuiteContext {
  /** --quick: a reduced set that finishes in about two minutes. */
  quick: boolean;
  /** Whether a measurement with this name should run (from --only). */
  wanted: (name: string) => boolean;
  /** Set when the user turned every reference off (--no-reference): the reason to record. */
  referenceOff?: string;
  /** Timing for cheap, repeatable work and for work that needs fresh state each run. */
  timing: { reads: TimingPlan; writes: TimingPlan };
  /** Progress lines (stderr): a long run should show it is alive. */
  log: (line: string) => void;
}

/** Suite: one benchmark module. */
export interface Suite {
  name: string;
  run: (context: SuiteContext) => Promise<Measurement[]>;
}

/**
 * onlyFilter: a `wanted` predicate from --only values: a measurement runs when its name contains one
 * of them, or when none were given.
 * @example onlyFilter(['overlay.stat'])('overlay.stat.L1.N1000')  // true
 */
export function onlyFilter(patterns: string[]): (name: string) => boolean {
  if (patterns.length === 0) return () => true;
  return (name) => patterns.some((pattern) => name.includes(pattern));
}
