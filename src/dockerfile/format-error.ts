// A parse error as a reader wants to see it: the message, then the offending line with its
// neighbour above and a caret under the column, the way compilers print it.

import { isDockerfileParseError } from './errors';

/**
 * formatError renders `error` as a short excerpt of `text` pointing at the error's line and
 * column; other errors come back as their message.
 *
 * @example
 * const text = 'FROM alpine\nFOO bar\n';
 * try { parseDockerfile(text); } catch (err) { console.log(formatError(err, text)); }
 * // → Dockerfile:2:1: unknown instruction: FOO
 * // →   1 | FROM alpine
 * // → > 2 | FOO bar
 */
export function formatError(error: unknown, text: string): string {
  if (!isDockerfileParseError(error)) return error instanceof Error ? error.message : String(error);
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((line) => line.replace(/\r$/, ''));
  const shown = [error.line - 1, error.line].filter((number) => number >= 1 && number <= lines.length);
  const width = String(error.line).length;
  const excerpt = shown.map((number) => {
    const marker = number === error.line ? '>' : ' ';
    return `${marker} ${String(number).padStart(width)} | ${lines[number - 1].replace(/\t/g, ' ')}`;
  });
  const caret = `  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, error.column - 1))}^`;
  return [error.message, ...excerpt, ...(shown.includes(error.line) ? [caret] : [])].join('\n');
}
