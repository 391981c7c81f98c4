// Which layer answers for each path: the lookup rules of overlayfs.md 1.2 applied to every name of
// every layer at once, so a diagram can show the whole stack. Upper first, then lowerdir= order; a
// whiteout deletes the name, a non-directory hides everything below it, directories merge until an
// opaque one, and a redirect sends the search for lower directories to another name.
import type { Inode } from '../overlay/tree';
import { isOpaque, isWhiteout, overlayXattr } from '../overlay/real';
import type { CellRole, EntryKind, LayerCell, StackRow, StackView } from '../render/diagram';

const PREFIX = 'trusted.overlay.';

/**
 * NamedDir: one real directory of a stack with the name a picture gives it.
 * @example
 * const [base] = buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * const dirs: NamedDir[] = [{ name: 'upper', dir: treeFromCompact({ etc: { motd: 'WHITEOUT' } }).root, upper: true }, { name: 'base', dir: base.tree.root }];
 * stackView(dirs).rows.find((row) => row.path === '/etc/motd')?.why // → deleted by a whiteout in upper
 */
export interface NamedDir {
  name: string;
  dir: Inode;
  upper?: boolean;
}

/** kindOf: how a diagram names a real object. */
export function kindOf(inode: Inode): EntryKind {
  if (isWhiteout(inode, PREFIX)) return 'whiteout';
  if (inode.type === 'char' || inode.type === 'block') return 'device';
  return inode.type;
}

type Slots = (Inode | undefined)[];

/**
 * stackView computes the layer-stack diagram's data for real directories given TOP FIRST (the
 * upper, if any, then the lowers as in `lowerdir=`). Paths hidden by a whiteout, an opaque
 * directory or a file above are kept as invisible rows, so the picture shows what is still stored.
 * @example
 * const lab = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }, { name: 'top', files: { etc: { motd: 'WHITEOUT' } } }]);
 * const view = stackView(stackDirs(lab));
 * view.rows.find((row) => row.path === '/etc/motd')?.why // → deleted by a whiteout in top
 */
export function stackView(layers: NamedDir[]): StackView {
  const rows: StackRow[] = [];
  visitDir(layers, layers.map((l) => l.dir), layers.map(() => true), '', 0, rows);
  return { layers: layers.map(({ name, upper }) => (upper ? { name, upper } : { name })), rows };
}

function visitDir(layers: NamedDir[], dirs: Slots, live: boolean[], path: string, depth: number, rows: StackRow[]): void {
  for (const name of namesIn(dirs)) {
    const entries = withRedirects(dirs.map((dir) => dir?.entries?.get(name)), dirs, layers);
    const row = resolveRow(entries, live, `${path}/${name}`, name, depth, layers);
    rows.push(row);
    const childDirs = entries.map((entry) => (entry?.type === 'dir' ? entry : undefined));
    if (childDirs.some((d) => d !== undefined)) {
      const childLive = row.cells.map((cell, i) => live[i] && cell !== null && cell.kind === 'dir' && cell.role !== 'hidden');
      visitDir(layers, childDirs, childLive, `${path}/${name}`, depth + 1, rows);
    }
  }
}

/** namesIn: every name in any of the directories, sorted by bytes (as `ls` with LC_ALL=C). */
function namesIn(dirs: Slots): string[] {
  const names = new Set<string>();
  for (const dir of dirs) for (const name of dir?.entries?.keys() ?? []) names.add(name);
  return [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * withRedirects: below a directory carrying `trusted.overlay.redirect` (E13, E14), the lower layers
 * are searched at the redirect instead of at the name: a relative redirect names a sibling in the
 * same parent, an absolute one a path from each layer's root.
 */
function withRedirects(entries: Slots, dirs: Slots, layers: NamedDir[]): Slots {
  let redirect: string | undefined;
  return entries.map((entry, i) => {
    const found = redirect === undefined ? entry
      : redirect.startsWith('/') ? walk(layers[i].dir, redirect) : dirs[i]?.entries?.get(redirect);
    const own = found?.type === 'dir' ? overlayXattr(found, PREFIX, 'redirect') : undefined;
    if (own !== undefined) redirect = own;
    return found;
  });
}

function walk(root: Inode, path: string): Inode | undefined {
  let node: Inode | undefined = root;
  for (const part of path.split('/').filter(Boolean)) node = node?.entries?.get(part);
  return node;
}

/** resolveRow: the lookup of one name, top first, marking each layer's part in it. */
function resolveRow(entries: Slots, live: boolean[], path: string, name: string, depth: number, layers: NamedDir[]): StackRow {
  const cells: (LayerCell | null)[] = entries.map((entry, i) => (entry ? cellOf(entry, i === 0 && layers[0].upper === true) : null));
  let from: number | null = null;
  let why: string | undefined = live.some((l) => l) ? undefined : 'its directory is hidden';
  let searching = true;
  entries.forEach((entry, i) => {
    const cell = cells[i];
    if (!entry || !cell) return;
    if (!searching || !live[i]) { cell.role = cell.kind === 'whiteout' ? 'deletes' : 'hidden'; return; }
    const role: CellRole = cell.kind === 'whiteout' ? 'deletes' : from === null ? 'answers' : 'merged';
    if (cell.kind === 'whiteout') { searching = false; why = why ?? (from === null ? `deleted by a whiteout in ${layers[i].name}` : undefined); }
    else if (cell.kind !== 'dir' && from !== null) { cell.role = 'hidden'; searching = false; return; }
    else { if (from === null) from = i; if (cell.kind !== 'dir' || cell.opaque) searching = false; }
    cell.role = role;
  });
  if (from === null && why === undefined) why = 'hidden by an opaque directory above';
  return { path, name, depth, cells, from, visible: from !== null, ...(from === null ? { why } : {}) };
}

function cellOf(inode: Inode, inUpper: boolean): LayerCell {
  const cell: LayerCell = { kind: kindOf(inode), role: 'hidden' };
  if (isOpaque(inode, PREFIX)) cell.opaque = true;
  if (inUpper && inode.xattrs.has(PREFIX + 'origin')) cell.copiedUp = true;
  const redirect = overlayXattr(inode, PREFIX, 'redirect');
  if (redirect !== undefined) cell.redirect = redirect;
  if (inode.type === 'file') cell.size = inode.size;
  return cell;
}
