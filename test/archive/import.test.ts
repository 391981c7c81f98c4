// Importing the real fixtures of ../shared/fixtures: every digest asserted here is one that
// fixtures/PROVENANCE.md (or formats.md §2.2) records, re-hashed by an independent tool.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';
import { listArchive } from '../../src/archive/open';
import { isDigestMismatchError } from '../../src/layer/digest';
import { Disk } from '../../src/overlay/tree';
import type { ImportProgress } from '../../src/archive/progress';

const fixture = (path: string): string => sharedPath('fixtures', path);
const diffIDs = (image: { layers: readonly { diffID: string }[] }): string[] => image.layers.map((l) => l.diffID);

describe.skipIf(!haveShared('archive import tests'))('importArchive on real archives', () => {
  it('reads a Docker 25.0.0 save (OCI layout + manifest.json, index.json with manifests: null)', async () => {
    const { image, tags, format } = await importArchive(fixture('ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar'));
    expect(image.id).toBe('sha256:ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44');
    expect(diffIDs(image)).toEqual(['sha256:12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43']);
    expect(image.layers[0].tar.length).toBe(10752);
    expect(tags).toEqual([]);
    expect(format).toBe('docker-archive');
  });

  it('reads the Docker 18.09 classic build with 14 layers and whiteouts', async () => {
    const { image, tags } = await importArchive(fixture('dive/data/test-docker-image.tar'));
    expect(image.id).toBe('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a');
    expect(image.layers).toHaveLength(14);
    expect(image.layers[0].diffID).toBe('sha256:23bc2b70b2014dec0ac22f27bb93e9babd08cdd6f1115d0c955b9ff22b382f5a');
    expect(image.layers[13].diffID).toBe('sha256:ba689cac6a98c92d121fa5c9716a1bab526b8bb1fd6d43625c575b79e97300c5');
    expect(image.layers.reduce((sum, l) => sum + l.size, 0)).toBe(1220598);
    expect(tags).toEqual(['dive-test:latest']);
  });

  it("reads kaniko's docker-archive with gzip layers and a config named sha256:<hex>", async () => {
    const { image } = await importArchive(fixture('dive/data/test-kaniko-image.tar'));
    expect(image.id).toBe('sha256:ae16a51058a758c7963b2f9b23d1acfa201ce9cbefc8cb93845f8cd934fb144d');
    expect(image.layers).toHaveLength(14);
  });

  it.each(['gzip', 'zstd', 'uncompressed'])('reads the BuildKit oci-archive with %s layers to the same image', async (kind) => {
    const { image, format, manifestDigest } = await importArchive(fixture(`dive/data/test-oci-${kind}-image.tar`));
    expect(image.id).toBe('sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959');
    expect(diffIDs(image)).toEqual(['sha256:356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758']);
    expect(format).toBe('oci');
    expect(manifestDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads an eStargz layer, whose diffID covers its TOC entry', async () => {
    const { image } = await importArchive(fixture('dive/data/test-oci-estargz-image.tar'));
    expect(image.id).toMatch(/^sha256:5c153971/);
    expect(image.layers[0].diffID).toMatch(/^sha256:2b3dbfdf/);
  });

  it('reads a Docker 1.10.3 legacy save', async () => {
    const { image, tags } = await importArchive(fixture('containers-image/docker/archive/fixtures/almostempty.tar'));
    expect(image.id).toBe('sha256:9d7f147c0d0c4d4538a04c7ef385809e56eb1aac7bf800fbe976612188025b68');
    expect(diffIDs(image)).toEqual(['sha256:0b916d257bd406111a3fced53f81b47de9a30f7c7d514a89769b3483aaddca7e']);
    expect(tags).toEqual(['emptyimage:latest']);
  });

  it('follows the symlinked layer.tar of a shared layer (Docker 20.10 save of two images)', async () => {
    const path = fixture('ggcr/pkg/v1/tarball/testdata/test_link.tar');
    expect((await listArchive(path)).map((e) => e.layers.length)).toEqual([1, 2]);
    const { image } = await importArchive(path, { reference: 'bazel/v1/tarball:test_image_3' });
    expect(image.id).toBe('sha256:d4c9adacde69c3d92446e0484cea29493e9fd573cf0c8febfc700d80c46697a4');
    expect(image.layers[0].diffID).toBe('sha256:8897395fd26dc44ad0e2a834335b33198cb41ac4d98dfddf58eced3853fa7b17');
    expect(image.layers[1].diffID).toMatch(/^sha256:6b617a27/);
  });

  it('picks one of several images by tag or image ID, and refuses to guess', async () => {
    const path = fixture('ggcr/pkg/v1/tarball/testdata/test_bundle.tar');
    await expect(importArchive(path)).rejects.toMatchObject({ code: 'ENOIMAGE' });
    const byTag = await importArchive(path, { reference: 'test_image_1' });
    expect(byTag.image.id).toBe('sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e');
    const byId = await importArchive(path, { reference: '930705ce23e3' });
    expect(byId.image.layers[0].diffID).toMatch(/^sha256:3610aa52/);
    await expect(importArchive(path, { reference: 'nope:latest' })).rejects.toMatchObject({ code: 'ENOIMAGE' });
  });

  it('reads OCI layout directories with nested indexes and picks by ref name', async () => {
    const dir = fixture('ggcr/pkg/v1/layout/testdata/test_index');
    const tags = (await listArchive(dir)).map((e) => e.tags);
    expect(tags).toEqual([['1'], ['3', '1'], ['4', '4']]);
    const { image } = await importArchive(dir, { reference: '1' });
    expect(image.id).toBe('sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e');
    const one = await importArchive(fixture('ggcr/pkg/v1/layout/testdata/test_index_one_image'));
    expect(one.image.id).toBe('sha256:381d958b555884ba59574ab5c066e9f6116b5aec3567675aa13bec63331f0810');
    expect(diffIDs(one.image)).toEqual(['sha256:59cd31f50f7442a662d7c31b7a12079ade16892bfb465b33da49918e7d13e747']);
  });

  it('reads the synthetic image both as OCI layout and as Docker-25 save, by tag in either spelling', async () => {
    const digests = JSON.parse(readFileSync(fixture('generated/sim-digests.json'), 'utf8'));
    for (const [path, reference] of [['generated/sim-oci', 'latest'], ['generated/sim-oci', 'sim'], ['generated/sim-save.tar', 'docker.io/library/sim:latest']]) {
      const { image } = await importArchive(fixture(path), { reference });
      expect(image.id).toBe(digests.imageId);
      expect(diffIDs(image)).toEqual(digests.diffIds);
    }
    const oci = await importArchive(fixture('generated/sim-save.tar'), { format: 'oci' });
    expect(oci.manifestDigest).toBe(digests.saveManifestDigest);
  });

  it('puts every layer on the disk it is given and reports progress up to the total', async () => {
    const disk = new Disk();
    const events: ImportProgress[] = [];
    const { image } = await importArchive(fixture('dive/data/test-docker-image.tar'), { disk, onProgress: (p) => events.push(p) });
    expect(image.layers.every((l) => l.tree.disk === disk)).toBe(true);
    const last = events[events.length - 1];
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(events.map((e) => e.bytesDone)).toEqual([...events.map((e) => e.bytesDone)].sort((a, b) => a - b));
    expect(events.some((e) => e.blob.startsWith('layer 14/14'))).toBe(true);
  });

  it('names the config whose bytes do not hash to its name, unless verify is off', async () => {
    const path = fixture('ggcr/pkg/v1/mutate/testdata/source_image_with_empty_layer_history.tar');
    const error = await importArchive(path).catch((e) => e);
    expect(isDigestMismatchError(error)).toBe(true);
    expect(error.data.actual).toBe('sha256:05b5ec1290589606ce19fabb1fb331f004acd9f618b9b4e813721be1a03a0712');
    expect(error.message).toContain('6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e.json');
    const { image } = await importArchive(path, { verify: false });
    expect(image.id).toBe('sha256:05b5ec1290589606ce19fabb1fb331f004acd9f618b9b4e813721be1a03a0712');
  });

  it('explains why a save from before Docker 1.10 cannot be read', async () => {
    await expect(importArchive(fixture('moby/integration-cli/testdata/emptyLayer.tar'))).rejects.toThrow(/before Docker 1\.10/);
  });

  it('accepts archive bytes as well as a path', async () => {
    const { image } = await importArchive(new Uint8Array(readFileSync(fixture('dive/data/test-oci-uncompressed-image.tar'))));
    expect(image.id).toBe('sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959');
  });
});
