// Exports: the bytes Docker 25+ writes for a save (compared with the fixtures' files and the
// manifest digests formats.md §2.2 and sim-digests.json record), and round trips through import.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';
import { dockerArchiveBytes, exportImage, ociArchiveBytes } from '../../src/archive/export';
import { dockerSaveFiles, ociLayoutFiles } from '../../src/archive/layout-files';
import { filesOfTar } from '../../src/archive/files';
import { readTar } from '../../src/layer/tar/read';
import { digestOf } from '../../src/layer/digest';

const fixture = (path: string): string => sharedPath('fixtures', path);
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes!).toString('utf8');

describe.skipIf(!haveShared('archive export tests'))('export', () => {
  it("writes the synthetic image's Docker-25 save files as the fixture holds them", async () => {
    const digests = JSON.parse(readFileSync(fixture('generated/sim-digests.json'), 'utf8'));
    const { image } = await importArchive(fixture('generated/sim-save.tar'));
    const ours = filesOfTar(dockerArchiveBytes(image, { tags: ['sim:latest'] }));
    const theirs = filesOfTar(new Uint8Array(readFileSync(fixture('generated/sim-save.tar'))));
    for (const path of ['index.json', 'oci-layout', 'repositories', `blobs/sha256/${digests.saveManifestDigest.slice(7)}`, `blobs/sha256/${digests.imageId.slice(7)}`]) {
      expect(text(ours.read(path)), path).toBe(text(theirs.read(path)));
    }
    for (const diffID of digests.diffIds) expect(digestOf(ours.read(`blobs/sha256/${diffID.slice(7)}`)!)).toBe(diffID);
    // The fixture's generator kept LayerSources in layer order; Go's json.Marshal sorts map keys.
    expect(JSON.parse(text(ours.read('manifest.json')))).toEqual(JSON.parse(text(theirs.read('manifest.json'))));
    expect(text(ours.read('manifest.json')).endsWith('}]\n')).toBe(true);
    const sources = Object.keys(JSON.parse(text(ours.read('manifest.json')))[0].LayerSources);
    expect(sources).toEqual([...sources].sort());
  });

  it('writes the manifest Docker 26.1+ would for the hello-world save (no platform on the config)', async () => {
    const { image } = await importArchive(fixture('ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar'));
    const index = JSON.parse(text(ociLayoutFiles(image).find((f) => f.path === 'index.json')!.bytes));
    expect(index.manifests[0].digest).toMatch(/^sha256:09533dff[0-9a-f]{52}5225$/);
  });

  it('writes a Go-style outer tar: walk order, created time on blobs, epoch 0 on manifests, no padding', async () => {
    const { image } = await importArchive(fixture('generated/sim-save.tar'));
    const bytes = dockerArchiveBytes(image, { tags: ['sim:latest'] });
    const { entries, trailer } = readTar(bytes);
    expect(trailer.length).toBe(1024);
    expect(entries.map((e) => e.name).slice(0, 2)).toEqual(['blobs/', 'blobs/sha256/']);
    expect(entries.map((e) => e.name).slice(-4)).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
    const created = Date.parse('2023-11-14T22:13:20Z') / 1000;
    expect(entries.find((e) => e.name.endsWith('0abdb09c113e5537006aef88abd648e09b3295207f3d45cebf577ec1825b2db6'))!.mtime).toBe(created);
    expect(entries.find((e) => e.name === 'manifest.json')!.mtime).toBe(0);
    expect(entries.every((e) => e.uid === 0 && e.gid === 0 && (e.type === 'dir' ? e.mode === 0o755 : e.mode === 0o644))).toBe(true);
  });

  it('leaves an untagged save with RepoTags null and no repositories file', async () => {
    const { image } = await importArchive(fixture('ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar'));
    const files = dockerSaveFiles(image);
    expect(text(files.find((f) => f.path === 'manifest.json')!.bytes)).toContain('"RepoTags":null');
    expect(files.some((f) => f.path === 'repositories')).toBe(false);
  });

  it.each([
    ['dive/data/test-docker-image.tar', undefined],
    ['dive/data/test-kaniko-image.tar', undefined],
    ['dive/data/test-oci-zstd-image.tar', undefined],
    ['generated/sim-oci', 'latest'],
  ])('round-trips %s through every format with the same image ID and diffIDs', async (path, reference) => {
    const { image } = await importArchive(fixture(path), { reference });
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-export-'));
    try {
      const targets = [`oci:${dir}/layout:v1`, `oci-archive:${dir}/oci.tar:v1`, `docker-archive:${dir}/save.tar:demo:v1`];
      for (const target of targets) exportImage(image, target);
      exportImage(image, `oci:${dir}/gz:v1`, { compression: 'gzip' });
      for (const [where, ref] of [[`${dir}/layout`, 'v1'], [`${dir}/oci.tar`, 'v1'], [`${dir}/save.tar`, 'demo:v1'], [`${dir}/gz`, 'v1']]) {
        const again = (await importArchive(where, { reference: ref })).image;
        expect(again.id, where).toBe(image.id);
        expect(again.layers.map((l) => l.diffID)).toEqual(image.layers.map((l) => l.diffID));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores uncompressed OCI layers under their diffIDs, gzip ones under new digests', async () => {
    const { image } = await importArchive(fixture('generated/sim-oci'));
    const plain = filesOfTar(ociArchiveBytes(image));
    for (const layer of image.layers) expect(plain.has(`blobs/sha256/${layer.diffID.slice(7)}`)).toBe(true);
    const gz = ociLayoutFiles(image, { compression: 'gzip' });
    const manifest = JSON.parse(text(gz.find((f) => f.path === 'index.json')!.bytes)).manifests[0];
    const m = JSON.parse(text(gz.find((f) => f.path === `blobs/sha256/${manifest.digest.slice(7)}`)!.bytes));
    expect(m.layers.every((l: { mediaType: string }) => l.mediaType === 'application/vnd.oci.image.layer.v1.tar+gzip')).toBe(true);
  });
});
