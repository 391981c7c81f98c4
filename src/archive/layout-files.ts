// The files of an exported image, as plain data: an OCI image layout (image-layout.md) and the
// Docker 25+ `docker save` layout, which is an OCI layout plus manifest.json and repositories
// (formats.md 4.2, emulating Docker 28: no platform on the config descriptor, an untagged image
// still gets one index entry, index.json's mtime is 0). JSON is written as Go writes it:
// index.json and manifest blobs with json.Marshal (no newline), manifest.json and repositories
// with json.Encoder (one trailing newline), oci-layout with its odd space.
import type { Image } from '../image/image';
import { MediaType } from '../image/media-types';
import { describe, manifestBytes, ociIndex, ociManifest, type Descriptor } from '../image/manifest';
import { marshalGo, type GoValue } from '../image/gojson';
import { gzipCompress } from '../layer/compression';
import { unixSeconds } from '../render/time';
import { normalizeReference } from './select';
import { CONTAINERD_NAME, REF_NAME } from './oci-layout';

/**
 * OutputFile: one file of an export: its path inside the layout, bytes and mtime (Unix seconds).
 *
 * @example
 * const f: OutputFile = { path: 'oci-layout', bytes: OCI_LAYOUT_BYTES, mtime: 0 };
 */
export interface OutputFile {
  path: string;
  bytes: Uint8Array;
  mtime: number;
}

/**
 * OCI_LAYOUT_BYTES: `{"imageLayoutVersion": "1.0.0"}` — Docker writes the space, and no newline.
 *
 * @example
 * Buffer.from(OCI_LAYOUT_BYTES).toString() // '{"imageLayoutVersion": "1.0.0"}'
 */
export const OCI_LAYOUT_BYTES = Buffer.from('{"imageLayoutVersion": "1.0.0"}');

/**
 * LayoutOptions: tags for index.json, and whether layers are stored gzip-compressed (umoci 0.4 needs that).
 *
 * @example
 * ociLayoutFiles(image, { tags: ['latest'], compression: 'gzip' })
 */
export interface LayoutOptions {
  tags?: string[];
  compression?: 'none' | 'gzip';
}

interface Blobs { files: OutputFile[]; manifest: Descriptor; layerDescriptors: Descriptor[] }

/**
 * createdSeconds: the image's `created` time, which Docker gives its blobs as mtime.
 *
 * @example
 * createdSeconds(image) // 1700000000 for created 2023-11-14T22:13:20Z
 */
export function createdSeconds(image: Image): number {
  return (image.config.created && unixSeconds(image.config.created)) || 0;
}

function imageBlobs(image: Image, compression: 'none' | 'gzip'): Blobs {
  const created = createdSeconds(image);
  const files: OutputFile[] = [];
  const add = (bytes: Uint8Array, mediaType: string, mtime: number): Descriptor => {
    const d = describe(mediaType, bytes);
    if (!files.some((f) => f.path === blobName(d.digest))) files.push({ path: blobName(d.digest), bytes, mtime });
    return d;
  };
  const layerDescriptors = image.layers.map((layer) => compression === 'gzip'
    ? add(gzipCompress(layer.tar), MediaType.ociLayerGzip, created)
    : add(layer.tar, MediaType.ociLayer, created));
  const config = add(image.configBytes, MediaType.ociConfig, created);
  const manifest = add(manifestBytes(ociManifest(config, layerDescriptors)), MediaType.ociManifest, 0);
  return { files, manifest, layerDescriptors };
}

/**
 * blobName: `blobs/sha256/<hex>`.
 *
 * @example
 * blobName('sha256:ab…') // 'blobs/sha256/ab…'
 */
export function blobName(digest: string): string {
  return `blobs/${digest.replace(':', '/')}`;
}

/**
 * ociLayoutFiles lists the files of an OCI layout holding `image`. Each tag becomes an index
 * entry annotated `org.opencontainers.image.ref.name`; with no tag, one untagged entry.
 *
 * @example
 * ociLayoutFiles(image, { tags: ['latest'], compression: 'gzip' }).map((f) => f.path)
 * // ['blobs/sha256/…', …, 'index.json', 'oci-layout']
 */
export function ociLayoutFiles(image: Image, { tags = [], compression = 'none' }: LayoutOptions = {}): OutputFile[] {
  const { files, manifest } = imageBlobs(image, compression);
  const entries = tags.length === 0 ? [manifest] : tags.map((tag) => ({ ...manifest, annotations: { [REF_NAME]: tag } }));
  return [...files, { path: 'index.json', bytes: manifestBytes(ociIndex(entries)), mtime: 0 }, { path: 'oci-layout', bytes: OCI_LAYOUT_BYTES, mtime: 0 }];
}

/**
 * dockerSaveFiles lists the files `docker save` (Docker 25+, graphdriver store) writes for
 * `image` tagged with `tags` (`name:tag`): uncompressed layers, the config, an OCI manifest,
 * index.json, manifest.json, oci-layout and — when tagged — repositories.
 *
 * @example
 * dockerSaveFiles(image, { tags: ['sim:latest'] }).find((f) => f.path === 'manifest.json')
 */
export function dockerSaveFiles(image: Image, { tags = [] }: { tags?: string[] } = {}): OutputFile[] {
  const { files, manifest, layerDescriptors } = imageBlobs(image, 'none');
  const entries = tags.length === 0 ? [manifest] : tags.map((tag) => ({ ...manifest, annotations: { [CONTAINERD_NAME]: normalizeReference(tag), [REF_NAME]: tagPart(tag) } }));
  const out = [...files, { path: 'index.json', bytes: manifestBytes(ociIndex(entries)), mtime: 0 }];
  out.push({ path: 'manifest.json', bytes: encoderBytes([saveManifestEntry(image, tags, layerDescriptors)]), mtime: 0 });
  out.push({ path: 'oci-layout', bytes: OCI_LAYOUT_BYTES, mtime: 0 });
  if (tags.length > 0) out.push({ path: 'repositories', bytes: encoderBytes(repositories(image, tags)), mtime: 0 });
  return out;
}

/** One manifest.json entry: Go struct order Config, RepoTags, Layers, LayerSources (a sorted map of distribution descriptors). */
function saveManifestEntry(image: Image, tags: string[], layers: Descriptor[]): GoValue {
  const sources = new Map<string, GoValue>(layers.map((d) => [d.digest, { mediaType: d.mediaType, size: d.size, digest: d.digest }]));
  return {
    Config: blobName(image.id),
    RepoTags: tags.length === 0 ? null : tags.map((t) => `${familiarName(t)}:${tagPart(t)}`),
    Layers: layers.map((d) => blobName(d.digest)),
    LayerSources: sources.size > 0 ? sources : undefined,
  };
}

/** repositories: familiar name → tag → hex of the top layer's diffID. */
function repositories(image: Image, tags: string[]): GoValue {
  const top = image.layers[image.layers.length - 1]?.diffID.replace('sha256:', '') ?? '';
  const repos = new Map<string, Map<string, GoValue>>();
  for (const tag of tags) {
    const name = familiarName(tag);
    repos.set(name, (repos.get(name) ?? new Map<string, GoValue>()).set(tagPart(tag), top));
  }
  return repos as unknown as GoValue;
}

function tagPart(reference: string): string {
  return normalizeReference(reference).split(':').pop()!;
}

function familiarName(reference: string): string {
  const full = normalizeReference(reference);
  const name = full.slice(0, full.lastIndexOf(':'));
  return name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

function encoderBytes(value: GoValue): Uint8Array {
  return Buffer.from(marshalGo(value) + '\n');
}
