// Running a program that is not a special builtin: a command from the table, or a script file.
// A command invocation is a separate process: it gets a copy of the exported variables plus the
// `A=1 cmd` assignments, and cannot change the shell's cwd or variables.
import { posix } from 'node:path';
import { dispatch } from './dispatch';
import { commandNamed, findProgram } from './lookup';
import { childShellOf, environmentOf, type Io, type ShellState } from './state';
import type { Command, CommandContext } from './types';
import { strerror } from './messages';
import { errorCode } from './redirect';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/**
 * runProgram: finds `argv[0]` and runs it; 127 if it does not exist, 126 if it cannot run.
 *
 * @example
 * runProgram(state, ['ls', '-l'], [], io) // 0
 */
export function runProgram(state: ShellState, argv: string[], assignments: [string, string][], io: Io): number {
  const [name, ...args] = argv;
  const env = { ...environmentOf(state), ...Object.fromEntries(assignments) };
  const found = findProgram(state, name);
  if (found.kind === 'command') return invoke(state, name, found.command, args, env, io);
  if (found.kind === 'script') return runScriptFile(state, found.path, name, args, env, io);
  io.stderr(found.message + '\n');
  return found.status;
}

/** invoke: calls a table command with its context; a command that throws gets status 1. */
export function invoke(state: ShellState, name: string, command: Command, args: string[], env: Record<string, string>, io: Io): number {
  const ctx: CommandContext = {
    fs: state.fs, args, cwd: state.cwd, env, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, uid: state.uid, gid: state.gid,
    run: (commandLine) => dispatch.runScript(childShellOf(state, { env }), commandLine, io),
    now: state.now,
  };
  try {
    return command(ctx);
  } catch (error) {
    const code = errorCode(error);
    io.stderr(`${name}: ${code === 'EIO' ? String((error as Error)?.message ?? error) : strerror(code)}\n`);
    return 1;
  }
}

// A script runs in a new shell whose $0 is the path as typed, so its messages say
// `./start.sh: 3: foo: not found`, as dash's do. `#!/usr/bin/env python3` needs a python command.
function runScriptFile(state: ShellState, path: string, typed: string, args: string[], env: Record<string, string>, io: Io): number {
  const text = state.fs.readFileSync(path).toString();
  const [interpreter, ...interpreterArgs] = shebangOf(text);
  const program = interpreter === undefined ? 'sh' : posix.basename(interpreter);
  if (SHELLS.has(program)) {
    const flavor = program === 'bash' ? 'bash' : state.flavor;
    return dispatch.runScript(childShellOf(state, { env, positional: args, shellName: typed, flavor }), text, io);
  }
  const command = commandNamed(state.commands, program);
  if (!command) {
    io.stderr(`${typed}: ${interpreter}: not found\n`);
    return 127;
  }
  return invoke(state, program, command, [...interpreterArgs, typed, ...args], env, io);
}

// `#!/usr/bin/env bash` names its interpreter in the second word.
function shebangOf(text: string): string[] {
  if (!text.startsWith('#!')) return [];
  const words = text.slice(2, text.indexOf('\n') >>> 0).trim().split(/\s+/);
  return posix.basename(words[0]) === 'env' && words.length > 1 ? words.slice(1) : words;
}
