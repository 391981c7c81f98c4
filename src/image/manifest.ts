// Manifests and indexes: the JSON that points at a config and its layers by digest.
// Docker v2 schema 2 and OCI differ in media types *and* in descriptor field order
// (Docker: mediaType, size, digest; OCI: mediaType, digest, size), and field
// order is part of the manifest digest.
import { indentGo, marshalGo, type GoValue } from './gojson';
import { digestOf } from '../layer/digest';
import { MediaType } from './media-types';

/**
 * Platform is the `platform` member of an index entry (or, in Docker 25.0–26.0
 * saves, of the config descriptor).
 *
 * @example
 * const p: Platform = { architecture: 'arm64', os: 'linux' };
 */
export interface Platform {
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
}

/**
 * Descriptor points at a blob: its media type, digest and size in bytes.
 *
 * @example
 * const d: Descriptor = { mediaType: MediaType.ociLayer, digest: 'sha256:…', size: 10752 };
 */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
}

/**
 * Manifest is an image manifest: a config descriptor plus layer descriptors,
 * bottom layer first.
 *
 * @example
 * const m: Manifest = ociManifest(configDescriptor, [layerDescriptor]);
 */
export interface Manifest {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

/**
 * Index is an image index: a list of manifest descriptors (`null` in Docker
 * 25.0.0–25.0.2 untagged saves).
 *
 * @example
 * const index: Index = ociIndex([manifestDescriptor]);
 */
export interface Index {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[] | null;
  annotations?: Record<string, string>;
}

/**
 * describe makes the Descriptor of some bytes: their sha256 and length.
 *
 * @example
 * describe(MediaType.ociConfig, configBytes(config)); // { mediaType, digest: imageID, size }
 */
export function describe(mediaType: string, bytes: Uint8Array, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType, digest: digestOf(bytes), size: bytes.length, ...extra };
}

/**
 * ociManifest builds an OCI image manifest (what `docker save` writes since
 * Docker 25, and BuildKit's OCI exporter).
 *
 * @example
 * ociManifest(describe(MediaType.ociConfig, cfg), [describe(MediaType.ociLayer, tar)]);
 */
export function ociManifest(config: Descriptor, layers: Descriptor[], annotations?: Record<string, string>): Manifest {
  const manifest: Manifest = { schemaVersion: 2, mediaType: MediaType.ociManifest, config, layers };
  if (annotations) manifest.annotations = annotations;
  return manifest;
}

/**
 * dockerManifest builds a Docker image manifest v2 schema 2 (what a registry
 * serves for images pushed by Docker).
 *
 * @example
 * dockerManifest(describe(MediaType.dockerConfig, cfg), [describe(MediaType.dockerLayerGzip, gz)]);
 */
export function dockerManifest(config: Descriptor, layers: Descriptor[]): Manifest {
  return { schemaVersion: 2, mediaType: MediaType.dockerManifest, config, layers };
}

/**
 * ociIndex builds an OCI image index, e.g. an OCI layout's `index.json`. Tags
 * go in each entry's `org.opencontainers.image.ref.name` annotation.
 *
 * @example
 * ociIndex([describe(MediaType.ociManifest, bytes, { annotations: { 'org.opencontainers.image.ref.name': 'latest' } })]);
 */
export function ociIndex(manifests: Descriptor[] | null, annotations?: Record<string, string>): Index {
  const index: Index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  if (annotations) index.annotations = annotations;
  return index;
}

/**
 * manifestBytes serialises a Manifest or Index as Go does: compact
 * `json.Marshal` by default (Docker's save), or indented like `MarshalIndent`
 * with `indent` (BuildKit's OCI exporter uses two spaces). Docker-typed
 * descriptors are written in Docker's field order. No trailing newline.
 *
 * @example
 * digestOf(manifestBytes(manifest)); // the manifest digest, the `@sha256:` of a RepoDigest
 */
export function manifestBytes(doc: Manifest | Index, { indent }: { indent?: string } = {}): Uint8Array {
  const compact = marshalGo(documentFields(doc));
  return Buffer.from(indent ? indentGo(compact, indent) : compact, 'utf8');
}

function documentFields(doc: Manifest | Index): GoValue {
  const docker = doc.mediaType === MediaType.dockerManifest || doc.mediaType === MediaType.dockerManifestList;
  const head = { schemaVersion: doc.schemaVersion, mediaType: doc.mediaType };
  if ('manifests' in doc) {
    return { ...head, manifests: doc.manifests && doc.manifests.map((d) => descriptorFields(d, docker)), annotations: goMap(doc.annotations) };
  }
  return {
    ...head,
    config: descriptorFields(doc.config, docker),
    layers: doc.layers.map((d) => descriptorFields(d, docker)),
    annotations: goMap(doc.annotations),
  };
}

function descriptorFields(d: Descriptor, docker: boolean): GoValue {
  const sizeAndDigest = docker ? { size: d.size, digest: d.digest } : { digest: d.digest, size: d.size };
  return {
    mediaType: d.mediaType,
    ...sizeAndDigest,
    annotations: goMap(d.annotations),
    platform: d.platform && platformFields(d.platform),
  };
}

function platformFields(p: Platform): GoValue {
  return { architecture: p.architecture, os: p.os, 'os.version': p['os.version'], 'os.features': p['os.features'], variant: p.variant };
}

function goMap(record: Record<string, string> | undefined): Map<string, GoValue> | undefined {
  return record && Object.keys(record).length > 0 ? new Map(Object.entries(record)) : undefined;
}
