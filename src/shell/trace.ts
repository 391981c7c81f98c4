// `set -x` prints each command after expansion, prefixed by `+ ` (PS4), quoting words so that
// the line could be pasted back into a shell.

/**
 * traceLine: the xtrace line for a command, e.g. `+ echo 'a b'`.
 *
 * @example
 * traceLine([['A', '1']], ['echo', 'a b']) // "+ A=1 echo 'a b'\n"
 */
export function traceLine(assignments: [string, string][], argv: string[]): string {
  const words = [...assignments.map(([name, value]) => `${name}=${quoteWord(value)}`), ...argv.map(quoteWord)];
  return `+ ${words.join(' ')}\n`;
}

/** quoteWord: `word` as the shell would need it typed: bare when safe, else in single quotes. */
export function quoteWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
