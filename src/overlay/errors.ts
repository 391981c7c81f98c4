// Node-style file-system errors, shaped exactly like the ones node:fs throws, so that a notebook cell
// behaves the same against the simulation and against a real mount:
//   ENOENT: no such file or directory, stat '/a'
// `errno` is negative, as in Node (libuv uses -errno).

/**
 * ERRNO: the kernel errno names the overlay can return, with their numbers on Linux x86-64 and libuv's wording.
 * @example
 * ERRNO.EXDEV // → [ 18, 'cross-device link not permitted' ]
 */
export const ERRNO = {
  EPERM: [1, 'operation not permitted'],
  ENOENT: [2, 'no such file or directory'],
  EBADF: [9, 'bad file descriptor'],
  EACCES: [13, 'permission denied'],
  EBUSY: [16, 'resource busy or locked'],
  EEXIST: [17, 'file already exists'],
  EXDEV: [18, 'cross-device link not permitted'],
  ENOTDIR: [20, 'not a directory'],
  EISDIR: [21, 'illegal operation on a directory'],
  EINVAL: [22, 'invalid argument'],
  EFBIG: [27, 'file too large'],
  EROFS: [30, 'read-only file system'],
  EMLINK: [31, 'too many links'],
  ENAMETOOLONG: [36, 'name too long'],
  ENOTEMPTY: [39, 'directory not empty'],
  ELOOP: [40, 'too many symbolic links encountered'],
  ENODATA: [61, 'no data available'],
  EOPNOTSUPP: [95, 'operation not supported on socket'],
  ESTALE: [116, 'stale file handle'],
} as const;

/**
 * ErrnoCode: the name of one errno in ERRNO, as an error's `code` says it.
 * @example
 * const code: ErrnoCode = 'EROFS';
 * fsError(code, 'open', '/etc/motd').message // → EROFS: read-only file system, open '/etc/motd'
 */
export type ErrnoCode = keyof typeof ERRNO;

/**
 * FsError: what every failing mount call throws; `instanceof Error`, with Node's fields.
 * @example
 * const err: FsError = fsError('ENOENT', 'stat', '/nope');
 * [err.code, err.errno, err.syscall, err.path] // → [ 'ENOENT', -2, 'stat', '/nope' ]
 */
export interface FsError extends Error {
  code: ErrnoCode;
  errno: number;
  syscall: string;
  path?: string;
  dest?: string;
}

/**
 * fsError builds the error node:fs would throw for `code` from `syscall` on `path` (and `dest` for
 * two-path calls such as rename and link).
 * @example fsError('ENOENT', 'stat', '/a').message // → ENOENT: no such file or directory, stat '/a'
 */
export function fsError(code: ErrnoCode, syscall: string, path?: string, dest?: string): FsError {
  const [num, text] = ERRNO[code];
  let message = `${code}: ${text}, ${syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const error = new Error(message) as FsError;
  error.code = code;
  error.errno = -num;
  error.syscall = syscall;
  if (path !== undefined) error.path = path;
  if (dest !== undefined) error.dest = dest;
  return error;
}

/**
 * isFsError tells whether `value` is an FsError. It checks shape, not `instanceof`, because an error
 * made in one notebook cell's realm fails `instanceof` in another.
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]);
 * let caught: unknown;
 * try { m.rmdirSync('/etc'); } catch (err) { caught = err; }
 * isFsError(caught) && caught.message // → ENOTEMPTY: directory not empty, rmdir '/etc'
 */
export function isFsError(value: unknown): value is FsError {
  return value instanceof Object && typeof (value as FsError).code === 'string'
    && typeof (value as FsError).syscall === 'string' && (value as FsError).code in ERRNO;
}

/**
 * Failure is how internal steps report an errno without throwing (hot paths return values;
 * only the public edge throws). The façade turns it into an FsError with the caller's path.
 */
export class Failure {
  constructor(readonly code: ErrnoCode) {}
}

/** fail: shorthand for `new Failure(code)`. */
export function fail(code: ErrnoCode): Failure {
  return new Failure(code);
}
