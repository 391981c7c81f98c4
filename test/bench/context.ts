// A SuiteContext for suite tests: one untimed-ish run of everything, no progress lines.
import { onlyFilter, type SuiteContext } from '../../bench/harness/suite';

/** testContext: a quick context; `only` works like --only, `referenceOff` like --no-reference. */
export function testContext({ only = [], referenceOff, quick = true }: { only?: string[]; referenceOff?: string; quick?: boolean } = {}): SuiteContext {
  const once = { warmup: 0, runs: 1, minTotalMs: 0 };
  return { quick, wanted: onlyFilter(only), referenceOff, timing: { reads: once, writes: once }, log: () => undefined };
}
