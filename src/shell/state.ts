// The state a running shell carries from one command to the next. A subshell (`( )`, each part
// of a pipeline, `$( )`) works on a copy, which is why `cd` inside `( )` does not leak out.
import type { CommandTable, ShellFs } from './types';

/** ShellFlavor: which /bin/sh we imitate; it changes error wording and a few builtins. @example const f: ShellFlavor = 'ash'; */
export type ShellFlavor = 'dash' | 'bash' | 'ash';

/** ShellOptions: the `set -o` options the shell understands. */
export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  pipefail: boolean;
}

/** ShellState: variables, options and position of one shell (or subshell). */
export interface ShellState {
  readonly fs: ShellFs;
  readonly commands: CommandTable;
  readonly flavor: ShellFlavor;
  readonly shellName: string;
  readonly requireInstalled: boolean;
  /** The clock commands read (`touch`, `ls -l`): the simulated host's, so builds stay deterministic. */
  readonly now: () => number;
  readonly uid: number;
  readonly gid: number;
  cwd: string;
  vars: Map<string, string>;
  exported: Set<string>;
  positional: string[];
  lastStatus: number;
  options: ShellOptions;
  /** >0 while running the condition of if/while or the left side of && / || (set -e ignores it). */
  conditionDepth: number;
  /** Set by `exit`, by set -e and by fatal errors: stop running this shell. */
  exitRequested: boolean;
  /** Set by `break n` / `continue n`: how many enclosing loops to leave or continue. */
  loopControl: { kind: 'break' | 'continue'; levels: number } | undefined;
  /** Line of the command being run, for dash's `/bin/sh: 3: …` messages. */
  line: number;
}

/** Sink: where a stream's text goes. */
export type Sink = (text: string) => void;

/** Io: the three standard streams of the command being run. */
export interface Io {
  stdin: string;
  stdout: Sink;
  stderr: Sink;
}

/**
 * subshellOf: a copy of `state` whose changes do not reach the parent.
 *
 * @example
 * const sub = subshellOf(state); sub.cwd = '/tmp'; state.cwd // unchanged
 */
export function subshellOf(state: ShellState): ShellState {
  return {
    ...state,
    vars: new Map(state.vars),
    exported: new Set(state.exported),
    positional: [...state.positional],
    options: { ...state.options },
    exitRequested: false,
    loopControl: undefined,
  };
}

/** ChildShellOptions: what a new shell process starts with. */
export interface ChildShellOptions {
  env: Record<string, string>;
  positional?: string[];
  shellName?: string;
  flavor?: ShellFlavor;
}

/**
 * childShellOf: a new shell process (a script, `sh -c`): it sees only the environment it is
 * given, starts with no options set, and shares the fs and the cwd.
 *
 * @example
 * childShellOf(state, { env: { PATH: '/bin' }, positional: ['a'] }).positional // ['a']
 */
export function childShellOf(state: ShellState, { env, positional = [], shellName, flavor }: ChildShellOptions): ShellState {
  return {
    ...subshellOf(state),
    shellName: shellName ?? state.shellName,
    flavor: flavor ?? state.flavor,
    vars: new Map(Object.entries(env)),
    exported: new Set(Object.keys(env)),
    positional,
    options: { errexit: false, xtrace: false, nounset: false, pipefail: false },
    lastStatus: 0,
    conditionDepth: 0,
  };
}

/**
 * environmentOf: the exported variables as a plain object (what a command's `env` sees).
 *
 * @example
 * environmentOf(state) // { PATH: '/usr/local/sbin:…', HOME: '/root', PWD: '/' }
 */
export function environmentOf(state: ShellState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of state.vars) if (state.exported.has(name)) env[name] = value;
  return env;
}
