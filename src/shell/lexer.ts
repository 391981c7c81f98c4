// The lexer turns characters into tokens: words (with their quoting kept as parts), operators,
// redirections and newlines. Quote removal happens here; expansion happens later (expand.ts),
// because only then do we know the values of variables. XCU 2.3 "Token Recognition".
import type { RedirectOp, Word, WordPart, ParamOp } from './ast';
import { ShellSyntaxError, type SyntaxProblem } from './errors';
import { WordBuilder } from './wordBuilder';

/** Token: one lexical unit of a command line. */
export type Token =
  | { type: 'word'; word: Word; line: number }
  | { type: 'op'; op: string; line: number }
  | { type: 'redirect'; op: RedirectOp; fd?: number; line: number }
  | { type: 'newline'; line: number }
  | { type: 'eof'; line: number };

// Longest first, so that `&&` wins over `&` and `>>` over `>`.
const OPERATORS = ['&>>', '&&', '||', ';;', '&>', '>>', '>&', '>|', '<&', '<<', ';', '&', '|', '(', ')', '<', '>'];
const REDIRECTS = new Set(['&>>', '&>', '>>', '>&', '>|', '<&', '<', '>']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const PARAM_OPS: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'];
const SPECIAL_PARAMS = '?#@*!$-0123456789';

/**
 * Lexer: reads tokens from a command line one at a time (the parser pulls them).
 *
 * @example
 * const lexer = new Lexer('echo "a b" > out'); lexer.next() // { type: 'word', ... }
 */
export class Lexer {
  private pos = 0;
  private line = 1;
  private peeked: Token | undefined;

  /** `ampersandRedirect`: whether `&>` redirects both streams (bash, BusyBox ash) or means `&` then `>` (dash). */
  constructor(private readonly src: string, private readonly ampersandRedirect = true) {}

  /** peek: the next token without consuming it. */
  peek(): Token {
    if (!this.peeked) this.peeked = this.read();
    return this.peeked;
  }

  /** next: the next token, consumed. */
  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  private fail(problem: SyntaxProblem): never {
    throw new ShellSyntaxError({ line: this.line, problem });
  }

  private read(): Token {
    this.skipBlanksAndComments();
    const line = this.line;
    const c = this.src[this.pos];
    if (c === undefined) return { type: 'eof', line };
    if (c === '\n') { this.pos++; this.line++; return { type: 'newline', line }; }
    const fdMatch = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 4));
    if (fdMatch) this.pos += fdMatch[1].length;
    const op = OPERATORS.find((o) => this.src.startsWith(o, this.pos) && (this.ampersandRedirect || !o.startsWith('&>')));
    if (op === '<<') this.fail({ kind: 'unsupported', feature: 'a here-document (<<)' });
    if (op) {
      this.pos += op.length;
      if (REDIRECTS.has(op)) return { type: 'redirect', op: op as RedirectOp, fd: fdMatch ? Number(fdMatch[1]) : undefined, line };
      return { type: 'op', op, line };
    }
    const start = this.pos;
    const parts = this.readWord(false, false);
    return { type: 'word', word: { parts, raw: this.src.slice(start, this.pos) }, line };
  }

  private skipBlanksAndComments(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') { this.pos += 2; this.line++; }
      else if (c === '#') { while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++; }
      else return;
    }
  }

  // Reads one word. Inside `${NAME:-word}` the word ends at `}` instead of at a metacharacter.
  private readWord(inBraces: boolean, quoted: boolean): WordPart[] {
    const out = new WordBuilder();
    if (!inBraces && this.src[this.pos] === '~' && /^~(\/|$|[\s;&|<>()])/.test(this.src.slice(this.pos, this.pos + 2))) {
      this.pos++;
      out.push({ kind: 'param', name: 'HOME', quoted: true }); // tilde results are not split (XCU 2.6.1)
    }
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || (inBraces ? c === '}' : META.has(c))) return out.parts;
      if (c === '\\') this.readBackslash(out, quoted);
      else if (c === "'" && !quoted) this.readSingleQuoted(out);
      else if (c === '"' && !quoted) this.readDoubleQuoted(out);
      else if (c === '$') out.push(this.readDollar(quoted));
      else if (c === '`') out.push(this.readBackquoted(quoted));
      else { this.countNewline(c); out.text(c, quoted); this.pos++; }
    }
  }

  private countNewline(c: string): void {
    if (c === '\n') this.line++;
  }

  private readBackslash(out: WordBuilder, quoted: boolean): void {
    const next = this.src[this.pos + 1];
    this.pos += 2;
    if (next === '\n') { this.line++; return; } // line continuation
    if (next === undefined) { out.text('\\', quoted); return; }
    out.text(next, true);
  }

  private readSingleQuoted(out: WordBuilder): void {
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) this.fail({ kind: 'unterminated', quote: "'" });
    const text = this.src.slice(this.pos + 1, end);
    for (const c of text) this.countNewline(c);
    out.text(text, true);
    this.pos = end + 1;
  }

  private readDoubleQuoted(out: WordBuilder): void {
    this.pos++;
    const before = out.changes;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail({ kind: 'unterminated', quote: '"' });
      if (c === '"') break;
      if (c === '\\' && '$`"\\\n'.includes(this.src[this.pos + 1] ?? '')) this.readBackslash(out, true);
      else if (c === '$') out.push(this.readDollar(true));
      else if (c === '`') out.push(this.readBackquoted(true));
      else { this.countNewline(c); out.text(c, true); this.pos++; }
    }
    this.pos++;
    // `""` is an empty word, not no word; but `"$@"` with no arguments is no word at all.
    if (out.changes === before) out.text('', true);
  }

  private readDollar(quoted: boolean): WordPart {
    const next = this.src[this.pos + 1] ?? '';
    if (next === '{') return this.readBracedParam(quoted);
    if (next === '(') {
      if (this.src[this.pos + 2] === '(') this.fail({ kind: 'unsupported', feature: 'arithmetic expansion $((...))' });
      return { kind: 'command', source: this.readBalanced(this.pos + 2), quoted };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1))?.[0] ?? (next && SPECIAL_PARAMS.includes(next) ? next : '');
    this.pos += 1 + name.length;
    return name ? { kind: 'param', name, quoted } : { kind: 'text', text: '$', quoted };
  }

  private readBracedParam(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    const rest = this.src.slice(this.pos);
    const lengthOf = /^#([A-Za-z_][A-Za-z0-9_]*|[?#@*!$0-9])\}/.exec(rest);
    if (lengthOf) { this.pos += lengthOf[0].length; return { kind: 'param', name: lengthOf[1], op: 'length', quoted }; }
    const name = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[?#@*!$-])/.exec(rest)?.[0];
    if (!name) this.failBadSubstitution(start);
    this.pos += name.length;
    const op = PARAM_OPS.find((o) => this.src.startsWith(o, this.pos));
    let arg: WordPart[] | undefined;
    // In "${x#*.}" the pattern is not quoted by the outer quotes (XCU 2.6.2); a default value is.
    const patternOp = op === '#' || op === '##' || op === '%' || op === '%%';
    if (op) { this.pos += op.length; arg = this.readWord(true, quoted && !patternOp); }
    if (this.src[this.pos] !== '}') this.failBadSubstitution(start);
    this.pos++;
    return { kind: 'param', name, op, arg, quoted };
  }

  private failBadSubstitution(start: number): never {
    this.fail({ kind: 'bad-substitution', text: this.src.slice(start, this.pos + 1) });
  }

  // `$( ... )`: find the matching parenthesis, skipping quoted text, and keep the source to
  // parse when the substitution runs.
  private readBalanced(from: number): string {
    let depth = 1;
    let i = from;
    while (i < this.src.length) {
      const c = this.src[i];
      if (c === '\\') i += 2;
      else if (c === "'") i = this.src.indexOf("'", i + 1) + 1 || this.src.length + 1;
      else if (c === '"') i = skipDoubleQuoted(this.src, i + 1);
      else {
        if (c === '(') depth++;
        if (c === ')' && --depth === 0) break;
        this.countNewline(c);
        i++;
      }
    }
    if (i >= this.src.length) this.fail({ kind: 'eof', expecting: ')' });
    this.pos = i + 1;
    return this.src.slice(from, i);
  }

  private readBackquoted(quoted: boolean): WordPart {
    let source = '';
    let i = this.pos + 1;
    for (; i < this.src.length && this.src[i] !== '`'; i++) {
      if (this.src[i] === '\\' && '$`\\'.includes(this.src[i + 1] ?? '')) i++;
      this.countNewline(this.src[i]);
      source += this.src[i];
    }
    if (i >= this.src.length) this.fail({ kind: 'eof', expecting: '`' });
    this.pos = i + 1;
    return { kind: 'command', source, quoted };
  }
}

function skipDoubleQuoted(src: string, i: number): number {
  while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
  return i + 1;
}
