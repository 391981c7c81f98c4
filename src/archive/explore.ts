// Exploring an image layer by layer: for each layer what it added, changed and deleted, its size,
// the instruction that made it (from the config's history) and what it hides from the layers
// below. Works for any Image — built by layerlab or imported from an archive.
import type { Image } from '../image/image';
import { layerHistory } from '../image/append';
import type { Change } from '../render/types';
import { sortChanges } from '../render/diff';
import { layerChanges, type HiddenPath } from './layer-changes';
import { mergedView } from './merged-view';

/**
 * LayerReport: one layer of an image, explained.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN rm /etc/motd\n');
 * const report: LayerReport = layerReports(image)[1];
 * report.changes.map((c) => `${c.kind} ${c.path}`) // → [ 'C /etc', 'D /etc/motd' ]
 */
export interface LayerReport {
  /** index: 0 for the bottom layer. */
  index: number;
  diffID: string;
  /** size: Docker's size of the layer (`docker history`'s SIZE column). */
  size: number;
  /** createdBy: the history entry's `created_by` ('' when the config has no history for it). */
  createdBy: string;
  comment?: string;
  /** changes: `docker diff` lines against the layers below, sorted parent first. */
  changes: Change[];
  hidden: HiddenPath[];
}

/**
 * layerReports explains every layer of an image, bottom first.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hello > /big.txt\nRUN rm /big.txt\n');
 * const reports = layerReports(image);
 * reports[2].createdBy // → /bin/sh -c rm /big.txt
 * reports[2].changes // → [ { kind: 'D', path: '/big.txt' } ]
 */
export function layerReports(image: Image): LayerReport[] {
  const history = layerHistory(image.config).filter((h) => h.diffID !== undefined);
  return image.layers.map((layer, index) => {
    const below = mergedView(image.layers.slice(0, index));
    try {
      const { changes, hidden } = layerChanges(layer.tree.root, below);
      const entry = history[index]?.entry;
      const report: LayerReport = { index, diffID: layer.diffID, size: layer.size, createdBy: entry?.created_by ?? '', changes: sortChanges(changes), hidden };
      if (entry?.comment) report.comment = entry.comment;
      return report;
    } finally {
      below?.close();
    }
  });
}
