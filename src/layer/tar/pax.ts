// PAX extended headers: "%d key=value\n" records that carry what a ustar header cannot hold
// (long or non-ASCII names, big ids, xattrs). Spelling and checks follow Go's archive/tar
// (strconv.go formatPAXRecord/parsePAXRecord, formatPAXTime) — formats.md §3.1.
import { decodeUtf8, encodeUtf8 } from './fields';

/** PaxRecord is one key with its raw value bytes (xattr values are binary, so not text). */
export interface PaxRecord {
  key: string;
  value: Uint8Array;
}

/** PAX_XATTR is the key prefix for extended attributes (the "SCHILY" names come from star). */
export const PAX_XATTR = 'SCHILY.xattr.';

/**
 * formatPaxRecord spells one record. The length counts itself, so adding its digits can make it
 * one digit longer: Go recomputes once in that case, and so do we.
 *
 * @example
 * new TextDecoder().decode(formatPaxRecord('uid', encodeUtf8('3000000'))) // '15 uid=3000000\n'
 */
export function formatPaxRecord(key: string, value: Uint8Array): Uint8Array {
  const body = concat([encodeUtf8(` ${key}=`), value, encodeUtf8('\n')]);
  let size = body.length + String(body.length).length;
  if (String(size).length + body.length !== size) size = String(size).length + body.length;
  return concat([encodeUtf8(String(size)), body]);
}

/**
 * parsePaxRecords splits the data of a PAX header into records; undefined when any record is
 * malformed (Go answers ErrHeader for the same inputs).
 */
export function parsePaxRecords(data: Uint8Array): PaxRecord[] | undefined {
  const records: PaxRecord[] = [];
  let at = 0;
  while (at < data.length) {
    const record = parseOneRecord(data, at);
    if (record === undefined) return undefined;
    records.push(record.record);
    at = record.next;
  }
  return records;
}

function parseOneRecord(data: Uint8Array, at: number): { record: PaxRecord; next: number } | undefined {
  const space = data.indexOf(0x20, at);
  if (space < 0 || space - at > 20) return undefined;
  const lengthText = decodeUtf8(data.subarray(at, space));
  if (!/^[0-9]+$/.test(lengthText)) return undefined;
  const length = Number(lengthText);
  const end = at + length;
  if (length < 5 || end > data.length || end <= space + 1 || data[end - 1] !== 0x0a) return undefined;
  const body = data.subarray(space + 1, end - 1);
  const equals = body.indexOf(0x3d);
  if (equals <= 0) return undefined;
  const key = decodeUtf8(body.subarray(0, equals));
  const value = body.subarray(equals + 1);
  if (!validRecord(key, value)) return undefined;
  return { record: { key, value }, next: end };
}

// Go's validPAXRecord: no NUL in the key, and none in text values that become names.
function validRecord(key: string, value: Uint8Array): boolean {
  if (key.includes('\0')) return false;
  const isName = key === 'path' || key === 'linkpath' || key === 'uname' || key === 'gname';
  return !(isName && value.includes(0));
}

/** formatPaxTime spells seconds as Go does: integer, or with the fraction's trailing zeros trimmed. */
export function formatPaxTime(seconds: number): string {
  if (Number.isInteger(seconds)) return String(seconds);
  const whole = Math.floor(seconds);
  const nanos = Math.round((seconds - whole) * 1e9);
  const fraction = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** parsePaxTime reads "%d" or "%d.%d" seconds; undefined when malformed. */
export function parsePaxTime(text: string): number | undefined {
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text) || text.length > 40) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** parsePaxInteger reads a decimal id or size; undefined when malformed or unsafe. */
export function parsePaxInteger(text: string): number | undefined {
  if (!/^[0-9]{1,16}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** concat joins byte arrays into one new array. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
