// layerChanges on hand-made layers: what a layer adds, replaces and removes relative to those below.
import { describe, expect, it } from 'vitest';
import { buildLayers, stackDirs } from '../../src/lessons/lab';
import { layerChanges } from '../../src/lessons/changes';
import type { ChangeNode } from '../../src/render/change-tree';

const layers = buildLayers([
  { name: 'base', files: { etc: { hosts: 'h', motd: 'm' }, var: { cache: { a: 'aa', b: 'bbb' } }, usr: { lib: { x: 'x' } } } },
  { name: 'top', createdBy: 'RUN change things', files: {
    etc: { motd: 'new motd', vimrc: 'v' }, var: { cache: 'WHITEOUT' }, ghost: 'WHITEOUT',
    usr: { '@opaque': 'y', lib: { y: 'yy' } }, opt: { tool: 'ttt' },
  } },
]);
const flat = (nodes: ChangeNode[], prefix = ''): string[] =>
  nodes.flatMap((n) => [`${n.change} ${prefix}${n.name}`, ...flat(n.children ?? [], `${prefix}${n.name}/`)]);

describe('layerChanges', () => {
  const changes = layerChanges(stackDirs(layers), 0, 'RUN change things');

  it('marks added, modified and removed paths; unchanged dirs only carry changes', () => {
    expect(flat(changes.nodes)).toEqual([
      'unchanged etc', 'modified etc/motd', 'added etc/vimrc',
      'added opt', 'added opt/tool',
      'modified usr', 'added usr/lib', 'added usr/lib/y',
      'unchanged var', 'removed var/cache',
    ]);
  });

  it('ignores a whiteout that hides nothing, and notes what a whiteout or opaque dir hides', () => {
    const byName = new Map(changes.nodes.map((n) => [n.name, n]));
    expect(byName.has('ghost')).toBe(false);
    expect(byName.get('var')!.children![0].note).toBe('whiteout: hides 2 entries below');
    expect(byName.get('usr')!.note).toBe('opaque dir: hides 2 entries below');
  });

  it('counts the bytes the layer itself stores: a whiteout stores none', () => {
    expect(changes).toMatchObject({ layer: 'top', createdBy: 'RUN change things', added: 5, modified: 2, removed: 1 });
    expect(changes.bytes).toBe('new motd'.length + 'v'.length + 'yy'.length + 'ttt'.length);
  });

  it('sees everything in the bottom layer as added', () => {
    const base = layerChanges(stackDirs(layers), 1);
    expect(base.removed + base.modified).toBe(0);
    expect(base.added).toBe(10); // etc hosts motd, var cache a b, usr lib x
  });
});
