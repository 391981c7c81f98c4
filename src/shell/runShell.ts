// The public entry point: run one command line (a RUN step, a `docker exec`) and collect what it
// printed. Everything is synchronous, and every file access goes through `fs`.
import { defaultCommands } from './commands/index';
import { runScript } from './interpreter';
import type { ShellFlavor, ShellState } from './state';
import { environmentOf } from './state';
import type { CommandTable, ShellFs } from './types';

/**
 * RunShellOptions: where and as whom a command line runs.
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { srv: {} } }]);
 * const options: RunShellOptions = { fs: m, cwd: '/srv', env: { NAME: 'web' } };
 * runShell('echo $NAME > name.txt; pwd', options).stdout // → /srv
 * m.readFileSync('/srv/name.txt', 'utf8') // → web
 */
export interface RunShellOptions {
  fs: ShellFs;
  cwd?: string;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** Extra commands (package managers…), merged over the defaults. */
  commands?: CommandTable;
  stdin?: string;
  /** `$0` and the prefix of the shell's own messages. */
  shellName?: string;
  /** Which /bin/sh to imitate: dash (Debian, Ubuntu; the default), ash (Alpine), bash. */
  flavor?: ShellFlavor;
  /** When true, commands other than shell builtins run only if $PATH in `fs` has them. */
  requireInstalled?: boolean;
  /** The clock `touch` and `ls -l` read (default: the real one). The builder passes its disk's logical clock. */
  now?: () => number;
}

/**
 * ShellResult: what a run printed and left behind. `output` is stdout and stderr interleaved.
 * @example
 * const result: ShellResult = new Docker().run('alpine:latest', 'echo out; echo err >&2; exit 3').result;
 * [result.exitCode, result.stdout, result.stderr] // → [ 3, 'out\n', 'err\n' ]
 */
export interface ShellResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  output: string;
  cwd: string;
  env: Record<string, string>;
}

/**
 * runShell: runs `commandLine` as `/bin/sh -c commandLine` would, over `fs`.
 *
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { etc: { hostname: 'box\n' } } }]);
 * runShell('cat /etc/hostname && echo done > /done.txt', { fs: m }).stdout // → box
 * m.readdirSync('/') // → [ 'etc', 'done.txt' ]
 */
export function runShell(commandLine: string, options: RunShellOptions): ShellResult {
  const streams = { stdout: [] as string[], stderr: [] as string[], output: [] as string[] };
  const state = initialState(options);
  const exitCode = runScript(state, commandLine, {
    stdin: options.stdin ?? '',
    stdout: (text) => { streams.stdout.push(text); streams.output.push(text); },
    stderr: (text) => { streams.stderr.push(text); streams.output.push(text); },
  });
  return {
    exitCode,
    stdout: streams.stdout.join(''),
    stderr: streams.stderr.join(''),
    output: streams.output.join(''),
    cwd: state.cwd,
    env: environmentOf(state),
  };
}

function initialState(options: RunShellOptions): ShellState {
  const { fs, cwd = '/', env = {}, uid = 0, gid = 0, commands = {}, shellName = '/bin/sh', flavor = 'dash' } = options;
  const vars = new Map(Object.entries(env));
  if (!vars.has('PWD')) vars.set('PWD', cwd); // sh sets PWD at startup
  return {
    fs, flavor, shellName, uid, gid, cwd, vars,
    commands: { ...defaultCommands(flavor), ...commands },
    requireInstalled: options.requireInstalled ?? false,
    now: options.now ?? Date.now,
    exported: new Set(vars.keys()),
    positional: [],
    lastStatus: 0,
    options: { errexit: false, xtrace: false, nounset: false, pipefail: false },
    conditionDepth: 0,
    exitRequested: false,
    loopControl: undefined,
    line: 1,
  };
}
