// The reader treats its input as untrusted: each malformed archive below is a small hand-made byte
// array, and each must end in a TarFormatError that says where — never a crash or a huge allocation.
import { describe, expect, it } from 'vitest';
import { TarFormatError, isTarFormatError, readTar, walkTar, writeTar } from '../../../src/layer/tar';

// An independent little header maker: ASCII octal fields and the POSIX checksum, nothing from src/.
function header(fields: { name?: string; size?: number | Uint8Array; typeflag?: string; checksum?: number }): Uint8Array {
  const block = new Uint8Array(512);
  const put = (at: number, s: string): void => block.set(new TextEncoder().encode(s), at);
  put(0, fields.name ?? 'f');
  put(100, '0000644\0'); put(108, '0000000\0'); put(116, '0000000\0'); put(136, '00000000000\0');
  if (fields.size instanceof Uint8Array) block.set(fields.size, 124);
  else put(124, (fields.size ?? 0).toString(8).padStart(11, '0') + '\0');
  put(156, fields.typeflag ?? '0');
  put(257, 'ustar\u000000');
  block.fill(0x20, 148, 156);
  const sum = fields.checksum ?? block.reduce((n, b) => n + b, 0);
  put(148, sum.toString(8).padStart(6, '0') + '\0 ');
  return block;
}
const cat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const zeros = (n: number): Uint8Array => new Uint8Array(n);
const pad = (bytes: Uint8Array): Uint8Array => cat(bytes, zeros((512 - (bytes.length % 512)) % 512));
const paxFile = (records: string | Uint8Array): Uint8Array => {
  const data = typeof records === 'string' ? new TextEncoder().encode(records) : records;
  return cat(header({ name: 'PaxHeaders.0/f', typeflag: 'x', size: data.length }), pad(data), header({}), zeros(1024));
};

function failure(bytes: Uint8Array, limits = {}): TarFormatError {
  try {
    readTar(bytes, limits);
  } catch (error) {
    expect(isTarFormatError(error)).toBe(true);
    return error as TarFormatError;
  }
  throw new Error('expected a TarFormatError');
}

describe('hostile archives', () => {
  it.each([
    ['a header cut short', zeros(100).fill(1), /truncated inside a header/, 0],
    ['a wrong checksum', cat(header({ checksum: 1234 }), zeros(1024)), /checksum/, 0],
    ['data that runs past the end', cat(header({ size: 1000 }), zeros(512)), /declares 1000 bytes but the archive ends first/, 0],
    ['a 1 TiB size in base-256 (GNU)', cat(header({ size: Uint8Array.of(0x80, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0) }), zeros(1024)), /ends first/, 0],
    ['a size beyond 2^53 in base-256', cat(header({ size: Uint8Array.of(0xff, 0x3f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff) }), zeros(1024)), /size field is not a number/, 0],
    ['a negative size in base-256', cat(header({ size: Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe) }), zeros(1024)), /negative/, 0],
    ['a size that is not octal', cat(header({ size: new TextEncoder().encode('0000000009x\0') }), zeros(1024)), /not a number/, 0],
    ['a zero block followed by data', cat(zeros(512), header({}), zeros(1024)), /zero block is followed by data/, 0],
    ['half a block after a zero block', cat(zeros(512), zeros(100)), /truncated inside the end marker/, 0],
    ['a PAX header and then the end', cat(header({ typeflag: 'x', size: 0 }), zeros(1024)), /not followed by an entry/, 512],
    ['a sparse file (typeflag S)', cat(header({ typeflag: 'S' }), zeros(1024)), /unsupported typeflag 'S'/, 0],
    ['an unknown typeflag byte', cat(header({ typeflag: '\u0001' }), zeros(1024)), /unsupported typeflag '\\x01'/, 0],
  ])('rejects %s', (_what, bytes, reason, offset) => {
    const error = failure(bytes);
    expect(error.code).toBe('ETARFORMAT');
    expect(error.message).toMatch(reason);
    expect(error.data.offset).toBe(offset);
    expect(error.data.entryIndex).toBe(0);
  });

  it.each([
    ['no space after the length', '12path=abc\n'],
    ['a length that is not a number', 'ab path=abc\n'],
    ['a length past the data', '99 path=abc\n'],
    ['a length that misses the newline', '11 path=abcd\n'],
    ['no equals sign', '10 pathabc\n'],
    ['an empty key', '7 =abc\n'],
    ['a NUL inside a path', '12 path=a\0b\n'],
    ['a uid that is not a number', '13 uid=12x45\n'],
    ['an mtime that is not a time', '14 mtime=noon!\n'],
    ['GNU sparse records', '25 GNU.sparse.major=1\n'],
  ])('rejects a PAX header with %s', (_what, records) => {
    expect(failure(paxFile(records)).message).toMatch(/PAX|sparse/);
  });

  it('caps PAX headers at 1 MiB, as Go does, before reading them', () => {
    const big = cat(header({ typeflag: 'x', size: (1 << 20) + 1 }), zeros((1 << 20) + 512 + 1024));
    expect(failure(big).message).toMatch(/more than the limit of 1048576/);
  });

  it('rejects an absurdly long name from a PAX record', () => {
    const name = 'a/'.repeat(3000);
    const record = `${name.length + 11} path=${name}\n`;
    expect(failure(paxFile(record)).message).toMatch(/longer than 4096 bytes/);
  });

  it('caps GNU long names (typeflag L) at the name limit', () => {
    const long = cat(header({ name: '././@LongLink', typeflag: 'L', size: 10000 }), zeros(10240), header({}), zeros(1024));
    expect(failure(long, { maxNameBytes: 4096 }).message).toMatch(/limit of 4097/);
  });

  it('names the entry and its offset when the second entry is broken', () => {
    const error = failure(cat(header({ name: 'ok' }), header({ name: 'bad', size: 4096 }), zeros(512)));
    expect(error.data).toMatchObject({ entryIndex: 1, name: 'bad', offset: 512 });
  });

  it('never throws anything but TarFormatError on randomly damaged archives', () => {
    const good = writeTar([
      { name: 'caf\u00e9/'.repeat(30), type: 'dir', mode: 0o755, uid: 3000000, gid: 0, mtime: 1.5, size: 0 },
      { name: 'f', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 700, data: new Uint8Array(700).fill(7), format: 'gnu' },
      { name: 'x'.repeat(150), type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, size: 0, linkname: 'y'.repeat(150), format: 'gnu' },
    ]);
    let seed = 42;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    let rejected = 0;
    for (let round = 0; round < 3000; round++) {
      const bytes = good.slice(0, round % 7 === 0 ? random(good.length) : good.length);
      for (let k = 0; k < 1 + random(4); k++) bytes[random(bytes.length)] = random(256);
      try {
        for (const step of walkTar(bytes)) void step;
      } catch (error) {
        if (!isTarFormatError(error)) throw error;
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(100);
  });
});
