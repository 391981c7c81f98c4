// Entries in, tar bytes out, the way Go's archive/tar writes them (writer.go, Format=PAX) unless an
// entry's fidelity fields say how it was stored before. This is the writer both "Docker's way"
// (docker.ts) and faithful rewrites of real layers stand on.
import { TYPEFLAGS, TarEntry } from './entry';
import { TarFormatError } from './errors';
import { BLOCK, encodeUtf8 } from './fields';
import { paxRecordsFor, splitUstarPath, toAscii } from './go-rules';
import { BlockFormat, HeaderFields, encodeHeader } from './header';
import { concat, formatPaxRecord } from './pax';

/** END_OF_ARCHIVE is what Go writes after the last entry: two zero blocks, no padding to 10 KiB. */
export const END_OF_ARCHIVE = new Uint8Array(2 * BLOCK);

/** WriteTarOptions: `trailer` replaces the end-of-archive bytes (e.g. a read archive's own trailer). */
export interface WriteTarOptions {
  trailer?: Uint8Array;
}

/**
 * writeTar turns entries into tar bytes, in the order given. Without fidelity fields each entry
 * is written as Go's archive/tar writes it with Format=PAX: plain USTAR unless PAX is needed.
 * Throws TarFormatError when an entry cannot be stored (e.g. a NUL in its name).
 *
 * @example
 * const tar = writeTar([{ name: 'hello', type: 'file', mode: 0o755, uid: 0, gid: 0,
 *   mtime: 1702681921, size: 3, data: new TextEncoder().encode('hi\n') }]);
 * tar.length // → 2048
 * // 2048: the header, one data block, two zero blocks
 */
export function writeTar(entries: TarEntry[], options: WriteTarOptions = {}): Uint8Array {
  return concat(writeTarParts(entries, options));
}

/**
 * writeTarParts: the same bytes as writeTar, as a list of pieces (headers, file data as given, padding,
 * trailer), so a caller can hash a large layer without first copying it into one buffer.
 */
export function writeTarParts(entries: TarEntry[], { trailer = END_OF_ARCHIVE }: WriteTarOptions = {}): Uint8Array[] {
  const writer = new TarWriter();
  for (const entry of entries) writer.add(entry);
  return writer.finish(trailer);
}

/**
 * TarWriter writes a tar one entry at a time, as pieces (see writeTarParts): for a writer that
 * meets its entries one by one, as Docker's walk of a layer does. `onPart` sees each piece as it
 * is made, so the tar can be hashed while it is written, without a second pass over it.
 *
 * @example
 * const writer = new TarWriter();
 * writer.add({ name: 'hello', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 3, data: new TextEncoder().encode('hi\n') });
 * writer.finish().reduce((sum, part) => sum + part.length, 0) // → 2048
 */
export class TarWriter {
  private readonly parts: Uint8Array[] = [];
  private offset = 0;
  private count = 0;

  constructor(private readonly onPart?: (part: Uint8Array) => void) {}

  /** add writes one entry (throws TarFormatError when it cannot be stored). */
  add(entry: TarEntry): void {
    for (const part of entryBlocks(entry, this.count, this.offset)) this.push(part);
    this.count++;
  }

  /** finish writes the end of the archive and returns every piece, in order. */
  finish(trailer: Uint8Array = END_OF_ARCHIVE): Uint8Array[] {
    this.push(trailer);
    return this.parts;
  }

  private push(part: Uint8Array): void {
    this.parts.push(part);
    this.offset += part.length;
    this.onPart?.(part);
  }
}

/** entryBlocks returns the blocks of one entry: any PAX or GNU long-name headers, its header, its data. */
export function entryBlocks(entry: TarEntry, index: number, offset: number): Uint8Array[] {
  const problem = checkEntry(entry);
  if (problem) throw new TarFormatError({ entryIndex: index, name: entry.name, offset, reason: problem });
  const fields = baseFields(entry);
  const { records, ustarOk } = paxRecordsFor(entry);
  const blocks: Uint8Array[] = [];
  if (fields.format === 'gnu' && ustarOk) {
    blocks.push(...gnuLongNames(entry));
  } else if (fields.format !== 'v7') {
    fields.format = 'ustar';
    if (ustarOk) {
      splitName(entry, fields);
    } else {
      blocks.push(...paxHeader(entry, records));
      asciiFallback(fields);
    }
  }
  blocks.push(encodeHeader(fields));
  if (entry.type === 'file' && fields.size > 0) blocks.push(entry.data!, padding(fields.size));
  return blocks;
}

function checkEntry(entry: TarEntry): string | undefined {
  if (!(entry.type in TYPEFLAGS)) return `unknown entry type '${entry.type}'`;
  if (entry.name === '' || entry.name.includes('\0')) return 'a name must be non-empty and free of NUL bytes';
  if ((entry.linkname ?? '').includes('\0')) return 'a link target must be free of NUL bytes';
  if (entry.type === 'file' && (entry.data?.length ?? 0) !== entry.size) return 'a file needs data of exactly `size` bytes';
  if (!Number.isSafeInteger(entry.mode) || entry.mode < 0 || entry.mode > 0o7777777) return 'mode must fit 7 octal digits';
  if (!Number.isSafeInteger(entry.uid) || entry.uid < 0 || !Number.isSafeInteger(entry.gid) || entry.gid < 0) return 'uid and gid must be non-negative integers';
  if (!Number.isFinite(entry.mtime)) return 'mtime must be a number of seconds';
  const dev = [entry.devmajor ?? 0, entry.devminor ?? 0];
  if (dev.some((n) => !Number.isSafeInteger(n) || n < 0 || n > 0o7777777)) return 'device numbers must fit 7 octal digits';
  return undefined;
}

// The entry's own header block, before Go's ASCII and PAX rules adjust it.
function baseFields(entry: TarEntry): HeaderFields {
  const format: BlockFormat = entry.format === 'gnu' || entry.format === 'v7' ? entry.format : 'ustar';
  return {
    format, name: entry.name, prefix: '', mode: entry.mode | (entry.typeBits ?? 0), uid: entry.uid, gid: entry.gid,
    size: entry.size, mtime: Math.floor(entry.mtime),
    typeflag: entry.typeflag ?? TYPEFLAGS[entry.type], linkname: entry.linkname ?? '',
    uname: entry.uname ?? '', gname: entry.gname ?? '', devmajor: entry.devmajor ?? 0, devminor: entry.devminor ?? 0,
    atime: format === 'gnu' ? entry.atime : undefined, ctime: format === 'gnu' ? entry.ctime : undefined,
    rawFields: entry.rawFields ?? {},
  };
}

// USTAR keeps long ASCII names by splitting them at a '/' (Go's splitUSTARPath), unless the
// entry remembers a different split from the writer that made it.
function splitName(entry: TarEntry, fields: HeaderFields): void {
  if (entry.prefix !== undefined && entry.name.startsWith(entry.prefix + '/')) {
    fields.prefix = entry.prefix;
    fields.name = entry.name.slice(entry.prefix.length + 1);
    return;
  }
  const split = splitUstarPath(entry.name);
  if (split) [fields.prefix, fields.name] = [split.prefix, split.suffix];
}

// With a PAX header in front, Go fills the ustar header with best-effort ASCII versions.
function asciiFallback(fields: HeaderFields): void {
  fields.name = toAscii(fields.name);
  fields.linkname = toAscii(fields.linkname);
  fields.uname = toAscii(fields.uname);
  fields.gname = toAscii(fields.gname);
}

// Go's PAX header: a typeflag 'x' file named dir/PaxHeaders.0/base, all numbers zero.
function paxHeader(entry: TarEntry, records: Map<string, Uint8Array>): Uint8Array[] {
  const data = concat([...records].map(([key, value]) => formatPaxRecord(key, value)));
  return specialFile(paxHeaderName(entry.name), 'x', 'ustar', data);
}

// GNU tar's answer to long names: a '././@LongLink' file of typeflag 'L' (name) or 'K' (link).
function gnuLongNames(entry: TarEntry): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  const long = (text: string, flag: string): void => {
    const bytes = encodeUtf8(text);
    if (bytes.length > 100) blocks.push(...specialFile('././@LongLink', flag, 'gnu', concat([bytes, new Uint8Array(1)])));
  };
  long(entry.name, 'L');
  long(entry.linkname ?? '', 'K');
  return blocks;
}

const BLANK_DEVICE = '\0'.repeat(8);

// Go's writeRawFile: a header holding only name, typeflag, size (and magic), then the data.
function specialFile(name: string, typeflag: string, format: BlockFormat, data: Uint8Array): Uint8Array[] {
  const header = encodeHeader({
    format, name: name.slice(0, 100).replace(/\/+$/, ''), prefix: '', mode: 0, uid: 0, gid: 0, size: data.length,
    mtime: 0, typeflag, linkname: '', uname: '', gname: '', devmajor: 0, devminor: 0,
    rawFields: { devmajor: BLANK_DEVICE, devminor: BLANK_DEVICE }, // writeRawFile leaves them NUL
  });
  return [header, data, padding(data.length)];
}

/**
 * paxHeaderName is Go's name for a PAX header: path.Join(dir, "PaxHeaders.0", base), ASCII only.
 *
 * @example
 * paxHeaderName('srv/café/menü.txt') // 'srv/caf/PaxHeaders.0/men.txt'
 */
export function paxHeaderName(name: string): string {
  const slash = name.lastIndexOf('/');
  const joined = cleanPath(`${name.slice(0, slash + 1)}/PaxHeaders.0/${name.slice(slash + 1)}`);
  return toAscii(joined);
}

// Go's path.Clean for relative and absolute paths: drop '', '.', fold '..'.
function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !rooted) out.push(part);
  }
  const joined = (rooted ? '/' : '') + out.join('/');
  return joined === '' ? '.' : joined;
}

// Padding is zeros up to the next block: one shared block of zeros, handed out in views (the parts
// of a tar are never written to after they are made).
const ZEROS = new Uint8Array(BLOCK);
function padding(size: number): Uint8Array {
  return ZEROS.subarray(0, (BLOCK - (size % BLOCK)) % BLOCK);
}
