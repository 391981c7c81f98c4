// rename(2) on the merged view (spec 1.7). The VFS checks run first and win (E05, E21); then
// overlayfs refuses to move a directory that has a lower part (EXDEV, E06) unless redirect_dir=on,
// which records where the directory came from in `trusted.overlay.redirect` (E13-E15).
import { Failure, fail } from './errors';
import type { Credentials, Node, Stack } from './stack';
import { hasLowerPart, isMerged, namespaceChanged, realOf } from './stack';
import { copyUp, markImpure } from './copy-up';
import { addEntry, detachEntry, replaceEntry } from './entries';
import { lowerPositive } from './lookup';
import { isEmptyDir } from './delete';
import { isOpaque, overlayXattr } from './real';
import { putWhiteout } from './whiteout';
import { deleteDenied, W, X, mayAccess } from './permissions';

/**
 * RenameFlag: a renameat2(2) flag for OverlayMount.rename (RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT).
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { a: 'A', b: 'B' } }]);
 * const flags: RenameFlag[] = ['EXCHANGE'];
 * m.rename('/a', '/b', flags); // swaps the two names in one step
 * m.readFileSync('/a', 'utf8') // → B
 */
export type RenameFlag = 'NOREPLACE' | 'EXCHANGE' | 'WHITEOUT';

/** RenameRequest: both ends looked up (`to` null when the target name does not exist). */
export interface RenameRequest {
  from: Node;
  toParent: Node;
  toName: string;
  to: Node | null;
  flags: RenameFlag[];
}

/** checkRename: the VFS's checks, in its order, before overlayfs is asked (E05, E17, E19, E21). */
export function checkRename(stack: Stack, { from, toParent, to, flags }: RenameRequest, creds: Credentials): Failure | 'same' | undefined {
  if (flags.includes('NOREPLACE') && flags.includes('EXCHANGE')) return fail('EINVAL');
  if (flags.includes('NOREPLACE') && to) return fail('EEXIST');
  if (flags.includes('EXCHANGE') && !to) return fail('ENOENT');
  const fromReal = realOf(from);
  // Two names of one overlay inode: rename(2) does nothing. Lower hard links without index=on are
  // separate overlay inodes (they part on copy-up), so renaming one onto the other is a real rename.
  if (to && (to === from || to.identity === from.identity)) return 'same';
  if (!stack.upper) return fail('EROFS');
  if (isInside(toParent, from) || (to && isInside(to, from))) return fail('EINVAL');
  // With RENAME_EXCHANGE neither side may contain the other: EINVAL both ways (do_renameat2).
  if (to && isInside(from, to)) return fail(flags.includes('EXCHANGE') ? 'EINVAL' : 'ENOTEMPTY');
  // may_delete() on the source, then on the target (or may_create() where there is none):
  // permission first, then whether the types fit (vfs_rename).
  const denied = deleteDenied(realOf(from.parent!), fromReal, creds)
    ?? (to ? deleteDenied(realOf(toParent), realOf(to), creds) : mayAccess(realOf(toParent), creds, W | X) ? undefined : 'EACCES');
  if (denied) return fail(denied);
  if (to && !flags.includes('EXCHANGE')) {
    const toDir = realOf(to).type === 'dir';
    if (fromReal.type === 'dir' && !toDir) return fail('ENOTDIR');
    if (fromReal.type !== 'dir' && toDir) return fail('EISDIR');
  }
  if (flags.some((flag) => flag !== 'NOREPLACE' && flag !== 'EXCHANGE')) return fail('EINVAL');
  if (!canMove(stack, from) || (to && flags.includes('EXCHANGE') && !canMove(stack, to))) return fail('EXDEV');
  if (to && !flags.includes('EXCHANGE') && realOf(to).type === 'dir' && !isEmptyDir(stack, to)) return fail('ENOTEMPTY');
  return undefined;
}

/** isInside: whether merged node `inner` is `outer` or below it (compared by merged path). */
function isInside(inner: Node, outer: Node): boolean {
  return inner.path === outer.path || inner.path.startsWith(outer.path === '' ? '' : outer.path + '/');
}

/** canMove: a directory with a lower part moves only with redirects (ovl_can_move). */
function canMove(stack: Stack, node: Node): boolean {
  return stack.options.redirectDir === 'on' || realOf(node).type !== 'dir' || !hasLowerPart(node);
}

/** doRename performs a checked rename in the upper layer. */
export function doRename(stack: Stack, request: RenameRequest): Failure | undefined {
  const { from, toParent, toName, to, flags } = request;
  const exchange = flags.includes('EXCHANGE');
  const failed = copyUp(stack, from, { data: false }) ?? copyUp(stack, toParent) ?? (exchange && to ? copyUp(stack, to, { data: false }) : undefined);
  if (failed) return failed;
  const fromDir = from.parent!.upper!;
  const toDir = toParent.upper!;
  namespaceChanged(stack);
  if (exchange) return exchangeEntries(stack, request);
  const moving = from.upper!;
  const samedir = from.parent!.path === toParent.path;
  markMoved(stack, from, toParent, samedir);
  const leaveWhiteout = lowerPositive(stack, from.parent!, from.name);
  detachEntry(fromDir, from.name);
  if (toDir.entries!.has(toName)) replaceEntry(toDir, toName, moving); else addEntry(toDir, toName, moving);
  if (leaveWhiteout) putWhiteout(stack, fromDir, from.name, false);
  return undefined;
}

/**
 * markMoved sets what the moved object must carry: a redirect for a directory with a lower part
 * (or a metacopy file, G13), opaque for an upper directory landing in a merged parent (E08, E10).
 */
function markMoved(stack: Stack, from: Node, toParent: Node, samedir: boolean): void {
  const moving = from.upper!;
  const hasRedirectTarget = moving.type === 'dir' ? hasLowerPart(from) : overlayXattr(moving, stack.prefix, 'metacopy') !== undefined;
  if (hasRedirectTarget) {
    const existing = overlayXattr(moving, stack.prefix, 'redirect');
    const keep = existing !== undefined && (samedir || existing.startsWith('/'));
    const redirect = keep ? existing : samedir ? from.name : '/' + absoluteLowerPath(stack, from);
    moving.xattrs.set(stack.prefix + 'redirect', Buffer.from(redirect));
    markImpure(stack, toParent.upper!);
    return;
  }
  // A directory without a lower part moving into a merged directory must hide whatever the lower
  // layers hold under its new name: it becomes opaque (ovl_rename: ovl_type_merge(new parent)).
  if (moving.type === 'dir' && !isOpaque(moving, stack.prefix) && isMerged(toParent)) {
    moving.xattrs.set(stack.prefix + 'opaque', Buffer.from('y'));
  }
  if (moving.xattrs.has(stack.prefix + 'origin')) markImpure(stack, toParent.upper!);
}

/**
 * linkRedirect: a metacopy-only file that gets a second name records where its data lives, as an
 * absolute redirect, so both names still find the lower data (ovl_set_link_redirect).
 */
export function linkRedirect(stack: Stack, node: Node): void {
  const upper = node.upper!;
  if (overlayXattr(upper, stack.prefix, 'metacopy') === undefined || overlayXattr(upper, stack.prefix, 'redirect') !== undefined) return;
  upper.xattrs.set(stack.prefix + 'redirect', Buffer.from('/' + absoluteLowerPath(stack, node)));
}

/** absoluteLowerPath: where a directory's lower part lives, from the overlay root, through redirects. */
function absoluteLowerPath(stack: Stack, node: Node): string {
  const own = node.upper && overlayXattr(node.upper, stack.prefix, 'redirect');
  if (own?.startsWith('/')) return own.slice(1);
  const name = own ?? node.name;
  return node.parent && node.parent.path !== '' ? `${absoluteLowerPath(stack, node.parent)}/${name}` : name;
}

/**
 * exchangeEntries: RENAME_EXCHANGE swaps two upper entries; no whiteouts are involved (E18). Each
 * side is marked as a plain rename marks what it moves (redirect or opaque).
 */
function exchangeEntries(stack: Stack, { from, toParent, toName, to }: RenameRequest): undefined {
  const a = from.upper!;
  const b = to!.upper!;
  const fromDir = from.parent!.upper!;
  const toDir = toParent.upper!;
  const samedir = from.parent!.path === toParent.path;
  markMoved(stack, from, toParent, samedir);
  markMoved(stack, to!, from.parent!, samedir);
  fromDir.entries!.set(from.name, b);
  toDir.entries!.set(toName, a);
  if (a.type === 'dir') a.parent = toDir;
  if (b.type === 'dir') b.parent = fromDir;
  markImpure(stack, fromDir);
  markImpure(stack, toDir);
  return undefined;
}
