// The overlay suite: generated stacks of 1 to 120 lower layers, each operation timed on layerlab's
// simulated mount and on the kernel's overlayfs in the same run, recorded as Measurements.
import { release } from 'node:os';
import type { Measurement, Reference } from '../harness/record';
import { measurement } from '../harness/record';
import { busyNote } from '../harness/machine';
import type { Suite, SuiteContext } from '../harness/suite';
import type { TimingPlan } from '../harness/timing';
import { timeMedian, timeMedianPair } from '../harness/timing';
import { OVERLAY_CASES, OverlayCase, caseRun } from './cases';
import { planStack, StackPlan } from './plan';
import { buildSimStack } from './sim-stack';
import { materialize, RealStack, whyNoRealOverlay } from './real-stack';
import { realSide, simSide, Side } from './sides';

/** StackSize: L lower layers holding N files in total. */
export interface StackSize {
  layers: number;
  files: number;
}

const grid = (layers: number[], files: number[]): StackSize[] => layers.flatMap((l) => files.map((n) => ({ layers: l, files: n })));

/**
 * FULL_SIZES / QUICK_SIZES: the full set from the issue, and the reduced one --quick runs (the
 * extremes of L, and both N at L = 10).
 * @example FULL_SIZES.length  // 8
 */
export const FULL_SIZES = grid([1, 10, 50, 120], [1000, 20000]);
export const QUICK_SIZES = [...grid([1, 120], [1000]), ...grid([10], [1000, 20000])];

/**
 * caseName: the dotted name of one measurement.
 * @example caseName('copyup', { layers: 50, files: 20000 })  // 'overlay.copyup.L50.N20000'
 */
export const caseName = (key: string, size: StackSize): string => `overlay.${key}.L${size.layers}.N${size.files}`;

/**
 * overlaySuite: the "overlay operations vs the kernel" measurements.
 * @example const records = await overlaySuite.run(context)
 */
export const overlaySuite: Suite = {
  name: 'overlay',
  run: (context) => runOverlaySuite(context, context.quick ? QUICK_SIZES : FULL_SIZES),
};

/**
 * runOverlaySuite measures every wanted case at every size; the kernel side is skipped, with the
 * reason recorded, when it cannot run here.
 * @example const records = await runOverlaySuite({ ...context, referenceOff: 'testing' }, [{ layers: 2, files: 50 }])
 */
export async function runOverlaySuite(context: SuiteContext, sizes: StackSize[]): Promise<Measurement[]> {
  const out: Measurement[] = [];
  let reason: string | undefined | null = null;   // null: not asked yet (the probe mounts something)
  for (const size of sizes) {
    const cases = OVERLAY_CASES.filter((c) => context.wanted(caseName(c.key, size)));
    if (cases.length === 0) continue;
    if (reason === null) reason = context.referenceOff ?? whyNoRealOverlay();
    out.push(...(await measureSize(context, size, cases, reason)));
  }
  return out;
}

async function measureSize(context: SuiteContext, size: StackSize, cases: OverlayCase[], reason: string | undefined): Promise<Measurement[]> {
  const plan = planStack({ ...size, seed: 1000 * size.layers + size.files });
  const sim = simSide(buildSimStack(plan));
  let real: RealStack | undefined;
  let skipped = reason;
  if (!skipped) {
    try { real = materialize(plan); } catch (error) { skipped = `could not materialize the layers: ${(error as Error).message}`; }
  }
  try {
    const out: Measurement[] = [];
    for (const c of cases) out.push(await measureCase(context, c, plan, sim, real ? realSide(real) : skipped!));
    return out;
  } finally {
    real?.destroy();
  }
}

async function measureCase(context: SuiteContext, overlayCase: OverlayCase, plan: StackPlan, sim: Side, real: Side | string): Promise<Measurement> {
  const name = caseName(overlayCase.key, { layers: plan.layerCount, files: plan.fileCount });
  const timing = overlayCase.mutates ? context.timing.writes : context.timing.reads;
  context.log(`${name}${typeof real === 'string' ? '' : ' (layerlab and kernel taking turns)'}`);
  let pair: [SideResult, SideResult | string] | undefined;
  if (typeof real !== 'string') {
    try { pair = await timeBoth(overlayCase, plan, timing, sim, real); } catch (error) { real = `kernel run failed: ${(error as Error).message}`; }
  }
  const [ours, theirs] = pair ?? [await timeAlone(overlayCase, plan, timing, sim), real as string];
  const busy = busyNote();
  return measurement({
    name, inputs: inputsOf(overlayCase, plan), layerlab: { value: round(ours.medianMs), unit: 'ms' },
    reference: referenceOf(theirs), target: overlayCase.target, notes: [...disagreements(overlayCase, plan, ours, theirs), ...(busy ? [busy] : [])],
  });
}

function inputsOf(overlayCase: OverlayCase, plan: StackPlan): Record<string, number> {
  const inputs: Record<string, number> = { layers: plan.layerCount, files: plan.fileCount, seed: plan.seed };
  return { ...inputs, [overlayCase.mutates ? 'operations' : 'visiblePaths']: overlayCase.paths(plan).length || plan.visible.length };
}

function referenceOf(theirs: SideResult | string): Reference {
  const what = `kernel overlayfs (Linux ${release()}) on tmpfs, through node:fs`;
  return typeof theirs === 'string' ? { what, skipped: theirs } : { what, value: round(theirs.medianMs), unit: 'ms' };
}

/** disagreements: a note for every count that differs from what the plan promises (a wrong answer fast is no win). */
function disagreements(overlayCase: OverlayCase, plan: StackPlan, ours: SideResult, theirs: SideResult | string): string[] {
  if (!overlayCase.expected) return [];
  const want = overlayCase.expected(plan);
  const notes: string[] = [];
  if (ours.count !== want) notes.push(`layerlab saw ${ours.count} entries, the plan promises ${want}`);
  if (typeof theirs !== 'string' && theirs.count !== want) notes.push(`the kernel saw ${theirs.count} entries, the plan promises ${want}`);
  return notes;
}

/** SideResult: the median time of one side and the count its runs returned. */
interface SideResult {
  medianMs: number;
  count: number | undefined;
}

async function timeAlone(overlayCase: OverlayCase, plan: StackPlan, timing: TimingPlan, side: Side): Promise<SideResult> {
  const run = caseRun(overlayCase, side, plan);
  try {
    return { medianMs: (await timeMedian(timing, run.runnable)).medianMs, count: run.count() };
  } finally {
    run.close();
  }
}

async function timeBoth(overlayCase: OverlayCase, plan: StackPlan, timing: TimingPlan, sim: Side, real: Side): Promise<[SideResult, SideResult]> {
  const ours = caseRun(overlayCase, sim, plan);
  try {
    const theirs = caseRun(overlayCase, real, plan);
    try {
      const [a, b] = await timeMedianPair(timing, ours.runnable, theirs.runnable);
      return [{ medianMs: a.medianMs, count: ours.count() }, { medianMs: b.medianMs, count: theirs.count() }];
    } finally {
      theirs.close();
    }
  } finally {
    ours.close();
  }
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
