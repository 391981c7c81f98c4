// Redirections (XCU 2.7), applied left to right: `>/dev/null 2>&1` silences both streams, while
// `2>&1 >/dev/null` sends errors to where stdout pointed *before*. Files are opened when the
// redirection is applied, as open(2) would: `>` truncates (and so copies a lower file up in an
// overlay) even if the command then prints nothing.
import { posix } from 'node:path';
import type { Redirect } from './ast';
import { expandWord, type Expander } from './expand';
import { redirectErrorLine } from './messages';
import type { Io, ShellState, Sink } from './state';

/** RedirectResult: the new streams, or the message and status of a failed redirection. */
export type RedirectResult = { ok: true; io: Io } | { ok: false; message: string; status: number };

const discard: Sink = () => undefined;

/**
 * applyRedirects: the streams a command gets after its redirections.
 *
 * @example
 * applyRedirects(expander, command.redirects, io) // { ok: true, io: { stdin, stdout, stderr } }
 */
export function applyRedirects(expander: Expander, redirects: Redirect[], io: Io): RedirectResult {
  let fds: Io = { ...io };
  for (const r of redirects) {
    const target = expandWord(expander, r.target);
    const result = applyOne(expander.state, r, target, fds);
    if (!result.ok) return result;
    fds = result.io;
  }
  return { ok: true, io: fds };
}

function applyOne(state: ShellState, r: Redirect, target: string, fds: Io): RedirectResult {
  if (r.fd > 2) return failure(state, `${r.fd}`, true, 'EBADF');
  if ((r.op === '>&' || r.op === '<&') && /^(\d+|-)$/.test(target)) return duplicate(state, r.fd, target, fds);
  if (r.op === '<') return readInto(state, target, fds);
  const append = r.op === '>>' || r.op === '&>>';
  const sink = openForWriting(state, target, append, fds);
  if (typeof sink === 'string') return failure(state, target, true, sink);
  const both = r.op === '&>' || r.op === '&>>' || r.op === '>&'; // `>&file` is bash's `&>file`
  if (both) return { ok: true, io: { ...fds, stdout: sink, stderr: sink } };
  return { ok: true, io: r.fd === 2 ? { ...fds, stderr: sink } : { ...fds, stdout: sink } };
}

// `2>&1`: fd 2 now goes wherever fd 1 goes at this moment; `>&-` closes (we discard).
function duplicate(state: ShellState, fd: number, target: string, fds: Io): RedirectResult {
  if (target !== '-' && target !== '1' && target !== '2') return failure(state, target, true, 'EBADF');
  const sink = target === '-' ? discard : target === '1' ? fds.stdout : fds.stderr;
  if (fd === 0) return { ok: true, io: fds };
  return { ok: true, io: fd === 2 ? { ...fds, stderr: sink } : { ...fds, stdout: sink } };
}

function readInto(state: ShellState, target: string, fds: Io): RedirectResult {
  if (target === '/dev/null') return { ok: true, io: { ...fds, stdin: '' } };
  if (target === '/dev/stdin') return { ok: true, io: fds };
  try {
    return { ok: true, io: { ...fds, stdin: state.fs.readFileSync(posix.resolve(state.cwd, target)).toString() } };
  } catch (error) {
    return failure(state, target, false, errorCode(error));
  }
}

// /dev is a separate mount in a container (not part of any layer), so these never touch the fs.
function openForWriting(state: ShellState, target: string, append: boolean, fds: Io): Sink | string {
  if (target === '/dev/null') return discard;
  if (target === '/dev/stdout') return fds.stdout;
  if (target === '/dev/stderr') return fds.stderr;
  const path = posix.resolve(state.cwd, target);
  try {
    const existed = state.fs.existsSync(path);
    if (existed && state.fs.statSync(path).isDirectory()) return 'EISDIR';
    if (append && existed) state.fs.appendFileSync(path, '');
    else state.fs.writeFileSync(path, '', { mode: 0o644 });
    if (!existed) ownAs(state, path);
    return (text) => state.fs.appendFileSync(path, text);
  } catch (error) {
    return errorCode(error);
  }
}

/** ownAs: gives a file the shell just created to the shell's user (the fs may not know who we are). */
export function ownAs(state: Pick<ShellState, 'fs' | 'uid' | 'gid'>, path: string): void {
  const stats = state.fs.lstatSync(path);
  if (stats.uid !== state.uid || stats.gid !== state.gid) state.fs.lchownSync(path, state.uid, state.gid);
}

function failure(state: ShellState, path: string, forWriting: boolean, code: string): RedirectResult {
  const status = state.flavor === 'dash' ? 2 : 1;
  return { ok: false, message: redirectErrorLine(state, path, forWriting, code), status };
}

/** errorCode: the errno code of an fs error (`ENOENT`), or `EIO` for anything else. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
