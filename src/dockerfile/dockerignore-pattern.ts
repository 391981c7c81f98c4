// One `.dockerignore` pattern turned into a test on a path, the way moby/patternmatcher does it:
// `*` and `?` never cross a `/`, `**` crosses any number of directories (even none), `[…]` is a
// character class, `\` escapes. Simple shapes skip the regular expression: a plain name is an
// exact match, `dir/**` a prefix match and `**/name` a suffix match.

/** PathMatcher: true when a cleaned, relative path matches. */
export type PathMatcher = (path: string) => boolean;

const REGEX_SPECIAL = '.+()|{}$';

/**
 * compilePattern builds the matcher for a cleaned pattern, or returns undefined when the
 * pattern is malformed for Go's filepath.Match (an unclosed `[`, a trailing `\` …).
 *
 * @example
 * compilePattern('**\/*.go')?.('a/b/c.go') // true
 */
export function compilePattern(pattern: string): PathMatcher | undefined {
  if (!isWellFormed(pattern)) return undefined;
  const { source, type } = translate(pattern);
  if (type === 'exact') return (path) => path === pattern;
  if (type === 'prefix') return (path) => path.startsWith(pattern.slice(0, -2));
  if (type === 'suffix') {
    const suffix = pattern.slice(2);
    return (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
  }
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

// moby patternmatcher `Pattern.compile`, step for step, so edge cases agree with Docker.
function translate(pattern: string): { source: string; type: MatchType } {
  let source = '';
  let type: MatchType = 'exact';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const start = i === 0;
      i++;
      if (pattern[i + 1] === '/') i++;
      if (i + 1 >= pattern.length) {
        if (type === 'exact') type = 'prefix';
        else [source, type] = [source + '.*', 'regexp'];
      } else [source, type] = [source + '(.*/)?', 'regexp'];
      if (start) type = 'suffix';
    } else if (ch === '*') [source, type] = [source + '[^/]*', 'regexp'];
    else if (ch === '?') [source, type] = [source + '[^/]', 'regexp'];
    else if (REGEX_SPECIAL.includes(ch)) source += '\\' + ch;
    else if (ch === '\\' && i + 1 < pattern.length) [source, type] = [source + escapeLiteral(pattern[++i]), 'regexp'];
    else if (ch === '\\') source += '\\\\';
    else if (ch === '[' || ch === ']') [source, type] = [source + ch, 'regexp'];
    else source += ch;
  }
  return { source, type };
}

function escapeLiteral(ch: string): string {
  return /[A-Za-z0-9]/.test(ch) ? ch : '\\' + ch;
}

// Go's filepath.Match grammar: `\` needs a following character; a class `[^a-z…]` needs at
// least one item, each a character (maybe escaped, never a bare `-` or `]`) or a range.
function isWellFormed(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') {
      if (++i >= pattern.length) return false;
    } else if (pattern[i] === '[') {
      const end = classEnd(pattern, i + 1);
      if (end < 0) return false;
      i = end;
    }
  }
  return true;
}

function classEnd(pattern: string, start: number): number {
  let i = pattern[start] === '^' ? start + 1 : start;
  let items = 0;
  while (i < pattern.length) {
    if (pattern[i] === ']' && items > 0) return i;
    const low = classChar(pattern, i);
    if (low < 0) return -1;
    i = low;
    if (pattern[i] === '-') {
      const high = classChar(pattern, i + 1);
      if (high < 0) return -1;
      i = high;
    }
    items++;
  }
  return -1;
}

// Reads one class character at `i`; returns the index after it, or -1 if there is none.
function classChar(pattern: string, i: number): number {
  if (i >= pattern.length || pattern[i] === '-' || pattern[i] === ']') return -1;
  if (pattern[i] === '\\') return i + 1 < pattern.length ? i + 2 : -1;
  return i + 1;
}
