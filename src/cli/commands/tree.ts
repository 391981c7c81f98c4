// `layerlab tree [--json] SOURCE`: the merged root filesystem, one line per path (or JSON).
import { UsageError, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../args';
import { openSource } from '../source';
import { imageRootfs, renderRootfs, rootfsEntries } from '../../engine/rootfs';

export const treeCommand: Command = {
  name: 'tree',
  summary: 'Print the merged root filesystem of a SOURCE, one line per path (--json: an array sorted by path).',
  usage: 'layerlab tree [--json] SOURCE\n\n--json prints [{path, type, mode, uid, gid, size, target?, sha256?}] sorted by path.',
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError({ command: 'tree', problem: 'tree needs exactly one SOURCE' });
    const entries = rootfsEntries(imageRootfs((await openSource(positionals[0])).image));
    io.out(options.json === true ? JSON.stringify(entries, null, 1) : renderRootfs(entries));
    return 0;
  },
};
