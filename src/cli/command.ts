// The contract every `layerlab` subcommand fulfils. Commands live in ./commands, one per file,
// and are listed in ./commands/index.ts; main.ts only dispatches, so adding a command never
// touches the dispatcher.

/** CliIo: where a command writes. Tests pass one that collects lines; the real CLI writes to the terminal. */
export interface CliIo {
  /** out prints one line (or several joined by "\n") to standard output. */
  out(text: string): void;
  /** err prints one line to standard error. */
  err(text: string): void;
}

/**
 * Command: one subcommand of `layerlab`.
 * `run` gets the arguments after the command's name and returns the exit status (0 = success).
 * @example
 * const hello: Command = {
 *   name: 'hello', summary: 'Say hello.', usage: 'layerlab hello [NAME]',
 *   run: (args, io) => { io.out(`hello ${args[0] ?? 'world'}`); return 0; },
 * };
 */
export interface Command {
  name: string;
  /** summary: one sentence for the `layerlab --help` list. */
  summary: string;
  /** usage: the synopsis and option list shown by `layerlab NAME --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}

/**
 * UsageError: the command line itself is wrong (unknown command or flag, missing value).
 * main prints its message and a pointer to --help, and exits with 2 as Unix tools do.
 * @example
 * throw new UsageError({ command: 'inspect', problem: 'inspect needs an image name' });
 */
export class UsageError extends Error {
  readonly code = 'UsageError';
  readonly name = 'UsageError';
  constructor(readonly data: { command?: string; problem: string }) {
    super(data.problem);
  }
}

/** isUsageError: true for a UsageError, also one made in another realm (checks `name`, not only instanceof). */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error as { name?: unknown } | null)?.name === 'UsageError';
}
