// `layerlab layers SOURCE [--all]`: every layer of an image — what it added, changed and deleted
// (as `docker diff` prints it), its size, the instruction that made it and what it hides.
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { openSource } from '../source';
import { layerReports } from '../../archive/explore';
import { renderLayerReports } from '../../archive/report-text';

/**
 * layers: the `layerlab layers` command.
 *
 * @example
 * await main(['layers', 'oci:/tmp/oci-demo:latest'])
 */
export const layers: Command = {
  name: 'layers',
  summary: 'Show what each layer of an image adds, changes and deletes.',
  usage: [
    'layerlab layers SOURCE [--all]',
    '',
    'SOURCE is docker-archive:FILE[:NAME:TAG], oci:DIR[:TAG] or oci-archive:FILE[:TAG].',
    'For each layer: its diffID, size and instruction, its changes against the layers below',
    '(A added, C changed, D deleted) and the lower paths it hides.',
    '  --all   list every change (default: the first 20 per layer)',
  ].join('\n'),
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, positionals } = parseCommandArgs(args, { all: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError({ command: 'layers', problem: 'layers needs exactly one SOURCE' });
    const { image } = await openSource(positionals[0]);
    io.out(renderLayerReports(layerReports(image), { maxChanges: options.all ? Infinity : 20 }).trimEnd());
    return 0;
  },
};
