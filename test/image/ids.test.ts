import { describe, expect, it } from 'vitest';
import { base32, createIdGenerator } from '../../src/image/ids';

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %j (RFC 4648 test vectors, padding removed)', (text, expected) => {
    expect(base32(Buffer.from(text))).toBe(expected);
  });
});

describe('createIdGenerator', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createIdGenerator('seed');
    const b = createIdGenerator('seed');
    const sequence = [a.hex64(), a.linkId(), a.hex64()];
    expect([b.hex64(), b.linkId(), b.hex64()]).toEqual(sequence);
    expect(createIdGenerator('other').hex64()).not.toBe(sequence[0]);
  });

  it('makes 64-hex IDs whose short form is never all digits', () => {
    const ids = createIdGenerator(7);
    for (let i = 0; i < 200; i++) {
      const id = ids.hex64();
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(id.slice(0, 12)).not.toMatch(/^[0-9]+$/);
    }
  });

  it('makes 26-character link IDs in the base32 alphabet A-Z2-7 (overlay2 idLength)', () => {
    const ids = createIdGenerator('links');
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const link = ids.linkId();
      expect(link).toMatch(/^[A-Z2-7]{26}$/);
      seen.add(link);
    }
    expect(seen.size).toBe(100);
  });
});
