// A layer made from a directory gets exactly the bytes Docker writes for it, so its diffID is the
// real one; a layer tar applied to a directory gives the kernel's forms for whiteouts and opaque
// directories (overlayfs.md section 4). Ground truth: the Go-written golden tars and their digests.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../helpers/shared';
import { layerFromDirectory, layerFromTar } from '../../src/layer/layer';
import { readTar } from '../../src/layer/tar/read';
import { writeTar } from '../../src/layer/tar/write';
import { mount, scratchDirs, treeFromCompact, compactOfInode } from '../../src/index';
import type { Inode } from '../../src/index';

/** describeTree: everything a layer's tree says, path by path (not inode numbers). */
function describeTree(dir: Inode, prefix = ''): string[] {
  return [...dir.entries!].flatMap(([name, inode]) => {
    const xattrs = [...inode.xattrs].map(([k, v]) => `${k}=${v.toString('hex')}`).sort().join(',');
    const line = `${prefix}${name} ${inode.type} ${inode.mode.toString(8)} ${inode.uid}:${inode.gid} nlink=${inode.nlink} mtime=${inode.mtimeMs} size=${inode.size} ${inode.target ?? ''} [${xattrs}]`;
    return inode.type === 'dir' ? [line, ...describeTree(inode, `${prefix}${name}/`)] : [line];
  }).sort();
}

const available = haveShared('layer round trips against the Go golden tars');
const golden = (name: string): Uint8Array => readFileSync(sharedPath(`fixtures/generated/go-archive-tar-golden/${name}.tar`));
const sha = (bytes: Uint8Array): string => 'sha256:' + createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!available)('layers and the Go golden tars', () => {
  // The golden cases that hold every parent directory (the others are minimal tars without parents,
  // which a real directory walk never produces).
  it.each(['buildkit_single_file', 'oci_layer_md_example', 'empty'])(
    '%s: applied to a directory and committed again, gives the same bytes', (name) => {
      const tar = golden(name);
      const again = layerFromDirectory(layerFromTar(tar).tree);
      expect(again.diffID).toBe(sha(tar));
    });

  it('applies image-spec rules to a hand-made layer: an opaque marker after its sibling, a whiteout and a file of one name', () => {
    const outer = readTar(readFileSync(sharedPath('fixtures/generated/sim-save.tar'))).entries;
    const blob = outer.find((entry) => entry.name.endsWith('b993378ad89f0e2fb79ed829e01d23513425ee9b85ee60b48cf67d4e37271ec1'))!;
    const tree = compactOfInode(layerFromTar(blob.data!).tree.root) as Record<string, Record<string, unknown>>;
    expect(tree.app['b.txt']).toBe('WHITEOUT');
    expect((tree.app.sub as Record<string, unknown>)['@opaque']).toBe('y');
    expect(typeof tree.opt.x).toBe('string');            // the file of this layer wins over its own whiteout
    expect(tree.etc.conf).toBe('->/app/a.txt');
  });

  it('applies OCI whiteouts as the kernel form: char 0:0 and an opaque xattr', () => {
    const layer = layerFromTar(golden('whiteouts'));
    expect(compactOfInode(layer.tree.root)).toEqual({
      etc: { 'my-app-config': 'WHITEOUT', 'my-app.d': { '@opaque': 'y', 'default.cfg': 'x=1\n' } },
      root: { example: 'WHITEOUT' },
    });
  });
});

describe('committing an upper directory', () => {
  it('turns whiteouts and opaque dirs into .wh. entries and drops overlay bookkeeping', () => {
    const base = layerFromTar(layerFromDirectory(treeFromCompact({ etc: { motd: 'hi', app: { a: '1' } }, bin: { sh: 'ELF' } })).tar);
    const m = mount({ lowers: [base.tree], ...scratchDirs(base.tree.disk) });
    m.unlinkSync('/etc/motd');
    m.rmSync('/etc/app', { recursive: true });
    m.mkdirSync('/etc/app');
    m.appendFileSync('/bin/sh', '!');
    const layer = layerFromDirectory(m.upperDir!);
    const names = readTar(layer.tar).entries.map((entry) => `${entry.name} ${entry.mode.toString(8)}${entry.xattrs ? ' xattrs' : ''}`);
    // Walk order of the diff directory, where the whiteout is the device named 'motd' (spec 4, ConvertWrite).
    expect(names).toEqual(['bin/ 755', 'bin/sh 644', 'etc/ 755', 'etc/app/ 755', 'etc/app/.wh..wh..opq 755', 'etc/.wh.motd 600']);
    expect(layer.size).toBe(4);
  });

  it('writes each shared-inode whiteout as its own .wh. file, never as a hard link', () => {
    const base = layerFromDirectory(treeFromCompact({ a: 'A', b: 'B' }));
    const m = mount({ lowers: [base.tree], ...scratchDirs(base.tree.disk) });
    m.unlinkSync('/a');
    m.unlinkSync('/b');
    const entries = readTar(layerFromDirectory(m.upperDir!).tar).entries;
    expect(entries.map((entry) => `${entry.name}:${entry.type}`)).toEqual(['.wh.a:file', '.wh.b:file']);
  });

  it('writes a second name as a hard link to the first in walk order, whatever order they were made in', () => {
    const m = mount({ lowers: [treeFromCompact({}).freeze()], ...scratchDirs() });
    m.writeFileSync('/b', 'B');
    m.linkSync('/b', '/a');
    const layer = layerFromDirectory(m.upperDir!);
    expect(readTar(layer.tar).entries.map((entry) => `${entry.name}:${entry.type}:${entry.linkname ?? ''}`)).toEqual(['a:file:', 'b:hardlink:a']);
    expect(() => layerFromTar(layer.tar)).not.toThrow();
  });

  it('consuming the directory gives the same bytes and the same tree as applying its tar', () => {
    const base = layerFromDirectory(treeFromCompact({ a: 'A', b: 'B', d: { x: 'X' }, keep: { y: 'Y' } }));
    const m = mount({ lowers: [base.tree], ...scratchDirs(base.tree.disk) });
    m.unlinkSync('/a');
    m.unlinkSync('/b');
    m.rmSync('/d', { recursive: true });
    m.mkdirSync('/d');
    m.writeFileSync('/d/new', 'N');
    m.setxattr('/keep/y', 'user.note', 'dropped by docker');
    m.linkSync('/keep/y', '/y2');
    const copied = layerFromDirectory(m.upperDir!);
    const consumed = layerFromDirectory(m.upperDir!, { consume: true });
    expect(consumed.diffID).toBe(copied.diffID);
    // Consuming hashes the tar while it writes it: the digest must still be that of the bytes.
    expect(consumed.diffID).toBe(sha(consumed.tar));
    expect(readTar(consumed.tar).entries.map((e) => e.name)).toEqual(readTar(copied.tar).entries.map((e) => e.name));
    expect(describeTree(consumed.tree.root)).toEqual(describeTree(copied.tree.root));
  });

  it('refuses a tar entry that climbs out of the layer', () => {
    const evil = layerFromDirectory(treeFromCompact({ a: 'x' })).tar;
    const entries = readTar(evil).entries.map((entry) => ({ ...entry, name: '../../etc/passwd' }));
    expect(() => layerFromTar(writeTar(entries))).toThrow(/climbs out of the layer/);
  });
});
