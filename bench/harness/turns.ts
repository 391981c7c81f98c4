// Timing work that runs outside this process — a child node, skopeo, tar — where one run takes
// seconds, not microseconds. Each side is a function that does one run and resolves to the
// milliseconds it took; the sides take turns run by run (a, b, c, a, b, c …) so a burst of other
// work on the machine slows all of them alike. A side that fails stops taking turns and keeps the
// reason, so the other sides are still measured and the record can say why one is missing.
import { median, type Timed } from './timing';

/** TimedRun: one run of one side; resolves to its milliseconds, rejects when the run failed. */
export type TimedRun = () => Promise<number>;

/** TurnResult: a side's median and samples, or why it could not be measured. */
export type TurnResult = Timed | { failed: string };

/**
 * isFailed: whether a side of takeTurns failed.
 * @example isFailed({ failed: 'skopeo exited with 1' })  // true
 */
export function isFailed(result: TurnResult): result is { failed: string } {
  return 'failed' in result;
}

/**
 * takeTurns runs every side `plan.warmup` times untimed, then `plan.runs` times timed, taking turns.
 * @example const [ours, skopeo] = await takeTurns({ warmup: 1, runs: 3 }, [importInChild, skopeoCopy])
 */
export async function takeTurns(plan: { warmup: number; runs: number }, sides: TimedRun[]): Promise<TurnResult[]> {
  const failures: (string | undefined)[] = sides.map(() => undefined);
  const samples: number[][] = sides.map(() => []);
  for (let round = 0; round < plan.warmup + plan.runs; round++) {
    for (const [i, side] of sides.entries()) {
      if (failures[i] !== undefined) continue;
      try {
        const ms = await side();
        if (round >= plan.warmup) samples[i].push(ms);
      } catch (error) {
        failures[i] = (error as Error).message;
      }
    }
  }
  return sides.map((_, i) => failures[i] !== undefined ? { failed: failures[i]! } : { medianMs: median(samples[i]), samplesMs: samples[i] });
}
