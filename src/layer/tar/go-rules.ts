// Go's archive/tar decides, per entry, between a plain USTAR header and USTAR + a PAX header
// (Header.allowedFormats with Format=PAX, which is what moby and containerd ask for). This file
// is that decision, written out so a student can see why a header got PAX records (formats.md §3.1).
import type { TarEntry } from './entry';
import { encodeUtf8, fitsOctal } from './fields';
import { PAX_XATTR, formatPaxTime, parsePaxInteger, parsePaxTime } from './pax';

/** PAX_FIELD_KEYS are the PAX keys that stand for header fields (not free-form records). */
export const PAX_FIELD_KEYS = ['path', 'linkpath', 'uname', 'gname', 'uid', 'gid', 'size', 'mtime', 'atime', 'ctime'];

/** GoPaxNeeds is Go's verdict: the records it would emit, and whether plain USTAR can still hold the entry. */
export interface GoPaxNeeds {
  records: Map<string, string>;
  ustarOk: boolean;
}

/** isAscii is Go's isASCII: every character below 0x80. */
export function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/** toAscii is Go's toASCII: drop every non-ASCII character (and NUL), used for fallback header names. */
export function toAscii(text: string): string {
  return isAscii(text) && !text.includes('\0') ? text : text.replace(/[^\x01-\x7f]/gu, '');
}

/**
 * splitUstarPath is Go's splitUSTARPath: a long ASCII name may be cut at a '/' into a prefix
 * (≤ 155 bytes) and a name (≤ 100 bytes), the last possible '/' winning.
 *
 * @example
 * splitUstarPath('a/'.repeat(60) + 'file') // { prefix: 'a/a/…/a', suffix: 'file' }
 */
export function splitUstarPath(name: string): { prefix: string; suffix: string } | undefined {
  if (name.length <= 100 || !isAscii(name)) return undefined;
  let length = name.length;
  if (length > 156) length = 156;
  else if (name[length - 1] === '/') length--;
  const i = name.lastIndexOf('/', length - 1);
  const suffixLength = name.length - i - 1;
  if (i <= 0 || suffixLength > 100 || suffixLength === 0 || i > 155) return undefined;
  return { prefix: name.slice(0, i), suffix: name.slice(i + 1) };
}

/** goPaxNeeds applies Go's rules to one entry (xattrs and free-form records are added elsewhere). */
export function goPaxNeeds(entry: TarEntry): GoPaxNeeds {
  const needs: GoPaxNeeds = { records: new Map(), ustarOk: true };
  checkText(needs, 'path', entry.name, 100);
  checkText(needs, 'linkpath', entry.linkname ?? '', 100);
  checkText(needs, 'uname', entry.uname ?? '', 32);
  checkText(needs, 'gname', entry.gname ?? '', 32);
  checkNumber(needs, 'uid', entry.uid, 8);
  checkNumber(needs, 'gid', entry.gid, 8);
  checkNumber(needs, 'size', entry.type === 'file' ? entry.data?.length ?? entry.size : entry.size, 12);
  if (!Number.isInteger(entry.mtime) || !fitsOctal(12, entry.mtime)) setRecord(needs, 'mtime', formatPaxTime(entry.mtime));
  // Go only writes atime/ctime through PAX (USTAR has no field for them).
  if (entry.atime !== undefined) setRecord(needs, 'atime', formatPaxTime(entry.atime));
  if (entry.ctime !== undefined) setRecord(needs, 'ctime', formatPaxTime(entry.ctime));
  return needs;
}

function checkText(needs: GoPaxNeeds, key: string, text: string, size: number): void {
  if (text.length <= size && isAscii(text)) return;   // ASCII: one byte per char
  needs.records.set(key, text);
  // A long ASCII path can still go in USTAR, split into prefix + name; Go then drops the record.
  if (!(key === 'path' && splitUstarPath(text))) needs.ustarOk = false;
}

function checkNumber(needs: GoPaxNeeds, key: string, value: number, width: number): void {
  if (!fitsOctal(width, value)) setRecord(needs, key, String(value));
}

function setRecord(needs: GoPaxNeeds, key: string, value: string): void {
  needs.records.set(key, value);
  needs.ustarOk = false;
}

/** fieldAsPaxText spells the entry field a PAX key stands for, as Go would. */
export function fieldAsPaxText(entry: TarEntry, key: string): string | undefined {
  switch (key) {
    case 'path': return entry.name;
    case 'linkpath': return entry.linkname ?? '';
    case 'uname': return entry.uname ?? '';
    case 'gname': return entry.gname ?? '';
    case 'uid': return String(entry.uid);
    case 'gid': return String(entry.gid);
    case 'size': return String(entry.type === 'file' ? entry.data?.length ?? entry.size : entry.size);
    case 'mtime': return formatPaxTime(entry.mtime);
    case 'atime': return entry.atime === undefined ? undefined : formatPaxTime(entry.atime);
    case 'ctime': return entry.ctime === undefined ? undefined : formatPaxTime(entry.ctime);
    default: return undefined;
  }
}

/** samePaxValue says whether a stored record text still means the entry's current field value. */
export function samePaxValue(key: string, text: string, current: string): boolean {
  if (text === current) return true;
  if (key === 'mtime' || key === 'atime' || key === 'ctime') return parsePaxTime(text) === parsePaxTime(current);
  if (key === 'uid' || key === 'gid' || key === 'size') return parsePaxInteger(text) === parsePaxInteger(current);
  return false;
}

/**
 * paxRecordsFor lists the PAX records an entry is written with, in order: what Go needs, the
 * entry's own `pax` records (spelling kept while the value is unchanged), then its xattrs.
 */
export function paxRecordsFor(entry: TarEntry): { records: Map<string, Uint8Array>; ustarOk: boolean } {
  const needs = goPaxNeeds(entry);
  // Nearly every entry of a layer needs no record at all: no maps to build and order for it.
  if (needs.ustarOk && needs.records.size === 0 && entry.pax === undefined && entry.xattrs === undefined) return { records: NO_RECORDS, ustarOk: true };
  const texts = new Map(needs.records);
  for (const [key, text] of Object.entries(entry.pax ?? {})) {
    const current = fieldAsPaxText(entry, key);
    if (PAX_FIELD_KEYS.includes(key) && current === undefined) continue;
    texts.set(key, current === undefined || samePaxValue(key, text, current) ? text : current);
  }
  const values = new Map<string, Uint8Array>();
  for (const [key, text] of texts) values.set(key, encodeUtf8(text));
  for (const [name, value] of Object.entries(entry.xattrs ?? {})) values.set(PAX_XATTR + name, value);
  const ustarOk = needs.ustarOk && Object.keys(entry.pax ?? {}).length === 0 && Object.keys(entry.xattrs ?? {}).length === 0;
  return { records: ordered(values, entry.paxOrder), ustarOk };
}

const NO_RECORDS: Map<string, Uint8Array> = new Map();

// Go sorts the keys; an entry read from another writer may carry its own order.
function ordered(values: Map<string, Uint8Array>, order?: string[]): Map<string, Uint8Array> {
  const keys = [...values.keys()].sort(compareBytes);
  const first = (order ?? []).filter((k) => values.has(k));
  const result = new Map<string, Uint8Array>();
  for (const key of [...first, ...keys.filter((k) => !first.includes(k))]) result.set(key, values.get(key)!);
  return result;
}

/** compareBytes orders strings by their UTF-8 bytes, as Go's string comparison does. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * byteOrderFor returns a comparison that orders these strings as compareBytes does, cheaply when it
 * can: JavaScript's own order (UTF-16 code units) agrees with UTF-8 byte order unless a string holds
 * a character outside the Basic Multilingual Plane (a surrogate pair, such as an emoji), so only
 * then are the bytes compared.
 * @example
 * ['b', 'a', '\uff5e', '😀'].sort(byteOrderFor(['b', 'a', '\uff5e', '😀'])) // → [ 'a', 'b', '～', '😀' ]
 */
export function byteOrderFor(strings: Iterable<string>): (a: string, b: string) => number {
  for (const text of strings) if (SURROGATE.test(text)) return compareBytes;
  return compareCodeUnits;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
