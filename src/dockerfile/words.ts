// Cutting a logical line into words, the four ways Docker does it (buildkit `parser/parser.go`
// `splitCommand`/`extractBuilderFlags`, `parser/line_parsers.go`). Each word keeps its offset in
// the logical line so that errors can point at it.

/** Token: a word and where it starts in the logical line. */
export interface Token {
  text: string;
  offset: number;
}

/** CommandLine: an instruction line cut into keyword, leading `--flags` and the rest. */
export interface CommandLine {
  keyword: Token;
  flags: Token[];
  rest: Token;
}

const BLANKS = /[\t\v\f\r ]+/;

/**
 * splitCommand cuts `RUN --mount=x echo hi` into keyword, flags (quotes removed) and the rest.
 *
 * @example
 * splitCommand('COPY --chown=1:1 a /b').flags[0].text // '--chown=1:1'
 */
export function splitCommand(text: string): CommandLine {
  const start = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const gap = BLANKS.exec(trimmed);
  const keyword = { text: gap ? trimmed.slice(0, gap.index) : trimmed, offset: start };
  if (!gap) return { keyword, flags: [], rest: { text: '', offset: start + trimmed.length } };
  const restOffset = start + gap.index + gap[0].length;
  return { keyword, ...extractFlags(trimmed.slice(gap.index + gap[0].length), restOffset) };
}

// Flags are words starting with `--` before anything else; a bare `--` ends them. Inside a flag,
// quotes group and `\` escapes (always backslash here, whatever the escape directive says).
function extractFlags(line: string, base: number): { flags: Token[]; rest: Token } {
  const flags: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && /\s/.test(line[pos])) pos++;
    if (!line.startsWith('--', pos)) return { flags, rest: trimmedToken(line.slice(pos), base + pos) };
    const word = readFlagWord(line, pos);
    if (word.text === '--') return { flags, rest: trimmedToken(line.slice(word.end), base + word.end) };
    flags.push({ text: word.text, offset: base + pos });
    pos = word.end;
  }
}

function readFlagWord(line: string, start: number): { text: string; end: number } {
  let text = '';
  let quote = '';
  let pos = start;
  for (; pos < line.length; pos++) {
    const ch = line[pos];
    if (!quote && /\s/.test(ch)) break;
    if (!quote && (ch === '"' || ch === "'")) quote = ch;
    else if (quote && ch === quote) quote = '';
    else if (ch === '\\' && pos + 1 < line.length) text += line[++pos];
    else if (ch !== '\\') text += ch;
  }
  return { text, end: pos };
}

function trimmedToken(text: string, offset: number): Token {
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), offset: offset + lead };
}

/**
 * splitBlanks splits on runs of blanks, ignoring quotes (Docker's `parseStringsWhitespaceDelimited`,
 * used by FROM, EXPOSE and the non-JSON COPY/ADD/VOLUME).
 *
 * @example
 * splitBlanks({ text: 'a  "b c"', offset: 0 }).map((t) => t.text) // ['a', '"b', 'c"']
 */
export function splitBlanks(rest: Token): Token[] {
  const tokens: Token[] = [];
  const pattern = /[^\t\v\f\r ]+/g;
  for (let match = pattern.exec(rest.text); match; match = pattern.exec(rest.text)) {
    tokens.push({ text: match[0], offset: rest.offset + match.index });
  }
  return tokens;
}

/**
 * splitWords splits on blanks outside quotes and keeps quotes and escapes in the words, for the
 * substitution step to remove (Docker's `parseWords`, used by ENV, LABEL and ARG).
 *
 * @example
 * splitWords({ text: 'A="x y" B=z', offset: 0 }, '\\').map((t) => t.text) // ['A="x y"', 'B=z']
 */
export function splitWords(rest: Token, escape: string): Token[] {
  const tokens: Token[] = [];
  const text = rest.text;
  let current: Token | undefined;
  let quote = '';
  for (let pos = 0; pos < text.length; pos++) {
    const ch = text[pos];
    if (!current && /\s/.test(ch)) continue;
    current = current ?? { text: '', offset: rest.offset + pos };
    if (!quote && /\s/.test(ch)) {
      tokens.push(current);
      current = undefined;
      continue;
    }
    if (ch === escape && quote !== "'") {
      if (pos + 1 === text.length) continue; // Docker drops an escape at the very end
      current.text += ch + text[++pos];
      continue;
    }
    if (!quote && (ch === '"' || ch === "'")) quote = ch;
    else if (quote && ch === quote) quote = '';
    current.text += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

/** JsonArgs: the outcome of reading an exec-form argument list. */
export type JsonArgs = { kind: 'json'; values: string[] } | { kind: 'not-json' } | { kind: 'not-strings' };

/**
 * readJsonArray reads `["a","b"]`. Text that is not a JSON array is the shell form, but an array
 * holding a non-string is an error (Docker: "arrays must be comprised of strings only").
 *
 * @example
 * readJsonArray('["echo", "hi"]') // { kind: 'json', values: ['echo', 'hi'] }
 */
export function readJsonArray(text: string): JsonArgs {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('[')) return { kind: 'not-json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { kind: 'not-json' };
  }
  if (!Array.isArray(parsed)) return { kind: 'not-json' };
  const values = parsed.filter((item): item is string => typeof item === 'string');
  return values.length === parsed.length ? { kind: 'json', values } : { kind: 'not-strings' };
}
