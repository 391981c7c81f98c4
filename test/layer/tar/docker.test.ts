// dockerLayerTar: Docker's normalisation and order, checked against the Go golden tars and against
// rules read in moby/go-archive (formats.md §3.1, overlayfs.md §4 "Exporting a layer").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TarEntry, compareWalkOrder, dockerLayerEntries, dockerLayerTar } from '../../../src/layer/tar';
import { sortInWalkOrder } from '../../../src/layer/tar/walk-order';
import { haveShared, sharedPath } from '../../helpers/shared';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, content: string, more: Partial<TarEntry> = {}): TarEntry =>
  ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 1700000000, size: content.length, data: text(content), ...more });
const dir = (name: string, more: Partial<TarEntry> = {}): TarEntry =>
  ({ name, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 1700000000, size: 0, ...more });
const golden = (id: string): Buffer => readFileSync(sharedPath('fixtures/generated/go-archive-tar-golden', `${id}.tar`));

describe('dockerLayerEntries normalises entries the way go-archive does', () => {
  it.each([
    ['./etc', 'dir', 'etc/'],
    ['/etc/passwd', 'file', 'etc/passwd'],
    ['etc//ssl/', 'dir', 'etc/ssl/'],
    ['bin/sh/', 'symlink', 'bin/sh'],
  ] as const)('names %s (%s) as %s', (name, type, want) => {
    const entry: TarEntry = { ...dir(name), type, linkname: type === 'symlink' ? 'busybox' : undefined };
    if (type === 'file') Object.assign(entry, { data: new Uint8Array(0) });
    expect(dockerLayerEntries([entry])[0].name).toBe(want);
  });

  it('omits the root directory', () => {
    expect(dockerLayerEntries([dir('./'), dir('/'), dir('.'), dir('a/')]).map((e) => e.name)).toEqual(['a/']);
  });

  it('keeps permission, setuid/setgid and sticky bits but drops type bits, owner names and sub-second time', () => {
    const [out] = dockerLayerEntries([dir('tmp/', { mode: 0o41777, uname: 'root', gname: 'root', mtime: 1700000000.9, atime: 5 })]);
    expect(out).toEqual({ name: 'tmp/', type: 'dir', mode: 0o1777, uid: 0, gid: 0, mtime: 1700000000, size: 0 });
  });

  it('adds type bits back for Docker ≤ 23 when asked (fillGo18FileTypeBits)', () => {
    const out = dockerLayerEntries([dir('root/', { mode: 0o700 }), file('root/a', 'x', { mode: 0o755 })], { typeBitsInMode: true });
    expect(out.map((e) => e.mode)).toEqual([0o40700, 0o100755]);
  });

  it('exports only the security.capability xattr', () => {
    const cap = new Uint8Array([1, 2]);
    const [out] = dockerLayerEntries([file('bin/ping', 'p', { xattrs: { 'security.capability': cap, 'user.note': text('x') } })]);
    expect(out.xattrs).toEqual({ 'security.capability': cap });
  });

  it('turns a kernel whiteout (char 0:0) into an empty .wh. file, mode 0600, keeping owner and mtime', () => {
    const [out] = dockerLayerEntries([{ name: 'etc/motd', type: 'char', mode: 0, uid: 7, gid: 8, mtime: 1546015854, size: 0, devmajor: 0, devminor: 0 }]);
    expect(out).toEqual({ name: 'etc/.wh.motd', type: 'file', mode: 0o600, uid: 7, gid: 8, mtime: 1546015854, size: 0 });
  });

  it('keeps a real character device (not 0:0) as it is', () => {
    const [out] = dockerLayerEntries([{ name: 'dev/null', type: 'char', mode: 0o666, uid: 0, gid: 0, mtime: 0, size: 0, devmajor: 1, devminor: 3 }]);
    expect(out.name).toBe('dev/null');
  });

  it('follows an opaque dir with <dir>/.wh..wh..opq: perms and owner of the dir, mtime 0', () => {
    const opaque = dir('etc/app.d/', { mode: 0o2755, uid: 5, gid: 6, xattrs: { 'trusted.overlay.opaque': text('y') } });
    const out = dockerLayerEntries([opaque, file('etc/app.d/!first', 'x')]);
    expect(out.map((e) => e.name)).toEqual(['etc/app.d/', 'etc/app.d/.wh..wh..opq', 'etc/app.d/!first']);
    expect(out[0].xattrs).toBeUndefined();
    expect(out[1]).toEqual({ name: 'etc/app.d/.wh..wh..opq', type: 'file', mode: 0o755, uid: 5, gid: 6, mtime: 0, size: 0 });
  });

  it("refuses '..' in a layer path", () => {
    expect(() => dockerLayerEntries([file('../escape', 'x')])).toThrow(/ETARFORMAT/);
  });
});

describe('walk order (Go filepath.WalkDir: each directory sorted by name, depth first)', () => {
  it.each([
    [['a-b', 'a/x', 'a/'], ['a/', 'a/x', 'a-b']],
    [['b', 'a.txt', 'a/'], ['a/', 'a.txt', 'b']],
    [['etc/my-app.d/', 'etc/', 'etc/.wh.x'], ['etc/', 'etc/.wh.x', 'etc/my-app.d/']],
    [['Z', 'a', '_'], ['Z', '_', 'a']],
  ])('sorts %j as %j', (input, want) => {
    expect([...input].sort(compareWalkOrder)).toEqual(want);
  });

  it('compares UTF-8 bytes as Go does, not UTF-16 code units', () => {
    // U+FF5E is EF BD 9E in UTF-8, U+1F600 is F0 9F 98 80: bytes put the emoji last, UTF-16 first.
    expect(['\u{1F600}', '\uFF5E'].sort(compareWalkOrder)).toEqual(['\uFF5E', '\u{1F600}']);
  });

  it('sortInWalkOrder agrees with compareWalkOrder, with and without names outside the BMP', () => {
    // sortInWalkOrder compares JavaScript strings directly unless a surrogate pair makes that order
    // differ from UTF-8's; both ways must give compareWalkOrder's order.
    const alphabet = ['a', 'b', 'Z', '-', '.', '_', 'é', '\uFF5E', '日', '/'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (const astral of [false, true]) {
      const names = Array.from({ length: 300 }, () => {
        const length = 1 + next(6);
        let name = Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
        if (astral && next(4) === 0) name += '\u{1F600}';
        return name;
      });
      const entries = names.map((name) => ({ name, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 }));
      const sorted = sortInWalkOrder(entries).map((entry) => entry.name);
      expect(sorted).toEqual([...names].sort((a, b) => compareWalkOrder(a, b)));
    }
  });
});

describe.skipIf(!haveShared('Go golden tars'))('dockerLayerTar against the Go golden tars', () => {
  it('writes the whiteouts golden from kernel forms (char 0:0 and an opaque xattr), given in any order', () => {
    const entries: TarEntry[] = [
      { name: 'root/example', type: 'char', mode: 0, uid: 0, gid: 0, mtime: 1546015854, size: 0, devmajor: 0, devminor: 0 },
      file('etc/my-app.d/default.cfg', 'x=1\n', { mtime: 1700000001 }),
      dir('etc/my-app.d/', { mtime: 1700000001, xattrs: { 'trusted.overlay.opaque': text('y') } }),
      // BuildKit already wrote this one in OCI form (mode 0, mtime 0): it passes through unchanged.
      { name: 'etc/.wh.my-app-config', type: 'file', mode: 0, uid: 0, gid: 0, mtime: 0, size: 0, data: new Uint8Array(0) },
      dir('etc/', { mtime: 1700000001 }),
    ];
    expect(Buffer.from(dockerLayerTar(entries)).equals(golden('whiteouts'))).toBe(true);
  });

  it('writes the oci_layer_md_example golden from shuffled, untidy input', () => {
    const t = 1700000000.75;
    const entries: TarEntry[] = [
      file('./etc/my-app-config', 'key=value\n', { mtime: t, uname: 'root' }),
      file('/bin/my-app-tools', 'tools\n', { mode: 0o100755, mtime: t }),
      dir('./', { mtime: t }), dir('etc', { mode: 0o40755, mtime: t }),
      file('bin/my-app-binary', '#!/bin/sh\necho app\n', { mode: 0o755, mtime: t }), dir('bin/', { mtime: t }),
    ];
    expect(Buffer.from(dockerLayerTar(entries)).equals(golden('oci_layer_md_example'))).toBe(true);
  });

  it('writes the legacy_type_bits golden\'s first three entries with typeBitsInMode', () => {
    const entries = [dir('root/', { mode: 0o700, mtime: 1546015841 }), file('root/saved.txt', 'saved\n', { mode: 0o755, mtime: 1546015848 }),
      dir('tmp/', { mode: 0o1777, mtime: 1546029860 })];
    const tar = dockerLayerTar(entries, { typeBitsInMode: true });
    expect(Buffer.from(tar.subarray(0, 2048)).equals(golden('legacy_type_bits_and_ids').subarray(0, 2048))).toBe(true);
  });
});
