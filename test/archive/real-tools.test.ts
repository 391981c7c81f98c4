// Real tools must accept our exports: Debian's skopeo (inspect, copy) reads all three formats and
// umoci unpacks the gzip OCI layout into the same root filesystem as layerlab's merged view,
// path by path (type, mode, owner, size, sha256, symlink target). Skips, saying why, when a tool
// or the shared fixtures are missing.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';
import { exportImage } from '../../src/archive/export';
import { ociLayoutFiles } from '../../src/archive/layout-files';
import { mergedView } from '../../src/archive/merged-view';
import { compareListings, listDirectory, listMergedView } from '../../src/archive/tree-listing';
import type { Image } from '../../src/image/image';

function haveTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    console.log(`skipping the ${name} tests: ${name} is not installed (apt-get install ${name})`);
    return false;
  }
}

const shared = haveShared('real-tool tests');
const skopeo = shared && haveTool('skopeo');
const umoci = shared && haveTool('umoci');
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });

const images: [string, string | undefined][] = [['generated/sim-oci', 'latest'], ['dive/data/test-docker-image.tar', undefined], ['dive/data/test-kaniko-image.tar', undefined]];
let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'layerlab-tools-')); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

async function load(path: string, reference?: string): Promise<Image> {
  return (await importArchive(sharedPath('fixtures', path), { reference })).image;
}

describe.skipIf(!skopeo)('skopeo reads our exports', () => {
  it.each(images)('inspects and copies %s from oci:, oci-archive: and docker-archive:', async (path, reference) => {
    const image = await load(path, reference);
    const base = join(dir, path.replace(/\W/g, '_'));
    exportImage(image, `oci:${base}-layout:latest`);
    exportImage(image, `oci-archive:${base}-oci.tar:latest`);
    exportImage(image, `docker-archive:${base}-save.tar:demo:latest`);
    const manifestDigest = JSON.parse(Buffer.from(ociLayoutFiles(image, { tags: ['latest'] }).find((f) => f.path === 'index.json')!.bytes).toString()).manifests[0].digest;
    const diffIDs = image.layers.map((l) => l.diffID);
    for (const source of [`oci:${base}-layout:latest`, `oci-archive:${base}-oci.tar:latest`, `docker-archive:${base}-save.tar`]) {
      const info = JSON.parse(run('skopeo', ['inspect', source]));
      expect(info.Layers, source).toEqual(diffIDs);
      if (!source.startsWith('docker-archive')) expect(info.Digest).toBe(manifestDigest);
      const config = JSON.parse(run('skopeo', ['inspect', '--config', source]));
      expect(config.rootfs.diff_ids).toEqual(diffIDs);
    }
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, '{"default":[{"type":"insecureAcceptAnything"}]}');
    for (const source of [`oci-archive:${base}-oci.tar:latest`, `docker-archive:${base}-save.tar`]) {
      const target = `${base}-copy-${source.split(':')[0]}`;
      run('skopeo', ['--policy', policy, 'copy', '--preserve-digests', source, `oci:${target}:copied`]);
      const copied = (await importArchive(target, { reference: 'copied' })).image;
      expect(copied.layers.map((l) => l.diffID)).toEqual(diffIDs);
      expect(copied.id).toBe(image.id);   // --preserve-digests keeps the config bytes (formats.md 7.1)
    }
  });
});

describe.skipIf(!umoci)('umoci unpacks our gzip OCI export into the merged view', () => {
  it.each(images)('%s: umoci raw unpack and unpack --rootless match path by path', async (path, reference) => {
    const image = await load(path, reference);
    const layout = join(dir, `${path.replace(/\W/g, '_')}-gz`);
    exportImage(image, `oci:${layout}:latest`, { compression: 'gzip' });
    const view = mergedView(image.layers)!;
    const expected = listMergedView(view);
    view.close();
    const raw = `${layout}-raw`;
    run('umoci', ['raw', 'unpack', '--image', `${layout}:latest`, raw]);
    expect(compareListings(expected, listDirectory(raw))).toEqual([]);
    const bundle = `${layout}-bundle`;
    run('umoci', ['unpack', '--rootless', '--image', `${layout}:latest`, bundle]);
    // Rootless: every owner becomes the caller (formats.md 6), so owners are not compared.
    expect(compareListings(expected, listDirectory(join(bundle, 'rootfs')), { ignore: ['uid', 'gid'] })).toEqual([]);
  });
});
