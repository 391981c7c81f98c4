// Command search (XCU 2.9.1.1): a name with a slash is a path; otherwise the builtins, then $PATH.
import { posix } from 'node:path';
import { notFoundLine, shellPrefix } from './messages';
import { DEFAULT_PATH, searchPath } from './searchPath';
import type { ShellState } from './state';
import type { Command, CommandTable } from './types';

/** Found: how a command name resolved. */
export type Found =
  | { kind: 'command'; command: Command }
  | { kind: 'script'; path: string }
  | { kind: 'missing'; message: string; status: number };

// These are builtins of dash, bash and BusyBox ash: they work even where /bin is empty.
const SHELL_BUILTINS = new Set(['echo', 'printf', 'test', '[', 'true', 'false', 'pwd']);

/**
 * findProgram: what running `name` would run. With `requireInstalled`, a table command other
 * than a shell builtin needs an executable of that name on $PATH, as in a real container
 * (`curl` is "not found" until a package puts /usr/bin/curl there).
 *
 * @example
 * findProgram(state, 'ls') // { kind: 'command', command: ls }
 */
export function findProgram(state: ShellState, name: string): Found {
  if (name.includes('/')) return findByPath(state, name);
  const command = commandNamed(state.commands, name);
  const onPath = searchPath(state.fs, name, state.vars.get('PATH') ?? DEFAULT_PATH);
  if (command && (!state.requireInstalled || SHELL_BUILTINS.has(name) || onPath)) return { kind: 'command', command };
  if (onPath) return classifyFile(state, onPath, name);
  return { kind: 'missing', message: notFoundLine(state, name), status: 127 };
}

function findByPath(state: ShellState, name: string): Found {
  const path = posix.resolve(state.cwd, name);
  let mode: number;
  try {
    const stats = state.fs.statSync(path);
    mode = stats.isDirectory() ? 0 : stats.mode;
  } catch {
    return { kind: 'missing', message: notFoundLine(state, name), status: 127 };
  }
  if ((mode & 0o111) === 0) return { kind: 'missing', message: `${shellPrefix(state)}${name}: Permission denied`, status: 126 };
  return classifyFile(state, path, name);
}

// A file with `#!` is a script; one named like a table command (/bin/ls) runs that command;
// binary content we cannot run; other text runs as a sh script (what execvp does on ENOEXEC).
function classifyFile(state: ShellState, path: string, name: string): Found {
  const content = state.fs.readFileSync(path);
  if (content.subarray(0, 2).toString() === '#!') return { kind: 'script', path };
  const command = commandNamed(state.commands, posix.basename(name));
  if (command) return { kind: 'command', command };
  if (content.includes(0)) return { kind: 'missing', message: `${shellPrefix(state)}${name}: Exec format error`, status: 126 };
  return { kind: 'script', path };
}

/** commandNamed: the table's own entry for `name` (never an inherited one like `constructor`). */
export function commandNamed(table: CommandTable, name: string): Command | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}
