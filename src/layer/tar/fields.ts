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

/** encodeUtf8 turns text into the bytes tar stores. */
export function encodeUtf8(text: string): Uint8Array {
  // Names are nearly always ASCII (one UTF-8 byte per char), whose bytes are their char codes:
  // Buffer's native latin1 copy is then the encoding, without a TextEncoder call.
  return Buffer.byteLength(text, 'utf8') === text.length ? Buffer.from(text, 'latin1') : utf8.encode(text);
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
  // Not TextDecoder('latin1'): the Encoding Standard maps that label to windows-1252 (0x80 → '€').
  return String.fromCharCode.apply(null, fieldBytes(block, field) as unknown as number[]);
}

/** readStringField reads a NUL-terminated text field (bytes after the first NUL are ignored, as in Go). */
export function readStringField(block: Uint8Array, field: FieldName): string {
  const [at, len] = FIELD[field];
  // Almost every name in a real layer is ASCII: those bytes are their own characters, and making
  // the string directly is several times faster than a TextDecoder call per field.
  let end = at;
  let ascii = true;
  for (; end < at + len && block[end] !== 0; end++) if (block[end] >= 0x80) ascii = false;
  if (end === at) return '';
  const bytes = block.subarray(at, end);
  return ascii ? String.fromCharCode.apply(null, bytes as unknown as number[]) : decodeUtf8(bytes);
}

/**
 * readNumberField parses an octal (or GNU base-256) number field; undefined when it is not a
 * number or does not fit in a safe JavaScript integer.
 *
 * @example
 * readNumberField(block, 'size') // 11189 for a header whose size field reads '00000025665\0'
 */
export function readNumberField(block: Uint8Array, field: FieldName): number | undefined {
  const [at, len] = FIELD[field];
  if (len > 0 && (block[at] & 0x80) !== 0) return readBase256(block.subarray(at, at + len));
  // Go trims NULs and spaces on both sides, then stops at the first NUL left inside; what is
  // left must be octal digits ('' reads as 0). Read byte by byte: tar headers are read 50,000
  // at a time when an image is imported.
  let start = at;
  let end = at + len;
  while (start < end && (block[start] === 0x20 || block[start] === 0)) start++;
  while (end > start && (block[end - 1] === 0x20 || block[end - 1] === 0)) end--;
  let value = 0;
  for (let i = start; i < end && block[i] !== 0; i++) {
    const digit = block[i] - 0x30;
    if (digit < 0 || digit > 7) return undefined;
    value = value * 8 + digit;
  }
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * isGoOctal says whether a field is spelled exactly as Go's formatOctal spells the number it holds:
 * width − 1 octal digits, zero-padded, then one NUL. (Any such field is the canonical spelling of
 * its own value, so no number needs formatting to compare.)
 *
 * @example
 * isGoOctal(block, 'mode') // true for '0000755\0', false for '000755 \0' (GNU tar's old spelling)
 */
export function isGoOctal(block: Uint8Array, field: FieldName): boolean {
  const [at, len] = FIELD[field];
  if (block[at + len - 1] !== 0) return false;
  for (let i = at; i < at + len - 1; i++) if (block[i] < 0x30 || block[i] > 0x37) return false;
  return true;
}

/** isGoChecksum says whether the checksum field is spelled as Go writes it: 6 octal digits, NUL, space. */
export function isGoChecksum(block: Uint8Array): boolean {
  const [at] = FIELD.checksum;
  for (let i = at; i < at + 6; i++) if (block[i] < 0x30 || block[i] > 0x37) return false;
  return block[at + 6] === 0 && block[at + 7] === 0x20;
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
  return Number.isSafeInteger(value) && value >= 0 && (width >= 22 || value < OCTAL_LIMIT[width]);
}

// 8 ** (width − 1): the first value that no longer fits, per field width (computed once).
const OCTAL_LIMIT = Array.from({ length: 22 }, (_, width) => 2 ** (Math.max(width - 1, 0) * 3));

/**
 * writeOctal writes Go's spelling of a number (see formatOctal) straight into a header block at
 * `at`: no intermediate array, for the thousands of headers of a layer.
 */
export function writeOctal(block: Uint8Array, at: number, width: number, value: number): void {
  let rest = fitsOctal(width, value) ? value : 0;
  for (let i = at + width - 2; i >= at; i--, rest = Math.floor(rest / 8)) block[i] = 0x30 + (rest % 8);
  block[at + width - 1] = 0;
}

/**
 * formatOctal spells a number as Go does: zero-padded octal + NUL; 0 when it does not fit.
 *
 * @example
 * new TextDecoder().decode(formatOctal(8, 0o755)) // '0000755\0'
 */
export function formatOctal(width: number, value: number): Uint8Array {
  const out = new Uint8Array(width);
  writeOctal(out, 0, width, value);
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

/** writeTextField stores text in a header field as writeStringField stores its UTF-8 bytes. */
export function writeTextField(block: Uint8Array, field: FieldName, text: string): void {
  const [at, len] = FIELD[field];
  // ASCII text that fits is its own bytes: written straight in, with its NUL. Anything else goes
  // through the general rule below.
  if (text.length >= len) return writeStringField(block, field, encodeUtf8(text));
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return writeStringField(block, field, encodeUtf8(text));
    block[at + i] = code;
  }
  block[at + text.length] = 0;
}

/**
 * writeStringField stores text bytes the way Go's formatString does (writeTextField takes the text
 * itself): truncated to the field, NUL after it when there is room, and a trailing '/' cut off
 * when truncation left one at the end.
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
  let high = 0;   // bytes over 127: the signed sum counts each of them 256 less
  for (let i = 0; i < BLOCK; i++) if (block[i] > 127 && !inChecksumField(i)) high++;
  const unsigned = unsignedChecksum(block);
  return { unsigned, signed: unsigned - 256 * high };
}

/** unsignedChecksum: the sum POSIX stores (the checksum field counted as eight spaces). */
export function unsignedChecksum(block: Uint8Array): number {
  const [at, len] = FIELD.checksum;
  let sum = 0x20 * len;
  for (let i = 0; i < at; i++) sum += block[i];
  for (let i = at + len; i < BLOCK; i++) sum += block[i];
  return sum;
}

function inChecksumField(i: number): boolean {
  return i >= FIELD.checksum[0] && i < FIELD.checksum[0] + FIELD.checksum[1];
}

/** formatChecksum is Go's spelling of the checksum field: 6 octal digits, NUL, space. */
export function formatChecksum(sum: number): Uint8Array {
  const field = new Uint8Array(8);
  writeChecksum(field, 0, sum);
  return field;
}

/** writeChecksum writes formatChecksum's spelling straight into a block at `at`. */
export function writeChecksum(block: Uint8Array, at: number, sum: number): void {
  writeOctal(block, at, 7, sum);   // 6 digits and a NUL…
  block[at + 7] = 0x20;            // …then a space
}

/** latin1Bytes turns a one-char-per-byte string (see fieldLatin1) back into bytes. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
