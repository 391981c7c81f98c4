// Materializing in overlay2's layout and mounting with the real kernel. The layout facts come
// from formats.md 1.3/1.4; the kernel's merged view must equal the simulated one path by path.
// Skips (and says why) where the kernel cannot be used: not Linux, not root, mount refused.
import { describe, expect, it } from 'vitest';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';
import { materialize } from '../../src/archive/materialize';
import { compareWithKernel } from '../../src/archive/kernel-compare';
import { compareListings, type TreeRow } from '../../src/archive/tree-listing';
import { treeFromCompact } from '../../src/overlay/compact';
import { layerFromDirectory } from '../../src/layer/layer';
import { makeImage } from '../../src/image/image';
import { Disk } from '../../src/overlay/tree';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
if (!isRoot) console.log('skipping the materialize tests: they need root on Linux (mknod, trusted.* xattrs)');

function smallImage() {
  const disk = new Disk();
  const base = layerFromDirectory(treeFromCompact({ etc: { motd: 'hello', gone: 'x' }, app: { a: '1', b: '2' } }), { disk });
  const top = layerFromDirectory(treeFromCompact({ etc: { gone: 'WHITEOUT' }, app: { '@opaque': 'y', c: '3' } }), { disk });
  const diff_ids = [base.diffID, top.diffID];
  return makeImage({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids } }, [base, top]);
}

describe.skipIf(!isRoot)('materialize', () => {
  it("lays layers out as overlay2 does: diff, link, lower, work, committed, l/ links", () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-mat-'));
    try {
      const m = materialize(smallImage(), { dir, seed: 'demo' });
      const [base, top] = m.layers;
      expect(base.cacheID).toMatch(/^[0-9a-f]{64}$/);
      expect(top.linkID).toMatch(/^[A-Z2-7]{26}$/);
      expect(readFileSync(join(dir, top.cacheID, 'link'), 'utf8')).toBe(top.linkID);
      expect(readFileSync(join(dir, top.cacheID, 'lower'), 'utf8')).toBe(`l/${base.linkID}`);
      expect(readFileSync(join(dir, m.container.cacheID, 'lower'), 'utf8')).toBe(`l/${top.linkID}:l/${base.linkID}`);
      expect(() => lstatSync(join(dir, base.cacheID, 'lower'))).toThrow();
      expect(lstatSync(join(dir, top.cacheID, 'work')).mode & 0o777).toBe(0o700);
      expect(lstatSync(join(dir, base.cacheID, 'committed')).size).toBe(0);
      expect(readlinkSync(join(dir, 'l', base.linkID))).toBe(`../${base.cacheID}/diff`);
      const whiteout = lstatSync(join(dir, top.cacheID, 'diff/etc/gone'));
      expect(whiteout.isCharacterDevice() && whiteout.rdev === 0).toBe(true);
      const opaque = execFileSync('getfattr', ['--only-values', '-n', 'trusted.overlay.opaque', join(dir, top.cacheID, 'diff/app')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      expect(opaque).toBe('y');
      expect(m.mountData).toBe(`index=off,lowerdir=l/${top.linkID}:l/${base.linkID},upperdir=${m.container.cacheID}/diff,workdir=${m.container.cacheID}/work`);
      const again = mkdtempSync(join(tmpdir(), 'layerlab-mat-'));
      try {
        expect(materialize(smallImage(), { dir: again, seed: 'demo' }).layers).toEqual(m.layers);
      } finally {
        rmSync(again, { recursive: true, force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a target directory that is not empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-mat-'));
    writeFileSync(join(dir, 'x'), '');
    try {
      expect(() => materialize(smallImage(), { dir })).toThrow(/not empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!isRoot)('compareWithKernel', () => {
  it('agrees with the kernel on a whiteout, an opaque dir and a container upper', () => {
    expect(compareWithKernel(smallImage())).toEqual({ ok: true, differences: [] });
    const upper = treeFromCompact({ etc: { motd: 'changed', extra: 'new' }, app: { c: 'WHITEOUT' } });
    expect(compareWithKernel(smallImage(), { upper: upper.root })).toEqual({ ok: true, differences: [] });
  });

  it.skipIf(!haveShared('kernel comparison on fixtures'))('agrees with the kernel on the real fixtures', async () => {
    for (const [path, reference] of [['generated/sim-oci', 'latest'], ['dive/data/test-docker-image.tar', undefined]] as const) {
      const { image } = await importArchive(sharedPath('fixtures', path), { reference });
      const result = compareWithKernel(image);
      if (result.skipped) console.log(`kernel comparison skipped: ${result.skipped}`);
      expect(result.differences, path).toEqual([]);
    }
  });

  it('skips, with the reason, an image holding a real device node', () => {
    const disk = new Disk();
    const layer = layerFromDirectory(treeFromCompact({ dev: { sda: { type: 'block', major: 8, minor: 0 } } }), { disk });
    const image = makeImage({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [layer.diffID] } }, [layer]);
    expect(compareWithKernel(image).skipped).toMatch(/block device 8:0/);
  });

  it('leaves no mount and no directory behind', () => {
    compareWithKernel(smallImage());
    expect(execFileSync('cat', ['/proc/mounts'], { encoding: 'utf8' })).not.toContain('layerlab-overlay2-');
  });
});

describe('compareWithKernel off root, and compareListings', () => {
  it.skipIf(isRoot)('returns a polite reason instead of throwing', () => {
    const result = compareWithKernel(smallImage());
    expect(result.ok).toBe(false);
    expect(result.skipped).toMatch(/root|Linux/);
  });

  it('reports missing, extra and different paths', () => {
    const row = (path: string, extra: Partial<TreeRow> = {}): TreeRow => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1, content: 'aa', ...extra });
    expect(compareListings([row('/a'), row('/b'), row('/c')], [row('/a'), row('/b', { mode: 0o600 }), row('/d')])).toEqual([
      '~ /b: mode 0644 → 0600', '- /c (file)', '+ /d (file)',
    ]);
  });
});
