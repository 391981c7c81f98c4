// `layerlab export SOURCE DEST [--gzip]`: write an image as an OCI layout, an oci-archive or a
// `docker save` tar that skopeo, umoci and `docker load` accept.
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { openSource } from '../source';
import { exportImage } from '../../archive/export';

/**
 * exportCommand: the `layerlab export` command.
 *
 * @example
 * await main(['export', 'docker-archive:save.tar', 'oci:/tmp/out:latest', '--gzip'])
 */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write an image as an OCI layout, an oci-archive or a docker save tar.',
  usage: [
    'layerlab export SOURCE DEST [--gzip]',
    '',
    'SOURCE is dockerfile:CONTEXT or an archive; SOURCE and DEST are docker-archive:FILE[:NAME:TAG], oci:DIR[:TAG] or oci-archive:FILE[:TAG].',
    'A docker-archive DEST without NAME:TAG keeps the source\'s name:tag tags.',
    '  --gzip   store OCI layers gzip-compressed (umoci 0.4 needs it); default: uncompressed',
  ].join('\n'),
  async run(args: string[], io: CliIo): Promise<number> {
    const { options, positionals } = parseCommandArgs(args, { gzip: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError({ command: 'export', problem: 'export needs a SOURCE and a DEST' });
    const [source, destination] = positionals;
    const { image, tags } = await openSource(source);
    const keep = destination.startsWith('docker-archive:') ? tags.filter((t) => t.includes(':')) : [];
    const path = exportImage(image, destination, { tags: keep, compression: options.gzip ? 'gzip' : 'none' });
    io.out(`${image.id} -> ${path}`);
    return 0;
  },
};
