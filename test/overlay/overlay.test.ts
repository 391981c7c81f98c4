// Overlay behaviour the kernel catalog states in prose (spec sections 1.1-1.12) rather than as a
// replayable scenario: the bytes copy-up leaves in UpperDir, the shared whiteout inode, what WorkDir
// holds, mount-time refusals, permissions, and the /proc/mounts option suffix.
import { describe, expect, it } from 'vitest';
import { Disk, Tree, mount, scratchDirs, treeFromCompact, isFsError } from '../../src/index';
import type { Inode } from '../../src/index';

function setup(lower: Parameters<typeof treeFromCompact>[0], options = '') {
  const layer = treeFromCompact(lower).freeze();
  const dirs = scratchDirs(layer.disk);
  return { layer, ...dirs, m: mount({ lowers: [layer], ...dirs, options }) };
}

const at = (root: Inode, path: string): Inode | undefined =>
  path.split('/').filter(Boolean).reduce<Inode | undefined>((node, part) => node?.entries?.get(part), root);

function errnoOf(run: () => unknown): string | undefined {
  try { run(); return undefined; } catch (error) { return isFsError(error) ? error.code : (error as { code?: string }).code; }
}

describe('copy-up', () => {
  it('copies data, mode, owner, mtime and user xattrs, and records the origin handle (spec 1.4, 1.12)', () => {
    const { layer, upper, m } = setup({ f: { type: 'file', content: 'secret', mode: '0640', uid: 1000, gid: 1000, xattrs: { 'user.color': 'blue' } } });
    const lower = at(layer.root, 'f')!;
    m.appendFileSync('/f', '!');
    const copy = at(upper.root, 'f')!;
    expect([copy.mode, copy.uid, copy.gid, copy.mtimeMs === lower.mtimeMs]).toEqual([0o640, 1000, 1000, false]);
    expect(copy.xattrs.get('user.color')?.toString()).toBe('blue');
    const origin = copy.xattrs.get('trusted.overlay.origin')!;
    expect(origin.subarray(0, 5)).toEqual(Buffer.from([0x00, 0xfb, 0x1d, 0x00, 0x01]));
    expect(origin.length).toBe(29);
    expect(origin.readUInt32LE(21)).toBe(lower.ino);
    expect(m.statSync('/f')!.ino).toBe(lower.ino);
  });

  it('keeps the lower mtime when only metadata changes, and marks the parent impure', () => {
    const { layer, upper, m } = setup({ d: { f: 'x' } });
    m.chmodSync('/d/f', 0o600);
    expect(at(upper.root, 'd/f')!.mtimeMs).toBe(at(layer.root, 'd/f')!.mtimeMs);
    expect(at(upper.root, 'd')!.xattrs.get('trusted.overlay.impure')?.toString()).toBe('y');
    expect(at(upper.root, 'd')!.xattrs.has('trusted.overlay.opaque')).toBe(false);
  });

  it('never happens for reads, stat, readdir, readlink or a read-only open (B01)', () => {
    const { upper, m } = setup({ d: { f: 'x', s: '->f' } });
    m.readFileSync('/d/f'); m.statSync('/d/f'); m.readdirSync('/d'); m.readlinkSync('/d/s');
    m.closeSync(m.openSync('/d/f', 'r'));
    expect([...upper.root.entries!.keys()]).toEqual([]);
  });

  it('copies no data for an open with O_TRUNC, as ovl_copy_up_one does (the lower bytes are never read)', () => {
    const { layer, upper, m } = setup({ f: { type: 'file', content: 'old bytes', mode: '0640' } });
    const lower = at(layer.root, 'f')!;
    // Bytes that cannot be read: an imported layer whose archive is gone would fail this way.
    lower.disk.attachExtent(lower, { bytes: () => { throw new Error('the lower data was read'); } }, 0, 9);
    m.writeFileSync('/f', 'new');
    expect(m.readFileSync('/f', 'utf8')).toBe('new');
    expect(at(upper.root, 'f')!.mode).toBe(0o640);
  });

  it('completes a metacopy-only upper without its data for an open with O_TRUNC (metacopy=on)', () => {
    const { layer, upper, m } = setup({ f: { type: 'file', content: 'old bytes' } }, 'metacopy=on');
    m.chmodSync('/f', 0o600);   // metadata only: the upper copy holds no data (G11)
    expect(at(upper.root, 'f')!.xattrs.has('trusted.overlay.metacopy')).toBe(true);
    const lower = at(layer.root, 'f')!;
    lower.disk.attachExtent(lower, { bytes: () => { throw new Error('the lower data was read'); } }, 0, 9);
    m.writeFileSync('/f', 'new');
    expect(m.readFileSync('/f', 'utf8')).toBe('new');
    expect(at(upper.root, 'f')!.xattrs.has('trusted.overlay.metacopy')).toBe(false);
  });

  it('is refused before it starts when the caller may not write (B18)', () => {
    const { upper, m } = setup({ f: 'root only' });
    expect(errnoOf(() => m.as({ uid: 1, gid: 1 }).appendFileSync('/f', 'x'))).toBe('EACCES');
    expect(upper.root.entries!.size).toBe(0);
  });
});

describe('whiteouts', () => {
  it('are char 0:0 mode 0000 links of one shared inode kept in work/work (C07)', () => {
    const { upper, work, m } = setup({ a: 'A', b: 'B', c: 'C' });
    ['/a', '/b', '/c'].forEach((path) => m.unlinkSync(path));
    const whiteouts = ['a', 'b', 'c'].map((name) => at(upper.root, name)!);
    expect(whiteouts.every((w) => w.type === 'char' && w.rdev === 0 && w.mode === 0)).toBe(true);
    expect(new Set(whiteouts).size).toBe(1);
    expect(whiteouts[0].nlink).toBe(4);
    const scratch = at(work.root, 'work')!;
    expect([...scratch.entries!.values()]).toEqual([whiteouts[0]]);
    expect([...scratch.entries!.keys()][0]).toMatch(/^#[0-9a-f]+$/);
  });

  it('left by rename are inodes of their own (E01)', () => {
    const { upper, m } = setup({ a: 'A' });
    m.renameSync('/a', '/b');
    expect(at(upper.root, 'a')!.nlink).toBe(1);
  });
});

describe('the workdir', () => {
  it('holds work/ (mode 0000) and, with index=on, index/ with its upper xattr; the merged view never shows it', () => {
    const { work, m } = setup({ f: 'F' }, 'index=on');
    expect(at(work.root, 'work')!.mode).toBe(0);
    expect(at(work.root, 'index')!.xattrs.has('trusted.overlay.upper')).toBe(true);
    expect(m.readdirSync('/')).toEqual(['f']);
  });

  it('keeps the volatile marker, and the kernel refuses to mount over it again (spec 1.11)', () => {
    const { layer, upper, work, m } = setup({ f: 'F' }, 'volatile');
    expect(at(work.root, 'work/incompat/volatile/dirty')?.type).toBe('file');
    m.umount();
    expect(errnoOf(() => mount({ lowers: [layer], upper, work, options: 'volatile' }))).toBe('EINVAL');
  });
});

describe('mount-time rules (spec 1.1)', () => {
  const lower = () => treeFromCompact({ f: 'F' }).freeze();
  it.each([
    ['a single lower without upper', () => mount({ lowers: [lower()] }), 'EINVAL'],
    ['no lower at all', () => mount({ lowers: [] }), 'EINVAL'],
    ['an upper without workdir', () => mount({ lowers: [lower()], upper: new Tree() }), 'EINVAL'],
    ['upper and work on different disks', () => mount({ lowers: [lower()], upper: new Tree(), work: new Tree() }), 'EINVAL'],
    ['the same lower twice', () => { const l = lower(); return mount({ lowers: [l, l] }); }, 'ELOOP'],
    ['an option the kernel does not know', () => mount({ lowers: [lower(), lower()], options: 'bogus=1' }), 'EINVAL'],
    ['a known option the simulation does not model', () => mount({ lowers: [lower(), lower()], options: 'nfs_export=on' }), 'EUNSUPPORTED'],
  ])('refuses %s', (_what, run, code) => {
    expect(errnoOf(run)).toBe(code);
  });

  it('makes a read-only overlay of two lowers where every change is EROFS (G01)', () => {
    const m = mount({ lowers: [lower(), treeFromCompact({ g: 'G' }).freeze()] });
    expect(m.readdirSync('/')).toEqual(['g', 'f']);
    expect(['/f', '/g'].map((p) => errnoOf(() => m.appendFileSync(p, 'x')))).toEqual(['EROFS', 'EROFS']);
    expect(errnoOf(() => m.mkdirSync('/n'))).toBe('EROFS');
  });

  it.each([
    ['', ',uuid=on'],
    ['redirect_dir=on', ',redirect_dir=on,uuid=on'],
    ['index=on', ',index=on,uuid=on'],
    ['metacopy=on', ',redirect_dir=on,uuid=on,metacopy=on'],
    ['volatile', ',uuid=on,fsync=volatile'],
    ['userxattr', ',redirect_dir=nofollow,uuid=on,userxattr'],
  ])('prints /proc/mounts options for "%s" as the kernel does', (options, suffix) => {
    expect(setup({ f: 'F' }, options).m.procMountsSuffix()).toBe(suffix);
  });

  it('reports no uuid=on on later mounts of the same upper', () => {
    const { layer, upper, work, m } = setup({ f: 'F' });
    m.umount();
    expect(mount({ lowers: [layer], upper, work }).procMountsSuffix()).toBe('');
  });
});

describe('layers stay immutable', () => {
  it('a frozen tree refuses writes with EROFS', () => {
    const tree = new Tree(new Disk()).freeze();
    expect(errnoOf(() => tree.writable('write'))).toBe('EROFS');
  });
});

describe('bad input', () => {
  const { m } = setup({ d: { f: 'x' } });
  it.each([
    ['a path of 4096 bytes', () => m.statSync('/' + 'a/'.repeat(2048)), 'ENAMETOOLONG'],
    ['a path with a NUL byte', () => m.statSync('/d\u0000'), 'ERR_INVALID_ARG_VALUE'],
    ['a mode that is not a number', () => m.chmodSync('/d/f', {} as never), 'ERR_INVALID_ARG_TYPE'],
    ['an unknown open flag', () => m.openSync('/d/f', 'zz'), 'ERR_INVALID_ARG_VALUE'],
    ['a closed descriptor', () => m.closeSync(99), 'EBADF'],
    ['mknod of a whiteout look-alike (B19)', () => m.mknodSync('/wh', 'char', 0, 0), 'EPERM'],
  ])('%s gives %s', (_what, run, code) => {
    expect(errnoOf(run)).toBe(code);
  });

  it('errors carry Node\'s fields and message', () => {
    try {
      m.statSync('/nope');
    } catch (error) {
      expect(error).toMatchObject({ code: 'ENOENT', errno: -2, syscall: 'stat', path: '/nope', message: "ENOENT: no such file or directory, stat '/nope'" });
    }
  });
});

describe('credentials', () => {
  it('only root gives files away; only owners chmod; trusted.* is invisible to others', () => {
    const { m } = setup({ f: { type: 'file', content: 'x', uid: 1000, gid: 1000, xattrs: { 'trusted.secret': '1', 'user.k': 'v' } } });
    const user = m.as({ uid: 1000, gid: 1000 });
    expect(errnoOf(() => user.chownSync('/f', 0, 0))).toBe('EPERM');
    expect(errnoOf(() => m.as({ uid: 2, gid: 2 }).chmodSync('/f', 0o777))).toBe('EPERM');
    expect(user.listxattr('/f')).toEqual(['user.k']);
    expect(m.listxattr('/f')).toEqual(['trusted.secret', 'user.k']);
    user.chmodSync('/f', 0o600);
    expect(m.statSync('/f')!.mode & 0o777).toBe(0o600);
  });
});

describe('layers on different filesystems (spec 1.9)', () => {
  const stack = (options: string) => {
    const lower = treeFromCompact({ f: 'F', d: { a: 'A' } }, new Disk()).freeze();
    return mount({ lowers: [lower], ...scratchDirs(new Disk()), options });
  };

  it('xino=off: files report a pseudo device of their own, directories the overlay device with a private number (F02)', () => {
    const m = stack('xino=off');
    const root = m.statSync('/')!;
    expect(m.statSync('/f')!.dev).not.toBe(root.dev);
    expect(m.statSync('/d')!.dev).toBe(root.dev);
    expect(m.statSync('/d')!.ino).toBeLessThan(16);
  });

  it('xino=on: one device, the lower fs id in the high bits of st_ino, and xino=on in /proc/mounts (F03)', () => {
    const m = stack('xino=on');
    const root = m.statSync('/')!;
    expect(m.statSync('/f')!.dev).toBe(root.dev);
    expect(m.statSync('/f')!.ino).toBeGreaterThanOrEqual(2 ** 63);
    expect(m.procMountsSuffix()).toBe(',uuid=on,xino=on');
  });
});
