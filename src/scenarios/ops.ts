// One scenario operation against a mount, answered in the kernel runner's shape:
// {"ok": value} or {"err": "ENOENT"}; an operation the runner does not know is {"err": "EUNSUPPORTED"}.
import { constants } from 'node:fs';
import type { OverlayMount } from '../overlay/mount';
import type { RenameFlag } from '../overlay/rename';
import type { Stats } from '../overlay/stats';
import { isFsError } from '../overlay/errors';

export type OpResult = { ok: unknown } | { err: string };

/** Op: the `op` object of a scenario step. */
export interface Op {
  op: string;
  [field: string]: unknown;
}

/** Context: what ops share within one scenario run. */
export interface OpContext {
  mount: OverlayMount;
  fds: Map<string, number>;
  /** describe a Stats the way the kernel runner did (type, mode, ino_src, dev…). */
  describeStat(path: string, stats: Stats): Record<string, unknown>;
  readdirOrder(path: string): Record<string, boolean>;
  remount(opts: string): void;
  mountAgain(data: string): void;
  shell(cmd: string): number;
}

const at = (path: unknown): string => '/' + String(path ?? '');
const flagBits = (flags: unknown, fallback: number): number =>
  Array.isArray(flags) ? flags.reduce((bits: number, name: string) => bits | (constants as Record<string, number>)[name], 0) : fallback;

type Handler = (op: Op, ctx: OpContext, m: OverlayMount) => unknown;

const HANDLERS: Record<string, Handler> = {
  read: (op, _c, m) => m.readFileSync(at(op.path), 'utf8'),
  listdir: (op, _c, m) => (m.readdirSync(at(op.path)) as string[]).slice().sort(),
  readdir_order: (op, c) => c.readdirOrder(at(op.path)),
  exists: (op, _c, m) => m.existsSync(at(op.path)),
  stat: (op, c, m) => c.describeStat(at(op.path), m.statSync(at(op.path))!),
  readlink: (op, _c, m) => m.readlinkSync(at(op.path)),
  listxattr: (op, _c, m) => m.listxattr(at(op.path)).sort(),
  getxattr: (op, _c, m) => m.getxattr(at(op.path), String(op.name)).toString('utf8'),
  create: (op, _c, m) => { m.writeFileSync(at(op.path), String(op.data ?? '')); return null; },
  write: (op, _c, m) => writeWith(m, at(op.path), String(op.data), flagBits(op.flags, constants.O_WRONLY)),
  append: (op, _c, m) => writeWith(m, at(op.path), String(op.data), flagBits(op.flags, constants.O_WRONLY | constants.O_APPEND)),
  open: (op, _c, m) => { m.closeSync(m.openSync(at(op.path), flagBits(op.flags, constants.O_RDONLY))); return null; },
  open_keep: (op, c, m) => { c.fds.set(String(op.fd), m.openSync(at(op.path), flagBits(op.flags, constants.O_RDONLY))); return null; },
  fd_read: (op, c, m) => readAllFrom(m, c.fds.get(String(op.fd))),
  fd_close: (op, c, m) => { m.closeSync(c.fds.get(String(op.fd)) ?? -1); c.fds.delete(String(op.fd)); return null; },
  truncate: (op, _c, m) => { m.truncateSync(at(op.path), Number(op.size ?? 0)); return null; },
  chmod: (op, _c, m) => { m.chmodSync(at(op.path), parseInt(String(op.mode), 8)); return null; },
  chown: (op, _c, m) => { (op.nofollow ? m.lchownSync : m.chownSync).call(m, at(op.path), Number(op.uid), Number(op.gid)); return null; },
  utime: (op, _c, m) => { const t = Number(op.time ?? 1600000000); m.utimesSync(at(op.path), t, t); return null; },
  setxattr: (op, _c, m) => { m.setxattr(at(op.path), String(op.name), String(op.value)); return null; },
  mknod: (op, _c, m) => { m.mknodSync(at(op.path), 'char', Number(op.major), Number(op.minor)); return null; },
  mkdir: (op, _c, m) => { m.mkdirSync(at(op.path), { mode: parseInt(String(op.mode ?? '0755'), 8) }); return null; },
  rmdir: (op, _c, m) => { m.rmdirSync(at(op.path)); return null; },
  unlink: (op, _c, m) => { m.unlinkSync(at(op.path)); return null; },
  rmtree: (op, _c, m) => { m.rmSync(at(op.path), { recursive: true }); return null; },
  rename: (op, _c, m) => { m.rename(at(op.src), at(op.dst), (op.flags as RenameFlag[] | undefined) ?? []); return null; },
  link: (op, _c, m) => { m.linkSync(at(op.src), at(op.dst)); return null; },
  symlink: (op, _c, m) => { m.symlinkSync(String(op.target), at(op.path)); return null; },
  remount: (op, c) => { c.remount(String(op.opts ?? '')); return null; },
  mount_again: (op, c) => { c.mountAgain(String(op.data)); return null; },
  shell: (op, c) => { const code = c.shell(String(op.cmd)); if (code !== 0) throw Object.assign(new Error(`exit ${code}`), { code: 'ESHELL' }); return null; },
};

function writeWith(m: OverlayMount, path: string, data: string, flags: number): null {
  const fd = m.openSync(path, flags, 0o644);
  try {
    m.writeSync(fd, Buffer.from(data), 0, Buffer.byteLength(data), (flags & constants.O_APPEND) ? null : 0);
  } finally {
    m.closeSync(fd);
  }
  return null;
}

function readAllFrom(m: OverlayMount, fd: number | undefined): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(65536);
  for (let position = 0; ;) {
    const count = m.readSync(fd ?? -1, buffer, 0, buffer.length, position);
    if (count === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, count)));
    position += count;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** runOp performs one op, as `as_uid` when the op says so. */
export function runOp(op: Op, ctx: OpContext): OpResult {
  const handler = HANDLERS[op.op];
  if (!handler) return { err: 'EUNSUPPORTED' };
  const mount = typeof op.as_uid === 'number' ? ctx.mount.as({ uid: op.as_uid, gid: op.as_uid }) : ctx.mount;
  try {
    return { ok: handler(op, ctx, mount) ?? null };
  } catch (error) {
    if (isFsError(error)) return { err: error.code };
    const code = (error as { code?: string }).code;
    if (code === 'ERR_FS_EISDIR') return { err: 'EISDIR' };
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { err: code };
    throw error;
  }
}
