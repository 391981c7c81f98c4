// Importing an image from an archive: `docker save` tars (legacy, Docker 25+, kaniko's gzip
// layers), OCI layouts as a directory or a tar. The archive is not read into memory: its index is,
// then each layer's blob in turn, into a reused buffer; each layer is decompressed on its own
// (bounded, so a bomb stops early), checked against its digests (on a second thread, while this one
// parses it) and applied to one shared Disk, where its files stay extents of the archive (see
// README.md, "Memory").
import type { Disk } from '../overlay/tree';
import { Layer, layerDisk, layerFromTar } from '../layer/layer';
import { TarSource } from '../layer/tar-source';
import { ReadBuffer } from '../layer/read-buffer';
import { DEFAULT_MAX_BYTES, decompress, decompressInto } from '../layer/compression';
import { DigestMismatchError, digestOf, parseDigest, sameDigest } from '../layer/digest';
import { digestOnThread, useHashThread } from '../layer/hash-thread';
import { makeImage, type Image } from '../image/image';
import { imageID } from '../image/digest';
import { parseImageConfig } from '../image/parse';
import type { ImageConfig } from '../image/types';
import type { ArchiveFiles } from './files';
import type { ArchiveFormat, ArchiveImageEntry, BlobRef } from './entry';
import { listArchive, openArchive } from './open';
import { checkBlob, readBlob } from './blobs';
import { selectEntry } from './select';
import { InvalidArchiveError } from './errors';
import type { ProgressCallback } from './progress';

/**
 * ImportOptions: which image, whether to check digests, where to report progress, where layers go.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const options: ImportOptions = { reference: 'v2', verify: true }; // the OCI archive holds one entry per tag
 * (await importArchive(ociArchiveBytes(image, { tags: ['v1', 'v2'] }), options)).tags // → [ 'v2' ]
 */
export interface ImportOptions {
  /** A tag (`sim:latest`, `latest`), a manifest digest or an image ID; needed when the archive holds several images. */
  reference?: string;
  /** Check every digest (default true). With false, a damaged archive imports as far as it parses. */
  verify?: boolean;
  onProgress?: ProgressCallback;
  /** The disk all layers go on (default: the shared layer disk). */
  disk?: Disk;
  /** Read the archive as this format even when it could be read as the other (Docker 25+ saves are both). */
  format?: ArchiveFormat;
  /** The most bytes one layer may decompress to (default 1 GiB). */
  maxLayerBytes?: number;
}

/**
 * ImportedImage: the image, its tags as the archive spells them, and where it came from.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const imported: ImportedImage = await importArchive(ociArchiveBytes(image, { tags: ['latest'] }));
 * [imported.format, imported.tags, imported.image.id === image.id] // → [ 'oci', [ 'latest' ], true ]
 */
export interface ImportedImage {
  image: Image;
  tags: string[];
  format: ArchiveFormat;
  manifestDigest?: string;
  archive: string;
}

/**
 * importArchive reads one image from an archive, verifying every blob (unless `verify: false`):
 * blob digests against their names and descriptors, layer diffIDs against the config, the image
 * ID against the config bytes. Throws InvalidArchiveError, DigestMismatchError or
 * ImageNotInArchiveError with a message naming the blob.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nADD hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const imported = await importArchive(dockerArchiveBytes(image, { tags: ['demo:v1'] })); // or a path to a `docker save` tar
 * [imported.tags, imported.image.id === image.id] // → [ [ 'demo:v1' ], true ]
 */
export async function importArchive(input: string | Uint8Array, options: ImportOptions = {}): Promise<ImportedImage> {
  const { reference, verify = true, onProgress, format } = options;
  const files = openArchive(input);
  const entry = selectEntry(await listArchive(files, { verify, format }), reference, files.label);
  // The hash thread starts while the config is read, and stops with the import.
  const image = await useHashThread(() => loadImage(files, entry, options, verify, onProgress));
  const imported: ImportedImage = { image, tags: entry.tags, format: entry.format, archive: files.label };
  if (entry.manifestDigest) imported.manifestDigest = entry.manifestDigest;
  return imported;
}

async function loadImage(files: ArchiveFiles, entry: ArchiveImageEntry, options: ImportOptions, verify: boolean, onProgress?: ProgressCallback): Promise<Image> {
  const blobs = [entry.config, ...entry.layers];
  const sizes = blobs.map((b) => b.size ?? files.size(b.path) ?? 0);
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  const report = (blob: string): void => onProgress?.({ bytesDone: done, bytesTotal: total, blob });
  report('config');
  const configBytes = readBlob(files, entry.config, { verify, what: 'config' });
  const config = configOf(files, entry.config, configBytes);
  const diffIDs = config.rootfs.diff_ids ?? [];
  if (verify && diffIDs.length !== entry.layers.length) {
    throw new InvalidArchiveError({ archive: files.label, file: entry.config.path, reason: `the config names ${diffIDs.length} layers but the manifest lists ${entry.layers.length}` });
  }
  done += sizes[0];
  const layers: Layer[] = [];
  // Each blob, and each uncompressed tar, goes into the same memory: done with before the next
  // (the blob buffer at once as large as the largest blob).
  const [blobScratch, tarScratch] = [new ReadBuffer(), new ReadBuffer()];
  blobScratch.take(Math.max(0, ...entry.layers.map((ref) => files.size(ref.path) ?? 0)));   // real sizes: a descriptor may lie
  for (const [i, ref] of entry.layers.entries()) {
    report(`layer ${i + 1}/${entry.layers.length} ${ref.digest ?? ref.path}`);
    await nextTick();  // let a progress display draw between layers
    layers.push(await loadLayer(files, ref, diffIDs[i], { ...options, verify, what: `layer ${i + 1}`, blobScratch, tarScratch }));
    done += sizes[i + 1];
  }
  report('done');
  return verify ? makeImage(config, layers, { bytes: configBytes }) : Object.freeze({ id: imageID(configBytes), config, configBytes, layers: Object.freeze(layers) });
}

function configOf(files: ArchiveFiles, ref: BlobRef, bytes: Uint8Array): ImageConfig {
  try {
    return parseImageConfig(bytes);
  } catch (error) {
    throw new InvalidArchiveError({ archive: files.label, file: ref.path, reason: (error as Error).message }, error);
  }
}

type LayerOptions = ImportOptions & { verify: boolean; what: string; blobScratch: ReadBuffer; tarScratch: ReadBuffer };

async function loadLayer(files: ArchiveFiles, ref: BlobRef, diffID: string | undefined, options: LayerOptions): Promise<Layer> {
  const where = `${options.what} (${ref.path}) of ${files.label}`;
  const blob = readBlob(files, ref, { verify: false, what: options.what, into: options.blobScratch });
  // The digests are computed on the hash thread while this thread decompresses and parses (two
  // cores, two jobs). Both are awaited before the layer is handed out, and a wrong blob is the
  // explanation preferred over anything that failed after reading it.
  const blobChecked = options.verify ? checkBlob(files, ref, blob, options.what) : Promise.resolve();
  blobChecked.catch(() => undefined);   // awaited below; this only keeps an early throw from leaving it unhandled
  try {
    const tar = await rethrowAsync(files, ref, options.what, () => decompressInto(blob, options.tarScratch, { maxBytes: options.maxLayerBytes ?? DEFAULT_MAX_BYTES }));
    const diffChecked = options.verify ? checkDiffID(tar, blob, blobChecked, ref, diffID, where) : Promise.resolve(undefined);
    diffChecked.catch(() => undefined);
    // The layer keeps where its tar is, not the tar (which sits in a scratch buffer the next layer
    // overwrites): its files are read back from the archive, and checked again, when read.
    const source = new TarSource(fetchAgain(files, ref, tar.length, options.verify ? diffID : undefined, options));
    const layer = rethrowAs(files, ref, options.what, () => layerFromTar(tar, { disk: options.disk ?? layerDisk(), source }));
    await blobChecked;
    const verified = await diffChecked;
    if (verified) layer.cachedDiffID = verified;
    return layer;
  } catch (error) {
    await blobChecked;
    throw error;
  }
}

// The diff_id check: sha256 of the uncompressed tar. An uncompressed blob named by its diff_id was
// hashed under that name already: the same bytes need no second hash.
async function checkDiffID(tar: Uint8Array, blob: Uint8Array, blobChecked: Promise<void>, ref: BlobRef, diffID: string | undefined, where: string): Promise<string> {
  const sameBytes = tar === blob && ref.digest !== undefined && diffID !== undefined && sameDigest(ref.digest, diffID);
  const actual = sameBytes ? (await blobChecked, canonical(diffID!)) : await digestOnThread(tar);
  if (diffID === undefined || !sameDigest(actual, diffID)) throw new DigestMismatchError({ what: `the uncompressed ${where}`, expected: diffID ?? '(no diff_id in the config)', actual });
  return actual;
}

// A digest as digestOf spells it (lowercase hex), whatever case the config used.
function canonical(digest: string): string {
  const parsed = parseDigest(digest)!;
  return `${parsed.algorithm}:${parsed.hex}`;
}

// A function of its own so the closure cannot hold on to the first copy of the tar (V8 gives the
// closures of one scope one shared context: any closure there beside one using `tar` keeps it).
function fetchAgain(files: ArchiveFiles, ref: BlobRef, length: number, verified: string | undefined, options: ImportOptions & { what: string }): () => Uint8Array {
  const gone = (how: string): never => {
    throw new InvalidArchiveError({
      archive: files.label, file: ref.path, reason: `${options.what} is no longer what was imported (${how})`,
      advice: 'An imported image reads its layers from the archive it came from when their files are read: keep the archive as it was, or import it again.',
    });
  };
  return () => {
    let again: Uint8Array;
    try {
      again = uncompressed(files, ref, readBlob(files, ref, { verify: false, what: options.what }), options);
    } catch (error) {
      return gone(error instanceof InvalidArchiveError ? error.data.reason : (error as Error).message);
    }
    const now = verified === undefined ? undefined : digestOf(again);
    if (again.length !== length || (now !== undefined && !sameDigest(now, verified!))) {
      gone(`its uncompressed tar now has ${again.length} bytes${now ? ` and digest ${now}` : ''}`);
    }
    return again;
  };
}

function uncompressed(files: ArchiveFiles, ref: BlobRef, blob: Uint8Array, options: ImportOptions & { what: string }): Uint8Array {
  return rethrowAs(files, ref, options.what, () => decompress(blob, { maxBytes: options.maxLayerBytes ?? DEFAULT_MAX_BYTES }));
}

/** rethrowAsync: rethrowAs for work that is awaited. */
async function rethrowAsync<T>(files: ArchiveFiles, ref: BlobRef, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unreadable(files, ref, what, error);
  }
}

/** rethrowAs: a tar or compression problem becomes an InvalidArchiveError that names the blob. */
function rethrowAs<T>(files: ArchiveFiles, ref: BlobRef, what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw unreadable(files, ref, what, error);
  }
}

function unreadable(files: ArchiveFiles, ref: BlobRef, what: string, error: unknown): InvalidArchiveError {
  return new InvalidArchiveError({ archive: files.label, file: ref.path, reason: `${what} cannot be read: ${(error as Error).message}` }, error);
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
