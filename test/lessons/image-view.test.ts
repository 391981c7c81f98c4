// The lesson helpers for real-sized images: tar -tvf lines, folded change trees, limited stack views.
// Expected values come from how GNU tar prints a listing and from the hand-made trees below.
import { describe, expect, it } from 'vitest';
import { dockerLayerTar } from '../../src/layer/tar/index';
import { tarListing } from '../../src/lessons/tar-listing';
import { foldChanges, limitView } from '../../src/lessons/image-view';
import type { LayerChanges } from '../../src/render/change-tree';
import type { StackView } from '../../src/render/diagram';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('tarListing', () => {
  it('prints entries as tar -tvf does for a Docker layer (numeric owner, UTC time)', () => {
    const tar = dockerLayerTar([
      { name: 'etc/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 86400, size: 0 },
      { name: 'etc/motd', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 86400, size: 3, data: bytes('hi\n') },
      { name: 'bin', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, size: 0, linkname: 'usr/bin' },
      { name: 'tmp/', type: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: 0, size: 0 },
    ]);
    const lines = tarListing(tar).split('\n');
    expect(lines).toContain('drwxr-xr-x 0/0 0 1970-01-02 00:00 etc/');
    expect(lines).toContain('-rw-r--r-- 0/0 3 1970-01-02 00:00 etc/motd');
    expect(lines).toContain('lrwxrwxrwx 0/0 0 1970-01-01 00:00 bin -> usr/bin');
    expect(lines).toContain('drwxrwxrwt 0/0 0 1970-01-01 00:00 tmp/');
  });

  it('stops after max entries and says how many are left', () => {
    const entries = ['a', 'b', 'c'].map((name) => ({ name, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0, data: new Uint8Array(0) }));
    expect(tarListing(dockerLayerTar(entries), { max: 2 }).split('\n')).toEqual([
      '-rw-r--r-- 0/0 0 1970-01-01 00:00 a', '-rw-r--r-- 0/0 0 1970-01-01 00:00 b', '… 1 more entries']);
  });
});

describe('foldChanges', () => {
  const changes: LayerChanges = {
    layer: 'vim', added: 3, modified: 0, removed: 0, bytes: 6,
    nodes: [{ name: 'usr', kind: 'dir', change: 'unchanged', children: [
      { name: 'bin', kind: 'dir', change: 'unchanged', children: [
        { name: 'vim', kind: 'file', change: 'added', size: 3 }, { name: 'vi', kind: 'symlink', change: 'added' }] },
      { name: 'share', kind: 'dir', change: 'added', children: [] }] }],
  };

  it('below depth, a directory only says how many changes it holds; totals are kept', () => {
    const folded = foldChanges(changes, { depth: 2 });
    const bin = folded.nodes[0].children![0];
    expect(bin.children).toBeUndefined();
    expect(bin.note).toBe('2 changes inside');
    expect([folded.added, folded.bytes]).toEqual([3, 6]);
  });

  it('lists at most perDir names per directory', () => {
    const names = foldChanges(changes, { depth: 5, perDir: 1 }).nodes[0].children!.map((n) => n.name);
    expect(names).toEqual(['bin', '… 1 more']);
  });
});

describe('limitView', () => {
  const row = (path: string) => ({ path, name: path.split('/').pop()!, depth: path.split('/').length - 2, cells: [], from: null, visible: true });
  const view: StackView = { layers: [{ name: 'l1' }], rows: ['/etc', '/etc/hosts', '/etc/vimrc', '/usr', '/usr/bin', '/usr/bin/vim'].map(row) };

  it('keeps the given paths, what is under them and the directories on the way', () => {
    expect(limitView(view, ['/etc/vimrc', '/usr/bin']).rows.map((r) => r.path)).toEqual(['/etc', '/etc/vimrc', '/usr', '/usr/bin', '/usr/bin/vim']);
  });

  it('keeps every row when no paths are given', () => {
    expect(limitView(view).rows).toHaveLength(6);
  });
});
