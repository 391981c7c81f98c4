import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/layer/digest';
import { describe as describeBlob, dockerManifest, manifestBytes, ociIndex, ociManifest } from '../../src/image/manifest';
import { layerCompression, MediaType } from '../../src/image/media-types';
import { haveShared } from '../helpers/shared';
import { readMember } from './fixture-configs';

describe.skipIf(!haveShared('manifests of real images'))('manifest builders against real blobs', () => {
  it('reproduces the Docker 25.0.0 save manifest byte for byte (formats.md 2.2)', () => {
    const archive = 'ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar';
    const config = readMember(archive, 'blobs/sha256/ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44');
    const layer = readMember(archive, 'blobs/sha256/12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43');
    const manifest = ociManifest(
      describeBlob(MediaType.ociConfig, config, { platform: { architecture: 'arm64', os: 'linux' } }),
      [describeBlob(MediaType.ociLayer, layer)],
    );
    const bytes = manifestBytes(manifest);
    expect(digestOf(bytes)).toBe('sha256:411caf340c828657e915a83ed561a79d2b8150dabad4dc079d881cbfe6f86afe');
    expect(Buffer.from(bytes).equals(readMember(archive, 'blobs/sha256/411caf340c828657e915a83ed561a79d2b8150dabad4dc079d881cbfe6f86afe'))).toBe(true);
  });

  it("reproduces that save's index.json with manifests: null (the 25.0.0–25.0.2 untagged bug)", () => {
    const expected = readMember('ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar', 'index.json');
    expect(Buffer.from(manifestBytes(ociIndex(null))).toString()).toBe(expected.toString());
  });

  it('reproduces the BuildKit OCI exporter manifest, indented by two spaces', () => {
    const manifest = ociManifest(
      { mediaType: MediaType.ociConfig, digest: 'sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959', size: 452 },
      [{ mediaType: MediaType.ociLayer, digest: 'sha256:356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758', size: 12800 }],
    );
    expect(digestOf(manifestBytes(manifest, { indent: '  ' }))).toBe('sha256:5cec6b4ce61c35c3a83e09d72d81a335b49fdcef727beee160d12eeaf066f11b');
  });

  it('reproduces the BuildKit index.json with annotations before platform', () => {
    const entry = {
      mediaType: MediaType.ociManifest,
      digest: 'sha256:5cec6b4ce61c35c3a83e09d72d81a335b49fdcef727beee160d12eeaf066f11b',
      size: 473,
      annotations: { 'org.opencontainers.image.created': '2025-01-26T22:05:42Z' },
      platform: { architecture: 'arm64', os: 'linux' },
    };
    const expected = readMember('dive/data/test-oci-uncompressed-image.tar', 'index.json');
    expect(Buffer.from(manifestBytes(ociIndex([entry]))).toString()).toBe(expected.toString());
  });

  it('writes Docker v2 schema 2 descriptors as mediaType, size, digest (ggcr test_index blob eebff607…)', () => {
    const manifest = dockerManifest(
      { mediaType: MediaType.dockerConfig, digest: 'sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e', size: 330 },
      [{ mediaType: MediaType.dockerLayerGzip, digest: 'sha256:dc52c6e48a1d51a96047b059f16889bc889c4b4c28f3b36b3f93187f62fc0b2b', size: 167 }],
    );
    expect(digestOf(manifestBytes(manifest))).toBe('sha256:eebff607b1628d67459b0596643fc07de70d702eccf030f0bc7bb6fc2b278650');
  });
});

describe('layerCompression', () => {
  it.each([
    [MediaType.ociLayer, 'none'],
    [MediaType.ociLayerGzip, 'gzip'],
    [MediaType.ociLayerZstd, 'zstd'],
    [MediaType.dockerLayerGzip, 'gzip'],
    ['application/vnd.example.unknown', undefined],
  ])('%s is %s', (mediaType, expected) => {
    expect(layerCompression(mediaType)).toBe(expected);
  });
});
