// Holding two runner results side by side: the kernel's and the simulation's. Everything the
// runner contract reports is compared exactly, except the stat fields that are not semantics.
//
// One exception, an artefact of the test rather than a semantic rule: an `rmtree` that fails half
// way (a name readdir lists but lstat cannot reach: spec 1.3, A10) has removed whatever came before
// the failing name in *raw readdir order*. ext4 returns names in hash order, the simulation in
// insertion order, so after an rmtree that failed on both sides the state is order-dependent: its
// errno is compared, later ops and the trees are not.
import { isDeepStrictEqual } from 'node:util';
import type { Scenario, ScenarioResult } from '../../src/scenarios/runner';
import type { OpResult } from '../../src/scenarios/ops';

/** Difference: one place where the two results disagree. `where` is "mount", "op 3 rename", "merged" or "upper". */
export interface Difference {
  where: string;
  kernel: unknown;
  simulation: unknown;
}

// st_ino's value, timestamps and the raw dev number vary from run to run; `ino_src` says where the
// inode number comes from, which is the semantics (spec 1.9).
const STAT_FIELDS = ['type', 'mode', 'nlink', 'uid', 'gid', 'size', 'ino_src', 'dev'];

function comparable(name: string, result: OpResult): OpResult {
  if (name !== 'stat' || !('ok' in result) || result.ok === null || typeof result.ok !== 'object') return result;
  const value = result.ok as Record<string, unknown>;
  return { ok: Object.fromEntries(STAT_FIELDS.map((field) => [field, value[field]])) };
}

/**
 * compareResults lists every difference between the kernel's result and the simulation's.
 * @example compareResults(scenario, kernelResult, runScenario(scenario))  // [] when they agree
 */
export function compareResults(scenario: Scenario, kernel: ScenarioResult, simulation: ScenarioResult): Difference[] {
  if (kernel.mount_result !== simulation.mount_result) {
    return [{ where: 'mount', kernel: kernel.mount_result, simulation: simulation.mount_result }];
  }
  const differences: Difference[] = [];
  const ops = scenario.ops ?? [];
  for (let i = 0; i < ops.length; i++) {
    const name = ops[i].op.op;
    const k = comparable(name, kernel.ops[i] ?? { err: 'MISSING' });
    const s = comparable(name, simulation.ops[i] ?? { err: 'MISSING' });
    if (!isDeepStrictEqual(k, s)) differences.push({ where: `op ${i + 1} ${name}`, kernel: k, simulation: s });
    if (name === 'rmtree' && 'err' in k && 'err' in s) return differences;
  }
  for (const tree of ['merged', 'upper'] as const) {
    const k = kernel[tree] ?? null;
    const s = simulation[tree] ?? null;
    if (!isDeepStrictEqual(k, s)) differences.push({ where: tree, kernel: k, simulation: s });
  }
  return differences;
}

/** signature: what kind of disagreement a scenario shows (its first difference, without the op's index). */
export function signature(differences: Difference[]): string {
  return differences.length === 0 ? '' : differences[0].where.replace(/^op \d+ /, 'op ');
}
