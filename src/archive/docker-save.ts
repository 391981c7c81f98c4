// Reading `docker save`'s manifest.json (formats.md 4.1, 4.2): one object per image with its
// config path, layer paths and RepoTags. The same file exists in legacy saves (`<v1id>/layer.tar`),
// Docker 25+ saves (`blobs/sha256/<hex>`), kaniko's and skopeo's docker-archives (`<hex>.tar.gz`).
import type { ArchiveFiles } from './files';
import type { ArchiveImageEntry, BlobRef } from './entry';
import { jsonChecker, readJson } from './json';

const MANIFEST = 'manifest.json';

/**
 * isDockerSave: the archive has a manifest.json, which is all `docker load` looks at.
 *
 * @example
 * isDockerSave(filesOfTar(bytes)) // true for any docker save tar
 */
export function isDockerSave(files: ArchiveFiles): boolean {
  return files.has(MANIFEST);
}

/**
 * dockerSaveEntries lists the images of a `docker save` archive. Throws InvalidArchiveError when
 * manifest.json is missing or malformed.
 *
 * @example
 * dockerSaveEntries(filesOfTar(bytes)).map((e) => e.tags) // [['busybox:latest']]
 */
export function dockerSaveEntries(files: ArchiveFiles): ArchiveImageEntry[] {
  const check = jsonChecker(files.label, MANIFEST);
  return check.array(readJson(files, MANIFEST), 'manifest.json').map((item, i) => {
    const m = check.object(item, `entry ${i}`);
    const tags = m.RepoTags === null || m.RepoTags === undefined ? [] : check.array(m.RepoTags, `entry ${i} RepoTags`).map((t) => check.string(t, 'a tag'));
    return {
      format: 'docker-archive',
      tags,
      config: blobRef(check.string(m.Config, `entry ${i} Config`), /(?:\.json)?$/),
      layers: check.array(m.Layers, `entry ${i} Layers`).map((l) => blobRef(check.string(l, `entry ${i} a layer`), /(?:\.tar|\.tar\.gz|\.tar\.zst)?$/)),
    };
  });
}

/**
 * blobRef: when a file is named by content (`<hex>.json`, `blobs/sha256/<hex>`, kaniko's
 * `sha256:<hex>`, `<hex>.tar.gz`) that name is the digest it must have. Legacy
 * `<v1id>/layer.tar` names say nothing about the bytes, so they get no digest.
 */
function blobRef(path: string, suffix: RegExp): BlobRef {
  const base = path.split('/').pop() ?? '';
  const match = /^(?:sha256:)?([0-9a-f]{64})/.exec(base);
  if (match && base.slice(match[0].length).replace(suffix, '') === '') return { path, digest: `sha256:${match[1]}` };
  return { path };
}
