// Picking one image out of an archive that may hold several, the way skopeo's `oci:DIR:REF` and
// `docker-archive:FILE:REF` do: by tag (as the archive spells it, or in Docker's familiar form),
// by manifest digest, or by image ID.
import type { ArchiveImageEntry } from './entry';
import { ImageNotInArchiveError } from './errors';

/**
 * normalizeReference writes a reference in full: `busybox` → `docker.io/library/busybox:latest`.
 *
 * @example
 * normalizeReference('sim:latest') // 'docker.io/library/sim:latest'
 */
export function normalizeReference(reference: string): string {
  const [name, tag] = splitTag(reference);
  const parts = name.split('/');
  const hasRegistry = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]);
  const full = hasRegistry ? name : parts.length === 1 ? `docker.io/library/${name}` : `docker.io/${name}`;
  return `${full}:${tag ?? 'latest'}`;
}

function splitTag(reference: string): [string, string | undefined] {
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, undefined];
}

/** matches: a tag equal as written, equal in full form, or a digest naming the manifest or config. */
function matches(entry: ArchiveImageEntry, reference: string): boolean {
  const hex = /^(?:sha256:)?([0-9a-f]{12,64})$/.exec(reference)?.[1];
  if (hex) {
    const digests = [entry.manifestDigest, entry.config.digest].filter((d): d is string => d !== undefined);
    if (digests.some((d) => d.slice('sha256:'.length).startsWith(hex))) return true;
  }
  if (entry.tags.includes(reference)) return true;
  return entry.tags.some((tag) => tag.includes(':') && normalizeReference(tag) === normalizeReference(reference));
}

/**
 * selectEntry returns the one entry `reference` names — or, with no reference, the only entry.
 * Throws ImageNotInArchiveError listing what the archive holds otherwise.
 *
 * @example
 * selectEntry(entries, 'sim:latest', 'save.tar').tags // ['sim:latest']
 */
export function selectEntry(entries: ArchiveImageEntry[], reference: string | undefined, archive: string): ArchiveImageEntry {
  const found = reference === undefined ? entries : entries.filter((e) => matches(e, reference));
  if (found.length === 1) return found[0];
  const unique = reference !== undefined && found.length > 1 && found.every((e) => e.config.digest !== undefined && e.config.digest === found[0].config.digest);
  if (unique) return found[0];
  const available = entries.map((e) => e.tags[0] ?? e.manifestDigest ?? e.config.digest ?? e.config.path);
  throw new ImageNotInArchiveError({ archive, reference, available });
}
