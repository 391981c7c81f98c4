// File modes as chmod and mkdir -m take them: octal (`755`) or symbolic (`u+x,go-w,a=r`).
// GNU semantics: with no "who" letter, the bits set in the umask are left alone, so `chmod +w`
// under umask 022 only adds u+w.
import { UMASK } from './util';

/** ModeChange: computes the new mode from the old one (and whether the file is a directory). */
export type ModeChange = (oldMode: number, isDirectory: boolean) => number;

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

/**
 * parseMode: a function applying `spec`, or undefined if `spec` is not a valid mode.
 *
 * @example
 * parseMode('u+x,go-w')!(0o666, false).toString(8) // '744'
 */
export function parseMode(spec: string): ModeChange | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return () => parseInt(spec, 8);
  const clauses = spec.split(',').map(parseClause);
  if (clauses.some((c) => c === undefined)) return undefined;
  return (oldMode, isDirectory) => clauses.reduce((mode, clause) => clause!(mode, isDirectory), oldMode & 0o7777);
}

function parseClause(clause: string): ModeChange | undefined {
  const match = /^([ugoa]*)((?:[-+=][rwxXst]*|[-+=][ugo])+)$/.exec(clause);
  if (!match) return undefined;
  const whoMask = match[1] ? [...match[1]].reduce((m, w) => m | WHO[w], 0) : 0o7777 & ~UMASK;
  const actions = [...match[2].matchAll(/([-+=])([ugo]|[rwxXst]*)/g)];
  const clearMask = match[1] ? whoMask : 0o7777; // `=r` with no who resets everyone
  return (mode, isDirectory) => actions.reduce((m, [, op, perms]) => applyAction(m, op, permissionBits(perms, m, isDirectory), whoMask, clearMask), mode);
}

function applyAction(mode: number, op: string, bits: number, whoMask: number, clearMask: number): number {
  if (op === '+') return mode | (bits & whoMask);
  if (op === '-') return mode & ~(bits & whoMask);
  return (mode & ~clearMask) | (bits & whoMask);
}

// The bits for every "who" at once; applyAction masks them down to the chosen ones.
function permissionBits(perms: string, mode: number, isDirectory: boolean): number {
  if (perms === 'u') return copyBits((mode >> 6) & 7);
  if (perms === 'g') return copyBits((mode >> 3) & 7);
  if (perms === 'o') return copyBits(mode & 7);
  let bits = 0;
  for (const p of perms) {
    if (p === 'r') bits |= 0o444;
    if (p === 'w') bits |= 0o222;
    if (p === 'x' || (p === 'X' && (isDirectory || (mode & 0o111) !== 0))) bits |= 0o111;
    if (p === 's') bits |= 0o6000;
    if (p === 't') bits |= 0o1000;
  }
  return bits;
}

function copyBits(three: number): number {
  return three * 0o111;
}
