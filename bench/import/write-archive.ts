// Writing the import benchmark's archives with layerlab's own writers: the layer tars with
// dockerLayerTar, the image with layerFromTar + appendLayer + makeImage, and then
//   - 'none': a Docker 25+ `docker save` tar (dockerArchiveBytes), layers stored uncompressed;
//   - 'gzip': a kaniko-style docker-archive (config `sha256:<id>`, layers `<digest>.tar.gz`,
//     formats.md §5 "test-kaniko-image.tar"), written with writeTar and gzipCompress, because
//     Docker's own save never gzips layers (formats.md §4.2).
// Both hold the same image: the same config bytes, the same diffIDs, the same image ID.
import { writeFileSync } from 'node:fs';
import { Disk } from '../../src/overlay/tree';
import { layerFromTar } from '../../src/layer/layer';
import { dockerLayerTar, writeTar } from '../../src/layer/tar/index';
import type { TarEntry } from '../../src/layer/tar/index';
import { gzipCompress } from '../../src/layer/compression';
import { digestOf } from '../../src/layer/digest';
import { appendLayer, emptyImage } from '../../src/image/append';
import { historyEntry } from '../../src/image/history';
import { makeImage, type Image } from '../../src/image/image';
import { dockerArchiveBytes } from '../../src/archive/export';
import type { ArchivePlan } from './archive-plan';

/** ArchiveCompression: how the layers are stored in the archive. */
export type ArchiveCompression = 'none' | 'gzip';

/** BENCH_TAG: the tag both archives carry. */
export const BENCH_TAG = 'bench:import';

/** BenchArchive: a written archive and what an importer must find in it. */
export interface BenchArchive {
  path: string;
  compression: ArchiveCompression;
  format: string;
  bytes: number;
  imageID: string;
  diffIDs: string[];
  /** The archive's config and layer files, as `tar -x` puts them (the tar reference hashes them). */
  configFile: string;
  layerFiles: string[];
}

/**
 * benchImage builds the planned image: one layer per planned layer (applied on a scratch Disk,
 * which is dropped with the image), a history entry for each.
 * @example const image = benchImage(planArchive(QUICK_ARCHIVE)); image.layers.length  // 10
 */
export function benchImage(plan: ArchivePlan): Image {
  const disk = new Disk();
  const layers = plan.layers.map((entries) => layerFromTar(dockerLayerTar(entries), { disk }));
  let config = emptyImage();
  layers.forEach((layer, i) => {
    config = appendLayer(config, layer, historyEntry({ created: '2023-11-14T22:13:20Z', createdBy: `/bin/sh -c #(nop) ADD dir:layer${i} in / ` }));
  });
  return makeImage({ ...config, config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] } }, layers);
}

/**
 * writeBenchArchive writes `image` to `path` with its layers stored as `compression` asks.
 * @example const archive = writeBenchArchive(image, '/tmp/x/save.tar', 'none'); archive.bytes > 0  // true
 */
export function writeBenchArchive(image: Image, path: string, compression: ArchiveCompression): BenchArchive {
  const diffIDs = image.layers.map((layer) => layer.diffID);
  if (compression === 'none') {
    const bytes = dockerArchiveBytes(image, { tags: [BENCH_TAG] });
    writeFileSync(path, bytes);
    const hex = (digest: string): string => `blobs/sha256/${digest.slice('sha256:'.length)}`;
    return { path, compression, format: 'docker save (Docker 25+), uncompressed layers', bytes: bytes.length, imageID: image.id, diffIDs, configFile: hex(image.id), layerFiles: diffIDs.map(hex) };
  }
  const blobs = image.layers.map((layer) => gzipCompress(layer.tar));
  const layerFiles = blobs.map((blob) => `${digestOf(blob).slice('sha256:'.length)}.tar.gz`);
  const configFile = image.id;
  const manifest = [{ Config: configFile, RepoTags: [BENCH_TAG], Layers: layerFiles }];
  const files: [string, Uint8Array][] = [[configFile, image.configBytes], ...blobs.map((blob, i): [string, Uint8Array] => [layerFiles[i], blob]), ['manifest.json', Buffer.from(JSON.stringify(manifest))]];
  const bytes = writeTar(files.map(([name, data]) => plainFile(name, data)));
  writeFileSync(path, bytes);
  return { path, compression, format: 'docker-archive as kaniko writes it, gzip layers', bytes: bytes.length, imageID: image.id, diffIDs, configFile, layerFiles };
}

function plainFile(name: string, data: Uint8Array): TarEntry {
  return { name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: data.length, data };
}
