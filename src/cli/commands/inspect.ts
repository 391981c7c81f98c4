// `layerlab inspect SOURCE`: build or import, then print `docker image inspect`.
import { UsageError, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../args';
import { openSource } from '../source';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Print docker image inspect for a SOURCE (dockerfile:CONTEXT, docker-archive:FILE, oci:DIR[:TAG], oci-archive:FILE).',
  usage: 'layerlab inspect SOURCE',
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new UsageError({ command: 'inspect', problem: 'inspect needs exactly one SOURCE' });
    const { docker, ref } = await openSource(positionals[0]);
    io.out(docker.imageInspect(ref).trimEnd());
    return 0;
  },
};
