// How each /bin/sh words its own errors. The text matters: students compare it with what
// `docker build` printed for them. dash is Debian's and Ubuntu's /bin/sh, ash is BusyBox's
// (Alpine), bash is what images like centos link as /bin/sh.
import { describeProblem, type ShellSyntaxError } from './errors';
import type { ShellState } from './state';

type Where = Pick<ShellState, 'flavor' | 'shellName' | 'line'>;

/** shellPrefix: what the shell puts before its messages: `/bin/sh: 1: ` for dash. */
export function shellPrefix({ flavor, shellName, line }: Where): string {
  if (flavor === 'dash') return `${shellName}: ${line}: `;
  if (flavor === 'bash') return `${shellName}: line ${line}: `;
  return `${shellName}: `;
}

/**
 * notFoundLine: the line printed for an unknown command (exit status 127).
 *
 * @example
 * notFoundLine({ flavor: 'dash', shellName: '/bin/sh', line: 1 }, 'curl') // '/bin/sh: 1: curl: not found'
 */
export function notFoundLine(where: Where, name: string): string {
  // bash ≥ 5.1 also says "line 1:"; the shorter form is bash 5.0 and earlier.
  if (where.flavor === 'bash') return `${where.shellName}: ${name}: command not found`;
  return `${shellPrefix(where)}${name}: not found`;
}

/** builtinErrorLine: an error of a shell builtin such as `cd` or `set`. */
export function builtinErrorLine(where: Where, builtin: string, text: string): string {
  return `${shellPrefix(where)}${builtin}: ${text}`;
}

/** redirectErrorLine: a redirection that could not be opened, e.g. `cat < missing`. */
export function redirectErrorLine(where: Where, path: string, forWriting: boolean, code: string): string {
  const prefix = shellPrefix(where);
  if (where.flavor === 'bash') return `${prefix}${path}: ${strerror(code)}`;
  if (where.flavor === 'ash') {
    return forWriting ? `${prefix}can't create ${path}: ${ashReason(code)}` : `${prefix}can't open '${path}': ${strerror(code)}`;
  }
  return `${prefix}cannot ${forWriting ? 'create' : 'open'} ${path}: ${dashReason(code, forWriting)}`;
}

/** syntaxErrorLine: how the shell reports a ShellSyntaxError. */
export function syntaxErrorLine(where: Omit<Where, 'line'>, error: ShellSyntaxError): string {
  const { line, problem } = error.data;
  if (where.flavor === 'dash') return `${where.shellName}: ${line}: Syntax error: ${describeProblem(problem)}`;
  if (where.flavor === 'ash') return `${where.shellName}: line ${line}: syntax error: ${ashProblem(error)}`;
  const near = problem.kind === 'unexpected' ? `near unexpected token \`${problem.token}'` : describeProblem(problem);
  return `${where.shellName}: -c: line ${line}: syntax error ${near}`;
}

/** strerror: the C library's text for an errno code, as GNU tools print it. */
export function strerror(code: string): string {
  return ERRNO_TEXT[code] ?? code;
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory', EEXIST: 'File exists', ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory', ENOTEMPTY: 'Directory not empty', EACCES: 'Permission denied',
  EPERM: 'Operation not permitted', EROFS: 'Read-only file system', EXDEV: 'Invalid cross-device link',
  EINVAL: 'Invalid argument', ELOOP: 'Too many levels of symbolic links', EBUSY: 'Device or resource busy',
  ENOSPC: 'No space left on device', EBADF: 'Bad file descriptor', ENOTSUP: 'Operation not supported',
};

// dash has its own short wording for open(2) failures (src/redir.c, errmsg()).
function dashReason(code: string, forWriting: boolean): string {
  if (code === 'ENOENT') return forWriting ? 'Directory nonexistent' : 'No such file';
  return strerror(code);
}

function ashProblem({ data: { problem } }: ShellSyntaxError): string {
  if (problem.kind === 'unexpected') return `unexpected "${problem.token}"`;
  if (problem.kind === 'eof') return problem.expecting ? `unexpected end of file (expecting "${problem.expecting}")` : 'unexpected end of file';
  if (problem.kind === 'unterminated') return 'unterminated quoted string';
  return describeProblem(problem);
}

function ashReason(code: string): string {
  return code === 'ENOENT' ? 'nonexistent directory' : strerror(code);
}
