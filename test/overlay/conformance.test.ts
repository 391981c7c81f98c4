// The mount speaks node:fs: for everything that is not overlay-specific, a call through the
// simulated mount must give what node:fs gives on a real directory holding the same files — the
// same value, or the same error code and syscall. The real directory is the ground truth here.
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { mount, scratchDirs, treeFromCompact, compactOfInode } from '../../src/index';
import type { Compact } from '../../src/index';

const TREE: Record<string, Compact> = {
  etc: { passwd: 'root:x:0:0', motd: 'hi' },
  dir: { sub: { f: 'x' } },
  empty: {},
  link: '->etc/passwd',
  abs: '->/etc/motd',
  loop1: '->loop2',
  loop2: '->loop1',
  dangling: '->nowhere',
};

/** The same operations, against node:fs rooted at a directory or against a mount. */
type Fs = Pick<typeof fs, 'readFileSync' | 'statSync' | 'lstatSync' | 'readdirSync' | 'mkdirSync' | 'rmdirSync' | 'unlinkSync'
  | 'renameSync' | 'linkSync' | 'symlinkSync' | 'readlinkSync' | 'writeFileSync' | 'appendFileSync' | 'truncateSync'
  | 'openSync' | 'closeSync' | 'rmSync' | 'existsSync' | 'chmodSync'>;

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function writeReal(dir: string, tree: Record<string, Compact>): void {
  for (const [name, value] of Object.entries(tree)) {
    const path = join(dir, name);
    if (typeof value === 'string' && value.startsWith('->')) fs.symlinkSync(value.slice(2), path);
    else if (typeof value === 'string') fs.writeFileSync(path, value);
    else { fs.mkdirSync(path); writeReal(path, value as Record<string, Compact>); }
  }
}

/** realFs: node:fs with every path (and absolute symlink target) taken inside a fresh directory. */
function realFs(): Fs {
  const root = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
  roots.push(root);
  writeReal(root, { ...TREE, abs: '->' + join(root, 'etc/motd') });
  const inRoot = (p: unknown): unknown => (typeof p === 'string' ? join(root, p) : p);
  return new Proxy(fs, {
    get(target, name: string) {
      const fn = (target as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      if (name === 'symlinkSync') return (t: unknown, p: unknown) => fn(t, inRoot(p));
      if (['closeSync'].includes(name)) return fn;
      if (['renameSync', 'linkSync'].includes(name)) return (a: unknown, b: unknown) => fn(inRoot(a), inRoot(b));
      return (p: unknown, ...rest: unknown[]) => fn(inRoot(p), ...rest);
    },
  }) as unknown as Fs;
}

function mountFs(): Fs {
  const lower = treeFromCompact(TREE).freeze();
  return mount({ lowers: [lower], ...scratchDirs() }) as unknown as Fs;
}

type Outcome = { ok: unknown } | { code: string; syscall?: string };

function outcome(run: () => unknown): Outcome {
  try {
    const value = run();
    return { ok: value === undefined ? null : value };
  } catch (error) {
    const e = error as { code: string; syscall?: string };
    return e.syscall ? { code: e.code, syscall: e.syscall } : { code: e.code };
  }
}

const big = 'a'.repeat(256);
const CASES: [string, (f: Fs) => unknown][] = [
  ['read a file', (f) => f.readFileSync('/etc/passwd', 'utf8')],
  ['read through a relative symlink', (f) => f.readFileSync('/link', 'utf8')],
  ['read with a trailing slash on a file', (f) => f.readFileSync('/etc/passwd/')],
  ['read a missing file', (f) => f.readFileSync('/etc/nope')],
  ['read under a missing directory', (f) => f.readFileSync('/nope/x')],
  ['read under a file', (f) => f.readFileSync('/etc/passwd/x')],
  ['read a symlink loop', (f) => f.readFileSync('/loop1')],
  ['read a dangling symlink', (f) => f.readFileSync('/dangling')],
  ['read a directory', (f) => f.readFileSync('/dir')],
  ['stat a name of 256 bytes', (f) => f.statSync('/' + big)],
  ['stat through ..', (f) => f.statSync('/dir/../etc/passwd').size],
  ['stat through . and //', (f) => f.statSync('/etc/./motd').size + f.statSync('//etc//motd').size],
  ['lstat a symlink', (f) => f.lstatSync('/link').isSymbolicLink()],
  ['lstat with throwIfNoEntry false', (f) => f.lstatSync('/nope', { throwIfNoEntry: false }) ?? 'none'],
  ['readdir a file', (f) => f.readdirSync('/etc/passwd')],
  ['readdir names', (f) => (f.readdirSync('/etc') as string[]).sort()],
  ['readdir with file types', (f) => f.readdirSync('/', { withFileTypes: true }).map((d) => `${d.name}:${d.isDirectory()}:${d.isSymbolicLink()}`).sort()],
  ['mkdir an existing directory', (f) => f.mkdirSync('/etc')],
  ['mkdir over a dangling symlink', (f) => f.mkdirSync('/dangling')],
  ['mkdir under a missing directory', (f) => f.mkdirSync('/x/y')],
  ['mkdir -p then list', (f) => { f.mkdirSync('/a/b/c', { recursive: true }); return f.readdirSync('/a/b'); }],
  ['mkdir -p returns the first directory made', (f) => String(f.mkdirSync('/etc/new/deeper', { recursive: true })).endsWith('/etc/new')],
  ['mkdir -p through a file', (f) => f.mkdirSync('/etc/passwd/x', { recursive: true })],
  ['rmdir a non-empty directory', (f) => f.rmdirSync('/dir')],
  ['rmdir a file', (f) => f.rmdirSync('/etc/passwd')],
  ['rmdir an empty directory', (f) => { f.rmdirSync('/empty'); return f.existsSync('/empty'); }],
  ['unlink a directory', (f) => f.unlinkSync('/dir')],
  ['unlink a missing file', (f) => f.unlinkSync('/nope')],
  ['unlink a symlink, not its target', (f) => { f.unlinkSync('/link'); return f.readFileSync('/etc/passwd', 'utf8'); }],
  ['rename a file onto a directory', (f) => f.renameSync('/etc/passwd', '/dir')],
  ['rename a directory onto a file', (f) => f.renameSync('/empty', '/etc/passwd')],
  ['rename a directory into itself', (f) => f.renameSync('/dir', '/dir/sub/x')],
  ['rename a directory onto its ancestor', (f) => f.renameSync('/dir/sub', '/dir')],
  ['rename a file', (f) => { f.renameSync('/etc/motd', '/motd2'); return [f.existsSync('/etc/motd'), f.readFileSync('/motd2', 'utf8')]; }],
  ['rename onto itself', (f) => { f.renameSync('/etc/motd', '/etc/motd'); return f.readFileSync('/etc/motd', 'utf8'); }],
  ['link a directory', (f) => f.linkSync('/dir', '/d2')],
  ['link onto an existing name', (f) => f.linkSync('/etc/passwd', '/etc/motd')],
  ['link and read both names', (f) => { f.linkSync('/etc/passwd', '/p2'); f.appendFileSync('/p2', '!'); return [f.readFileSync('/etc/passwd', 'utf8'), f.statSync('/p2').nlink]; }],
  ['symlink over an existing name', (f) => f.symlinkSync('x', '/etc/motd')],
  ['readlink of a file', (f) => f.readlinkSync('/etc/passwd')],
  ['readlink of a symlink', (f) => f.readlinkSync('/link')],
  ['write through a dangling symlink creates its target', (f) => { f.writeFileSync('/dangling', 'made'); return f.readFileSync('/nowhere', 'utf8'); }],
  ['truncate a file', (f) => { f.truncateSync('/etc/passwd', 4); return f.readFileSync('/etc/passwd', 'utf8'); }],
  ['truncate to grow with zeros', (f) => { f.truncateSync('/etc/motd', 4); return [...f.readFileSync('/etc/motd')]; }],
  ['open wx on an existing file', (f) => f.openSync('/etc/motd', 'wx')],
  ['open a directory for writing', (f) => f.openSync('/dir', 'w')],
  ['open a file with O_DIRECTORY', (f) => f.openSync('/etc/passwd', fs.constants.O_RDONLY | fs.constants.O_DIRECTORY)],
  ['append creates a file', (f) => { f.appendFileSync('/new', 'a'); f.appendFileSync('/new', 'b'); return f.readFileSync('/new', 'utf8'); }],
  ['rm a directory without recursive', (f) => f.rmSync('/dir')],
  ['rm -r a tree', (f) => { f.rmSync('/dir', { recursive: true }); return f.existsSync('/dir'); }],
  ['rm -f a missing path', (f) => f.rmSync('/nope', { force: true })],
  ['chmod then stat', (f) => { f.chmodSync('/etc/motd', 0o600); return f.statSync('/etc/motd').mode.toString(8); }],
  ['stat with a number as path', (f) => f.statSync(42 as unknown as string)],
  ['exists of a symlink loop', (f) => f.existsSync('/loop1')],
];

describe('the mount answers like node:fs on a real directory', () => {
  it.each(CASES)('%s', (_name, run) => {
    expect(outcome(() => run(mountFs()))).toEqual(outcome(() => run(realFs())));
  });

  it('never changes the lower layer, whatever the calls do', () => {
    const lower = treeFromCompact(TREE).freeze();
    const before = JSON.stringify(compactOfInode(lower.root));
    const m = mount({ lowers: [lower], ...scratchDirs() });
    for (const [, run] of CASES) outcome(() => run(m as unknown as Fs));
    expect(JSON.stringify(compactOfInode(lower.root))).toBe(before);
  });
});
