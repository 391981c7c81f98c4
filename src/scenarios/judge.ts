// Judging a runner result against the kernel's answer (spec/scenario-runner.md "How a result is
// judged"): each op's `expect`, then the merged and upper trees exactly.
import { isDeepStrictEqual } from 'node:util';
import type { ScenarioResult } from './runner';
import type { OpResult } from './ops';

/** Expectation: "ok", an errno name, "?", {"value": v} or {"subset": {...}}. */
export type Expectation = string | { value: unknown } | { subset: Record<string, unknown> };

/** KernelScenario: the parts of a catalog entry that hold the kernel's answer. */
export interface KernelScenario {
  id: string;
  mount_result?: string;
  ops?: { expect: Expectation }[];
  merged?: unknown;
  upper?: unknown;
}

/** judgeOp: why an op result differs from its expectation, or undefined when it matches. */
export function judgeOp(expect: Expectation, got: OpResult): string | undefined {
  if (expect === '?') return undefined;
  const ok = 'ok' in got;
  if (expect === 'ok') return ok ? undefined : `expected success, got ${JSON.stringify(got)}`;
  if (typeof expect === 'string') return !ok && got.err === expect ? undefined : `expected ${expect}, got ${JSON.stringify(got)}`;
  if (!ok) return `expected success, got ${got.err}`;
  if ('value' in expect) return isDeepStrictEqual(got.ok, expect.value) ? undefined : `expected ${JSON.stringify(expect.value)}, got ${JSON.stringify(got.ok)}`;
  const value = (got.ok ?? {}) as Record<string, unknown>;
  const wrong = Object.entries(expect.subset).filter(([key, v]) => !isDeepStrictEqual(value[key], v));
  return wrong.length === 0 ? undefined : `expected subset ${JSON.stringify(Object.fromEntries(wrong))}, got ${JSON.stringify(value)}`;
}

/**
 * judgeScenario: every mismatch between the result and the kernel's answer (empty when it passes).
 * @example
 * const result = runScenario({ id: 'X', lowers_compact: [{ a: 'A' }], ops: [{ op: { op: 'read', path: 'a' } }] });
 * judgeScenario({ id: 'X', ops: [{ expect: { value: 'B' } }] }, result) // → [ 'op 1: expected "B", got "A"' ]
 */
export function judgeScenario(kernel: KernelScenario, result: ScenarioResult): string[] {
  const problems: string[] = [];
  const expectedMount = kernel.mount_result ?? 'ok';
  if (result.mount_result !== expectedMount) return [`mount: expected ${expectedMount}, got ${result.mount_result}`];
  (kernel.ops ?? []).forEach(({ expect }, i) => {
    const why = judgeOp(expect, result.ops[i] ?? { err: 'MISSING' });
    if (why) problems.push(`op ${i + 1}: ${why}`);
  });
  if ('merged' in kernel && !isDeepStrictEqual(result.merged, kernel.merged)) problems.push(`merged: expected ${JSON.stringify(kernel.merged)}, got ${JSON.stringify(result.merged)}`);
  if ('upper' in kernel && !isDeepStrictEqual(result.upper, kernel.upper)) problems.push(`upper: expected ${JSON.stringify(kernel.upper)}, got ${JSON.stringify(result.upper)}`);
  return problems;
}
