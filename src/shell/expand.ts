// Word expansion (XCU 2.6): parameters and command substitution, then field splitting of the
// unquoted results, then pathname expansion, then quote removal (already done by the lexer,
// which is why quoting survives here only as a flag on each piece).
import type { ParamOp, Word, WordPart } from './ast';
import { ShellExpansionError } from './errors';
import { expandPathname } from './glob';
import { escapePattern, hasGlobChars, patternToRegExp } from './pattern';
import type { ShellState } from './state';

/** Expander: what expansion needs from the running shell. */
export interface Expander {
  state: ShellState;
  /** Runs `$( source )` in a subshell and returns what it printed. */
  substitute(source: string): string;
}

// A piece of expanded text. `split`: came from an unquoted expansion, so IFS splits it.
// `glob`: unquoted, so `*` in it is a pattern. `fieldBreak`: "$@" starts a new field here.
interface Piece { text: string; split: boolean; glob: boolean; quoted: boolean; fieldBreak?: boolean }
interface Field { text: string; pattern: string; quoted: boolean }

/**
 * expandWords: the argument list a command sees, e.g. `echo "$A" *.txt` → ['echo', 'x', 'a.txt'].
 *
 * @example
 * expandWords(expander, words) // ['ls', '-l', '/etc/hosts']
 */
export function expandWords(expander: Expander, words: Word[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    for (const field of splitFields(pieces(expander, word.parts))) {
      const matches = hasGlobChars(field.pattern) ? expandPathname(expander.state.fs, expander.state.cwd, field.pattern) : undefined;
      out.push(...(matches ?? [field.text]));
    }
  }
  return out;
}

/** expandWord: one word to one string, without splitting or globbing (assignments, redirections). */
export function expandWord(expander: Expander, word: Word): string {
  return pieces(expander, word.parts).map((p) => (p.fieldBreak ? ' ' : '') + p.text).join('');
}

function pieces(expander: Expander, parts: WordPart[]): Piece[] {
  return parts.flatMap((part): Piece[] => {
    if (part.kind === 'text') return [{ text: part.text, split: false, glob: !part.quoted, quoted: part.quoted }];
    if (part.kind === 'command') return [expansionPiece(trimNewlines(expander.substitute(part.source)), part.quoted)];
    if (part.name === '@' && part.quoted && !part.op) return positionalPieces(expander.state.positional);
    return parameterPieces(expander, part);
  });
}

function expansionPiece(text: string, quoted: boolean): Piece {
  return { text, split: !quoted, glob: !quoted, quoted };
}

// "$@" is the one expansion that makes several fields even inside double quotes.
function positionalPieces(args: string[]): Piece[] {
  return args.map((text, i) => ({ text, split: false, glob: false, quoted: true, fieldBreak: i > 0 }));
}

function trimNewlines(text: string): string {
  return text.replace(/\n+$/, '');
}

function parameterPieces(expander: Expander, part: Extract<WordPart, { kind: 'param' }>): Piece[] {
  const value = lookup(expander.state, part.name);
  const arg = () => pieces(expander, part.arg ?? []);
  const argText = () => arg().map((p) => p.text).join('');
  const unsetOrEmpty = value === undefined || value === '';
  switch (part.op) {
    case undefined: return [expansionPiece(required(expander.state, part.name, value), part.quoted)];
    case 'length': return [expansionPiece(String((value ?? '').length), part.quoted)];
    case ':-': return unsetOrEmpty ? arg() : [expansionPiece(value, part.quoted)];
    case '-': return value === undefined ? arg() : [expansionPiece(value, part.quoted)];
    case ':+': return unsetOrEmpty ? [] : arg();
    case '+': return value === undefined ? [] : arg();
    case ':=': case '=': return assignDefault(expander, part.name, part.op === ':=' ? unsetOrEmpty : value === undefined, value, argText, part.quoted);
    case ':?': case '?': return checkSet(part.op === ':?' ? unsetOrEmpty : value === undefined, part.name, value, argText, part.quoted);
    default: return [expansionPiece(removeAffix(value ?? '', part.op, patternOf(arg())), part.quoted)];
  }
}

function assignDefault(expander: Expander, name: string, useDefault: boolean, value: string | undefined, argText: () => string, quoted: boolean): Piece[] {
  if (!useDefault) return [expansionPiece(value ?? '', quoted)];
  const text = argText();
  expander.state.vars.set(name, text);
  return [expansionPiece(text, quoted)];
}

function checkSet(missing: boolean, name: string, value: string | undefined, argText: () => string, quoted: boolean): Piece[] {
  if (missing) throw new ShellExpansionError(name, argText() || 'parameter not set');
  return [expansionPiece(value ?? '', quoted)];
}

function required(state: ShellState, name: string, value: string | undefined): string {
  if (value === undefined && state.options.nounset && !'@*#?$!-'.includes(name)) throw new ShellExpansionError(name, 'parameter not set');
  return value ?? '';
}

/** lookup: the value of a variable or special parameter (`$?`, `$#`, `$1`, …), undefined if unset. */
export function lookup(state: ShellState, name: string): string | undefined {
  if (name === '?') return String(state.lastStatus);
  if (name === '#') return String(state.positional.length);
  if (name === '@' || name === '*') return state.positional.join(' ');
  if (name === '0') return state.shellName;
  if (/^\d+$/.test(name)) return state.positional[Number(name) - 1];
  if (name === '$') return '1'; // RUN's shell is PID 1 in the build container's PID namespace
  if (name === '!') return undefined;
  if (name === '-') return optionLetters(state);
  return state.vars.get(name);
}

function optionLetters(state: ShellState): string {
  const { errexit, xtrace, nounset } = state.options;
  return (errexit ? 'e' : '') + (nounset ? 'u' : '') + (xtrace ? 'x' : '');
}

// The pattern in `${VAR#pattern}`: quoted parts match literally.
function patternOf(arg: Piece[]): string {
  return arg.map((p) => (p.glob ? p.text : escapePattern(p.text))).join('');
}

function removeAffix(value: string, op: ParamOp, pattern: string): string {
  const re = new RegExp('^' + patternToRegExp(pattern) + '$');
  const lengths = Array.from({ length: value.length + 1 }, (_, i) => i);
  const order = op === '#' || op === '%' ? lengths : lengths.reverse(); // shortest or longest match
  for (const n of order) {
    if (op.startsWith('#') && re.test(value.slice(0, n))) return value.slice(n);
    if (op.startsWith('%') && re.test(value.slice(value.length - n))) return value.slice(0, value.length - n);
  }
  return value;
}

// Field splitting (XCU 2.6.5) with the default IFS: runs of blanks and newlines separate
// fields, and an unquoted expansion that is empty produces no field at all.
function splitFields(input: Piece[]): Field[] {
  const fields: Field[] = [];
  let current: Field | undefined;
  const finish = () => { if (current && (current.text || current.quoted)) fields.push(current); current = undefined; };
  const append = (p: Piece, text: string) => {
    current ??= { text: '', pattern: '', quoted: false };
    current.text += text;
    current.pattern += p.glob ? text : escapePattern(text);
    current.quoted ||= p.quoted;
  };
  for (const p of input) {
    if (p.fieldBreak) finish();
    if (!p.split) { append(p, p.text); continue; }
    p.text.split(/[ \t\n]+/).forEach((chunk, i) => {
      if (i > 0) finish();
      if (chunk) append(p, chunk);
    });
  }
  finish();
  return fields;
}
