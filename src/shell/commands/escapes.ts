// Backslash escapes as echo -e, dash's echo and printf's %b understand them.

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Unescaped: the text, and whether `\c` asked to stop all further output. */
export interface Unescaped { text: string; stop: boolean }

/**
 * interpretEscapes: expands `\n`, `\t`, `\0NNN` (octal), `\xHH` and `\c` (stop) as echo -e does.
 *
 * @example
 * interpretEscapes('a\\tb\\c ignored') // { text: 'a\tb', stop: true }
 */
export function interpretEscapes(input: string): Unescaped {
  let text = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    const next = input[i + 1];
    if (c !== '\\' || next === undefined) { text += c; continue; }
    if (next === 'c') return { text, stop: true };
    const octal = next === '0' ? /^[0-7]{0,3}/.exec(input.slice(i + 2))![0] : undefined;
    const hex = next === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(input.slice(i + 2))?.[0] : undefined;
    if (octal !== undefined) { text += String.fromCharCode(parseInt(octal || '0', 8) & 255); i += 1 + octal.length; }
    else if (hex !== undefined) { text += String.fromCharCode(parseInt(hex, 16)); i += 1 + hex.length; }
    else if (SIMPLE[next]) { text += SIMPLE[next]; i++; }
    else text += c;
  }
  return { text, stop: false };
}

/**
 * formatEscapes: the escapes of a printf *format*: like echo's, but octal is `\NNN` (no 0) and `\"` is `"`.
 *
 * @example
 * formatEscapes('%s\\n') // '%s\n'
 */
export function formatEscapes(input: string): Unescaped {
  return interpretEscapes(input.replace(/\\([0-7]{1,3})/g, (_, digits: string) => `\\0${digits}`).replace(/\\"/g, '"'));
}
