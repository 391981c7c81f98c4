// Build steps are deterministic: the same instruction on the same parent image always makes the
// same layer and prints the same lines. So a step already run in this process — by any simulated
// Docker host — is replayed instead of run again: its layer (immutable) is laid out on the new
// host's disk without copying files, and its output is printed again. This is what lets a lesson
// rebuild `test:v1` after `resetLesson()` in milliseconds; it changes no result.
import type { Layer } from '../../layer/layer';

/** MemoizedStep: what a step produced. */
export interface MemoizedStep {
  layer?: Layer;
  output: string[];
}

const MAX_STEPS = 256;
const steps = new Map<string, MemoizedStep>();

/** recall: a step run before with exactly these inputs (moved to the most recently used end). */
export function recall(key: string): MemoizedStep | undefined {
  const found = steps.get(key);
  if (found) { steps.delete(key); steps.set(key, found); }
  return found;
}

/** remember: keep a step's result, dropping the least recently used beyond MAX_STEPS. */
export function remember(key: string, step: MemoizedStep): void {
  steps.set(key, step);
  if (steps.size > MAX_STEPS) steps.delete(steps.keys().next().value as string);
}

/** forgetSteps: empty the memo (for tests that must see a step run). */
export function forgetSteps(): void {
  steps.clear();
}
