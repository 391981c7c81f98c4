import { describe, expect, it } from 'vitest';
import { assertDigest, imageChainIDs, imageID, isDigest } from '../../src/image/digest';
import { isImageError } from '../../src/image/errors';
import { parseImageConfig } from '../../src/image/parse';
import { haveShared } from '../helpers/shared';
import { readMember } from './fixture-configs';

describe('imageID', () => {
  it('reproduces ggcr empty.Image from its 115 bytes (formats.md 2.2)', () => {
    const bytes = '{"architecture":"","created":"0001-01-01T00:00:00Z","os":"","rootfs":{"type":"layers","diff_ids":null},"config":{}}';
    expect(bytes.length).toBe(115);
    expect(imageID(Buffer.from(bytes))).toBe('sha256:5b943e2b943f6c81dbbd4e2eca5121f4fcc39139e3d1219d6d89bd925b77d9fe');
  });
});

describe('isDigest and assertDigest', () => {
  it.each([
    ['sha256:' + 'a'.repeat(64), true],
    ['sha256:' + 'A'.repeat(64), false],
    ['sha256:abc', false],
    ['a'.repeat(64), false],
  ])('%s -> %s', (text, expected) => {
    expect(isDigest(text)).toBe(expected);
  });

  it('throws InvalidDigestError naming the field', () => {
    let caught: unknown;
    try {
      assertDigest('sha256:ABC', 'rootfs.diff_ids[1]');
    } catch (error) {
      caught = error;
    }
    expect(isImageError(caught) && caught.code).toBe('InvalidDigestError');
    expect((caught as Error).message).toContain('rootfs.diff_ids[1]');
  });
});

describe('imageChainIDs', () => {
  it('refuses a config with a malformed diffID', () => {
    const config = parseImageConfig('{"rootfs":{"type":"layers","diff_ids":["sha256:abc"]}}');
    expect(() => imageChainIDs(config)).toThrow(/rootfs\.diff_ids\[0\]/);
  });

  it('gives nothing for an image without layers', () => {
    expect(imageChainIDs(parseImageConfig('{"rootfs":{"type":"layers","diff_ids":null}}'))).toEqual([]);
  });
});

describe.skipIf(!haveShared('chainIDs of real images'))('imageChainIDs of real images (PROVENANCE.md)', () => {
  it('matches ChainID[1] and the top ChainID of the Docker 18.09 dive image', () => {
    const config = parseImageConfig(readMember('dive/data/test-docker-image.tar', '75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a.json'));
    const ids = imageChainIDs(config);
    expect(ids).toHaveLength(14);
    expect(ids[0]).toBe('sha256:23bc2b70b2014dec0ac22f27bb93e9babd08cdd6f1115d0c955b9ff22b382f5a');
    expect(ids[1]).toBe('sha256:feff741eb35964a11ee9328c739beb64f43d0fd1590f0c7e44f69283bd1888ce');
    expect(ids[13]).toBe('sha256:a1c47b1903e5c10581a02d31a80056a7534202ba4d4a352f5c737747d0db4ca7');
  });

  it('matches ChainID[1] of the Docker 20.10 test_link image', () => {
    const config = parseImageConfig(readMember('ggcr/pkg/v1/tarball/testdata/test_link.tar', 'd4c9adacde69c3d92446e0484cea29493e9fd573cf0c8febfc700d80c46697a4.json'));
    expect(imageChainIDs(config)[1]).toBe('sha256:e10430d6eeebc50796f4c7435259699ea3bde509b50ca259d82abe9d6fbd99bd');
  });
});
