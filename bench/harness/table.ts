// results.json as a table a person can read in a terminal: one row per measurement, skipped references
// spelled out below the table instead of squeezed into a column.
import type { Measurement } from './record';
import { isSkipped } from './record';
import { BUSY, busySummary } from './machine';

const HEADERS = ['measurement', 'layerlab', 'reference', 'ratio', 'target', 'met'];

/**
 * rowOf: the table cells of one measurement.
 * @example rowOf(record)  // ['overlay.stat.L1.N1000', '2.38 ms', '3.67 ms', '0.65', '≤ 1.0', 'yes']
 */
export function rowOf(m: Measurement): string[] {
  const ours = Number.isFinite(m.layerlab.value) ? `${formatNumber(m.layerlab.value)} ${m.layerlab.unit}` : 'not run';
  const theirs = isSkipped(m.reference) ? 'skipped*' : `${formatNumber(m.reference.value)} ${m.reference.unit}`;
  const ratio = m.ratio === null ? '—' : m.ratio.toFixed(2);
  const target = m.target === undefined ? '' : `≤ ${m.target.toFixed(1)}`;
  // A target whose reference was skipped is not met (results.json says met: false), but the table
  // says why rather than shouting NO for something that was not measured.
  const met = m.met === undefined ? '' : m.met ? 'yes' : isSkipped(m.reference) ? 'unknown*' : 'NO';
  return [m.name, ours, theirs, ratio, target, met];
}

function formatNumber(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/**
 * formatTable renders measurements as aligned columns, then the reasons for skipped references and
 * any notes.
 * @example console.log(formatTable(JSON.parse(readFileSync('bench/results.json', 'utf8')).measurements))
 */
export function formatTable(measurements: Measurement[]): string {
  const rows = [HEADERS, ...measurements.map(rowOf)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]): string => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const reasons = new Set(measurements.map((m) => m.reference).filter(isSkipped).map((r) => r.skipped));
  for (const reason of reasons) out.push(`* reference skipped: ${reason}`);
  // Busy-machine notes differ only in the load figure: one summary line says it for all of them.
  for (const m of measurements) for (const note of m.notes ?? []) if (!note.startsWith(BUSY)) out.push(`! ${m.name}: ${note}`);
  const busy = busySummary(measurements.flatMap((m) => m.notes ?? []));
  if (busy) out.push(`! ${busy}`);
  return out.join('\n');
}
