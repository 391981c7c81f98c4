// layerlab's command line: global flags, then dispatch to the command named first. Every failure
// becomes one sentence on stderr and an exit status (2 for a wrong command line, 1 for a command
// that failed); stack traces are shown only with LAYERLAB_DEBUG=1.
import { type CliIo, type Command, isUsageError } from './command';
import { commands as builtInCommands } from './commands/index';
import { commandHelp, overview } from './help';
import { packageVersion } from './version';

/** terminalIo writes to the process's stdout and stderr. */
export const terminalIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** MainOptions: where to print and which commands exist (tests pass their own). */
export interface MainOptions {
  io?: CliIo;
  commands?: Command[];
}

/**
 * main runs `layerlab` with the arguments after the program name and resolves to the exit status.
 * @example
 * const status = await main(['--version']); // prints "layerlab 0.1.0", status 0
 */
export async function main(argv: string[], { io = terminalIo, commands = builtInCommands }: MainOptions = {}): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return print(io, overview(commands));
  if (first === '--version' || first === '-V') return print(io, `layerlab ${packageVersion()}`);
  if (first === 'help') return main(rest.length > 0 ? [rest[0], '--help'] : ['--help'], { io, commands });
  if (first.startsWith('-')) return usageFailure(io, `unknown option '${first}'`);
  const command = commands.find((c) => c.name === first);
  if (!command) return usageFailure(io, `unknown command '${first}'`);
  if (asksForHelp(rest)) return print(io, commandHelp(command));
  return runCommand(command, rest, io);
}

function print(io: CliIo, text: string): number {
  io.out(text);
  return 0;
}

/** True when --help or -h comes before any `--` (after it, they are ordinary arguments). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.includes('--help') || options.includes('-h');
}

function usageFailure(io: CliIo, problem: string, command?: string): number {
  const who = command ? `layerlab ${command}` : 'layerlab';
  const next = command ? `run '${who} --help' for its usage` : `run 'layerlab --help' for the list of commands`;
  io.err(`${who}: ${problem}; ${next}.`);
  return 2;
}

async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  try {
    return await command.run(args, io);
  } catch (error) {
    if (isUsageError(error)) return usageFailure(io, error.data.problem, command.name);
    const message = error instanceof Error ? error.message : String(error);
    io.err(`layerlab ${command.name}: ${message}`);
    if (process.env.LAYERLAB_DEBUG === '1' && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

// Run when executed directly (bin/layerlab.mjs requires this file and calls main itself).
if (require.main === module) {
  main(process.argv.slice(2)).then((status) => { process.exitCode = status; });
}
