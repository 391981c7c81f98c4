// `layerlab efficiency SOURCE`: dive's efficiency score and wasted bytes for an image.
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { openSource } from '../source';
import { efficiencyReport } from '../../archive/efficiency';
import { renderEfficiency } from '../../archive/report-text';

/**
 * efficiency: the `layerlab efficiency` command.
 *
 * @example
 * await main(['efficiency', 'docker-archive:save.tar'])
 */
export const efficiency: Command = {
  name: 'efficiency',
  summary: "Score an image's space efficiency the way dive does (files stored twice or deleted).",
  usage: [
    'layerlab efficiency SOURCE [--all]',
    '',
    'SOURCE is docker-archive:FILE[:NAME:TAG], oci:DIR[:TAG] or oci-archive:FILE[:TAG].',
    'Prints the efficiency score, the wasted bytes and the paths stored in several layers.',
    '  --all   list every such path (default: the 20 biggest)',
  ].join('\n'),
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, positionals } = parseCommandArgs(args, { all: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError({ command: 'efficiency', problem: 'efficiency needs exactly one SOURCE' });
    const { image } = await openSource(positionals[0]);
    io.out(renderEfficiency(efficiencyReport(image), { maxRows: options.all ? Infinity : 20 }).trimEnd());
    return 0;
  },
};
