// Layer blobs are stored gzip- or zstd-compressed, or as plain tar. This module tells them apart by
// their magic bytes (formats.md §4.3), unpacks them within a size bound (a small blob can claim to
// expand to terabytes), and gzips tars for export. Only diffIDs are portable: compressed bytes
// depend on the compressor (formats.md §3.3 step 9), so exports are deterministic but not Go's.
import { createGunzip, gunzipSync, gzipSync } from 'node:zlib';
import type { ReadBuffer } from './read-buffer';
import { decompress as zstdDecompress } from 'fzstd';

/** Compression names how a blob is stored. bzip2 and xz are recognised but not unpacked. */
export type Compression = 'gzip' | 'zstd' | 'bzip2' | 'xz' | 'none';

const MAGIC: [Compression, number[]][] = [
  ['gzip', [0x1f, 0x8b]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
];

/** DEFAULT_MAX_BYTES bounds decompressed output unless a caller asks for more: 1 GiB. */
export const DEFAULT_MAX_BYTES = 1 << 30;

/**
 * detectCompression looks at a blob's first bytes (media types can lie, magic bytes do not).
 *
 * @example
 * detectCompression(new Uint8Array([0x1f, 0x8b, 8])) // → gzip
 */
export function detectCompression(bytes: Uint8Array): Compression {
  const found = MAGIC.find(([, magic]) => magic.every((byte, i) => bytes[i] === byte));
  return found ? found[0] : 'none';
}

/**
 * isEstargz recognises an eStargz blob: gzip whose last member is a footer with an 'SG' extra
 * field holding "%016x" (the TOC offset) + "STARGZ". The blob is still ordinary gzip.
 *
 * @example
 * isEstargz(blob) // true for dive's test-oci-estargz-image layer
 */
export function isEstargz(bytes: Uint8Array): boolean {
  if (detectCompression(bytes) !== 'gzip') return false;
  const footer = bytes.subarray(bytes.length - 51);
  const ascii = (from: number, to: number): string => String.fromCharCode(...footer.subarray(from, to));
  const gzipWithExtra = footer[0] === 0x1f && footer[1] === 0x8b && (footer[3] & 0x04) !== 0;
  return footer.length === 51 && gzipWithExtra && ascii(12, 14) === 'SG' && /^[0-9a-f]{16}STARGZ$/.test(ascii(16, 38));
}

/** DecompressOptions: `maxBytes` is the largest output accepted (default 1 GiB). */
export interface DecompressOptions {
  maxBytes?: number;
}

/**
 * decompress returns the uncompressed bytes of a gzip, zstd or plain blob (plain comes back as
 * is). Throws DecompressionLimitError when the output would pass `maxBytes`, and
 * CompressionFormatError for damaged data or bzip2/xz.
 *
 * @example
 * const tar = decompress(gzipCompress(new Uint8Array(1024)));
 * tar.length // → 1024
 */
export function decompress(bytes: Uint8Array, { maxBytes = DEFAULT_MAX_BYTES }: DecompressOptions = {}): Uint8Array {
  const format = detectCompression(bytes);
  if (format === 'none') return bytes;
  if (format === 'gzip') return gunzipBounded(bytes, maxBytes);
  if (format === 'zstd') return unzstdBounded(bytes, maxBytes);
  throw new CompressionFormatError({ format, reason: 'is recognised but not supported here; convert the layer to gzip or zstd' });
}

/**
 * decompressInto is decompress for bytes needed only until the next call: gzip streams into `into`
 * (one buffer reused for every layer of an import) instead of a fresh buffer per layer; zstd and
 * plain blobs are as decompress gives them. Same errors as decompress.
 *
 * @example
 * const scratch = new ReadBuffer();
 * (await decompressInto(gzipCompress(new Uint8Array(1024)), scratch)).length // → 1024
 */
export async function decompressInto(bytes: Uint8Array, into: ReadBuffer, { maxBytes = DEFAULT_MAX_BYTES }: DecompressOptions = {}): Promise<Uint8Array> {
  if (detectCompression(bytes) !== 'gzip') return decompress(bytes, { maxBytes });
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    let out = into.take(Math.min(gunzipChunkSize(bytes, maxBytes) - 1, maxBytes));
    let length = 0;
    gunzip.on('data', (chunk: Buffer) => {
      if (length + chunk.length > maxBytes) {
        gunzip.destroy();
        reject(new DecompressionLimitError({ format: 'gzip', limit: maxBytes }));
        return;
      }
      if (length + chunk.length > out.length) out = into.grow(Math.min(Math.max(2 * out.length, length + chunk.length), maxBytes), length);
      out.set(chunk, length);
      length += chunk.length;
    });
    gunzip.on('end', () => resolve(out.subarray(0, length)));
    gunzip.on('error', (error) => reject(new CompressionFormatError({ format: 'gzip', reason: `is damaged (${error.message})` })));
    gunzip.end(bytes);
  });
}

function gunzipBounded(bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes), chunkSize: gunzipChunkSize(bytes, maxBytes) });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new DecompressionLimitError({ format: 'gzip', limit: maxBytes });
    throw new CompressionFormatError({ format: 'gzip', reason: `is damaged (${(error as Error).message})` });
  }
}

/**
 * gunzipChunkSize: zlib writes its output in chunks and joins them at the end, so a 30 MB layer in
 * 16 KiB chunks is held twice while it is joined. A gzip member ends with ISIZE, its uncompressed
 * size (mod 2^32): one chunk that size (plus one byte, so zlib sees the end without asking for
 * another) is the whole output, no join. ISIZE is only a hint — an eStargz blob ends with an empty
 * member, a hostile one may lie — so it is bounded by what deflate can produce from these bytes
 * (at most 1032:1) and by the caller's limit; a hint too small just means several chunks.
 */
function gunzipChunkSize(bytes: Uint8Array, maxBytes: number): number {
  const n = bytes.length;
  const isize = n >= 18 ? (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16)) + bytes[n - 1] * 2 ** 24 : 0;
  const ceiling = Math.min(maxBytes + 1, 1032 * n + 1024, 2 ** 31 - 1);
  return Math.max(64, Math.min(Math.max(isize + 1, 1 << 20), ceiling));   // zlib takes no chunk under 64 bytes
}

// fzstd allocates the whole output (or window) up front, so check the frame headers first.
function unzstdBounded(bytes: Uint8Array, maxBytes: number): Uint8Array {
  const bound = zstdOutputBound(bytes);
  if (typeof bound === 'string') throw new CompressionFormatError({ format: 'zstd', reason: bound });
  if (bound > maxBytes) throw new DecompressionLimitError({ format: 'zstd', limit: maxBytes });
  try {
    const out = zstdDecompress(bytes);
    if (out.length > maxBytes) throw new DecompressionLimitError({ format: 'zstd', limit: maxBytes });
    return out;
  } catch (error) {
    if (isDecompressionLimitError(error)) throw error;
    throw new CompressionFormatError({ format: 'zstd', reason: `is damaged (${(error as Error).message})` });
  }
}

/**
 * zstdOutputBound walks zstd frames without decoding them and returns the most bytes they can
 * produce (or allocate), or a reason string when the framing is broken. RFC 8878 §3.1.
 */
export function zstdOutputBound(bytes: Uint8Array): number | string {
  let at = 0;
  let total = 0;
  while (at < bytes.length) {
    const frame = zstdFrame(bytes, at);
    if (typeof frame === 'string') return frame;
    total += frame.bound;
    at = frame.end;
  }
  return total;
}

function zstdFrame(bytes: Uint8Array, at: number): { bound: number; end: number } | string {
  const le = (from: number, n: number): number => bytes.subarray(from, from + n).reduceRight((v, b) => v * 256 + b, 0);
  if (at + 8 > bytes.length) return 'ends inside a frame header';
  const magic = le(at, 4);
  if (magic >= 0x184d2a50 && magic <= 0x184d2a5f) return { bound: 0, end: at + 8 + le(at + 4, 4) }; // skippable frame
  if (magic !== 0xfd2fb528) return 'has a frame without the zstd magic number';
  const fhd = bytes[at + 4];
  const singleSegment = (fhd >> 5) & 1;
  const fcsBytes = [singleSegment, 2, 4, 8][fhd >> 6];
  let p = at + 5;
  let window = 0;
  if (!singleSegment) {
    const exp = bytes[p] >> 3;
    window = 2 ** (10 + exp) * (1 + (bytes[p] & 7) / 8);
    p++;
  }
  p += [0, 1, 2, 4][fhd & 3];
  const contentSize = fcsBytes === 0 ? 0 : le(p, fcsBytes) + (fcsBytes === 2 ? 256 : 0);
  p += fcsBytes;
  const blocks = zstdBlocks(bytes, p, singleSegment ? contentSize : Math.min(window, 1 << 17));
  if (typeof blocks === 'string') return blocks;
  const end = blocks.end + ((fhd >> 2) & 1) * 4;
  if (end > bytes.length) return 'ends inside a frame';
  return { bound: Math.max(blocks.bound, contentSize || window), end };
}

function zstdBlocks(bytes: Uint8Array, at: number, maxBlock: number): { bound: number; end: number } | string {
  let bound = 0;
  for (let last = 0; !last;) {
    if (at + 3 > bytes.length) return 'ends inside a block header';
    const header = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    last = header & 1;
    const type = (header >> 1) & 3;
    const size = header >>> 3;
    if (type === 3) return 'has a reserved block type';
    bound += type === 2 ? Math.min(maxBlock || 1 << 17, 1 << 17) : size;
    at += 3 + (type === 1 ? 1 : size);
  }
  return { bound, end: at };
}

/** GzipOptions: compression `level` 0–9 (default 6, the level Go and Node both default to). */
export interface GzipOptions {
  level?: number;
}

/**
 * gzipCompress gzips bytes deterministically: the same input and level always give the same
 * bytes (mtime 0 in the header; Node's zlib marks OS=3 where Go writes 0xff, so digests differ
 * from Docker's — compare diffIDs, not blob digests).
 *
 * @example
 * const tar = writeTar([{ name: 'hello.txt', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 3, data: new TextEncoder().encode('hi\n') }]);
 * const gz = gzipCompress(tar);
 * [detectCompression(gz), gz.length < tar.length, digestOf(gzipCompress(tar)) === digestOf(gz)] // → [ 'gzip', true, true ]
 */
export function gzipCompress(bytes: Uint8Array, { level = 6 }: GzipOptions = {}): Uint8Array {
  const out = gzipSync(bytes, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** CompressionFormatError says a blob is damaged or stored in a way we cannot unpack. Code 'ECOMPRESSION'. */
export class CompressionFormatError extends Error {
  readonly code = 'ECOMPRESSION';
  readonly data: { format: Compression; reason: string };

  constructor(data: { format: Compression; reason: string }) {
    super(`ECOMPRESSION: this ${data.format} blob ${data.reason}.`);
    this.name = 'CompressionFormatError';
    this.data = data;
  }
}

/** DecompressionLimitError says a blob would expand past the allowed size. Code 'EDECOMPRESSLIMIT'. */
export class DecompressionLimitError extends Error {
  readonly code = 'EDECOMPRESSLIMIT';
  readonly data: { format: Compression; limit: number };

  constructor(data: { format: Compression; limit: number }) {
    super(`EDECOMPRESSLIMIT: this ${data.format} blob expands past ${data.limit} bytes; ` +
      'it may be a decompression bomb. If you trust it, pass a larger maxBytes.');
    this.name = 'DecompressionLimitError';
    this.data = data;
  }
}

/** isCompressionFormatError is a realm-safe type guard. */
export function isCompressionFormatError(error: unknown): error is CompressionFormatError {
  return hasNameAndCode(error, 'CompressionFormatError', 'ECOMPRESSION');
}

/** isDecompressionLimitError is a realm-safe type guard. */
export function isDecompressionLimitError(error: unknown): error is DecompressionLimitError {
  return hasNameAndCode(error, 'DecompressionLimitError', 'EDECOMPRESSLIMIT');
}

function hasNameAndCode(error: unknown, name: string, code: string): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return typeof e === 'object' && e !== null && e.name === name && e.code === code;
}
