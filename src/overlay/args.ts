// Argument checks at the public edge, with Node's own errors for wrong types (ERR_INVALID_ARG_TYPE),
// so a notebook gets the sentence node:fs would give rather than a crash deep inside.
import { constants } from 'node:fs';

/** nodeTypeError builds the TypeError node:fs throws for an argument of the wrong type. */
function nodeTypeError(name: string, expected: string, value: unknown): TypeError {
  const received = value === null ? 'null' : value === undefined ? 'undefined' : `type ${typeof value} (${String(value).slice(0, 25)})`;
  const error = new TypeError(`The "${name}" argument must be ${expected}. Received ${received}`) as TypeError & { code: string };
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

/** pathArg: a path as a string (Buffers and file: URLs accepted, as node:fs does). */
export function pathArg(value: unknown, name = 'path'): string {
  if (typeof value === 'string') return checkNul(value, name);
  if (Buffer.isBuffer(value)) return checkNul(value.toString(), name);
  if (value instanceof URL && value.protocol === 'file:') return checkNul(decodeURIComponent(value.pathname), name);
  throw nodeTypeError(name, 'of type string or an instance of Buffer or URL', value);
}

function checkNul(path: string, name: string): string {
  if (!path.includes('\u0000')) return path;
  const error = new TypeError(`The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${JSON.stringify(path)}`) as TypeError & { code: string };
  error.code = 'ERR_INVALID_ARG_VALUE';
  throw error;
}

/** intArg: a non-negative integer argument such as a mode, uid or length. */
export function intArg(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw nodeTypeError(name, 'of type number', value);
}

/** modeArg: a mode as a number or an octal string ('0644'), as node:fs accepts. */
export function modeArg(value: unknown, name = 'mode'): number {
  if (typeof value === 'string' && /^[0-7]+$/.test(value)) return parseInt(value, 8);
  return intArg(value, name);
}

/** dataArg: file data as bytes (strings are UTF-8, or the given encoding). */
export function dataArg(value: unknown, encoding: BufferEncoding = 'utf8'): Buffer {
  if (typeof value === 'string') return Buffer.from(value, encoding);
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw nodeTypeError('data', 'of type string or an instance of Buffer, TypedArray, or DataView', value);
}

/** FLAG_STRINGS: node:fs's flag strings as open(2) flags. */
const FLAG_STRINGS: Record<string, number> = {
  r: constants.O_RDONLY, 'r+': constants.O_RDWR, rs: constants.O_RDONLY | constants.O_SYNC, 'rs+': constants.O_RDWR | constants.O_SYNC,
  w: constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY, wx: constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL,
  'w+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR, 'wx+': constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL,
  a: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY, ax: constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL,
  'a+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR, 'ax+': constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | constants.O_EXCL,
};

/** flagsArg: open flags from a node:fs flag string or a number of O_* bits. */
export function flagsArg(value: unknown): number {
  if (value === undefined) return constants.O_RDONLY;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value in FLAG_STRINGS) return FLAG_STRINGS[value];
  const error = new TypeError(`The value "${String(value)}" is invalid for option "flags"`) as TypeError & { code: string };
  error.code = 'ERR_INVALID_ARG_VALUE';
  throw error;
}

/** timeArg: a time as node:fs takes it (seconds, a numeric string, or a Date) in milliseconds. */
export function timeArg(value: unknown, name: string): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value * 1000;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value) * 1000;
  throw nodeTypeError(name, 'of type number or an instance of Date', value);
}
