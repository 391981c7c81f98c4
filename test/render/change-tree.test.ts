// dive-style change trees: marks, tree branches, sizes, totals, escaping.
import { describe, expect, it } from 'vitest';
import { LayerChanges, changeSummary, renderChangeHtml, renderChangeText } from '../../src/render/change-tree';

const changes: LayerChanges = {
  layer: 'vim', createdBy: 'RUN yum install -y vim', added: 2, modified: 1, removed: 1, bytes: 1234,
  nodes: [
    { name: 'etc', kind: 'dir', change: 'unchanged', children: [
      { name: 'vimrc', kind: 'file', change: 'added', size: 10 },
      { name: '<b>', kind: 'file', change: 'modified', size: 1224 },
    ] },
    { name: 'tmp', kind: 'dir', change: 'added', children: [] },
    { name: 'cache', kind: 'dir', change: 'removed', note: 'whiteout' },
  ],
};

describe('renderChangeText', () => {
  const lines = renderChangeText(changes).split('\n');

  it('starts with the layer and its totals', () => {
    expect(lines[0]).toBe('layer vim — RUN yum install -y vim');
    expect(lines[1]).toBe(changeSummary(changes));
    expect(lines[1]).toBe('+2 added  ~1 modified  -1 removed  layer stores 1.23kB');
  });

  it('marks each path with + ~ - in the first column and draws the tree', () => {
    expect(lines.slice(2).map((l) => l[0])).toEqual([' ', '+', '~', '+', '-']);
    expect(lines[2]).toMatch(/^  ├── etc\/$/);
    expect(lines[3]).toMatch(/^\+ │   ├── vimrc\s+10B$/);
    expect(lines[6]).toMatch(/^- └── cache\/  \(whiteout\)$/);
  });

  it('says so when a layer changed nothing', () => {
    expect(renderChangeText({ layer: 'x', nodes: [], added: 0, modified: 0, removed: 0, bytes: 0 })).toContain('(no changes)');
  });
});

describe('renderChangeHtml', () => {
  it('keeps the marks, classes each line and escapes names', () => {
    const html = renderChangeHtml(changes);
    expect(html.match(/<span class="ll-(added|modified|removed|unchanged)">/g)).toHaveLength(5);
    expect(html).toContain('<span class="ll-removed">- └── cache/');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b><');
  });
});
