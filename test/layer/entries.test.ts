// entriesOfTree lists a directory the way Go's filepath.Walk meets it, so a committed layer's
// entries need no sorting afterwards (layerFromDirectory relies on it).
import { describe, expect, it } from 'vitest';
import { entriesOfTree } from '../../src/layer/entries';
import { sortInWalkOrder } from '../../src/layer/tar/walk-order';
import { treeFromCompact } from '../../src/index';

describe('entriesOfTree', () => {
  it('lists names in walk order: each directory by UTF-8 bytes, a directory before its children', () => {
    const tree = treeFromCompact({
      'z': 'z', 'é': 'e', 'a.txt': '.', 'a-b': '-', 'B': 'upper', 'a': { 'x': 'x', 'ä': { 'deep': 'd' } }, '日本': 'cjk', '😀': 'astral', '\uff5e': 'bmp',
    });
    const names = entriesOfTree(tree.root).map((entry) => entry.name);
    expect(names).toEqual(sortInWalkOrder(entriesOfTree(tree.root)).map((entry) => entry.name));
    expect(names.slice(0, 5)).toEqual(['B', 'a/', 'a/x', 'a/ä/', 'a/ä/deep']);
    expect(names.slice(-3)).toEqual(['日本', '\uff5e', '😀']);
  });
});
