// `layerlab history [--no-trunc] SOURCE`: `docker history` of a built or imported image.
import { UsageError, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../args';
import { openSource } from '../source';

export const historyCommand: Command = {
  name: 'history',
  summary: 'Print docker history for a SOURCE.',
  usage: 'layerlab history [--no-trunc] SOURCE',
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, positionals } = parseCommandArgs(args, { 'no-trunc': { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError({ command: 'history', problem: 'history needs exactly one SOURCE' });
    const { docker, ref } = await openSource(positionals[0]);
    io.out(docker.history(ref, { noTrunc: options['no-trunc'] === true }).trimEnd());
    return 0;
  },
};
