// Extended attributes through the merged view (spec 1.12, B20). The layers' own `trusted.overlay.*`
// bookkeeping is private and never shown (A06). A user who sets `trusted.overlay.X` through the mount
// gets it stored escaped as `trusted.overlay.overlay.X`, shown back unescaped and never obeyed.
import { Failure, fail } from './errors';
import type { Credentials, Node, Stack } from './stack';
import { realOf } from './stack';
import { copyUp } from './copy-up';
import { W, mayAccess } from './permissions';

const ESCAPE = 'overlay.';

/** visibleName: how a real xattr name appears through the mount, or undefined if it is private. */
function visibleName(stack: Stack, name: string): string | undefined {
  if (!name.startsWith(stack.prefix)) return name;
  const rest = name.slice(stack.prefix.length);
  return rest.startsWith(ESCAPE) ? stack.prefix + rest.slice(ESCAPE.length) : undefined;
}

/** realName: where a name set through the mount is stored. */
function realName(stack: Stack, name: string): string {
  return name.startsWith(stack.prefix) ? stack.prefix + ESCAPE + name.slice(stack.prefix.length) : name;
}

/** Only privileged callers see or set the trusted.* namespace. */
function mayUse(name: string, creds: Credentials): boolean {
  return !name.startsWith('trusted.') || creds.uid === 0;
}

/** listXattrs: visible names, in the real object's order. */
export function listXattrs(stack: Stack, node: Node, creds: Credentials): string[] {
  const names: string[] = [];
  for (const name of realOf(node).xattrs.keys()) {
    const shown = visibleName(stack, name);
    if (shown !== undefined && mayUse(shown, creds)) names.push(shown);
  }
  return names;
}

/** getXattr: a visible attribute's value, or ENODATA. */
export function getXattr(stack: Stack, node: Node, name: string, creds: Credentials): Buffer | Failure {
  if (!mayUse(name, creds)) return fail('ENODATA');
  const value = realOf(node).xattrs.get(realName(stack, name));
  return value ? Buffer.from(value) : fail('ENODATA');
}

/**
 * setXattr: copy up (metadata), then store the attribute, escaped if it is an overlay name.
 * xattr_permission(): trusted.* needs CAP_SYS_ADMIN (EPERM); user.* only on files and directories
 * (EPERM); then write permission on the inode (EACCES).
 */
export function setXattr(stack: Stack, node: Node, name: string, value: Buffer, creds: Credentials): Failure | undefined {
  if (!/^(user|trusted|security|system)\./.test(name)) return fail('EOPNOTSUPP');
  const real = realOf(node);
  if (!mayUse(name, creds)) return fail('EPERM');
  if (name.startsWith('user.') && real.type !== 'file' && real.type !== 'dir') return fail('EPERM');
  if (!mayAccess(real, creds, W)) return fail('EACCES');
  const failed = copyUp(stack, node, { data: false });
  if (failed) return failed;
  node.upper!.xattrs.set(realName(stack, name), Buffer.from(value));
  return undefined;
}
