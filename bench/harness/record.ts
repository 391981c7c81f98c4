// The one shape every benchmark writes into bench/results.json, whatever it measures (overlay
// operations now; import, build and lessons later). A measurement always says what layerlab did,
// what it was compared with, and — when the reference could not run — why not, so a missing number
// is never mistaken for a good one.

/** Quantity: a measured value with its unit ("ms", "MB", "ops/s" …). */
export interface Quantity {
  value: number;
  unit: string;
}

/** Reference: what layerlab is compared with: a value, or the reason it could not be measured. */
export type Reference =
  | { what: string; value: number; unit: string }
  | { what: string; skipped: string };

/**
 * Measurement: one line of results.json. `ratio` is layerlab / reference (lower is better), null
 * when the reference was skipped; `met` says whether `ratio <= target` — a target is only met when a
 * ratio shows it, so a skipped reference never counts as met.
 */
export interface Measurement {
  name: string;
  inputs: Record<string, number | string | boolean>;
  layerlab: Quantity;
  reference: Reference;
  ratio: number | null;
  target?: number;
  met?: boolean;
  /** The process's peak resident set size (MB) when this measurement ended. */
  peakRssMB: number;
  /** Anything a reader must know to trust the numbers (e.g. the two sides saw different counts). */
  notes?: string[];
}

/** MeasurementInput: what a benchmark supplies; ratio, met and peak RSS are derived. */
export interface MeasurementInput {
  name: string;
  inputs: Record<string, number | string | boolean>;
  layerlab: Quantity;
  reference: Reference;
  target?: number;
  notes?: string[];
}

/**
 * isSkipped: whether a reference could not be measured.
 * @example isSkipped({ what: 'kernel', skipped: 'not root' })  // true
 */
export function isSkipped(reference: Reference): reference is { what: string; skipped: string } {
  return 'skipped' in reference;
}

/**
 * ratioOf: layerlab / reference (to 4 decimals), or null when the reference was skipped, is zero, or is in another
 * unit (a ratio of milliseconds to megabytes means nothing).
 * @example ratioOf({ value: 3, unit: 'ms' }, { what: 'kernel', value: 2, unit: 'ms' })  // 1.5
 */
export function ratioOf(layerlab: Quantity, reference: Reference): number | null {
  if (isSkipped(reference) || reference.unit !== layerlab.unit || reference.value <= 0) return null;
  return Math.round((layerlab.value / reference.value) * 10000) / 10000;
}

/**
 * measurement completes a MeasurementInput into the record results.json holds.
 * @example measurement({ name: 'overlay.stat.L1.N1000', inputs: { layers: 1 }, layerlab: { value: 3, unit: 'ms' },
 *   reference: { what: 'kernel', skipped: 'not root' }, target: 1 })   // ratio null, met false
 */
export function measurement(input: MeasurementInput, peakRssMB: number = currentPeakRssMB()): Measurement {
  const ratio = ratioOf(input.layerlab, input.reference);
  const judged = input.target === undefined ? {} : { target: input.target, met: ratio !== null && ratio <= input.target };
  const notes = input.notes && input.notes.length > 0 ? { notes: input.notes } : {};
  return { name: input.name, inputs: input.inputs, layerlab: input.layerlab, reference: input.reference, ratio, ...judged, peakRssMB, ...notes };
}

/**
 * currentPeakRssMB: this process's peak resident set size so far, in MB (getrusage's ru_maxrss).
 * @example console.log(`peak RSS ${currentPeakRssMB()} MB`)
 */
export function currentPeakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
