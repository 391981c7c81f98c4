// Imported layers keep where their bytes are, not the bytes: a file archive is read a blob at a
// time, a layer's tar is fetched again (and checked again) when one of its files is read, and an
// archive that changed after the import is an error, never silently different content.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importArchive } from '../../src/archive/import';
import { exportImage } from '../../src/archive/export';
import { FileBytes } from '../../src/archive/file-bytes';
import { filesOfTar } from '../../src/archive/files';
import { InvalidArchiveError } from '../../src/archive/errors';
import { TarSource } from '../../src/layer/tar-source';
import { layerFromTar } from '../../src/layer/layer';
import { makeImage } from '../../src/image/image';
import { writeTar } from '../../src/layer/tar/write';
import type { TarEntry } from '../../src/layer/tar/entry';
import { Disk } from '../../src/overlay/tree';
import { mount, scratchDirs } from '../../src/overlay/mount';

const file = (name: string, text: string): TarEntry => ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: text.length, data: Buffer.from(text) });
const dir = (name: string): TarEntry => ({ name, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 });

function twoLayerImage() {
  const base = layerFromTar(writeTar([dir('etc/'), file('etc/motd', 'base motd\n'), file('etc/hostname', 'box\n')]), { disk: new Disk() });
  const top = layerFromTar(writeTar([dir('etc/'), file('etc/motd', 'top motd\n'), file('.wh.gone', '')]), { disk: new Disk() });
  return makeImage({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [base.diffID, top.diffID] } }, [base, top]);
}

async function withTempDir(work: (dir: string) => unknown): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-lazy-'));
  try {
    await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('FileBytes: an archive file read a piece at a time', () => {
  it('reads pieces with subarray semantics (clamped ranges) and refuses a file that changed since it was opened', () => withTempDir((dir) => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, Buffer.from('0123456789'));
    const bytes = new FileBytes(path);
    expect(bytes.length).toBe(10);
    expect(Buffer.from(bytes.subarray(2, 5)).toString()).toBe('234');
    expect(Buffer.from(bytes.subarray(8, 50)).toString()).toBe('89');
    expect(bytes.subarray(7, 3).length).toBe(0);
    writeFileSync(path, Buffer.from('0123456789abc'));
    let error: unknown;
    try { bytes.subarray(0, 1); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidArchiveError);
    expect((error as Error).message).toMatch(/changed since it was opened/);
  }));

  it('indexes a tar without reading file data, and serves files, sizes and presence from it', () => withTempDir((dir) => {
    const path = join(dir, 'x.tar');
    writeFileSync(path, writeTar([file('manifest.json', '[]'), file('blobs/big', 'x'.repeat(5000))]));
    const files = filesOfTar(new FileBytes(path), path);
    expect(files.size('blobs/big')).toBe(5000);
    expect(files.has('blobs/big')).toBe(true);
    expect(files.has('blobs/none')).toBe(false);
    expect(files.size('blobs/none')).toBeUndefined();
    expect(Buffer.from(files.read('manifest.json')!).toString()).toBe('[]');
  }));
});

describe('TarSource: a tar fetched when needed', () => {
  it('fetches once while the bytes are in use and gives the first copy without fetching', () => {
    let fetches = 0;
    const tar = new Uint8Array([1, 2, 3]);
    const source = new TarSource(() => { fetches++; return new Uint8Array([1, 2, 3]); });
    expect([...source.bytes()]).toEqual([1, 2, 3]);
    expect(source.bytes()).toBe(source.bytes());
    expect(fetches).toBe(1);
    const given = new TarSource(() => { throw new Error('not needed'); }, tar);
    expect(given.bytes()).toBe(tar);
  });
});

describe('an image imported from a file', () => {
  it.each(['none', 'gzip'] as const)('with %s layers reads the same files, digests and merged view as the image it came from', async (compression) => {
    await withTempDir(async (dir) => {
      const image = twoLayerImage();
      const path = join(dir, 'image.tar');
      exportImage(image, `oci-archive:${path}`, { compression });
      const { image: imported } = await importArchive(path);
      expect(imported.id).toBe(image.id);
      expect(imported.layers.map((l) => l.diffID)).toEqual(image.layers.map((l) => l.diffID));
      expect(Buffer.from(imported.layers[1].tar).equals(Buffer.from(image.layers[1].tar))).toBe(true);
      const lowers = imported.layers.map((l) => l.tree).reverse();
      const m = mount({ lowers, ...scratchDirs(imported.layers[0].tree.disk) });
      expect(m.readFileSync('/etc/motd', 'utf8')).toBe('top motd\n');
      expect(m.readFileSync('/etc/hostname', 'utf8')).toBe('box\n');
      expect(m.readdirSync('/')).toEqual(['etc']);
    });
  });
});

// Whether the garbage collector has dropped a layer's bytes is up to V8, so this runs in a process
// of its own with --expose-gc: import, change the archive, collect, then read a file.
describe('an archive that changes after the import', () => {
  const child = resolve(__dirname, 'lazy-layers-child.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', child, ...args], { encoding: 'utf8', cwd: resolve(__dirname, '../..') });

  it('reads a dropped layer back from the archive, even after the archive was deleted (the file stays open)', () => withTempDir((dir) => {
    const result = run(join(dir, 'image.tar'), 'delete');
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('motd: top motd');
  }));

  it('is a clear error naming the archive when a file of a dropped layer is read after the archive was rewritten', () => withTempDir((dir) => {
    const result = run(join(dir, 'image.tar'), 'rewrite');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^error: .*image\.tar.*layer 2 is no longer what was imported.*changed since it was opened/m);
  }));

  it('reads a dropped layer back from its blob after the OCI layout directory was deleted (blobs stay open too)', () => withTempDir((dir) => {
    const result = run(join(dir, 'layout'), 'delete-layout');
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('motd: top motd');
  }));
});
