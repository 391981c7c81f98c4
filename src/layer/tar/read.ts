// Tar bytes in, entries out — treating the bytes as untrusted. Every size is checked against the
// buffer before it is used, special headers are capped, and any problem becomes a TarFormatError
// with the entry index and byte offset. File data is handed out as views, never copied.
import { TYPEFLAGS, TarEntry, entryTypeOf } from './entry';
import { TarFormatError } from './errors';
import { BLOCK, decodeUtf8 } from './fields';
import { splitUstarPath } from './go-rules';
import { HeaderFields, decodeHeader, isZeroBlock } from './header';
import { PaxRecord, parsePaxRecords } from './pax';
import { applyPax, keepForeignPax } from './pax-merge';
import type { ReadBuffer } from '../read-buffer';

/** TarReadLimits bound what one entry may claim. Defaults: names ≤ 4096 bytes (PATH_MAX), PAX data ≤ 1 MiB (as Go). */
export interface TarReadLimits {
  maxNameBytes?: number;
  maxPaxBytes?: number;
  /**
   * With false, file entries get no `data` (only their place, TarStep.dataOffset, is checked):
   * for an archive read from disk a block at a time, where taking the data would read it all.
   */
  fileData?: boolean;
}

/**
 * TarBytes: what the reader needs of an archive — its length and pieces of it. A Uint8Array is
 * one (pieces are views, and `into` is ignored); so is an archive file read on demand
 * (archive/file-bytes.ts), which copies a piece into `into` when given one.
 */
export interface TarBytes {
  readonly length: number;
  subarray(start: number, end?: number, into?: ReadBuffer): Uint8Array;
}

/** TarStep is one entry met while walking, with where its header and data start. */
export interface TarStep {
  entry: TarEntry;
  index: number;
  headerOffset: number;
  dataOffset: number;
}

/** TarEnd describes what follows the last entry: the end marker and anything after it. */
export interface TarEnd {
  /** The bytes after the last entry: usually 1024 zeros; GNU tar pads more; eStargz puts its TOC here. */
  trailer: Uint8Array;
  trailerOffset: number;
}

/** ReadTarResult is a whole archive as plain data. */
export interface ReadTarResult extends TarEnd {
  entries: TarEntry[];
}

// What special headers (PAX 'x'/'g', GNU 'L'/'K') said about the entry that follows them.
interface Pending {
  records?: PaxRecord[];
  global?: Record<string, string>;
  longName?: string;
  longLink?: string;
}

/**
 * walkTar walks an archive entry by entry without copying file data; its return value (when
 * the loop ends) is the TarEnd. Throws TarFormatError on anything malformed.
 *
 * @example
 * const file = (name: string): TarEntry => ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 1, data: new Uint8Array([65]) });
 * for (const { entry, headerOffset } of walkTar(writeTar([file('a'), file('b')]))) console.log(headerOffset, entry.name);
 * // → 0 a
 * // → 1024 b
 */
export function* walkTar(bytes: TarBytes, limits: TarReadLimits = {}): Generator<TarStep, TarEnd, undefined> {
  const { maxNameBytes = 4096, maxPaxBytes = 1 << 20, fileData = true } = limits;
  let offset = 0;
  let index = 0;
  let pending: Pending = {};
  const fail = (reason: string, name?: string): never => {
    throw new TarFormatError({ entryIndex: index, name, offset, reason });
  };
  for (;;) {
    if (offset === bytes.length && Object.keys(pending).length === 0) return { trailer: bytes.subarray(offset), trailerOffset: offset };
    if (offset + BLOCK > bytes.length) fail('the archive is truncated inside a header');
    const block = bytes.subarray(offset, offset + BLOCK);
    if (isZeroBlock(block)) return endOfArchive(bytes, offset, pending, fail);
    const header = decodeHeader(block);
    if (typeof header === 'string') return fail(header);
    const dataOffset = offset + BLOCK;
    if (isSpecial(header.typeflag)) {
      const data = sliceData(bytes, dataOffset, header.size, header.typeflag === 'L' || header.typeflag === 'K' ? maxNameBytes + 1 : maxPaxBytes, fail);
      pending = absorbSpecial(pending, header.typeflag, data, fail);
      offset = dataOffset + padded(header.size);
      continue;
    }
    const entry = buildEntry(header, pending, fail);
    checkNameLengths(entry, maxNameBytes, fail);
    const dataLength = entry.type === 'file' ? entry.size : 0;
    if (entry.type === 'file' && fileData === false) checkData(bytes, dataOffset, dataLength, (r) => fail(r, entry.name));
    else if (entry.type === 'file') entry.data = sliceData(bytes, dataOffset, dataLength, Number.MAX_SAFE_INTEGER, (r) => fail(r, entry.name));
    yield { entry, index, headerOffset: offset, dataOffset };
    index++;
    pending = {};
    offset = dataOffset + padded(dataLength);
  }
}

/**
 * readTar reads a whole archive into entries plus its trailer. Throws TarFormatError.
 *
 * @example
 * const tar = writeTar([{ name: 'hello.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 3, data: new TextEncoder().encode('hi\n') }]);
 * readTar(tar).entries.map((e) => `${e.name} ${e.size} ${new TextDecoder().decode(e.data)}`) // → [ 'hello.txt 3 hi\n' ]
 */
export function readTar(bytes: Uint8Array, limits: TarReadLimits = {}): ReadTarResult {
  const entries: TarEntry[] = [];
  const walk = walkTar(bytes, limits);
  for (let step = walk.next(); ; step = walk.next()) {
    if (step.done === false) { entries.push(step.value.entry); continue; }
    return { entries, ...(step.value as TarEnd) };
  }
}

function isSpecial(typeflag: string): boolean {
  return typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K';
}

// Go: a zero block ends the archive when the next block is zero too (or the input ends there).
function endOfArchive(bytes: TarBytes, offset: number, pending: Pending, fail: (r: string) => never): TarEnd {
  if (Object.keys(pending).length > 0) fail('an extended header is not followed by an entry');
  const next = offset + BLOCK;
  if (next < bytes.length && next + BLOCK > bytes.length) fail('the archive is truncated inside the end marker');
  if (next < bytes.length && !isZeroBlock(bytes.subarray(next, next + BLOCK))) fail('a zero block is followed by data');
  return { trailer: bytes.subarray(offset), trailerOffset: offset };
}

function sliceData(bytes: TarBytes, at: number, size: number, max: number, fail: (r: string) => never): Uint8Array {
  if (size > max) fail(`a header declares ${size} bytes, more than the limit of ${max}`);
  checkData(bytes, at, size, fail);
  return bytes.subarray(at, at + size);
}

function checkData(bytes: TarBytes, at: number, size: number, fail: (r: string) => never): void {
  if (at + padded(size) > bytes.length) fail(`a header declares ${size} bytes but the archive ends first`);
}

function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

function absorbSpecial(pending: Pending, typeflag: string, data: Uint8Array, fail: (r: string) => never): Pending {
  if (typeflag === 'L' || typeflag === 'K') {
    const end = data.indexOf(0);
    const text = decodeUtf8(end < 0 ? data : data.subarray(0, end));
    return typeflag === 'L' ? { ...pending, longName: text } : { ...pending, longLink: text };
  }
  const records = parsePaxRecords(data);
  if (records === undefined) return fail('a PAX header holds a malformed record');
  if (typeflag === 'x') return { ...pending, records };
  const global: Record<string, string> = {};
  for (const r of records) global[r.key] = decodeUtf8(r.value);
  return { ...pending, global };
}

function buildEntry(header: HeaderFields, pending: Pending, fail: (r: string, name?: string) => never): TarEntry {
  const name = pending.longName ?? (header.prefix ? `${header.prefix}/${header.name}` : header.name);
  const type = entryTypeOf(header.typeflag, name) ?? fail(`unsupported typeflag '${printable(header.typeflag)}'`, name);
  const entry: TarEntry = {
    name, type, mode: header.mode & 0o7777, uid: header.uid, gid: header.gid, mtime: header.mtime, size: header.size,
  };
  const linkname = pending.longLink ?? header.linkname;
  if (linkname !== '') entry.linkname = linkname;
  if (header.uname !== '') entry.uname = header.uname;
  if (header.gname !== '') entry.gname = header.gname;
  if (type === 'char' || type === 'block' || header.devmajor !== 0 || header.devminor !== 0) {
    [entry.devmajor, entry.devminor] = [header.devmajor, header.devminor];
  }
  if (header.atime !== undefined) entry.atime = header.atime;
  if (header.ctime !== undefined) entry.ctime = header.ctime;
  if (pending.records) applyPax(entry, pending.records, fail);
  addFidelity(entry, header, pending);
  return entry;
}

function printable(flag: string): string {
  return /^[\x21-\x7e]$/.test(flag) ? flag : `\\x${flag.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function checkNameLengths(entry: TarEntry, max: number, fail: (r: string, name?: string) => never): void {
  const shortName = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
  if (longerThan(entry.name, max)) fail(`the name is longer than ${max} bytes`, shortName(entry.name));
  if (longerThan(entry.linkname ?? '', max)) fail(`the link target is longer than ${max} bytes`, shortName(entry.name));
  if (entry.name === '') fail('the entry has an empty name');
}

// Whether text takes more than `max` bytes in UTF-8. A UTF-16 code unit takes at most 3 bytes, so
// short names need no counting.
function longerThan(text: string, max: number): boolean {
  return text.length * 3 > max && Buffer.byteLength(text, 'utf8') > max;
}

// Record only what Go's writer would not reproduce by itself (see entry.ts "fidelity").
function addFidelity(entry: TarEntry, header: HeaderFields, pending: Pending): void {
  const typeBits = header.mode - entry.mode;
  if (typeBits !== 0) entry.typeBits = typeBits;
  if (header.typeflag !== TYPEFLAGS[entry.type]) entry.typeflag = header.typeflag;
  if (header.format !== 'ustar' || pending.records) entry.format = pending.records ? 'pax' : header.format;
  if (Object.keys(header.rawFields).length > 0) entry.rawFields = header.rawFields;
  if (header.prefix !== '' && splitUstarPath(entry.name)?.prefix !== header.prefix) entry.prefix = header.prefix;
  if (pending.global) entry.globalPax = pending.global;
  if (pending.records) keepForeignPax(entry, pending.records);
}
