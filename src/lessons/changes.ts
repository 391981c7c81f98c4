// A layer's changes as `dive` shows them: the layer's own tree compared with what the layers below
// it show through a mount. Whiteouts and opaque directories are how a layer removes (overlayfs.md
// 1.5, 1.6); the bytes a layer stores are only its own files, so removing never shrinks an image.
import type { Inode } from '../overlay/tree';
import { isOpaque } from '../overlay/real';
import type { ChangeNode, LayerChanges } from '../render/change-tree';
import type { StackRow } from '../render/diagram';
import { NamedDir, kindOf, stackView } from './stack-view';

type Below = Map<string, StackRow>;

/**
 * layerChanges compares `layers[index]` with the stack of the layers below it (`layers` TOP FIRST,
 * as in `lowerdir=`): `+` for a new path, `~` for a path it replaces or an opaque directory, `-`
 * for a whiteout that hides something.
 * @example
 * const layers = buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'app', files: { etc: { motd: 'WHITEOUT' }, 'app.js': 'run()' } }]);
 * const { added, modified, removed } = layerChanges(stackDirs(layers), 0); // stackDirs lists the top layer first
 * [added, modified, removed] // → [ 1, 0, 1 ]
 */
export function layerChanges(layers: NamedDir[], index: number, createdBy?: string): LayerChanges {
  const rows = stackView(layers.slice(index + 1)).rows.filter((row) => row.visible);
  const below: Below = new Map(rows.map((row) => [row.path, row]));
  const nodes = changesIn(layers[index].dir, '', below, false);
  const totals = { added: 0, modified: 0, removed: 0, bytes: 0 };
  count(nodes, totals);
  return { layer: layers[index].name, ...(createdBy ? { createdBy } : {}), nodes, ...totals };
}

function changesIn(dir: Inode, path: string, below: Below, opaqueAbove: boolean): ChangeNode[] {
  const nodes: ChangeNode[] = [];
  for (const [name, inode] of [...dir.entries!].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
    const full = `${path}/${name}`;
    const node = changeOf(inode, name, full, opaqueAbove ? undefined : below.get(full), below);
    if (node) nodes.push(node);
  }
  return nodes;
}

function changeOf(inode: Inode, name: string, path: string, was: StackRow | undefined, below: Below): ChangeNode | undefined {
  const kind = kindOf(inode);
  if (kind === 'whiteout') {
    return was ? { name, kind: wasKind(was), change: 'removed', note: hiddenNote('whiteout', path, below) } : undefined;
  }
  const size = inode.type === 'file' ? inode.size : undefined;
  if (kind !== 'dir') return { name, kind, change: was ? 'modified' : 'added', ...(size !== undefined ? { size } : {}) };
  const opaque = isOpaque(inode, 'trusted.overlay.');
  const children = changesIn(inode, path, below, opaque || !was);
  if (opaque && was) return { name, kind, change: 'modified', note: hiddenNote('opaque', path, below), children };
  if (!was || wasKind(was) !== 'dir') return { name, kind, change: was ? 'modified' : 'added', children };
  return children.length ? { name, kind, change: 'unchanged', children } : undefined;
}

const wasKind = (row: StackRow) => row.cells[row.from!]!.kind;

function hiddenNote(how: 'whiteout' | 'opaque', path: string, below: Below): string {
  const hidden = [...below.keys()].filter((p) => p.startsWith(path + '/')).length;
  const what = how === 'whiteout' ? 'whiteout' : 'opaque dir';
  return hidden ? `${what}: hides ${hidden} entr${hidden === 1 ? 'y' : 'ies'} below` : what;
}

function count(nodes: ChangeNode[], totals: { added: number; modified: number; removed: number; bytes: number }): void {
  for (const node of nodes) {
    if (node.change !== 'unchanged') totals[node.change]++;
    totals.bytes += node.size ?? 0;
    count(node.children ?? [], totals);
  }
}
