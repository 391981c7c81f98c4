// Shell patterns (XCU 2.13): `*`, `?` and bracket expressions, used for pathname expansion and
// for `${VAR#pattern}`. A backslash marks a character as literal; expand.ts escapes quoted text
// that way, so `"*.txt"` never globs.

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~', word: 'A-Za-z0-9_',
};

/**
 * bracketToRegExp: translates the POSIX bracket expression that starts at `src[start]` (`[`)
 * into a JavaScript character class; `end` is the index just past `]`, or undefined when the
 * bracket never closes (then `[` is an ordinary character).
 *
 * @example
 * bracketToRegExp('[!a-c]x', 0, true) // { source: '[^a-c]', end: 6 }
 */
export function bracketToRegExp(src: string, start: number, bangNegates: boolean): { source: string; end: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (src[i] === '^' || (bangNegates && src[i] === '!')) { out += '^'; i++; }
  if (src[i] === ']') { out += '\\]'; i++; }
  for (; i < src.length && src[i] !== ']'; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(src.slice(i));
    if (cls && CLASSES[cls[1]]) { out += CLASSES[cls[1]]; i += cls[0].length - 1; }
    else if (src[i] === '\\' && bangNegates && i + 1 < src.length) out += '\\' + src[++i]; // shell: \ quotes
    else out += /[\\\]^[]/.test(src[i]) ? '\\' + src[i] : src[i]; // POSIX: \ is literal inside [ ]
  }
  return i < src.length ? { source: out + ']', end: i + 1 } : undefined;
}

/**
 * patternToRegExp: the JavaScript source for a shell pattern, without anchors.
 *
 * @example
 * new RegExp('^' + patternToRegExp('*.t?t') + '$').test('notes.txt') // true
 */
export function patternToRegExp(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const bracket = c === '[' ? bracketToRegExp(pattern, i, true) : undefined;
    if (bracket) { out += bracket.source; i = bracket.end - 1; }
    else if (c === '\\' && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]);
    else if (c === '*') out += '[^]*';
    else if (c === '?') out += '[^]';
    else out += escapeRegExp(c);
  }
  return out;
}

/** matchesPattern: true when the whole of `text` matches the shell pattern. */
export function matchesPattern(pattern: string, text: string): boolean {
  return new RegExp('^' + patternToRegExp(pattern) + '$').test(text);
}

/** hasGlobChars: true when the (escaped) pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if ('*?['.includes(pattern[i])) return true;
  }
  return false;
}

/** escapePattern: backslash-escapes every character that is special in a pattern. */
export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** unescapePattern: removes the escaping added by `escapePattern`. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([^])/g, '$1');
}

/** escapeRegExp: makes `text` match literally inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
