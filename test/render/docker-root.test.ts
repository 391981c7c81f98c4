import { describe, expect, it } from 'vitest';
import { catLower, renderRepositoriesJson } from '../../src/render/docker-files';
import { dockerRootTree, renderDockerRoot, type DockerRoot } from '../../src/render/docker-root';
import { findNode, renderTree } from '../../src/render/tree';

const BASE = 'a'.repeat(64);
const TOP = 'b'.repeat(64);
const DIFF0 = 'sha256:' + '1'.repeat(64);
const DIFF1 = 'sha256:' + '2'.repeat(64);
const CHAIN1 = 'sha256:' + '3'.repeat(64);
const IMAGE = 'sha256:' + '4'.repeat(64);

const state: DockerRoot = {
  overlay2: [
    { id: BASE, link: 'AAAAAAAAAAAAAAAAAAAAAAAAAA', committed: true },
    { id: TOP, link: 'BBBBBBBBBBBBBBBBBBBBBBBBBB', lower: ['AAAAAAAAAAAAAAAAAAAAAAAAAA'] },
  ],
  layers: [
    { chainId: DIFF0, diffId: DIFF0, size: 1154361, cacheId: BASE },
    { chainId: CHAIN1, diffId: DIFF1, size: 6405, cacheId: TOP, parent: DIFF0 },
  ],
  images: [{ id: IMAGE, config: '{}' }],
  repositories: { busybox: { 'busybox:latest': IMAGE } },
};

describe('dockerRootTree file contents (formats.md 1.4)', () => {
  const tree = dockerRootTree(state);

  it('writes link, lower, diff, size, cache-id and parent without newlines', () => {
    expect(findNode(tree, `overlay2/${TOP}/link`)?.content).toBe('BBBBBBBBBBBBBBBBBBBBBBBBBB');
    expect(findNode(tree, `overlay2/${TOP}/lower`)?.content).toBe('l/AAAAAAAAAAAAAAAAAAAAAAAAAA');
    const layer = `image/overlay2/layerdb/sha256/${'3'.repeat(64)}`;
    expect(findNode(tree, `${layer}/diff`)?.content).toBe(DIFF1);
    expect(findNode(tree, `${layer}/size`)?.content).toBe('6405');
    expect(findNode(tree, `${layer}/cache-id`)?.content).toBe(TOP);
    expect(findNode(tree, `${layer}/parent`)?.content).toBe(DIFF0);
  });

  it('gives a base layer neither lower, work nor parent', () => {
    expect(findNode(tree, `overlay2/${BASE}/lower`)).toBeUndefined();
    expect(findNode(tree, `overlay2/${BASE}/work`)).toBeUndefined();
    expect(findNode(tree, `image/overlay2/layerdb/sha256/${'1'.repeat(64)}/parent`)).toBeUndefined();
    expect(findNode(tree, `overlay2/${TOP}/work`)?.kind).toBe('dir');
  });

  it('links l/<id> to ../<cache-id>/diff', () => {
    expect(findNode(tree, 'overlay2/l/AAAAAAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ kind: 'symlink', target: `../${BASE}/diff` });
  });
});

describe('catLower and repositories.json', () => {
  it('joins l/<link> entries top first', () => {
    expect(catLower(['CCCC', 'BBBB', 'AAAA'])).toBe('l/CCCC:l/BBBB:l/AAAA');
  });

  it('writes repositories.json in the refstore shape', () => {
    expect(renderRepositoriesJson({ busybox: { 'busybox@sha256:ff': IMAGE, 'busybox:latest': IMAGE } })).toBe(
      `{"Repositories":{"busybox":{"busybox:latest":"${IMAGE}","busybox@sha256:ff":"${IMAGE}"}}}`,
    );
  });
});

describe('renderTree', () => {
  it('draws branches, sorts by bytes and counts directories and files like tree', () => {
    const out = renderTree(
      {
        name: 'overlay2',
        kind: 'dir',
        children: [
          { name: 'l', kind: 'dir', children: [{ name: 'ABC', kind: 'symlink', target: '../abc/diff', targetIsDir: true }] },
          { name: 'abc', kind: 'dir', children: [{ name: 'link', kind: 'file' }, { name: 'diff', kind: 'dir', children: [] }] },
        ],
      },
      '/var/lib/docker/overlay2',
    );
    expect(out).toBe(
      '/var/lib/docker/overlay2\n' +
        '├── abc\n' +
        '│   ├── diff\n' +
        '│   └── link\n' +
        '└── l\n' +
        '    └── ABC -> ../abc/diff\n' +
        '\n' +
        '4 directories, 1 file\n',
    );
  });
});

describe('renderDockerRoot', () => {
  it('lists the whole store as tree output by default and as find output on request', () => {
    const treeOut = renderDockerRoot(state);
    expect(treeOut.startsWith('/var/lib/docker\n├── image\n│   └── overlay2\n')).toBe(true);
    expect(treeOut).toContain('        └── BBBBBBBBBBBBBBBBBBBBBBBBBB -> ../' + TOP + '/diff\n');
    const findOut = renderDockerRoot(state, { format: 'find' });
    expect(findOut).toContain(`/var/lib/docker/overlay2/${TOP}/lower\n`);
    expect(findOut.split('\n')[0]).toBe('/var/lib/docker');
  });
});
