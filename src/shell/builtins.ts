// Builtins that must change the shell itself (its cwd, variables, options or control flow), so
// they cannot be ordinary commands with a CommandContext. Most are POSIX "special builtins"
// (XCU 2.14); `cd` and `command` are regular builtins that need the shell's state too.
import { posix } from 'node:path';
import { dispatch } from './dispatch';
import { fail, fatal, singleQuoted } from './builtin-errors';
import { findProgram } from './lookup';
import { strerror } from './messages';
import { runProgram } from './program';
import { errorCode } from './redirect';
import { DEFAULT_PATH, searchPath } from './searchPath';
import { setOptions } from './setBuiltin';
import type { Io, ShellState } from './state';

/** Builtin: a builtin that works on the shell's state. @example const colon: Builtin = () => 0; */
export type Builtin = (state: ShellState, args: string[], io: Io) => number;

const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  cd, export: exportBuiltin, unset, set: setOptions, exit, shift, eval: evalBuiltin, '.': dot,
  exec, command, break: loopControl('break'), continue: loopControl('continue'),
};

/**
 * findSpecialBuiltin: the state-changing builtin called `name` in this flavor, if any.
 *
 * @example
 * findSpecialBuiltin(state, 'cd')?.(state, ['/tmp'], io) // 0, and state.cwd is '/tmp'
 */
export function findSpecialBuiltin(state: ShellState, name: string): Builtin | undefined {
  if (name === 'source' && state.flavor !== 'dash') return dot; // dash has no `source`: a classic RUN surprise
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}

function cd(state: ShellState, args: string[], io: Io): number {
  const operand = args.filter((a) => a !== '-L' && a !== '-P')[0] ?? state.vars.get('HOME') ?? '/';
  const target = operand === '-' ? state.vars.get('OLDPWD') ?? state.cwd : operand;
  const path = posix.resolve(state.cwd, target);
  const problem = directoryProblem(state, path);
  if (problem) {
    if (state.flavor === 'dash') return fail(state, io, 'cd', `can't cd to ${target}`, 2);
    if (state.flavor === 'ash') return fail(state, io, 'cd', `can't cd to ${target}: ${strerror(problem)}`, 1);
    return fail(state, io, 'cd', `${target}: ${strerror(problem)}`, 1);
  }
  if (operand === '-') io.stdout(path + '\n');
  state.vars.set('OLDPWD', state.cwd);
  state.vars.set('PWD', path);
  state.cwd = path;
  return 0;
}

function directoryProblem(state: ShellState, path: string): string | undefined {
  try {
    return state.fs.statSync(path).isDirectory() ? undefined : 'ENOTDIR';
  } catch (error) {
    return errorCode(error);
  }
}

function exportBuiltin(state: ShellState, args: string[], io: Io): number {
  const names = args.filter((a) => a !== '-p');
  if (!names.length) return listExports(state, io);
  for (const arg of names) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(=([^]*))?$/.exec(arg);
    if (!match) return fatal(state, io, 'export', `${arg}: bad variable name`);
    if (match[2] !== undefined) state.vars.set(match[1], match[3]);
    state.exported.add(match[1]);
  }
  return 0;
}

function listExports(state: ShellState, io: Io): number {
  const names = [...state.exported].filter((n) => state.vars.has(n)).sort();
  for (const name of names) {
    const value = state.vars.get(name) ?? '';
    io.stdout(state.flavor === 'bash' ? `declare -x ${name}=${JSON.stringify(value)}\n` : `export ${name}=${singleQuoted(value)}\n`);
  }
  return 0;
}

function unset(state: ShellState, args: string[]): number {
  for (const name of args.filter((a) => a !== '-v' && a !== '-f')) {
    state.vars.delete(name);
    state.exported.delete(name);
  }
  return 0;
}

function exit(state: ShellState, args: string[], io: Io): number {
  const status = args.length ? Number(args[0]) : state.lastStatus;
  if (!Number.isInteger(status) || status < 0) return fatal(state, io, 'exit', `Illegal number: ${args[0]}`);
  state.lastStatus = status & 255;
  state.exitRequested = true;
  return state.lastStatus;
}

function shift(state: ShellState, args: string[], io: Io): number {
  const count = args.length ? Number(args[0]) : 1;
  if (!Number.isInteger(count) || count < 0) return fatal(state, io, 'shift', `Illegal number: ${args[0]}`);
  if (count > state.positional.length) return fatal(state, io, 'shift', "can't shift that many");
  state.positional = state.positional.slice(count);
  return 0;
}

function evalBuiltin(state: ShellState, args: string[], io: Io): number {
  state.lastStatus = 0;
  return args.length ? dispatch.runScript(state, args.join(' '), io) : 0;
}

// `. file` runs the file in *this* shell, so its `export`s and `cd` stick.
function dot(state: ShellState, args: string[], io: Io): number {
  const name = args[0];
  if (name === undefined) return 0;
  const path = name.includes('/') ? posix.resolve(state.cwd, name) : searchPath(state.fs, name, state.vars.get('PATH') ?? DEFAULT_PATH) ?? posix.resolve(state.cwd, name);
  let text: string;
  try {
    text = state.fs.readFileSync(path).toString();
  } catch (error) {
    return fatal(state, io, '.', `cannot open ${name}: ${errorCode(error) === 'ENOENT' ? 'No such file' : strerror(errorCode(error))}`);
  }
  return dispatch.runScript(state, text, io);
}

function exec(state: ShellState, args: string[], io: Io): number {
  if (!args.length) return 0;
  const status = runProgram(state, args, [], io);
  state.lastStatus = status;
  state.exitRequested = true;
  return status;
}

// `command -v name` says what `name` would run; used as "is curl installed?".
function command(state: ShellState, args: string[], io: Io): number {
  if (args[0] !== '-v' && args[0] !== '-V') return args.length ? runProgram(state, args, [], io) : 0;
  let status = 0;
  for (const name of args.slice(1)) {
    const onPath = name.includes('/') ? undefined : searchPath(state.fs, name, state.vars.get('PATH') ?? DEFAULT_PATH);
    if (onPath) io.stdout(onPath + '\n');
    else if (findSpecialBuiltin(state, name) || findProgram(state, name).kind !== 'missing') io.stdout(name + '\n');
    else status = 127;
  }
  return status;
}

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (state, args, io) => {
    const levels = args.length ? Number(args[0]) : 1;
    if (!Number.isInteger(levels) || levels < 1) return fatal(state, io, kind, `Illegal number: ${args[0]}`);
    state.loopControl = { kind, levels };
    return 0;
  };
}
