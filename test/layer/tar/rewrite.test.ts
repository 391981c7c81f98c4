// Faithful rewrite: every real layer we can reach is read into entries and written back; the
// bytes must hash to the diffID the image's own config lists. The config itself is authenticated
// by the image ID from fixtures/PROVENANCE.md (image ID = sha256 of the config bytes).
import { describe, expect, it } from 'vitest';
import { decompress } from '../../../src/layer/compression';
import { digestOf } from '../../../src/layer/digest';
import { readTar, writeTar } from '../../../src/layer/tar';
import { haveShared } from '../../helpers/shared';
import { FixtureImage, archiveSource, dirSource, dockerSaveImages, ociImages } from '../image-fixtures';

const S = (hex: string): string => `sha256:${hex}`;

// [fixture, how to open it, image IDs from PROVENANCE.md (full, or a prefix where only that is given)]
const IMAGES: [string, (path: string) => FixtureImage[], string[]][] = [
  ['dive/data/test-docker-image.tar', (p) => dockerSaveImages(archiveSource(p)), [S('75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a')]],
  ['dive/data/test-kaniko-image.tar', (p) => dockerSaveImages(archiveSource(p)), [S('ae16a51058a758c7963b2f9b23d1acfa201ce9cbefc8cb93845f8cd934fb144d')]],
  ['dive/data/test-oci-gzip-image.tar', (p) => ociImages(archiveSource(p)), [S('3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959')]],
  ['dive/data/test-oci-zstd-image.tar', (p) => ociImages(archiveSource(p)), [S('3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959')]],
  ['dive/data/test-oci-uncompressed-image.tar', (p) => ociImages(archiveSource(p)), [S('3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959')]],
  ['dive/data/test-oci-estargz-image.tar', (p) => ociImages(archiveSource(p)), [S('5c153971')]],
  ['ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar', (p) => dockerSaveImages(archiveSource(p)), [S('ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44')]],
  ['ggcr/pkg/v1/tarball/testdata/test_link.tar', (p) => dockerSaveImages(archiveSource(p)),
    [S('6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e'), S('d4c9adacde69c3d92446e0484cea29493e9fd573cf0c8febfc700d80c46697a4')]],
  ['ggcr/pkg/v1/tarball/testdata/test_image_1.tar', (p) => dockerSaveImages(archiveSource(p)), [S('6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e')]],
  ['ggcr/pkg/v1/tarball/testdata/test_bundle.tar', (p) => dockerSaveImages(archiveSource(p)),
    [S('930705ce23e3b6ed4c08746b6fe880089c864fbaf62482702ae3fdd66b8c7fe9'), S('6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e')]],
  ['containers-image/docker/archive/fixtures/almostempty.tar', (p) => dockerSaveImages(archiveSource(p)), [S('9d7f147c0d0c4d4538a04c7ef385809e56eb1aac7bf800fbe976612188025b68')]],
  ['generated/sim-save.tar', (p) => dockerSaveImages(archiveSource(p)), [S('6755bbec23fa14149815d124eff9e0a471db7f048b2fbbf8ca2a771fddb90af6')]],
  ['generated/sim-oci', (p) => ociImages(dirSource(p)), [S('6755bbec23fa14149815d124eff9e0a471db7f048b2fbbf8ca2a771fddb90af6')]],
  ['ggcr/pkg/v1/layout/testdata/test_index_one_image', (p) => ociImages(dirSource(p)), [S('381d958b555884ba59574ab5c066e9f6116b5aec3567675aa13bec63331f0810')]],
];

/** rewriteDigest reads a layer tar and writes it back from the entries alone (plus the trailer). */
function rewriteDigest(tar: Uint8Array): string {
  const { entries, trailer } = readTar(tar);
  return digestOf(writeTar(entries, { trailer }));
}

describe.skipIf(!haveShared('real layer rewrites'))('re-writing real layers from their read entries', () => {
  it.each(IMAGES)('%s: every layer comes back with its diffID', (fixture, open, imageIds) => {
    const images = open(fixture);
    for (const [n, id] of imageIds.entries()) {
      const image = images.find((i) => digestOf(i.config).startsWith(id));
      expect(image, `image ${n} ${id}`).toBeDefined();
      expect(image!.layerBlobs.length).toBe(image!.diffIds.length);
      image!.layerBlobs.forEach((blob, i) => {
        const tar = decompress(blob);
        expect(digestOf(tar), `layer ${i}`).toBe(image!.diffIds[i]);
        expect(rewriteDigest(tar), `rewritten layer ${i}`).toBe(image!.diffIds[i]);
      });
    }
  });

  it('counts the layers PROVENANCE.md promises: 14 for dive, 14 for kaniko', () => {
    expect(dockerSaveImages(archiveSource('dive/data/test-docker-image.tar'))[0].diffIds).toHaveLength(14);
    expect(dockerSaveImages(archiveSource('dive/data/test-kaniko-image.tar'))[0].diffIds).toHaveLength(14);
  });

  it('re-writes the pre-1.10 layers of moby emptyLayer.tar (no manifest.json, one without an end marker)', () => {
    const source = archiveSource('moby/integration-cli/testdata/emptyLayer.tar');
    const layers = ['17d1436ef796af2fc2210cc37c4672e5aa1b62cb08ac4b95dd15372321105a66', '25445a0fc5025c3917a0cd6e307d92322540e0da691614312ddea22511b71513']
      .map((id) => source(`${id}/layer.tar`)!);
    expect(readTar(layers[0]).trailer.length).toBe(0);
    for (const tar of layers) expect(rewriteDigest(tar)).toBe(digestOf(tar));
  });

  it('re-writes the ggcr zstd layer content.tar.zst to the sha256 of content.tar', () => {
    const blob = dirSource('ggcr/pkg/crane/testdata')('content.tar.zst')!;
    expect(rewriteDigest(decompress(blob))).toBe(S('3610aa5267a210147ba6ca02cdd87610dfc08522de9c5f5015edd8ee14853fd8'));
  });
});
