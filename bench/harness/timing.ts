// Timing one piece of work: warm up (JIT, caches, the kernel's dentry cache), then take the median of
// several runs — the median, because one garbage collection or one page fault in one run should not
// move the result. Setup that must not be timed (a fresh mount for a mutating run) happens outside.
// Between runs the loop yields to the event loop, so Ctrl-C is handled (and mounts undone) promptly.

/**
 * TimingPlan: how many warm-up and timed runs to make. Work that takes a millisecond or two is noisy,
 * so timing goes on past `runs` until the timed runs add up to `minTotalMs` (at most `maxRuns`).
 */
export interface TimingPlan {
  warmup: number;
  runs: number;
  minTotalMs?: number;
  maxRuns?: number;
}

/** Timed: the median and every sample, in milliseconds. */
export interface Timed {
  medianMs: number;
  samplesMs: number[];
}

/** One run: `prepare` (not timed) returns the state `work` needs; `cleanup` (not timed) undoes it. */
export interface Runnable<S> {
  prepare: () => S;
  work: (state: S) => void;
  cleanup?: (state: S) => void;
}

/**
 * median: the middle value (the mean of the two middle ones for an even count).
 * @example median([4, 1, 3, 2])  // 2.5
 */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * collectGarbage runs a full GC when node was started with --expose-gc, so one measurement's garbage
 * is not the next one's pause. Only before the warm-up runs, never before each timed run: a forced
 * full GC makes V8 drop compiled code and type feedback, and the run after it is then 3–4× slower
 * for JavaScript-heavy work (the simulation) but not for system calls (the kernel) — measured here
 * on copy-up, where it turned ratios of ~0.95 into ~2.5.
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * timeOnce: the wall time of one call, in milliseconds, from process.hrtime.bigint().
 * @example timeOnce(() => JSON.stringify(bigObject))  // e.g. 1.7
 */
export function timeOnce(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * timeMedian runs `runnable` plan.warmup times untimed and plan.runs times timed; only `work` is timed.
 * @example const { medianMs } = await timeMedian({ warmup: 1, runs: 5 }, { prepare: () => [3, 1, 2], work: (xs) => xs.sort() })
 */
export async function timeMedian<S>(plan: TimingPlan, runnable: Runnable<S>): Promise<Timed> {
  collectGarbage();
  for (let i = 0; i < plan.warmup; i++) await runOnce(runnable);
  const samplesMs: number[] = [];
  let totalMs = 0;
  const maxRuns = plan.maxRuns ?? plan.runs * 10;
  while (samplesMs.length < plan.runs || (totalMs < (plan.minTotalMs ?? 0) && samplesMs.length < maxRuns)) {
    const ms = await runOnce(runnable);
    samplesMs.push(ms);
    totalMs += ms;
  }
  return { medianMs: median(samplesMs), samplesMs };
}

/**
 * timeMedianPair times two runnables taking turns (a, b, a, b …), so that whatever else the machine
 * is doing at the moment slows both sides alike instead of whichever happened to run then.
 * @example const [ours, theirs] = await timeMedianPair({ warmup: 1, runs: 5 }, simulated, kernel)
 */
export async function timeMedianPair<A, B>(plan: TimingPlan, a: Runnable<A>, b: Runnable<B>): Promise<[Timed, Timed]> {
  collectGarbage();
  for (let i = 0; i < plan.warmup; i++) { await runOnce(a); await runOnce(b); }
  const samples: [number[], number[]] = [[], []];
  let totalMs = 0;
  const maxRuns = plan.maxRuns ?? plan.runs * 10;
  while (samples[0].length < plan.runs || (totalMs < (plan.minTotalMs ?? 0) && samples[0].length < maxRuns)) {
    const msA = await runOnce(a);
    const msB = await runOnce(b);
    samples[0].push(msA);
    samples[1].push(msB);
    totalMs += Math.min(msA, msB);
  }
  return [{ medianMs: median(samples[0]), samplesMs: samples[0] }, { medianMs: median(samples[1]), samplesMs: samples[1] }];
}

/** breathe lets pending events (a SIGINT) run before the next run starts. */
const breathe = (): Promise<void> => new Promise((done) => setImmediate(done));

/** runOnce: yield, prepare, time the work, clean up; returns the work's milliseconds. */
async function runOnce<S>(runnable: Runnable<S>): Promise<number> {
  await breathe();
  const state = runnable.prepare();
  try {
    return timeOnce(() => runnable.work(state));
  } finally {
    runnable.cleanup?.(state);
  }
}
