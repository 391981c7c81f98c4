// The `ls -l` line: type and permissions, link count, owner, group, size, time, name.
// Columns are aligned across entries as GNU ls does.
import type { Stats } from 'node:fs';
import type { CommandContext } from '../types';
import type { Listed } from './ls';
import { groupName, userName } from './users';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182.5 * 24 * 3600 * 1000;

/**
 * formatLong: the lines of `ls -l` for `entries`, with `total N` first for a directory. The
 * total is in 1K blocks and assumes 4K allocation units (the fs may not report st_blocks).
 *
 * @example
 * formatLong(ctx, entries, { numeric: false, human: false, withTotal: true })
 */
export function formatLong(ctx: CommandContext, entries: Listed[], options: { numeric: boolean; human: boolean; withTotal: boolean }): string {
  const rows = entries.map((e) => [
    modeString(e.stats),
    String(e.stats.nlink),
    options.numeric ? String(e.stats.uid) : userName(ctx.fs, e.stats.uid) ?? String(e.stats.uid),
    options.numeric ? String(e.stats.gid) : groupName(ctx.fs, e.stats.gid) ?? String(e.stats.gid),
    options.human ? humanSize(e.stats.size) : String(e.stats.size),
    timeString(e.stats.mtime, ctx.now ? ctx.now() : Date.now()),
    e.name + (e.stats.isSymbolicLink() ? ` -> ${ctx.fs.readlinkSync(e.path)}` : ''),
  ]);
  const width = (col: number) => Math.max(0, ...rows.map((r) => r[col].length));
  const lines = rows.map((r) => [r[0], r[1].padStart(width(1)), r[2].padEnd(width(2)), r[3].padEnd(width(3)), r[4].padStart(width(4)), r[5], r[6]].join(' ') + '\n');
  const total = entries.reduce((sum, e) => sum + (e.stats.isSymbolicLink() ? 0 : Math.ceil(e.stats.size / 4096) * 4), 0);
  return (options.withTotal ? `total ${options.human ? humanSize(total * 1024) : total}\n` : '') + lines.join('');
}

/**
 * modeString: `drwxr-xr-x`-style text for a mode, with s/S and t/T for the special bits.
 *
 * @example
 * modeString(fs.statSync('/tmp')) // 'drwxrwxrwt'
 */
export function modeString(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'lrwxrwxrwx'; // Linux ignores (and shows) a symlink's mode as 777
  const type = stats.isDirectory() ? 'd' : stats.isSymbolicLink() ? 'l' : stats.isCharacterDevice() ? 'c' : stats.isBlockDevice() ? 'b' : stats.isFIFO() ? 'p' : stats.isSocket() ? 's' : '-';
  const m = stats.mode;
  const triple = (shift: number, special: number, letter: string) => {
    const x = (m >> shift) & 1;
    const execute = m & special ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-';
    return ((m >> (shift + 2)) & 1 ? 'r' : '-') + ((m >> (shift + 1)) & 1 ? 'w' : '-') + execute;
  };
  return type + triple(6, 0o4000, 's') + triple(3, 0o2000, 's') + triple(0, 0o1000, 't');
}

// Recent files show the time, older (or future) ones the year. Containers run in UTC.
function timeString(date: Date, now: number): string {
  const day = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)}`;
  const age = now - date.getTime();
  if (age >= 0 && age < SIX_MONTHS_MS) return `${day} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
  return `${day}  ${date.getUTCFullYear()}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// GNU -h: powers of 1024, one decimal below 10, always rounded up.
function humanSize(bytes: number): string {
  const units = ['K', 'M', 'G', 'T'];
  let value = bytes;
  let unit = '';
  for (let i = 0; value >= 1024 && i < units.length; i++) { value /= 1024; unit = units[i]; }
  if (!unit) return String(bytes);
  return value < 10 ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${unit}` : `${Math.ceil(value)}${unit}`;
}
