// Test helper: open the real images in ../shared/fixtures (docker save tars, OCI archives and
// layout dirs) with our own tar reader, and hand back each image's config and layer blobs.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { TarEntry, readTar } from '../../src/layer/tar';
import { sharedPath } from '../helpers/shared';

/** A function that returns a file of an image (by path inside it), or undefined. */
export type BlobSource = (path: string) => Uint8Array | undefined;

export interface FixtureImage {
  config: Uint8Array;
  /** Where the image names its config: file name hex or descriptor digest. */
  configName: string;
  diffIds: string[];
  layerBlobs: Uint8Array[];
}

/** archiveSource reads a tar archive once and serves its files, following symlinks inside it. */
export function archiveSource(relative: string): BlobSource {
  const files = new Map<string, TarEntry>();
  for (const entry of readTar(new Uint8Array(readFileSync(sharedPath('fixtures', relative)))).entries) {
    files.set(posix.normalize(entry.name).replace(/\/$/, ''), entry);
  }
  const open = (path: string, hops = 0): Uint8Array | undefined => {
    const entry = files.get(posix.normalize(path));
    if (entry?.type === 'symlink' && hops < 8) return open(posix.join(posix.dirname(path), entry.linkname!), hops + 1);
    return entry?.data;
  };
  return open;
}

/** dirSource serves files of an OCI layout directory. */
export function dirSource(relative: string): BlobSource {
  return (path) => {
    const file = join(sharedPath('fixtures', relative), path);
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
  };
}

const json = (bytes: Uint8Array | undefined): any => JSON.parse(Buffer.from(bytes!).toString('utf8'));

/** dockerSaveImages follows manifest.json of a `docker save` tar. */
export function dockerSaveImages(source: BlobSource): FixtureImage[] {
  return json(source('manifest.json')).map((m: { Config: string; Layers: string[] }) => {
    const config = source(m.Config)!;
    return { config, configName: m.Config, diffIds: json(config).rootfs.diff_ids, layerBlobs: m.Layers.map((l) => source(l)!) };
  });
}

/** ociImages follows index.json (and nested indexes) of an OCI layout. */
export function ociImages(source: BlobSource, indexPath = 'index.json'): FixtureImage[] {
  const blob = (digest: string): Uint8Array | undefined => source(`blobs/${digest.replace(':', '/')}`);
  const images: FixtureImage[] = [];
  for (const d of json(source(indexPath)).manifests ?? []) {
    const manifest = json(blob(d.digest));
    if (manifest.manifests) { images.push(...ociImagesFromIndex(source, d.digest)); continue; }
    if (!manifest.layers) continue;
    const config = blob(manifest.config.digest)!;
    images.push({ config, configName: manifest.config.digest, diffIds: json(config).rootfs.diff_ids,
      layerBlobs: manifest.layers.map((l: { digest: string }) => blob(l.digest)!) });
  }
  return images;
}

function ociImagesFromIndex(source: BlobSource, digest: string): FixtureImage[] {
  return ociImages(source, `blobs/${digest.replace(':', '/')}`);
}
