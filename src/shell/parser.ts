// A recursive-descent parser for the part of the POSIX grammar (XCU 2.10) that RUN lines use:
// lists, and-or lists, pipelines, simple commands, if/for/while/until, { } and ( ).
import type { AndOr, Assignment, CommandNode, List, Pipeline, Redirect, SimpleCommand, Word } from './ast';
import { ShellSyntaxError } from './errors';
import { Lexer, type Token } from './lexer';

// Reserved words are only special where a command could start, and only when unquoted.
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', '{', '}', '!']);
// Words that close a compound command cannot start one.
const CLOSING = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'in', '}']);

/**
 * Parser: reads one complete command (up to an unescaped newline) at a time, as a shell does:
 * a syntax error on line 3 does not stop lines 1 and 2 from running.
 *
 * @example
 * const parser = new Parser('cd /tmp && ls\necho done'); parser.nextCommand() // the List for line 1
 */
export class Parser {
  private readonly lexer: Lexer;

  /** `ampersandRedirect`: false for dash, where `cmd &> f` runs `cmd` in the background, then `> f`. */
  constructor(source: string, ampersandRedirect = true) {
    this.lexer = new Lexer(source, ampersandRedirect);
  }

  /** nextCommand: the next complete command, or undefined at the end of the input. */
  nextCommand(): List | undefined {
    while (this.lexer.peek().type === 'newline') this.lexer.next();
    if (this.lexer.peek().type === 'eof') return undefined;
    const list = this.list([], false);
    const after = this.lexer.peek();
    if (after.type !== 'eof' && after.type !== 'newline') this.unexpected(after);
    return list;
  }

  /** line: the line the next token starts on (for error messages). */
  line(): number {
    return this.lexer.peek().line;
  }

  // A list ends at a token in `terminators` (a reserved word like `fi`) or a `)`; at top level
  // it also ends at a newline.
  private list(terminators: string[], newlinesSeparate: boolean): List {
    const items: AndOr[] = [];
    for (;;) {
      if (newlinesSeparate) this.skipNewlines();
      if (this.atListEnd(terminators)) break;
      items.push(this.andOr());
      const sep = this.lexer.peek();
      if (sep.type === 'op' && (sep.op === ';' || sep.op === '&')) this.lexer.next();
      else if (!(newlinesSeparate && sep.type === 'newline')) break;
    }
    return { items };
  }

  private atListEnd(terminators: string[]): boolean {
    const t = this.lexer.peek();
    if (t.type === 'eof' || t.type === 'newline') return true;
    if (t.type === 'op') return t.op === ')';
    return t.type === 'word' && terminators.includes(reservedWord(t) ?? '');
  }

  private skipNewlines(): void {
    while (this.lexer.peek().type === 'newline') this.lexer.next();
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (let t = this.lexer.peek(); t.type === 'op' && (t.op === '&&' || t.op === '||'); t = this.lexer.peek()) {
      this.lexer.next();
      this.skipNewlines();
      rest.push({ op: t.op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    const negated = reservedWord(this.lexer.peek()) === '!';
    if (negated) this.lexer.next();
    const commands = [this.command()];
    while (isOp(this.lexer.peek(), '|')) {
      this.lexer.next();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands };
  }

  private command(): CommandNode {
    const t = this.lexer.peek();
    const reserved = reservedWord(t);
    let node: CommandNode;
    if (reserved === 'if') node = this.ifCommand();
    else if (reserved === 'for') node = this.forCommand();
    else if (reserved === 'while' || reserved === 'until') node = this.whileCommand(reserved === 'until');
    else if (reserved === '{') node = this.group(false, '}');
    else if (isOp(t, '(')) node = this.group(true, ')');
    else if (reserved && CLOSING.has(reserved)) return this.unexpected(t);
    else if (t.type === 'word' && t.word.raw === 'case') return this.unsupported(t, 'case ... esac');
    else return this.simpleCommand();
    node.redirects.push(...this.redirects());
    return node;
  }

  private ifCommand(): CommandNode {
    this.expect('if');
    const branches = [{ condition: this.list(['then'], true), body: this.after('then', ['elif', 'else', 'fi']) }];
    let otherwise: List | undefined;
    for (let word = this.expect('elif', 'else', 'fi'); word !== 'fi'; word = this.expect('elif', 'else', 'fi')) {
      if (word === 'else') { otherwise = this.list(['fi'], true); this.expect('fi'); break; }
      branches.push({ condition: this.list(['then'], true), body: this.after('then', ['elif', 'else', 'fi']) });
    }
    return { kind: 'if', branches, otherwise, redirects: [] };
  }

  private forCommand(): CommandNode {
    this.expect('for');
    const nameToken = this.lexer.next();
    if (nameToken.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameToken.word.raw)) this.unexpected(nameToken);
    let items: Word[] | undefined;
    this.skipNewlines();
    if (reservedWord(this.lexer.peek()) === 'in') {
      this.lexer.next();
      items = [];
      for (let t = this.lexer.peek(); t.type === 'word'; t = this.lexer.peek()) {
        items.push(t.word);
        this.lexer.next();
      }
    }
    if (isOp(this.lexer.peek(), ';')) this.lexer.next();
    this.skipNewlines();
    const body = this.after('do', ['done']);
    this.expect('done');
    return { kind: 'for', name: nameToken.word.raw, items, body, redirects: [] };
  }

  private whileCommand(until: boolean): CommandNode {
    this.lexer.next();
    const condition = this.list(['do'], true);
    const body = this.after('do', ['done']);
    this.expect('done');
    return { kind: 'while', until, condition, body, redirects: [] };
  }

  private group(subshell: boolean, close: string): CommandNode {
    this.lexer.next();
    const body = this.list(subshell ? [] : ['}'], true);
    const end = this.lexer.next();
    if (subshell ? !isOp(end, ')') : reservedWord(end) !== '}') this.unexpectedOrEof(end, close);
    return { kind: 'group', subshell, body, redirects: [] };
  }

  // `then list` / `do list`: the keyword, then a list up to one of `until`.
  private after(keyword: string, until: string[]): List {
    this.expect(keyword);
    return this.list(until, true);
  }

  private simpleCommand(): SimpleCommand {
    const line = this.lexer.peek().line;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (let t = this.lexer.peek(); ; t = this.lexer.peek()) {
      if (t.type === 'redirect') redirects.push(this.redirect());
      else if (t.type !== 'word') break;
      else {
        this.lexer.next();
        const assignment = words.length === 0 ? asAssignment(t.word) : undefined;
        if (assignment) assignments.push(assignment);
        else words.push(t.word);
      }
    }
    if (!words.length && !assignments.length && !redirects.length) this.unexpectedOrEof(this.lexer.peek());
    return { kind: 'simple', assignments, words, redirects, line };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    while (this.lexer.peek().type === 'redirect') out.push(this.redirect());
    return out;
  }

  private redirect(): Redirect {
    const t = this.lexer.next();
    if (t.type !== 'redirect') this.unexpected(t);
    const target = this.lexer.next();
    if (target.type !== 'word') this.unexpectedOrEof(target);
    const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1);
    return { fd, op: t.op, target: target.word };
  }

  // Consumes one of the reserved `words` and returns it, or fails the way dash does.
  private expect(...words: string[]): string {
    const t = this.lexer.next();
    const word = reservedWord(t);
    if (word && words.includes(word)) return word;
    return this.unexpectedOrEof(t, words[words.length - 1]);
  }

  private unexpectedOrEof(t: Token, expecting?: string): never {
    if (t.type === 'eof') throw new ShellSyntaxError({ line: t.line, problem: { kind: 'eof', expecting } });
    return this.unexpected(t);
  }

  private unsupported(t: Token, feature: string): never {
    throw new ShellSyntaxError({ line: t.line, problem: { kind: 'unsupported', feature } });
  }

  private unexpected(t: Token): never {
    const token = t.type === 'word' ? t.word.raw : t.type === 'newline' ? 'newline' : t.type === 'eof' ? 'end of file' : t.op;
    throw new ShellSyntaxError({ line: t.line, problem: { kind: 'unexpected', token } });
  }
}

function isOp(t: Token, op: string): boolean {
  return t.type === 'op' && t.op === op;
}

// A word is a reserved word only if it was written plainly (no quotes, no expansions).
function reservedWord(t: Token): string | undefined {
  if (t.type !== 'word' || t.word.parts.length !== 1) return undefined;
  const part = t.word.parts[0];
  return part.kind === 'text' && !part.quoted && RESERVED.has(part.text) ? part.text : undefined;
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (!first || first.kind !== 'text' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const parts = [...(rest ? [{ ...first, text: rest }] : []), ...word.parts.slice(1)];
  return { name: match[1], value: { parts, raw: word.raw.slice(match[0].length) } };
}
