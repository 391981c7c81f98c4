// Image locations written the way skopeo writes them (containers-transports(5)):
//   docker-archive:FILE[:NAME:TAG]   a `docker save` tar (legacy or Docker 25+)
//   oci:DIR[:TAG]                    an OCI image layout directory
//   oci-archive:FILE[:TAG]           an OCI image layout in a tar
// The path ends at the first ':' after the transport, as in containers/image. Other transports
// (the lead's `dockerfile:CONTEXT`) can be added to TRANSPORTS and to openSource.
import type { Image } from '../image/image';
import { importArchive, type ImportOptions, type ImportedImage } from './import';
import { InvalidSourceError } from './errors';

/**
 * Transport: the archive kinds understood here.
 *
 * @example
 * const t: Transport = 'oci-archive';
 */
export type Transport = 'docker-archive' | 'oci' | 'oci-archive';

/**
 * TRANSPORTS: every transport name accepted, in the order messages list them.
 *
 * @example
 * TRANSPORTS.join(', ') // → docker-archive, oci, oci-archive
 */
export const TRANSPORTS: Transport[] = ['docker-archive', 'oci', 'oci-archive'];

/**
 * ImageLocation: a parsed `TRANSPORT:PATH[:REF]`.
 *
 * @example
 * parseLocation('oci:/tmp/out:latest') // { transport: 'oci', path: '/tmp/out', reference: 'latest' }
 */
export interface ImageLocation {
  transport: Transport;
  path: string;
  reference?: string;
}

/**
 * parseLocation splits an image location; throws InvalidSourceError for an unknown transport or
 * an empty path.
 *
 * @example
 * parseLocation('docker-archive:save.tar:sim:latest') // → transport: 'docker-archive',…path: 'save.tar',…reference: 'sim:latest'
 */
export function parseLocation(text: string): ImageLocation {
  const colon = text.indexOf(':');
  const transport = text.slice(0, colon) as Transport;
  if (colon < 0 || !TRANSPORTS.includes(transport)) throw new InvalidSourceError({ text, known: TRANSPORTS });
  const rest = text.slice(colon + 1);
  const split = rest.indexOf(':');
  const path = split < 0 ? rest : rest.slice(0, split);
  if (path === '') throw new InvalidSourceError({ text, known: TRANSPORTS });
  const location: ImageLocation = { transport, path };
  if (split >= 0 && rest.slice(split + 1) !== '') location.reference = rest.slice(split + 1);
  return location;
}

/**
 * openSourceImage imports the image a location names, with its tags.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const path = exportImage(image, `oci-archive:${join(tmpdir(), 'layerlab-example.tar')}:v1`);
 * const { tags } = await openSourceImage(`oci-archive:${path}:v1`); rmSync(path);
 * tags // → [ 'v1' ]
 */
export async function openSourceImage(text: string, options: Omit<ImportOptions, 'reference' | 'format'> = {}): Promise<ImportedImage> {
  const { transport, path, reference } = parseLocation(text);
  const format = transport === 'docker-archive' ? 'docker-archive' : 'oci';
  return importArchive(path, { ...options, reference, format });
}

/**
 * openSource imports the image a location names.
 *
 * @example
 * const { image } = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\n');
 * const path = exportImage(image, `docker-archive:${join(tmpdir(), 'layerlab-example.tar')}:demo:v1`);
 * const opened = await openSource(`docker-archive:${path}`); rmSync(path);
 * [opened.layers.length, opened.id === image.id] // → [ 2, true ]
 */
export async function openSource(text: string, options: Omit<ImportOptions, 'reference' | 'format'> = {}): Promise<Image> {
  return (await openSourceImage(text, options)).image;
}
