// `layerlab build [-f Dockerfile] [-t TAG] CONTEXT`: the classic `docker build`, printed as it prints.
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { Docker } from '../../engine/docker';
import { buildContext } from '../source';
import { located } from './located';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build a Dockerfile into layers with the classic builder and print docker build\'s output.',
  usage: 'layerlab build [-f Dockerfile] [-t TAG] [--narrate] CONTEXT\n\nBuilds CONTEXT/Dockerfile (or -f FILE, relative to CONTEXT) in a simulated Docker host.\n--narrate adds a line under each step: files added, changed, deleted, and the layer size.',
  run(args: string[], io: CliIo): number {
    const { options, positionals } = parseCommandArgs(args, { file: { type: 'string', short: 'f' }, tag: { type: 'string', short: 't' }, narrate: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError({ command: 'build', problem: 'build needs exactly one CONTEXT folder' });
    const tags = typeof options.tag === 'string' ? [options.tag] : [];
    const docker = new Docker();
    const file = typeof options.file === 'string' ? options.file : 'Dockerfile';
    // Lines are printed as the build goes, so a failing step shows everything before it.
    located(() => buildContext(docker, positionals[0], file, tags, (line) => io.out(line), options.narrate === true), positionals[0], () => undefined, file);
    return 0;
  },
};
