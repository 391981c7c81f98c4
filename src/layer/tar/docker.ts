// "Docker's way": the exact bytes moby/go-archive writes for a layer (formats.md §3.1, §3.3) —
// relative names, dirs ending in '/', no root entry, permission bits only, numeric ids with empty
// names, whole-second mtimes, no atime/ctime, PAX only where needed, walk order, two zero blocks.
// Kernel-form whiteouts are turned into OCI form on the way out, as go-archive's ConvertWrite
// does for overlay2 (overlayfs.md §4 "Exporting a layer").
import { FIDELITY_KEYS, TYPE_BITS, TarEntry } from './entry';
import { TarFormatError } from './errors';
import { decodeUtf8 } from './fields';
import { pathComponents, sortInWalkOrder } from './walk-order';
import { writeTar, writeTarParts } from './write';

/** WHITEOUT_PREFIX marks a deleted name in a layer tar: '.wh.<name>' (image-spec layer.md). */
export const WHITEOUT_PREFIX = '.wh.';
/** OPAQUE_MARKER marks a directory whose lower contents are hidden: '<dir>/.wh..wh..opq'. */
export const OPAQUE_MARKER = '.wh..wh..opq';

const OPAQUE_XATTRS = ['trusted.overlay.opaque', 'user.overlay.opaque'];

/** DockerLayerOptions tune the few things that changed between Docker versions. */
export interface DockerLayerOptions {
  /** 'walk' (default) sorts as a directory walk would; 'asGiven' keeps the caller's order. */
  order?: 'walk' | 'asGiven';
  /** Docker ≤ 23 stored file-type bits in the mode (0100644); default false, as Docker 24+ and BuildKit. */
  typeBitsInMode?: boolean;
}

/**
 * dockerLayerTar returns the bytes Docker writes for a layer holding these entries; its sha256 is
 * the layer's diffID. Entries may use the kernel's forms for deletions (a char device 0:0) and
 * opaque dirs (xattr trusted.overlay.opaque = 'y'); they become '.wh.' entries.
 *
 * @example
 * const tar = dockerLayerTar([{ name: 'hello', type: 'file', mode: 0o755, uid: 0, gid: 0,
 *   mtime: 1702681921, size: 3, data: new TextEncoder().encode('hi\n') }]);
 * digestOf(tar) // → sha256:a607c071bfcffd75b239fa1f6fa51f8576d5995ff486b68e716670de366c1d2f
 * // the diffID of BuildKit's `COPY hello /hello`
 */
export function dockerLayerTar(entries: TarEntry[], options: DockerLayerOptions = {}): Uint8Array {
  return writeTar(dockerLayerEntries(entries, options));
}

/** dockerLayerTarParts: dockerLayerTar's bytes as pieces, for hashing without one big copy. */
export function dockerLayerTarParts(entries: TarEntry[], options: DockerLayerOptions = {}): Uint8Array[] {
  return writeTarParts(dockerLayerEntries(entries, options));
}

/**
 * dockerLayerEntries returns the entries exactly as dockerLayerTar writes them, so a notebook
 * can show what Docker's normalisation did.
 *
 * @example
 * const [etc] = dockerLayerEntries([{ name: './etc', type: 'dir', mode: 0o40755, uid: 0, gid: 0, mtime: 1.5, size: 0 }]);
 * [etc.name, etc.mode.toString(8), etc.mtime] // → [ 'etc/', '755', 1 ]
 */
export function dockerLayerEntries(entries: TarEntry[], { order = 'walk', typeBitsInMode = false }: DockerLayerOptions = {}): TarEntry[] {
  const kept = entries.filter((entry) => pathComponents(entry.name).length > 0); // the root is never written
  const ordered = order === 'walk' ? sortInWalkOrder(kept) : kept;
  const result: TarEntry[] = [];
  ordered.forEach((entry, index) => result.push(...dockerFormOf(entry, index, { typeBitsInMode })));
  return result;
}

/**
 * dockerFormOf is what Docker writes for one entry met by its walk (go-archive's addTarFile, then
 * ConvertWrite): the entry normalised, a kernel whiteout as its `.wh.` file, an opaque directory
 * followed by its `.wh..wh..opq` marker, nothing for the root. `index` names the entry in errors.
 *
 * @example
 * dockerFormOf({ name: 'etc/motd', type: 'char', mode: 0, uid: 0, gid: 0, mtime: 0, size: 0, devmajor: 0, devminor: 0 }, 0)
 *   .map((e) => e.name) // → [ 'etc/.wh.motd' ]
 */
export function dockerFormOf(entry: TarEntry, index: number, { typeBitsInMode = false }: { typeBitsInMode?: boolean } = {}): TarEntry[] {
  const parts = pathComponents(entry.name);
  if (parts.length === 0) return [];
  const normal = normalise(entry, parts, index, typeBitsInMode);
  const written = isKernelWhiteout(entry) ? whiteoutFor(normal) : normal;
  return isOpaqueDir(entry) ? [written, opaqueMarkerFor(normal)] : [written];
}

function normalise(entry: TarEntry, parts: string[], index: number, typeBitsInMode: boolean): TarEntry {
  if (parts.includes('..')) {
    throw new TarFormatError({ entryIndex: index, name: entry.name, offset: 0, reason: "a layer path may not contain '..'" });
  }
  // A copy without what Docker never writes: how another writer stored the entry (fidelity
  // fields), owner names, atime/ctime and xattrs. Only keys that are there are deleted: a copy
  // of a plain entry stays a plain, fast object.
  const out: TarEntry = { ...entry };
  for (const key of NOT_WRITTEN) if (key in out) delete out[key];
  out.name = parts.join('/') + (entry.type === 'dir' ? '/' : '');
  out.mtime = Math.floor(entry.mtime);
  out.mode = (entry.mode & 0o7777) | (typeBitsInMode ? TYPE_BITS[entry.type] : 0);
  if (entry.type !== 'file') out.size = 0;
  if ('data' in out && (entry.type !== 'file' || out.data === undefined)) delete out.data;
  const capability = entry.xattrs?.['security.capability'];
  if (capability) out.xattrs = { 'security.capability': capability }; // the only xattr moby exports
  return out;
}

const NOT_WRITTEN = [...FIDELITY_KEYS, 'uname', 'gname', 'atime', 'ctime', 'xattrs'] as const;

/** isKernelWhiteout says whether an entry is overlayfs's deletion mark: a char device 0:0. */
export function isKernelWhiteout(entry: TarEntry): boolean {
  return entry.type === 'char' && (entry.devmajor ?? 0) === 0 && (entry.devminor ?? 0) === 0;
}

/** isOpaqueDir says whether a dir carries overlayfs's opaque xattr with the value 'y'. */
export function isOpaqueDir(entry: TarEntry): boolean {
  const value = OPAQUE_XATTRS.map((name) => entry.xattrs?.[name]).find((v) => v !== undefined);
  return entry.type === 'dir' && value !== undefined && decodeUtf8(value) === 'y';
}

// ConvertWrite: the device becomes an empty regular file '.wh.<name>', mode 0600, same owner and mtime.
function whiteoutFor(entry: TarEntry): TarEntry {
  const parts = pathComponents(entry.name);
  const base = parts.pop()!;
  const name = [...parts, WHITEOUT_PREFIX + base].join('/');
  const { devmajor, devminor, ...rest } = entry;
  return { ...rest, name, type: 'file', mode: 0o600, size: 0 };
}

// ConvertWrite: right after the opaque dir, a file '<dir>/.wh..wh..opq' with the dir's
// permission bits and owner, and a zero mtime (the header it builds never sets ModTime).
function opaqueMarkerFor(dir: TarEntry): TarEntry {
  return { name: dir.name + OPAQUE_MARKER, type: 'file', mode: dir.mode & 0o777, uid: dir.uid, gid: dir.gid, mtime: 0, size: 0 };
}
