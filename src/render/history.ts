// `docker history` (formats.md 1.5; docker/cli formatter_history.go).
import { layerHistory } from '../image/append';
import type { ImageConfig } from '../image/types';
import { ellipsis, renderTable, shortId } from './table';
import { createdSince, rfc3339Utc, unixSeconds } from './time';
import type { HistoryRow } from './types';
import { renderBytes } from './units';

/**
 * historyRows derives what the daemon's history API returns from a config:
 * one row per history entry, NEWEST FIRST. The top row carries `imageId`; the
 * others are `<missing>` unless `ids` names them (only images built locally by
 * the classic builder have parent images to name). `layerSizes[i]` is the
 * unpacked size of the i-th layer (bottom first); empty layers show 0.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * const rows = historyRows(image.config, { imageId: image.id, layerSizes: image.layers.map((layer) => layer.size) });
 * rows.map((row) => `${row.id === image.id ? 'this image' : row.id} ${row.size}B ${row.createdBy}`) // newest first
 * // → 'this image 3B /bin/sh -c echo hi > /hi.txt',
 * // → '<missing> 0B /bin/sh -c #(nop)  CMD ["/bin/sh"]',
 */
export function historyRows(
  config: ImageConfig,
  { imageId, layerSizes = [], ids = [] }: { imageId: string; layerSizes?: number[]; ids?: (string | undefined)[] },
): HistoryRow[] {
  let layer = 0;
  const rows = layerHistory(config).map(({ entry }, index): HistoryRow => {
    const size = entry.empty_layer ? 0 : layerSizes[layer++] ?? 0;
    return {
      id: ids[index] ?? '<missing>',
      created: unixSeconds(entry.created ?? '') ?? 0,
      createdBy: entry.created_by ?? '',
      size,
      comment: entry.comment ?? '',
    };
  });
  if (rows.length > 0) rows[rows.length - 1].id = imageId;
  return rows.reverse();
}

/**
 * renderHistory prints the `docker history` table for rows given newest first.
 * By default IDs are cut to 12 characters and CREATED BY to 45 columns with
 * `…` (`noTrunc: true` keeps both whole); `human: false` prints RFC 3339 times
 * (in UTC) and raw byte counts. `now` (ms since the epoch) is the moment the
 * "2 weeks ago" column counts from; renderers never read the clock.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * const rows = historyRows(image.config, { imageId: image.id, layerSizes: image.layers.map((layer) => layer.size) });
 * renderHistory(rows, { now: Date.parse(image.config.created!) + 60_000 }) // → IMAGE…CREATED BY…SIZE…About a minute ago…/bin/sh -c echo hi > /hi.txt…3B
 */
export function renderHistory(
  rows: readonly HistoryRow[],
  { now, noTrunc = false, human = true }: { now: number; noTrunc?: boolean; human?: boolean },
): string {
  const header = ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'];
  const lines = rows.map((row) => [
    noTrunc ? row.id : shortId(row.id),
    human ? createdSince(row.created, now) : rfc3339Utc(row.created),
    noTrunc ? row.createdBy.replace(/\t/g, ' ') : ellipsis(row.createdBy.replace(/\t/g, ' '), 45),
    human ? renderBytes(row.size) : String(row.size),
    row.comment,
  ]);
  return renderTable([header, ...lines]);
}
