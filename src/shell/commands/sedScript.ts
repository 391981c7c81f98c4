// Parsing a sed script: `s/a/b/g`, `/re/d`, `3p`, `$d`, `q`, `1i text`, `$a text`, separated
// by `;` or newlines. Any character can delimit `s` (`s|/usr|/opt|`).
import { translateRegex } from './regex';

/** Address: which lines a command applies to. */
export type Address = { line: number } | { last: true } | { regex: RegExp } | undefined;

/** SedCommand: one parsed sed command. */
export type SedCommand =
  | { name: 's'; address: Address; negate: boolean; regex: RegExp; replacement: string; global: boolean; occurrence: number; print: boolean }
  | { name: 'd' | 'p' | 'q' | '='; address: Address; negate: boolean }
  | { name: 'a' | 'i'; address: Address; negate: boolean; text: string };

/** SedScriptError: GNU's message for a bad script, e.g. "unterminated `s' command". */
export class SedScriptError extends Error {
  readonly code = 'SedScriptError';
  constructor(readonly position: number, readonly reason: string) {
    super(`-e expression #1, char ${position}: ${reason}`);
  }
}

/**
 * parseSedScript: the commands of a sed script, or a SedScriptError.
 *
 * @example
 * parseSedScript('s/a/b/g', false) // [{ name: 's', global: true, ... }]
 */
export function parseSedScript(script: string, extended: boolean): SedCommand[] | SedScriptError {
  const reader = { text: script, pos: 0 };
  const commands: SedCommand[] = [];
  try {
    for (skipSeparators(reader); reader.pos < script.length; skipSeparators(reader)) commands.push(parseCommand(reader, extended));
  } catch (error) {
    if (error instanceof SedScriptError) return error;
    throw error;
  }
  return commands;
}

interface Reader { text: string; pos: number }

function skipSeparators(r: Reader): void {
  while (/[\s;]/.test(r.text[r.pos] ?? 'x')) r.pos++;
}

function parseCommand(r: Reader, extended: boolean): SedCommand {
  const address = parseAddress(r, extended);
  while (r.text[r.pos] === ' ') r.pos++;
  const negate = r.text[r.pos] === '!';
  if (negate) r.pos++;
  const name = r.text[r.pos++];
  if (name === 's') return { name, address, negate, ...parseSubstitution(r, extended) };
  if (name === 'd' || name === 'p' || name === 'q' || name === '=') return { name, address, negate };
  if (name === 'a' || name === 'i') return { name, address, negate, text: parseText(r) };
  if (name === undefined) throw new SedScriptError(r.pos, 'missing command');
  throw new SedScriptError(r.pos, `unknown command: \`${name}'`);
}

function parseAddress(r: Reader, extended: boolean): Address {
  const number = /^\d+/.exec(r.text.slice(r.pos));
  if (number) { r.pos += number[0].length; return { line: Number(number[0]) }; }
  if (r.text[r.pos] === '$') { r.pos++; return { last: true }; }
  if (r.text[r.pos] !== '/' && r.text[r.pos] !== '\\') return undefined;
  const delimiter = r.text[r.pos] === '\\' ? r.text[++r.pos] : '/';
  r.pos++;
  const source = readDelimited(r, delimiter, 'unterminated address regex');
  const flags = r.text[r.pos] === 'I' ? (r.pos++, 'i') : '';
  return { regex: new RegExp(translateRegex(source, extended), flags) };
}

function parseSubstitution(r: Reader, extended: boolean) {
  const delimiter = r.text[r.pos++];
  if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') throw new SedScriptError(r.pos, "unterminated `s' command");
  const pattern = readDelimited(r, delimiter, "unterminated `s' command");
  const replacement = readDelimited(r, delimiter, "unterminated `s' command");
  const flags = /^[gpiI0-9]*/.exec(r.text.slice(r.pos))![0];
  r.pos += flags.length;
  if (r.text[r.pos] !== undefined && !/[\s;}]/.test(r.text[r.pos])) throw new SedScriptError(r.pos + 1, "unknown option to `s'");
  const regex = new RegExp(translateRegex(pattern, extended), /[iI]/.test(flags) ? 'gi' : 'g');
  return { regex, replacement, global: flags.includes('g'), occurrence: Number(/\d+/.exec(flags)?.[0] ?? 1), print: flags.includes('p') };
}

// Reads up to an unescaped delimiter; `\delim` stands for the delimiter itself.
function readDelimited(r: Reader, delimiter: string, unterminated: string): string {
  let out = '';
  for (; r.pos < r.text.length; r.pos++) {
    const c = r.text[r.pos];
    if (c === delimiter) { r.pos++; return out; }
    if (c === '\\' && r.text[r.pos + 1] === delimiter) { out += delimiter; r.pos++; continue; }
    if (c === '\\' && r.pos + 1 < r.text.length) { out += c + r.text[++r.pos]; continue; }
    if (c === '\n') break;
    out += c;
  }
  throw new SedScriptError(r.pos, unterminated);
}

// GNU one-liner form: `a text` or `a\` + newline + text; the text runs to the end of the line.
function parseText(r: Reader): string {
  let rest = r.text.slice(r.pos);
  rest = rest.startsWith('\\\n') ? rest.slice(2) : rest.replace(/^\\?\s*/, '');
  const end = rest.indexOf('\n');
  const text = end < 0 ? rest : rest.slice(0, end);
  r.pos = r.text.length - rest.length + text.length;
  return text;
}
