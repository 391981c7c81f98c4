// The header fields are read byte by byte (fast enough for 50,000 headers of an image import).
// These tests hold the fast readers to the plain definitions they replace: Go's parseOctal
// (trim NULs and spaces, stop at a NUL, octal digits only) and "spelled as Go's formatOctal".
import { describe, expect, it } from 'vitest';
import { BLOCK, FIELD, checksums, formatChecksum, formatOctal, isGoChecksum, isGoOctal, readNumberField, readStringField, type FieldName } from '../../../src/layer/tar/fields';

// Go's reader, spelled as directly as it can be.
function goParseOctal(bytes: Uint8Array): number | undefined {
  const text = Array.from(bytes, (b) => String.fromCharCode(b)).join('').replace(/^[ \0]+|[ \0]+$/g, '').split('\0')[0];
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

// A small deterministic generator (xorshift), so a failure names a reproducible case.
function random(seed: number): () => number {
  let x = seed;
  return () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
}

const ALPHABET = [0x30, 0x31, 0x37, 0x38, 0x20, 0x00, 0x2b, 0x35];   // digits, a non-octal digit, space, NUL, '+'

function randomField(next: () => number, width: number): Uint8Array {
  const bytes = new Uint8Array(width);
  const style = Math.floor(next() * 4);
  if (style === 0) bytes.set(formatOctal(width, Math.floor(next() * 8 ** (width - 1))));                  // Go's own spelling
  else if (style === 1) bytes.set(Buffer.from(Math.floor(next() * 1e6).toString(8).padStart(width - 2, '0') + ' \0').subarray(0, width)); // old GNU: digits, space, NUL
  else for (let i = 0; i < width; i++) bytes[i] = ALPHABET[Math.floor(next() * ALPHABET.length)];
  if (style === 3 && next() < 0.5) bytes.fill(0, 0, Math.floor(next() * width));                          // leading NULs
  return bytes;
}

describe('numeric header fields', () => {
  const fields: FieldName[] = ['mode', 'uid', 'size', 'mtime', 'checksum', 'devmajor'];
  it.each(fields)('%s: readNumberField agrees with Go\'s parseOctal and isGoOctal with formatOctal, on 5,000 random spellings', (field) => {
    const [at, width] = FIELD[field];
    const next = random(at + 1);
    for (let n = 0; n < 5000; n++) {
      const block = new Uint8Array(BLOCK);
      const bytes = randomField(next, width);
      block.set(bytes, at);
      const value = readNumberField(block, field);
      const label = JSON.stringify(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
      expect(value, label).toBe(goParseOctal(bytes));
      const spelledAsGo = value !== undefined && Buffer.from(formatOctal(width, value)).equals(Buffer.from(bytes));
      expect(isGoOctal(block, field), label).toBe(spelledAsGo);
    }
  });

  it('isGoChecksum is true exactly for six octal digits, NUL, space (what formatChecksum writes)', () => {
    const block = new Uint8Array(BLOCK);
    block.set(formatChecksum(0o12345), FIELD.checksum[0]);
    expect(isGoChecksum(block)).toBe(true);
    block.set(Buffer.from('012345 \0'), FIELD.checksum[0]);
    expect(isGoChecksum(block)).toBe(false);
    block.set(Buffer.from('  12345\0'), FIELD.checksum[0]);
    expect(isGoChecksum(block)).toBe(false);
  });

  it('checksums counts the checksum field as eight spaces, and bytes over 127 negative in the signed sum', () => {
    const block = new Uint8Array(BLOCK).fill(1);
    block.fill(0xff, 148, 156);   // inside the checksum field: ignored
    block[0] = 200;
    expect(checksums(block)).toEqual({ unsigned: 503 + 200 + 8 * 0x20, signed: 503 + (200 - 256) + 8 * 0x20 });
  });
});

describe('text header fields', () => {
  it('read ASCII directly and anything else as UTF-8 (invalid bytes become U+FFFD), stopping at the first NUL', () => {
    const block = new Uint8Array(BLOCK);
    block.set(Buffer.from('etc/motd\0junk'), 0);
    expect(readStringField(block, 'name')).toBe('etc/motd');
    block.fill(0, 0, 100).set(Buffer.from('café/naïve'), 0);
    expect(readStringField(block, 'name')).toBe('café/naïve');
    block.fill(0, 0, 100).set([0x61, 0xff, 0x62], 0);
    expect(readStringField(block, 'name')).toBe('a\ufffdb');
    block.fill(0x41, 0, 100);   // no NUL: the whole field
    expect(readStringField(block, 'name')).toBe('A'.repeat(100));
  });
});
