// Path walking: the VFS part of every call. Splits a path, follows symbolic links (relative ones
// through the merged view, even into other layers: A11), checks search permission on each directory,
// and hands the last component to the caller, as path_lookupat() does in the kernel.
import { Failure, fail } from './errors';
import { cachedLookup, rootNode } from './lookup';
import type { Credentials, Node, Stack } from './stack';
import { realOf } from './stack';
import { X, mayAccess } from './permissions';

const MAX_SYMLINKS = 40;   // the kernel's MAXSYMLINKS
const NAME_MAX = 255;
const PATH_MAX = 4096;

/** Resolved: the parent directory of the last component, its name, and the node if it exists. */
export interface Resolved {
  parent: Node;
  name: string;
  node: Node | null;
  trailingSlash: boolean;
}

/** components splits a path; '' and '.' vanish, '..' stays for the walker to climb. */
export function components(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.');
}

/**
 * resolve walks `path` and returns where its last component is. Intermediate symlinks are always
 * followed; the last one only with `follow`. Errors are Failures with the kernel's errno.
 */
export function resolve(stack: Stack, path: string, creds: Credentials, follow: boolean): Resolved | Failure {
  if (path.length === 0) return fail('ENOENT');
  if (path.length >= PATH_MAX) return fail('ENAMETOOLONG');
  // The names still to walk are pending[at], pending[at + 1], …; a symlink replaces what is left.
  let pending = components(path);
  let at = 0;
  const trailingSlash = (path.endsWith('/') || path.endsWith('/.')) && pending.length > 0;
  const root = rootNode(stack);
  const stackOfDirs: Node[] = [root];
  let links = 0;
  while (at < pending.length) {
    const name = pending[at];
    const parent = stackOfDirs[stackOfDirs.length - 1];
    if (name === '..') { if (stackOfDirs.length > 1) stackOfDirs.pop(); at++; if (at === pending.length) return asResolved(stackOfDirs, trailingSlash); continue; }
    // A UTF-16 code unit is at most 3 bytes of UTF-8: only a long name needs its bytes counted.
    if (name.length > NAME_MAX / 3 && Buffer.byteLength(name) > NAME_MAX) return fail('ENAMETOOLONG');
    const parentReal = realOf(parent);
    if (parentReal.type !== 'dir') return fail('ENOTDIR');
    if (!mayAccess(parentReal, creds, X)) return fail('EACCES');
    const found = cachedLookup(stack, parent, name);
    if (found instanceof Failure) return found;
    const last = at === pending.length - 1;
    if (found && realOf(found).type === 'symlink' && (!last || follow || trailingSlash)) {
      if (++links > MAX_SYMLINKS) return fail('ELOOP');
      const target = realOf(found).target!;
      if (target.startsWith('/')) stackOfDirs.length = 1;
      pending = [...components(target), ...pending.slice(at + 1)];
      at = 0;
      if (pending.length === 0) return asResolved(stackOfDirs, trailingSlash);
      continue;
    }
    if (last) return { parent, name, node: found, trailingSlash };
    if (!found) return fail('ENOENT');
    stackOfDirs.push(found);
    at++;
  }
  return asResolved(stackOfDirs, trailingSlash);
}

/** A path that ends in a directory reached through '..', '/' or a symlink: name it by itself. */
function asResolved(dirs: Node[], trailingSlash: boolean): Resolved {
  const node = dirs[dirs.length - 1];
  return { parent: node.parent ?? node, name: node.name, node, trailingSlash };
}

/** resolveNode: resolve and require the object to exist (ENOENT), with trailing-slash rules (ENOTDIR). */
export function resolveNode(stack: Stack, path: string, creds: Credentials, follow: boolean): Node | Failure {
  const resolved = resolve(stack, path, creds, follow);
  if (resolved instanceof Failure) return resolved;
  if (!resolved.node) return fail('ENOENT');
  if (resolved.trailingSlash && realOf(resolved.node).type !== 'dir') return fail('ENOTDIR');
  return resolved.node;
}
