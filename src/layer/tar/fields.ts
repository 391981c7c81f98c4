// The 512-byte tar header: where each field sits and how numbers and strings are spelled in it.
// Spelling follows Go's archive/tar (format.go, strconv.go), which wrote every real layer in the
// fixtures: octal zero-padded with a trailing NUL, checksum as 6 digits + NUL + space (formats.md §3.1).
import { TextDecoder, TextEncoder } from 'node:util';

/** BLOCK is the tar block size: headers and data are padded to multiples of it. */
export const BLOCK = 512;

/** FIELD gives [offset, length] of each header field (POSIX ustar; GNU reuses `prefix` for times). */
export const FIELD = {
  name: [0, 100], mode: [100, 8], uid: [108, 8], gid: [116, 8], size: [124, 12], mtime: [136, 12],
  checksum: [148, 8], typeflag: [156, 1], linkname: [157, 100], magic: [257, 6], version: [263, 2],
  uname: [265, 32], gname: [297, 32], devmajor: [329, 8], devminor: [337, 8], prefix: [345, 155],
  gnuAtime: [345, 12], gnuCtime: [357, 12],
} as const;

/** FieldName is one key of FIELD. */
export type FieldName = keyof typeof FIELD;

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder('utf-8');
const latin1Text = new TextDecoder('latin1');

/** encodeUtf8 turns text into the bytes tar stores. */
export function encodeUtf8(text: string): Uint8Array {
  return utf8.encode(text);
}

/** decodeUtf8 turns stored bytes into text (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8Text.decode(bytes);
}

/** fieldBytes returns a view of one field of a header block. */
export function fieldBytes(block: Uint8Array, field: FieldName): Uint8Array {
  const [at, len] = FIELD[field];
  return block.subarray(at, at + len);
}

/** fieldLatin1 returns a field's bytes one char per byte, for exact round trips of odd spellings. */
export function fieldLatin1(block: Uint8Array, field: FieldName): string {
  return latin1Text.decode(fieldBytes(block, field));
}

/** readStringField reads a NUL-terminated text field (bytes after the first NUL are ignored, as in Go). */
export function readStringField(block: Uint8Array, field: FieldName): string {
  const bytes = fieldBytes(block, field);
  const end = bytes.indexOf(0);
  return decodeUtf8(end < 0 ? bytes : bytes.subarray(0, end));
}

/**
 * readNumberField parses an octal (or GNU base-256) number field; undefined when it is not a
 * number or does not fit in a safe JavaScript integer.
 *
 * @example
 * readNumberField(block, 'size') // 11189 for a header whose size field reads '00000025665\0'
 */
export function readNumberField(block: Uint8Array, field: FieldName): number | undefined {
  const bytes = fieldBytes(block, field);
  if (bytes.length > 0 && (bytes[0] & 0x80) !== 0) return readBase256(bytes);
  // Go trims NULs and spaces on both sides, then stops at the first NUL left inside.
  const text = latin1Text.decode(bytes).replace(/^[ \0]+|[ \0]+$/g, '').split('\0')[0];
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return undefined;
  const value = parseInt(text, 8);
  return Number.isSafeInteger(value) ? value : undefined;
}

// GNU's binary numbers: high bit set, then big-endian two's complement (Go strconv.go parseNumeric).
function readBase256(bytes: Uint8Array): number | undefined {
  const negative = (bytes[0] & 0x40) !== 0;
  let value = 0n;
  bytes.forEach((byte, i) => {
    const b = negative ? byte ^ 0xff : byte;
    value = (value << 8n) | BigInt(i === 0 ? b & 0x7f : b);
  });
  const result = negative ? -(value + 1n) : value;
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return result > safe || result < -safe ? undefined : Number(result);
}

/** fitsOctal says whether a value fits a field of `width` bytes as octal digits plus NUL. */
export function fitsOctal(width: number, value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && (width >= 22 || value < 2 ** ((width - 1) * 3));
}

/**
 * formatOctal spells a number as Go does: zero-padded octal + NUL; 0 when it does not fit.
 *
 * @example
 * new TextDecoder().decode(formatOctal(8, 0o755)) // '0000755\0'
 */
export function formatOctal(width: number, value: number): Uint8Array {
  const digits = (fitsOctal(width, value) ? value : 0).toString(8).padStart(width - 1, '0');
  const out = new Uint8Array(width);
  out.set(encodeUtf8(digits.slice(0, width)));
  return out;
}

/** formatNumeric is Go's GNU spelling: octal when it fits, else base-256 with the high bit set. */
export function formatNumeric(width: number, value: number): Uint8Array {
  if (fitsOctal(width, value) || value < 0 || !Number.isSafeInteger(value)) return formatOctal(width, value);
  const out = new Uint8Array(width);
  let rest = BigInt(value);
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  out[0] |= 0x80;
  return out;
}

/**
 * writeStringField stores text bytes the way Go's formatString does: truncated to the field, NUL
 * after it when there is room, and a trailing '/' cut off when truncation left one at the end.
 */
export function writeStringField(block: Uint8Array, field: FieldName, bytes: Uint8Array): void {
  const target = fieldBytes(block, field);
  target.set(bytes.subarray(0, target.length));
  if (bytes.length < target.length) target[bytes.length] = 0;
  // Go: "some buggy readers treat regular files with a trailing slash as a directory".
  if (bytes.length > target.length && target[target.length - 1] === 0x2f) {
    let n = target.length - 1;
    while (n > 0 && target[n - 1] === 0x2f) n--;
    target[n] = 0;
  }
}

/**
 * checksums returns the unsigned and signed byte sums of a header, counting the checksum field as
 * spaces. POSIX stores the unsigned one; Go (and old Sun tar) accept either.
 *
 * @example
 * checksums(new Uint8Array(512)).unsigned // 256: eight spaces
 */
export function checksums(block: Uint8Array): { unsigned: number; signed: number } {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const inField = i >= FIELD.checksum[0] && i < FIELD.checksum[0] + FIELD.checksum[1];
    const byte = inField ? 0x20 : block[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return { unsigned, signed };
}

/** formatChecksum is Go's spelling of the checksum field: 6 octal digits, NUL, space. */
export function formatChecksum(sum: number): Uint8Array {
  const out = formatOctal(7, sum);
  const field = new Uint8Array(8);
  field.set(out);
  field[7] = 0x20;
  return field;
}

/** latin1Bytes turns a one-char-per-byte string (see fieldLatin1) back into bytes. */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}
