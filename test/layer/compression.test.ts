// Compression: magic-byte detection on the containers/image fixtures, bounded unpacking (bombs
// made by hand), eStargz recognition, and deterministic gzip for export.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  Compression, decompress, decompressInto, detectCompression, gzipCompress, isCompressionFormatError, isDecompressionLimitError, isEstargz, zstdOutputBound,
} from '../../src/layer/compression';
import { digestOf } from '../../src/layer/digest';
import { ReadBuffer } from '../../src/layer/read-buffer';
import { haveShared, sharedPath } from '../helpers/shared';
import { archiveSource, ociImages } from './image-fixtures';

const hello = (ext: string): Uint8Array =>
  new Uint8Array(readFileSync(sharedPath('fixtures/containers-image/pkg/compression/fixtures', `Hello.${ext}`)));

// A zstd frame of `blocks` RLE blocks of 128 KiB each: a few bytes that expand to megabytes.
function zstdRleBomb(blocks: number, byte = 0x41): Uint8Array {
  const out = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3]; // magic, no content size, window 128 KiB
  for (let i = 0; i < blocks; i++) {
    const header = ((1 << 17) << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0); // size 128 KiB, type RLE, last?
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, byte);
  }
  return Uint8Array.from(out);
}

describe.skipIf(!haveShared('containers/image compression fixtures'))('detectCompression', () => {
  it.each([
    ['gz', 'gzip'], ['zst', 'zstd'], ['bz2', 'bzip2'], ['xz', 'xz'], ['uncompressed', 'none'],
  ] as [string, Compression][])('recognises Hello.%s as %s', (ext, want) => {
    expect(detectCompression(hello(ext))).toBe(want);
  });

  it.each(['gz', 'zst'])('unpacks Hello.%s to "Hello"', (ext) => {
    expect(Buffer.from(decompress(hello(ext))).toString()).toBe('Hello');
  });

  it.each(['bz2', 'xz'])('says clearly that %s is recognised but not supported', (ext) => {
    expect(() => decompress(hello(ext))).toThrow(/ECOMPRESSION: .* recognised but not supported/);
  });
});

describe('bounded decompression', () => {
  it('stops a gzip bomb at the limit', () => {
    const bomb = gzipSync(new Uint8Array(8 << 20));
    expect(bomb.length).toBeLessThan(20000);
    try {
      decompress(bomb, { maxBytes: 1 << 20 });
      expect.unreachable();
    } catch (error) {
      expect(isDecompressionLimitError(error)).toBe(true);
      expect((error as Error).message).toMatch(/expands past 1048576 bytes/);
    }
    expect(decompress(bomb, { maxBytes: 8 << 20 }).length).toBe(8 << 20);
  });

  it('stops a zstd bomb before decoding, from the frame headers alone', () => {
    const bomb = zstdRleBomb(100);
    expect(zstdOutputBound(bomb)).toBe(100 * 131072);
    expect(() => decompress(bomb, { maxBytes: 1 << 20 })).toThrow(/EDECOMPRESSLIMIT/);
    const out = decompress(bomb, { maxBytes: 100 * 131072 });
    expect(out.length).toBe(100 * 131072);
    expect(out.every((b) => b === 0x41)).toBe(true);
  });

  it('refuses a zstd frame that claims a huge window and no content size', () => {
    const frame = Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 30 << 3, 0x01, 0x00, 0x00]); // 1 TiB window, one empty last block
    expect(() => decompress(frame)).toThrow(/EDECOMPRESSLIMIT/);
  });

  it.each([
    ['a cut-off gzip stream', (): Uint8Array => gzipSync(new Uint8Array(5000).fill(3)).subarray(0, 30)],
    ['a cut-off zstd frame', (): Uint8Array => zstdRleBomb(3).subarray(0, 12)],
    ['a zstd reserved block type', (): Uint8Array => Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3, 0x07, 0, 0])],
  ])('reports %s as damaged', (_what, make) => {
    try {
      decompress(make());
      expect.unreachable();
    } catch (error) {
      expect(isCompressionFormatError(error)).toBe(true);
    }
  });
});

describe('gzipCompress', () => {
  it('is deterministic, has mtime 0, and round-trips', () => {
    const tar = new Uint8Array(4096).map((_, i) => i % 251);
    const [a, b] = [gzipCompress(tar), gzipCompress(tar)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Array.from(a.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    expect(digestOf(decompress(a))).toBe(digestOf(tar));
  });
});

describe.skipIf(!haveShared('dive OCI fixtures'))('eStargz', () => {
  const layer = (fixture: string): Uint8Array => ociImages(archiveSource(`dive/data/${fixture}`))[0].layerBlobs[0];

  it('recognises the eStargz layer and not the plain gzip one', () => {
    expect(isEstargz(layer('test-oci-estargz-image.tar'))).toBe(true);
    expect(isEstargz(layer('test-oci-gzip-image.tar'))).toBe(false);
  });

  it('unpacks all gzip members of the eStargz layer to its diffID (2b3dbfdf…, PROVENANCE.md)', () => {
    expect(digestOf(decompress(layer('test-oci-estargz-image.tar')))).toMatch(/^sha256:2b3dbfdf/);
  });

  it('unpacks the gzip and zstd layers of the same image to the same diffID', () => {
    const want = 'sha256:356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758';
    expect(digestOf(decompress(layer('test-oci-gzip-image.tar')))).toBe(want);
    expect(digestOf(decompress(layer('test-oci-zstd-image.tar')))).toBe(want);
  });
});

describe('decompressInto (an import\'s reused buffer)', () => {
  const bytes = (n: number, seed = 7): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * seed) % 251);

  it('gives what decompress gives, for one member, several members and a lying size trailer', async () => {
    const scratch = new ReadBuffer();
    const one = gzipCompress(bytes(300_000));
    expect(Buffer.from(await decompressInto(one, scratch)).equals(Buffer.from(decompress(one)))).toBe(true);
    const two = new Uint8Array(Buffer.concat([gzipSync(bytes(5000)), gzipSync(bytes(3_000_000, 11))]));
    expect(Buffer.from(await decompressInto(two, scratch)).equals(Buffer.from(decompress(two)))).toBe(true);
    const lying = new Uint8Array(one);
    lying.set([0xff, 0xff, 0xff, 0x7f], lying.length - 4);   // ISIZE says 2 GiB; zlib ignores it
    expect((await decompressInto(lying, scratch).catch((e: Error) => e)) instanceof Error).toBe(decompressThrows(lying));
  });

  it('reuses its memory: a second call overwrites what the first returned', async () => {
    const scratch = new ReadBuffer();
    const first = await decompressInto(gzipCompress(new Uint8Array(1000).fill(1)), scratch);
    await decompressInto(gzipCompress(new Uint8Array(1000).fill(2)), scratch);
    expect(first[0]).toBe(2);
  });

  it('stops a gzip bomb at the limit and names damage as decompress does', async () => {
    const bomb = new Uint8Array(gzipSync(new Uint8Array(4 << 20)));
    const limited = await decompressInto(bomb, new ReadBuffer(), { maxBytes: 1 << 20 }).catch((e: unknown) => e);
    expect(isDecompressionLimitError(limited)).toBe(true);
    const damaged = bomb.subarray(0, bomb.length - 10);
    const error = await decompressInto(damaged, new ReadBuffer()).catch((e: unknown) => e);
    expect(isCompressionFormatError(error)).toBe(true);
    expect((error as Error).message).toMatch(/damaged/);
  });

  it('returns plain blobs as they are', async () => {
    const plain = bytes(100);
    expect(await decompressInto(plain, new ReadBuffer())).toBe(plain);
  });
});

function decompressThrows(blob: Uint8Array): boolean {
  try { decompress(blob); return false; } catch { return true; }
}
