// Text for a terminal or a notebook cell: the layer explorer and dive's efficiency report. Pure
// functions of the plain reports (explore.ts, efficiency.ts), like the renderers in src/render.
import { renderBytes } from '../render/units';
import { renderDiff } from '../render/diff';
import { renderTable, ellipsis } from '../render/table';
import type { LayerReport } from './explore';
import type { EfficiencyReport } from './efficiency';

/**
 * renderLayerReports prints each layer: a heading (number, short diffID, size, instruction), its
 * `docker diff` lines (at most `maxChanges` each, default 20; `Infinity` for all) and what it hides.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hello > /big.txt\nRUN rm /big.txt\n');
 * console.log(renderLayerReports(layerReports(image), { maxChanges: 3 }));
 * // → Layer 3/3  sha256:…  0B  /bin/sh -c rm /big.txt
 * // →   D /big.txt
 * // →   hides /big.txt (deleted, 6B)
 */
export function renderLayerReports(reports: readonly LayerReport[], { maxChanges = 20 }: { maxChanges?: number } = {}): string {
  return reports.map((r) => renderOne(r, reports.length, maxChanges)).join('\n');
}

function renderOne(r: LayerReport, count: number, maxChanges: number): string {
  const heading = `Layer ${r.index + 1}/${count}  ${r.diffID.slice(0, 19)}  ${renderBytes(r.size)}  ${r.createdBy || '(no history)'}`;
  const shown = r.changes.slice(0, maxChanges);
  const lines = renderDiff(shown).split('\n').filter(Boolean).map((l) => `  ${l}`);
  if (r.changes.length > shown.length) lines.push(`  … ${r.changes.length - shown.length} more changes`);
  if (r.changes.length === 0) lines.push('  (no changes)');
  for (const h of r.hidden.slice(0, maxChanges)) lines.push(`  hides ${h.path} (${h.how}, ${renderBytes(h.bytes)})`);
  if (r.hidden.length > maxChanges) lines.push(`  … hides ${r.hidden.length - maxChanges} more paths`);
  return [heading, ...lines].join('\n') + '\n';
}

/**
 * renderEfficiency prints dive's summary (score, total size, wasted bytes) and the table of paths
 * stored more than once, biggest first (at most `maxRows`, default 20).
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hello > /big.txt\nRUN rm /big.txt\n');
 * console.log(renderEfficiency(efficiencyReport(image)));
 * // → efficiency: 99.9999 %
 * // → wastedBytes: 6 bytes (6B)
 * // → 2         6B        /big.txt
 */
export function renderEfficiency(report: EfficiencyReport, { maxRows = 20 }: { maxRows?: number } = {}): string {
  const summary = [
    `efficiency: ${(report.score * 100).toFixed(4)} %`,
    `totalSize: ${report.sizeBytes} bytes (${renderBytes(report.sizeBytes)})`,
    `wastedBytes: ${report.wastedBytes} bytes (${renderBytes(report.wastedBytes)})`,
    `userWastedPercent: ${(report.wastedUserPercent * 100).toFixed(4)} %`,
  ].join('\n');
  if (report.inefficiencies.length === 0) return `${summary}\n\nNo file is stored twice.\n`;
  const rows = report.inefficiencies.slice(0, maxRows).map((i) => [String(i.count), renderBytes(i.bytes), ellipsis(i.path, 80)]);
  const more = report.inefficiencies.length > maxRows ? `… ${report.inefficiencies.length - maxRows} more paths\n` : '';
  return `${summary}\n\n${renderTable([['COUNT', 'WASTED', 'PATH'], ...rows])}${more}`;
}
