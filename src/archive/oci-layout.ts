// Reading an OCI image layout (formats.md 4.3; image-spec image-layout.md): `index.json` lists
// manifests — or further indexes, nested as deep as a producer likes — by descriptor. Tags are
// the `org.opencontainers.image.ref.name` (and containerd's `io.containerd.image.name`)
// annotations. Unknown media types are skipped, as the spec says readers must.
import type { Descriptor, Platform } from '../image/manifest';
import { MediaType } from '../image/media-types';
import type { ArchiveFiles } from './files';
import type { ArchiveImageEntry, BlobRef } from './entry';
import { InvalidArchiveError } from './errors';
import { blobPath, readBlob } from './blobs';
import { jsonChecker, parseJson, readJson, type JsonChecker, type JsonObject } from './json';

/**
 * REF_NAME: the OCI annotation that tags an index entry (`latest`).
 *
 * @example
 * descriptor.annotations?.[REF_NAME] // 'latest'
 */
export const REF_NAME = 'org.opencontainers.image.ref.name';

/**
 * CONTAINERD_NAME: the annotation Docker 25+ and containerd add with the full name.
 *
 * @example
 * descriptor.annotations?.[CONTAINERD_NAME] // 'docker.io/library/sim:latest'
 */
export const CONTAINERD_NAME = 'io.containerd.image.name';

const INDEX_TYPES: string[] = [MediaType.ociIndex, MediaType.dockerManifestList];
const MANIFEST_TYPES: string[] = [MediaType.ociManifest, MediaType.dockerManifest];
const MAX_DEPTH = 8;

/**
 * isOciLayout: the archive has an index.json (oci-layout is required too, but some tools forget it).
 *
 * @example
 * isOciLayout(filesOfDirectory('oci-dir')) // true
 */
export function isOciLayout(files: ArchiveFiles): boolean {
  return files.has('index.json');
}

/**
 * ociEntries lists every image reachable from index.json, tags inherited from the index entry
 * that led to them. With `verify`, each manifest and nested index must hash to its descriptor.
 *
 * @example
 * ociEntries(filesOfDirectory('oci-dir'), { verify: true }).map((e) => e.tags) // [['latest']]
 */
export function ociEntries(files: ArchiveFiles, { verify = true }: { verify?: boolean } = {}): ArchiveImageEntry[] {
  const index = readJson(files, 'index.json');
  return entriesOfIndex(files, index, 'index.json', [], { verify, depth: 0, seen: new Set() });
}

interface Walk { verify: boolean; depth: number; seen: Set<string> }

function entriesOfIndex(files: ArchiveFiles, index: unknown, file: string, tags: string[], walk: Walk): ArchiveImageEntry[] {
  const check = jsonChecker(files.label, file);
  const doc = check.object(index, 'the index');
  if (doc.manifests === null || doc.manifests === undefined) return []; // Docker 25.0.0–25.0.2 untagged saves write null
  const out: ArchiveImageEntry[] = [];
  for (const [i, item] of check.array(doc.manifests, 'manifests').entries()) {
    const descriptor = descriptorOf(check, item, `manifests[${i}]`);
    const here = [...tags, ...tagsOf(descriptor)];
    if (INDEX_TYPES.includes(descriptor.mediaType)) out.push(...nestedIndex(files, descriptor, here, walk));
    else if (MANIFEST_TYPES.includes(descriptor.mediaType)) out.push(manifestEntry(files, descriptor, here, walk.verify));
  }
  return out;
}

function nestedIndex(files: ArchiveFiles, descriptor: Descriptor, tags: string[], walk: Walk): ArchiveImageEntry[] {
  if (walk.depth >= MAX_DEPTH || walk.seen.has(descriptor.digest)) {
    throw new InvalidArchiveError({ archive: files.label, file: descriptor.digest, reason: 'indexes nest too deeply or point back at themselves' });
  }
  const path = blobPath(descriptor.digest, files.label);
  const bytes = readBlob(files, { path, digest: descriptor.digest, size: descriptor.size }, { verify: walk.verify, what: 'index' });
  const seen = new Set(walk.seen).add(descriptor.digest);
  return entriesOfIndex(files, parseJson(bytes, files.label, path), path, tags, { ...walk, depth: walk.depth + 1, seen });
}

function manifestEntry(files: ArchiveFiles, descriptor: Descriptor, tags: string[], verify: boolean): ArchiveImageEntry {
  const path = blobPath(descriptor.digest, files.label);
  const bytes = readBlob(files, { path, digest: descriptor.digest, size: descriptor.size }, { verify, what: 'manifest' });
  const check = jsonChecker(files.label, path);
  const manifest = check.object(parseJson(bytes, files.label, path), 'the manifest');
  const toRef = (d: Descriptor): BlobRef => ({ path: blobPath(d.digest, files.label), digest: d.digest, size: d.size, mediaType: d.mediaType });
  const entry: ArchiveImageEntry = {
    format: 'oci',
    tags,
    config: toRef(descriptorOf(check, manifest.config, 'config')),
    layers: check.array(manifest.layers, 'layers').map((l, i) => toRef(descriptorOf(check, l, `layers[${i}]`))),
    manifestDigest: descriptor.digest,
  };
  if (descriptor.platform) entry.platform = descriptor.platform;
  return entry;
}

function descriptorOf(check: JsonChecker, value: unknown, what: string): Descriptor {
  const d = check.object(value, what);
  const descriptor: Descriptor = { mediaType: check.optionalString(d.mediaType, `${what}.mediaType`) ?? '', digest: check.string(d.digest, `${what}.digest`), size: check.number(d.size, `${what}.size`) };
  if (d.annotations !== undefined && d.annotations !== null) descriptor.annotations = stringMap(check.object(d.annotations, `${what}.annotations`));
  if (d.platform !== undefined && d.platform !== null) descriptor.platform = check.object(d.platform, `${what}.platform`) as unknown as Platform;
  return descriptor;
}

function stringMap(object: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) if (typeof value === 'string') out[key] = value;
  return out;
}

function tagsOf(descriptor: Descriptor): string[] {
  const names = [descriptor.annotations?.[REF_NAME], descriptor.annotations?.[CONTAINERD_NAME]];
  return names.filter((n): n is string => typeof n === 'string' && n !== '');
}
