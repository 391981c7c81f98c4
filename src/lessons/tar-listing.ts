// A layer is a tar file; `tar -tvf layer.tar` is how people look into one. This prints a tar's
// entries the way GNU tar's verbose listing does for a Docker layer: Docker writes no user or
// group names, so the owner column is numeric (`0/0`), and times are UTC.
import { readTar } from '../layer/tar/read';
import type { TarEntry } from '../layer/tar/entry';

const TYPE_CHAR: Record<string, string> = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' };

/** modeString: `rwxr-xr-x` with setuid, setgid and sticky shown as ls shows them. */
function modeString(mode: number): string {
  const bits = 'rwxrwxrwx'.split('').map((c, i) => (mode & (1 << (8 - i)) ? c : '-'));
  const special = (i: number, bit: number, on: string, off: string): void => {
    if (mode & bit) bits[i] = bits[i] === '-' ? off : on;
  };
  special(2, 0o4000, 's', 'S');
  special(5, 0o2000, 's', 'S');
  special(8, 0o1000, 't', 'T');
  return bits.join('');
}

function when(mtime: number): string {
  return new Date(mtime * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

function lineOf(entry: TarEntry, width: number): string {
  const size = entry.type === 'char' || entry.type === 'block' ? `${entry.devmajor ?? 0},${entry.devminor ?? 0}` : String(entry.size);
  const target = entry.type === 'symlink' ? ` -> ${entry.linkname}` : entry.type === 'hardlink' ? ` link to ${entry.linkname}` : '';
  return `${TYPE_CHAR[entry.type] ?? '?'}${modeString(entry.mode)} ${entry.uid}/${entry.gid} ${size.padStart(width)} ${when(entry.mtime)} ${entry.name}${target}`;
}

/**
 * tarListing: `tar -tvf` of an uncompressed tar (a layer's `layer.tar`), in the tar's own order;
 * `max` lines at most, then a line saying how many more there are.
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nADD start.sh /\n', { context: { 'start.sh': 'echo hi\n' } });
 * tarListing(image.layers[1].tar) // → -rwxr-xr-x 0/0 8 1970-01-01 00:00 start.sh
 */
export function tarListing(tar: Uint8Array, { max = 40 }: { max?: number } = {}): string {
  const entries = readTar(tar).entries;
  const shown = entries.slice(0, max);
  const width = Math.max(1, ...shown.map((e) => String(e.size).length));
  const lines = shown.map((entry) => lineOf(entry, width));
  if (entries.length > shown.length) lines.push(`… ${entries.length - shown.length} more entries`);
  return lines.join('\n');
}
