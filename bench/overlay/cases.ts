// The four overlay measurements, as a table: what each one does to a mounted stack, whether it
// changes the mount (then every timed run gets a fresh mount), and the target ratio from the issue
// (stat and readdir no slower than the kernel; copy-up and unlink at most twice as slow).
import { seededRandom } from '../harness/random';
import type { Runnable } from '../harness/timing';
import { appendEach, readdirAll, statAll, unlinkEach } from './operations';
import type { StackPlan } from './plan';
import type { Mounted, Side } from './sides';
import { inMount, rootOf } from './sides';

/** How many lower files copy-up and unlink touch (fewer when the stack has fewer visible files). */
export const MUTATIONS = 1000;

/** OverlayCase: one kind of measurement. `run` returns a count both sides must agree on, or undefined. */
export interface OverlayCase {
  key: 'stat' | 'readdir' | 'copyup' | 'unlink';
  target: number;
  mutates: boolean;
  paths: (plan: StackPlan) => string[];
  run: (mounted: Mounted, paths: string[]) => number | undefined;
  /** What `run` must return on a correct overlay, if it returns anything. */
  expected?: (plan: StackPlan) => number;
}

/**
 * mutationTargets: the lower files a mutating case touches, a seeded sample of the visible ones.
 * @example mutationTargets(planStack({ layers: 10, files: 20000 })).length  // 1000
 */
export function mutationTargets(plan: StackPlan): string[] {
  const count = Math.min(MUTATIONS, plan.visibleFiles.length);
  return seededRandom(plan.seed + 1).shuffled(plan.visibleFiles).slice(0, count);
}

/**
 * OVERLAY_CASES: stat every visible path, list the whole tree, append to 1,000 lower files (copy-up),
 * unlink 1,000 lower files. The counts stat and readdir return must equal the plan's visible paths.
 * @example OVERLAY_CASES.map((c) => c.key)  // ['stat', 'readdir', 'copyup', 'unlink']
 */
export const OVERLAY_CASES: OverlayCase[] = [
  { key: 'stat', target: 1.0, mutates: false, paths: (plan) => plan.visible, run: (m, paths) => statAll(m.fs, paths), expected: (plan) => plan.visible.length },
  { key: 'readdir', target: 1.0, mutates: false, paths: () => [], run: (m) => readdirAll(m.fs, rootOf(m)), expected: (plan) => plan.visible.length },
  { key: 'copyup', target: 2.0, mutates: true, paths: mutationTargets, run: (m, paths) => { appendEach(m.fs, paths); return undefined; } },
  { key: 'unlink', target: 2.0, mutates: true, paths: mutationTargets, run: (m, paths) => { unlinkEach(m.fs, paths); return undefined; } },
];

interface State { mounted: Mounted; paths: string[] }

/** CaseRun: one case on one side, ready to time: the runnable, the count its last run returned, and the undo. */
export interface CaseRun {
  runnable: Runnable<State>;
  count: () => number | undefined;
  close: () => void;
}

/**
 * caseRun prepares one case on one side. Reads share one mount across runs (its caches warm, as a
 * long-lived container's are); writes mount afresh for every run, outside the timed part.
 * @example const run = caseRun(OVERLAY_CASES[0], simSide(stack), plan); await timeMedian(plan, run.runnable); run.close();
 */
export function caseRun(overlayCase: OverlayCase, side: Side, plan: StackPlan): CaseRun {
  const relative = overlayCase.paths(plan);
  let count: number | undefined;
  const work = (state: State): void => { count = overlayCase.run(state.mounted, state.paths); };
  const fresh = (): State => {
    const mounted = side.mount();
    return { mounted, paths: inMount(mounted, relative) };
  };
  if (overlayCase.mutates) {
    return { runnable: { prepare: fresh, work, cleanup: (state) => state.mounted.release() }, count: () => count, close: () => undefined };
  }
  const shared = fresh();
  return { runnable: { prepare: () => shared, work }, count: () => count, close: () => shared.mounted.release() };
}
