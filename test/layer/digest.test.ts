// Digests and ChainIDs against the values in formats.md §2 and fixtures/PROVENANCE.md.
import { describe, expect, it } from 'vitest';
import {
  DigestMismatchError, chainIDs, digestOf, isDigestMismatchError, parseDigest, sameDigest, sha256Hex, verifyDigest,
} from '../../src/layer/digest';
import { haveShared } from '../helpers/shared';
import { archiveSource, dockerSaveImages } from './image-fixtures';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('digestOf', () => {
  it.each([
    ['the empty layer (1024 zero bytes)', new Uint8Array(1024), 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef'],
    ['the empty JSON "{}"', text('{}'), 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'],
    ["ggcr's empty.Image config", text('{"architecture":"","created":"0001-01-01T00:00:00Z","os":"","rootfs":{"type":"layers","diff_ids":null},"config":{}}'),
      'sha256:5b943e2b943f6c81dbbd4e2eca5121f4fcc39139e3d1219d6d89bd925b77d9fe'],
  ])('names %s as formats.md §2 says', (_what, bytes, want) => {
    expect(digestOf(bytes)).toBe(want);
    expect(sha256Hex(bytes)).toBe(want.slice('sha256:'.length));
  });
});

describe('chainIDs', () => {
  it('keeps the first diffID and hashes "<previous> <next>" after it (identity/chainid_test.go)', () => {
    expect(chainIDs(['sha256:a', 'sha256:b'])).toEqual(['sha256:a', digestOf(text('sha256:a sha256:b'))]);
    expect(chainIDs([])).toEqual([]);
  });

  it.skipIf(!haveShared('dive fixture'))('gives the dive image the ChainIDs PROVENANCE.md lists', () => {
    const [image] = dockerSaveImages(archiveSource('dive/data/test-docker-image.tar'));
    expect(digestOf(image.config)).toBe('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a');
    const chain = chainIDs(image.diffIds);
    expect(chain[0]).toBe('sha256:23bc2b70b2014dec0ac22f27bb93e9babd08cdd6f1115d0c955b9ff22b382f5a');
    expect(chain[1]).toBe('sha256:feff741eb35964a11ee9328c739beb64f43d0fd1590f0c7e44f69283bd1888ce');
    expect(chain[13]).toBe('sha256:a1c47b1903e5c10581a02d31a80056a7534202ba4d4a352f5c737747d0db4ca7');
  });

  it.skipIf(!haveShared('ggcr fixture'))('gives test_link.tar its ChainID[1]', () => {
    const images = dockerSaveImages(archiveSource('ggcr/pkg/v1/tarball/testdata/test_link.tar'));
    const image = images.find((i) => digestOf(i.config).startsWith('sha256:d4c9adac'))!;
    expect(chainIDs(image.diffIds)[1]).toBe('sha256:e10430d6eeebc50796f4c7435259699ea3bde509b50ca259d82abe9d6fbd99bd');
  });
});

describe('comparing digests', () => {
  const hex = 'ab'.repeat(32);
  it.each([
    [`sha256:${hex}`, `sha256:${hex.toUpperCase()}`, true],
    [`sha256:${hex}`, `sha256:${'cd'.repeat(32)}`, false],
    [`sha256:${hex}`, hex, false],
    ['sha256:abc', 'sha256:abc', false],
    [`md5:${hex}`, `md5:${hex}`, false],
  ])('sameDigest(%s, %s) is %s', (a, b, want) => {
    expect(sameDigest(a, b)).toBe(want);
  });

  it('parseDigest splits algorithm and hex', () => {
    expect(parseDigest(`sha256:${hex.toUpperCase()}`)).toEqual({ algorithm: 'sha256', hex });
    expect(parseDigest('sha256:')).toBeUndefined();
  });

  it('verifyDigest returns the digest or throws DigestMismatchError with both values', () => {
    const empty = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
    expect(verifyDigest(new Uint8Array(1024), empty)).toBe(empty);
    try {
      verifyDigest(new Uint8Array(512), empty, 'layer 0');
      expect.unreachable();
    } catch (error) {
      expect(isDigestMismatchError(error)).toBe(true);
      expect((error as DigestMismatchError).data).toEqual({ what: 'layer 0', expected: empty, actual: digestOf(new Uint8Array(512)) });
      expect((error as Error).message).toMatch(/^EDIGEST: layer 0 hashes to/);
    }
  });
});
