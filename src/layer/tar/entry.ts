// The plain-data shape of one tar entry, shared by the reader and the writers.
// Fields a student needs come first; the "fidelity" fields after them only exist so that an
// entry read from a real layer can be written back byte for byte (formats.md §3.1, §7.4–7.5).

/**
 * TarEntryType is what an entry *is*, whatever typeflag byte stored it.
 * @example
 * const type: TarEntryType = 'symlink';
 * const tar = writeTar([{ name: 'bin', type, mode: 0o777, uid: 0, gid: 0, mtime: 0, size: 0, linkname: 'usr/bin' }]);
 * readTar(tar).entries[0].linkname // → usr/bin
 */
export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';

/** TarHeaderFormat names the header layout: POSIX ustar, ustar plus a PAX header, GNU, or pre-POSIX v7. */
export type TarHeaderFormat = 'ustar' | 'pax' | 'gnu' | 'v7';

/** TarNumericField lists the header fields that hold numbers. */
export type TarNumericField = 'mode' | 'uid' | 'gid' | 'size' | 'mtime' | 'checksum' | 'devmajor' | 'devminor';

/**
 * TarEntry is one file, directory, link or device in a tar, as plain data.
 *
 * @example
 * const entry: TarEntry = { name: 'etc/hostname', type: 'file', mode: 0o644, uid: 0, gid: 0,
 *   mtime: 1700000000, size: 3, data: new TextEncoder().encode('box') };
 * writeTar([entry]).length // → 2048
 */
export interface TarEntry {
  /** The path as stored: 'etc/passwd', 'etc/' (dirs end in '/'), './x', 'etc/.wh.foo'. */
  name: string;
  type: TarEntryType;
  /** Permission bits plus setuid/setgid/sticky (0o7777). File-type bits live in `typeBits`. */
  mode: number;
  uid: number;
  gid: number;
  uname?: string;
  gname?: string;
  /** Modification time in seconds; a fraction only when a PAX `mtime` record carried one. */
  mtime: number;
  /** Data size in bytes (0 for everything but files, unless a header declared otherwise). */
  size: number;
  /** File content. The reader hands out a view into the archive bytes, not a copy. */
  data?: Uint8Array;
  /** Symlink target, or the path a hard link points at. */
  linkname?: string;
  devmajor?: number;
  devminor?: number;
  /** Extended attributes, from PAX `SCHILY.xattr.<name>` records. */
  xattrs?: Record<string, Uint8Array>;
  /** Access and change times (seconds); Docker zeroes them, so they appear only in foreign tars. */
  atime?: number;
  ctime?: number;

  // ---- fidelity: how the entry was stored. Absent means "the way Go's archive/tar writes it". ----
  /** Header layout as read. The writer treats 'pax' like 'ustar': PAX is used only where needed. */
  format?: TarHeaderFormat;
  /** The raw typeflag character when it is not the usual one, e.g. '\0' for old regular files. */
  typeflag?: string;
  /** File-type bits stored in the mode field (0o100000, 0o40000 …), as Docker ≤ 23 did (formats.md §7.4). */
  typeBits?: number;
  /** PAX records other than xattrs, as read (text values). Written back even when not needed. */
  pax?: Record<string, string>;
  /** Order of the PAX records as read, when it was not sorted (Go sorts them). */
  paxOrder?: string[];
  /** Global PAX records (typeflag 'g') that preceded this entry. Kept for inspection only. */
  globalPax?: Record<string, string>;
  /** Exact text of numeric fields that another writer formatted unlike Go (e.g. GNU tar's blank devmajor). */
  rawFields?: Partial<Record<TarNumericField, string>>;
  /** USTAR `prefix` field as read, when it splits the name differently from Go. */
  prefix?: string;
}

/** TYPEFLAGS maps each entry type to the typeflag byte Go writes for it. */
export const TYPEFLAGS: Record<TarEntryType, string> = {
  file: '0', hardlink: '1', symlink: '2', char: '3', block: '4', dir: '5', fifo: '6',
};

/** TYPE_BITS maps each entry type to the S_IFMT bits old Docker put into the mode (Go's fillGo18FileTypeBits). */
export const TYPE_BITS: Record<TarEntryType, number> = {
  file: 0o100000, hardlink: 0o100000, symlink: 0o120000, char: 0o020000,
  block: 0o060000, dir: 0o040000, fifo: 0o010000,
};

/**
 * entryTypeOf returns the entry type a typeflag byte stands for, or undefined for the special
 * flags (PAX, GNU long names, sparse …) that are not entries of their own.
 *
 * @example
 * entryTypeOf('\0', 'a.txt') // 'file' — pre-POSIX tars wrote NUL for regular files
 */
export function entryTypeOf(typeflag: string, name: string): TarEntryType | undefined {
  // Go's reader turns '\0' into a dir when the name ends in '/', as old v7 tars meant.
  if (typeflag === '\0') return name.endsWith('/') ? 'dir' : 'file';
  if (typeflag === '7') return 'file'; // "contiguous file": a plain file everywhere that matters
  const found = (Object.keys(TYPEFLAGS) as TarEntryType[]).find((t) => TYPEFLAGS[t] === typeflag);
  return found;
}

/** hasData says whether the bytes after this entry's header belong to it (only files carry data). */
export function hasData(type: TarEntryType): boolean {
  return type === 'file';
}

/** FIDELITY_KEYS: the fields that say how a writer stored an entry, not what the entry is. */
export const FIDELITY_KEYS = ['format', 'typeflag', 'typeBits', 'pax', 'paxOrder', 'globalPax', 'rawFields', 'prefix'] as const;

/**
 * plainEntry returns a copy of an entry without its fidelity fields: what the entry *is*,
 * not how some writer happened to store it. Data is shared, not copied.
 *
 * @example
 * plainEntry({ ...entry, typeflag: '\0', typeBits: 0o100000 }) // { ...entry } without the two fields
 */
export function plainEntry(entry: TarEntry): TarEntry {
  const copy: TarEntry = { ...entry };
  for (const key of FIDELITY_KEYS) delete copy[key];
  return copy;
}
