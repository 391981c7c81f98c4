// What an archive says about one image before any blob is read: where its config and layers are,
// which digests they must have, and its tags. Both readers (docker-save.ts, oci-layout.ts) produce
// these; the importer (import.ts) reads and verifies the blobs they point at.
import type { Platform } from '../image/manifest';

/**
 * ArchiveFormat: how the archive named the image — `docker save`'s manifest.json or an OCI index.
 *
 * @example
 * const format: ArchiveFormat = 'oci';
 */
export type ArchiveFormat = 'docker-archive' | 'oci';

/**
 * BlobRef points at one blob: its path in the archive and what it must hash to. `digest` is
 * undefined where the archive names the blob by something other than its content (legacy
 * `<v1id>/layer.tar`); `size` and `mediaType` come from a descriptor when there is one.
 *
 * @example
 * const ref: BlobRef = { path: 'blobs/sha256/ee30…', digest: 'sha256:ee30…', size: 581 };
 */
export interface BlobRef {
  path: string;
  digest?: string;
  size?: number;
  mediaType?: string;
}

/**
 * ArchiveImageEntry is one image an archive holds, as listed by `listArchive`.
 *
 * @example
 * (await listArchive('save.tar')).map((e) => e.tags) // [['sim:latest']]
 */
export interface ArchiveImageEntry {
  format: ArchiveFormat;
  /** Tags as the archive spells them: RepoTags (`name:tag`), OCI ref names, containerd names. */
  tags: string[];
  config: BlobRef;
  layers: BlobRef[];
  /** The manifest's digest (OCI layouts only): what `name@sha256:…` would name. */
  manifestDigest?: string;
  platform?: Platform;
}
