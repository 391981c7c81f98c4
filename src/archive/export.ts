// Exporting any Image — built by layerlab or imported — to the places skopeo names:
//   oci:DIR[:TAG]            an OCI image layout directory
//   oci-archive:FILE[:TAG]   the same layout in a tar
//   docker-archive:FILE[:NAME:TAG]   a Docker 25+ `docker save` tar (what `docker load` reads)
// Layers are uncompressed by default, so their blob digests are their diffIDs and every digest
// is reproducible; `compression: 'gzip'` stores OCI layers gzipped (Debian's umoci 0.4.7 unpacks
// nothing else, formats.md section 6).
import { writeFileSync } from 'node:fs';
import type { Image } from '../image/image';
import { createdSeconds, dockerSaveFiles, ociLayoutFiles, type LayoutOptions } from './layout-files';
import { layoutTar, writeLayoutDirectory } from './write-layout';
import { parseLocation } from './source';

/**
 * ociArchiveBytes returns an oci-archive (an OCI layout in a tar) holding `image`.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const names = readTar(ociArchiveBytes(image, { tags: ['latest'] })).entries.map((e) => e.name);
 * names.filter((name) => !name.startsWith('blobs/')) // → [ 'index.json', 'oci-layout' ]
 */
export function ociArchiveBytes(image: Image, options: LayoutOptions = {}): Uint8Array {
  return layoutTar(ociLayoutFiles(image, options), createdSeconds(image));
}

/**
 * dockerArchiveBytes returns the tar `docker save` (Docker 25+) writes for `image` with `tags`.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const names = readTar(dockerArchiveBytes(image, { tags: ['demo:latest'] })).entries.map((e) => e.name);
 * names.filter((name) => !name.startsWith('blobs/')) // → [ 'index.json', 'manifest.json', 'oci-layout', 'repositories' ]
 */
export function dockerArchiveBytes(image: Image, { tags = [] }: { tags?: string[] } = {}): Uint8Array {
  return layoutTar(dockerSaveFiles(image, { tags }), createdSeconds(image));
}

/**
 * writeOciLayout writes `image` into an OCI layout directory.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const dir = join(tmpdir(), 'layerlab-oci-example');
 * writeOciLayout(image, dir, { tags: ['latest'], compression: 'gzip' }); // then: umoci unpack --image DIR:latest
 * const names = readdirSync(dir); rmSync(dir, { recursive: true });
 * names // → [ 'blobs', 'index.json', 'oci-layout' ]
 */
export function writeOciLayout(image: Image, dir: string, options: LayoutOptions = {}): void {
  writeLayoutDirectory(ociLayoutFiles(image, options), dir);
}

/**
 * exportImage writes `image` to a skopeo-style destination. The tag in the destination (if
 * any) comes first; `tags` adds more. Returns the path written.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nADD hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const path = exportImage(image, `docker-archive:${join(tmpdir(), 'layerlab-save.tar')}:demo:latest`); // then: docker load -i PATH
 * const [entry] = await listArchive(path); rmSync(path);
 * entry.tags // → [ 'demo:latest' ]
 */
export function exportImage(image: Image, destination: string, { tags = [], compression = 'none' }: LayoutOptions = {}): string {
  const { transport, path, reference } = parseLocation(destination);
  const allTags = reference === undefined ? tags : [reference, ...tags.filter((t) => t !== reference)];
  if (transport === 'oci') writeOciLayout(image, path, { tags: allTags, compression });
  else if (transport === 'oci-archive') writeFileSync(path, ociArchiveBytes(image, { tags: allTags, compression }));
  else writeFileSync(path, dockerArchiveBytes(image, { tags: allTags }));
  return path;
}
