// Progress while importing a large archive: plain events from the importer, and two ways to show
// them — a bar on a terminal's stderr (only when it is a TTY, so logs and pipes stay clean) and a
// throttled text line for a notebook, shown through a callback the caller supplies (so this file
// needs nothing from tslab).
import { renderBytes } from '../render/units';

/**
 * ImportProgress: how far an import is. Bytes count stored blob bytes (config and layers of the
 * chosen image); `blob` names the blob being read.
 *
 * @example
 * const p: ImportProgress = { bytesDone: 512, bytesTotal: 2048, blob: 'layer 1/3' };
 * progressLine(p, 8) // → [##      ]  25% 512B/2.05kB layer 1/3
 */
export interface ImportProgress {
  bytesDone: number;
  bytesTotal: number;
  blob: string;
}

/**
 * ProgressCallback receives every progress event.
 *
 * @example
 * const log: ProgressCallback = (p) => console.log(`${p.blob}: ${p.bytesDone} of ${p.bytesTotal}`);
 * log({ bytesDone: 1024, bytesTotal: 4096, blob: 'config' }); // → config: 1024 of 4096
 */
export type ProgressCallback = (progress: ImportProgress) => void;

/**
 * progressLine renders one event as a line: a bar, the percentage, bytes and the current blob.
 *
 * @example
 * progressLine({ bytesDone: 50, bytesTotal: 100, blob: 'config' }, 10) // → [#####     ]  50% 50B/100B config
 */
export function progressLine(p: ImportProgress, width = 30): string {
  const fraction = p.bytesTotal === 0 ? 1 : Math.min(1, p.bytesDone / p.bytesTotal);
  const filled = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent} ${renderBytes(p.bytesDone)}/${renderBytes(p.bytesTotal)} ${p.blob}`;
}

/**
 * ProgressStream: the part of a Node stream the terminal bar needs.
 *
 * @example
 * terminalProgress(process.stderr)
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * terminalProgress returns a callback that redraws a bar in place (`\r`) on `stream` (stderr by
 * default) and ends the line when the import is done. On anything but a TTY it prints nothing.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const tty = { isTTY: true, columns: 60, write: (text: string) => { console.log(JSON.stringify(text)); } }; // a fake terminal
 * const imported = await importArchive(dockerArchiveBytes(image), { onProgress: terminalProgress(tty) }); // → "\r[#…] 100%…"…"\n"
 */
export function terminalProgress(stream: ProgressStream = process.stderr): ProgressCallback {
  if (!stream.isTTY) return () => undefined;
  return (p) => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r${progressLine(p).slice(0, width).padEnd(width)}`);
    if (p.bytesDone >= p.bytesTotal) stream.write('\n');
  };
}

/**
 * notebookProgress returns a callback that shows a progress line through `show` at most once
 * every `intervalMs` (default 250 ms: four updates a second), and always shows the last one.
 * In a tslab notebook pass a function that updates one display.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const imported = await importArchive(dockerArchiveBytes(image), { onProgress: notebookProgress((line) => console.log(line)) }); // → 100%
 */
export function notebookProgress(show: (line: string) => void, { intervalMs = 250, now = Date.now }: { intervalMs?: number; now?: () => number } = {}): ProgressCallback {
  let last = -Infinity;
  return (p) => {
    const done = p.bytesDone >= p.bytesTotal;
    if (!done && now() - last < intervalMs) return;
    last = now();
    show(progressLine(p));
  };
}
