// `.dockerignore`: which files of the build context the builder never sees. Docker's rules
// (reference ".dockerignore file"; moby/patternmatcher and buildkit `dockerignore.ReadAll`):
// one pattern a line, `#` lines are comments, patterns are cleaned (leading `/` and `./` go),
// Go filepath.Match syntax plus `**` for any number of directories, `!` makes an exception, and
// the last pattern that matches a path decides. A directory that is excluded excludes its contents.

import { DockerfileParseError } from './errors';
import { compilePattern, type PathMatcher } from './dockerignore-pattern';

/** IgnorePattern: one cleaned `.dockerignore` line and how it matches. */
export interface IgnorePattern {
  pattern: string;
  exception: boolean;
  line: number;
  matcher: PathMatcher;
}

/**
 * parseDockerignore reads `.dockerignore` text into patterns, in file order.
 * Throws DockerfileParseError for `!` alone or a malformed pattern such as `[a`.
 *
 * @example
 * parseDockerignore('*.md\n!README.md').map((p) => p.pattern) // → [ '*.md', 'README.md' ]
 */
export function parseDockerignore(text: string, file = '.dockerignore'): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text.replace(/^\uFEFF/, '').split('\n').forEach((raw, index) => {
    if (raw.startsWith('#')) return;
    let pattern = raw.trim();
    if (pattern === '') return;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    const where = { file, line: index + 1, column: 1 };
    if (exception && pattern === '') throw new DockerfileParseError('illegal exclusion pattern: "!"', where);
    pattern = cleanPath(pattern);
    const matcher = compilePattern(pattern);
    if (!matcher) throw new DockerfileParseError(`syntax error in pattern: ${pattern}`, where);
    patterns.push({ pattern, exception, line: index + 1, matcher });
  });
  return patterns;
}

/**
 * isIgnored: whether the context path `path` is left out. A path is also left out when one of
 * its parent directories matches; the last matching pattern wins.
 *
 * @example
 * isIgnored(parseDockerignore('*.md\n!README.md'), 'README.md') // → false
 */
export function isIgnored(patterns: IgnorePattern[], path: string): boolean {
  const file = cleanPath(path);
  if (file === '.') return false; // the context itself is never excluded
  const parents = ancestors(file);
  let ignored = false;
  for (const pattern of patterns) {
    // Only a pattern that could change the answer needs to be tried (moby's shortcut, same result).
    if (pattern.exception !== ignored) continue;
    if (pattern.matcher(file) || parents.some((parent) => pattern.matcher(parent))) ignored = !pattern.exception;
  }
  return ignored;
}

function ancestors(file: string): string[] {
  const parts = file.split('/');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * cleanPath is Go's filepath.Clean followed by dropping a leading `/`, so `/a/./b/` and
 * `./a/b` both become `a/b`.
 *
 * @example
 * cleanPath('./src//app/../lib/') // 'src/lib'
 */
export function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return joined === '' ? (absolute ? '/' : '.') : joined;
}
