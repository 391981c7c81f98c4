// `docker image ls` (Docker 27 CLI default table; formats.md 1.5 for the units).
import { renderTable, shortId } from './table';
import { createdSince } from './time';
import type { ImageListRow } from './types';
import { renderBytes } from './units';

/**
 * renderImageList prints the `docker image ls` table: REPOSITORY, TAG,
 * (DIGEST with `digests: true`), IMAGE ID, CREATED, SIZE. Rows are shown
 * newest first, as the daemon sorts them; one image with two tags is two rows.
 * `now` (ms since the epoch) is the moment CREATED counts from.
 *
 * @example
 * renderImageList([{ repository: 'busybox', tag: 'latest', id: 'sha256:…', created: 1546029863, size: 1154361 }], { now: Date.parse('2026-01-01') })
 * // → busybox…latest…7 years ago…1.15MB
 */
export function renderImageList(
  rows: readonly ImageListRow[],
  { now, noTrunc = false, digests = false }: { now: number; noTrunc?: boolean; digests?: boolean },
): string {
  const header = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
  const newestFirst = [...rows].sort((a, b) => b.created - a.created);
  const lines = newestFirst.map((row) => [
    row.repository,
    row.tag,
    ...(digests ? [row.digest ?? '<none>'] : []),
    noTrunc ? row.id : shortId(row.id),
    createdSince(row.created, now),
    renderBytes(row.size),
  ]);
  return renderTable([header, ...lines]);
}
