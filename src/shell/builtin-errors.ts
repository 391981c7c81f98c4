// How builtins report trouble: one line on stderr in the shell's own wording, and the status.
// Kept apart from builtins.ts so that `set` (setBuiltin.ts) can use it without an import cycle.
import { builtinErrorLine } from './messages';
import type { Io, ShellState } from './state';

/**
 * fail: prints a builtin's error in the shell's words and returns `status`.
 *
 * @example
 * return fail(state, io, 'cd', "can't cd to /nope", 2);
 */
export function fail(state: ShellState, io: Io, builtin: string, text: string, status: number): number {
  io.stderr(builtinErrorLine(state, builtin, text) + '\n');
  return status;
}

/**
 * fatal: a special builtin's usage error, which ends a non-interactive POSIX shell (XCU 2.8.1).
 *
 * @example
 * return fatal(state, io, 'shift', "can't shift that many"); // prints `/bin/sh: 1: shift: …`, status 2
 */
export function fatal(state: ShellState, io: Io, builtin: string, text: string): number {
  state.exitRequested = true;
  return fail(state, io, builtin, text, 2);
}

/**
 * singleQuoted: `value` in single quotes, the way `export -p` and `set` print values.
 *
 * @example
 * singleQuoted("it's") // `'it'\''s'`
 */
export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

