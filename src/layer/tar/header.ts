// One header block in, fields out — and back. Nothing here knows about PAX records or entries;
// read.ts and write.ts combine blocks into entries.
import type { TarNumericField } from './entry';
import {
  BLOCK, FIELD, FieldName, checksums, fieldBytes, fieldLatin1, fitsOctal, formatChecksum, formatNumeric,
  formatOctal, isGoChecksum, isGoOctal, latin1Bytes, readNumberField, readStringField, unsignedChecksum, writeChecksum, writeOctal, writeTextField,
} from './fields';

/** BlockFormat is the layout of one header block, told apart by its magic bytes. */
export type BlockFormat = 'ustar' | 'gnu' | 'v7';

/** HeaderFields is what one 512-byte header block says, before PAX or GNU long names apply. */
export interface HeaderFields {
  format: BlockFormat;
  name: string;
  /** USTAR name prefix ('' when unused or in GNU/v7 blocks). */
  prefix: string;
  /** The whole mode field, file-type bits included. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** GNU blocks only: access and change times, when set. */
  atime?: number;
  ctime?: number;
  /** Numeric fields whose bytes differ from Go's spelling of the same value (one char per byte). */
  rawFields: Partial<Record<TarNumericField, string>>;
}

type HeaderNumber = Exclude<TarNumericField, 'checksum'>;
const NUMERIC: HeaderNumber[] = ['mode', 'uid', 'gid', 'size', 'mtime', 'devmajor', 'devminor'];
const USTAR_MAGIC = 'ustar\u000000';
const GNU_MAGIC = 'ustar  \u0000';
const USTAR_MAGIC_BYTES = latin1Bytes(USTAR_MAGIC);
const GNU_MAGIC_BYTES = latin1Bytes(GNU_MAGIC);

/** spellNumber writes a number the way Go does for this block format (GNU may use base-256). */
export function spellNumber(format: BlockFormat, width: number, value: number): Uint8Array {
  return format === 'gnu' ? formatNumeric(width, value) : formatOctal(width, value);
}

/**
 * decodeHeader reads one header block. It returns a reason string instead of throwing, so the
 * caller can add the entry index and byte offset to the error.
 *
 * @example
 * const h = decodeHeader(tar.subarray(0, 512));
 * if (typeof h !== 'string') console.log(h.name, h.mode.toString(8), h.typeflag);
 */
export function decodeHeader(block: Uint8Array): HeaderFields | string {
  const stored = readNumberField(block, 'checksum');
  const unsigned = unsignedChecksum(block);
  // The signed sum (old Sun tar's) is only worth computing when the usual one does not match.
  if (stored === undefined || (stored !== unsigned && stored !== checksums(block).signed)) {
    return `header checksum does not match (stored ${stored ?? 'garbage'}, computed ${unsigned})`;
  }
  const format = blockFormat(block);
  const numbers: Partial<Record<HeaderNumber, number>> = {};
  for (const field of NUMERIC) {
    if (format === 'v7' && (field === 'devmajor' || field === 'devminor')) continue;
    const value = readNumberField(block, field);
    if (value === undefined) return `the ${field} field is not a number`;
    numbers[field] = value;
  }
  if (numbers.size! < 0) return 'the size field is negative';
  const fields: HeaderFields = {
    format, name: readStringField(block, 'name'), prefix: format === 'ustar' ? readStringField(block, 'prefix') : '',
    mode: numbers.mode!, uid: numbers.uid!, gid: numbers.gid!, size: numbers.size!, mtime: numbers.mtime!,
    typeflag: String.fromCharCode(block[FIELD.typeflag[0]]), linkname: readStringField(block, 'linkname'),
    uname: format === 'v7' ? '' : readStringField(block, 'uname'),
    gname: format === 'v7' ? '' : readStringField(block, 'gname'),
    devmajor: numbers.devmajor ?? 0, devminor: numbers.devminor ?? 0, rawFields: {},
  };
  if (format === 'gnu') readGnuTimes(block, fields);
  fields.rawFields = oddSpellings(block, fields);
  return fields;
}

// The magic and version fields: "ustar\0" + "00" (POSIX; any version is read as ustar, as Go
// does) or "ustar  \0" (GNU); anything else is a pre-POSIX v7 header.
function blockFormat(block: Uint8Array): BlockFormat {
  const at = FIELD.magic[0];
  for (let i = 0; i < 5; i++) if (block[at + i] !== USTAR_MAGIC.charCodeAt(i)) return 'v7';
  if (block[at + 5] === 0) return 'ustar';
  return block[at + 5] === 0x20 && block[at + 6] === 0x20 && block[at + 7] === 0 ? 'gnu' : 'v7';
}

// GNU stores atime/ctime where ustar keeps the prefix; Go reads them only when the first byte is set.
function readGnuTimes(block: Uint8Array, fields: HeaderFields): void {
  if (block[FIELD.gnuAtime[0]] !== 0) fields.atime = readNumberField(block, 'gnuAtime');
  if (block[FIELD.gnuCtime[0]] !== 0) fields.ctime = readNumberField(block, 'gnuCtime');
}

// Remember the exact bytes of any number another writer spelled differently from Go.
function oddSpellings(block: Uint8Array, fields: HeaderFields): HeaderFields['rawFields'] {
  const raw: HeaderFields['rawFields'] = {};
  for (const field of NUMERIC) {
    if (fields.format === 'v7' && (field === 'devmajor' || field === 'devminor')) continue;
    if (!spelledAsGo(block, fields.format, field, fields[field])) raw[field] = fieldLatin1(block, field);
  }
  if (!isGoChecksum(block)) raw.checksum = fieldLatin1(block, 'checksum');
  return raw;
}

// Go writes octal when the value fits; only a GNU block may hold base-256 (high bit set), and that
// rare case is checked by spelling the number again.
function spelledAsGo(block: Uint8Array, format: BlockFormat, field: HeaderNumber, value: number): boolean {
  if (format === 'gnu' && (block[FIELD[field][0]] & 0x80) !== 0) return sameBytes(fieldBytes(block, field), spellNumber(format, FIELD[field][1], value));
  return isGoOctal(block, field);
}

/**
 * encodeHeader builds one header block from fields, spelling numbers as Go does unless
 * `rawFields` holds another spelling of the same value. Strings are written as given (callers
 * apply Go's ASCII rules first).
 *
 * @example
 * encodeHeader({ ...decodeHeader(block) as HeaderFields }) // the same 512 bytes again
 */
export function encodeHeader(fields: HeaderFields): Uint8Array {
  const block = new Uint8Array(BLOCK);
  writeTextField(block, 'name', fields.name);
  writeTextField(block, 'linkname', fields.linkname);
  block[FIELD.typeflag[0]] = fields.typeflag.charCodeAt(0) & 0xff;
  for (const field of NUMERIC) {
    if (fields.format === 'v7' && (field === 'devmajor' || field === 'devminor')) continue;
    putNumber(block, field, fields.format, fields[field], fields.rawFields[field]);
  }
  if (fields.format !== 'v7') writeUstarPart(block, fields);
  const raw = fields.rawFields.checksum;
  if (raw === undefined) {
    writeChecksum(block, FIELD.checksum[0], unsignedChecksum(block));
    return block;
  }
  const sums = checksums(block);
  const keepRaw = [sums.unsigned, sums.signed].includes(readNumberField(latin1Block('checksum', raw), 'checksum') ?? -1);
  fieldBytes(block, 'checksum').set(keepRaw ? latin1Bytes(raw) : formatChecksum(sums.unsigned));
  return block;
}

function writeUstarPart(block: Uint8Array, fields: HeaderFields): void {
  block.set(fields.format === 'gnu' ? GNU_MAGIC_BYTES : USTAR_MAGIC_BYTES, FIELD.magic[0]); // magic + version
  writeTextField(block, 'uname', fields.uname);
  writeTextField(block, 'gname', fields.gname);
  if (fields.format === 'ustar') writeTextField(block, 'prefix', fields.prefix);
  if (fields.format === 'gnu' && fields.atime !== undefined) fieldBytes(block, 'gnuAtime').set(formatNumeric(12, fields.atime));
  if (fields.format === 'gnu' && fields.ctime !== undefined) fieldBytes(block, 'gnuCtime').set(formatNumeric(12, fields.ctime));
}

function putNumber(block: Uint8Array, field: FieldName, format: BlockFormat, value: number, raw?: string): void {
  const [at, width] = FIELD[field];
  if (raw === undefined && (format !== 'gnu' || fitsOctal(width, value))) return writeOctal(block, at, width, value);
  const useRaw = raw !== undefined && raw.length === width && readNumberField(latin1Block(field, raw), field) === value;
  fieldBytes(block, field).set(useRaw ? latin1Bytes(raw!) : spellNumber(format, width, value));
}

// A scratch block holding one field's raw spelling, so the normal parser can read it back.
function latin1Block(field: FieldName, raw: string): Uint8Array {
  const block = new Uint8Array(BLOCK);
  fieldBytes(block, field).set(latin1Bytes(raw).subarray(0, FIELD[field][1]));
  return block;
}

/** isZeroBlock says whether a block is all zero bytes (two of them end an archive). */
export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
