// Variable substitution as Docker does it in Dockerfile instructions (buildkit `shell/lex.go`
// `ProcessWord`): `$name`, `${name}`, `${name:-word}`, `${name-word}`, `${name:+word}`,
// `${name+word}`, `${name:?msg}`, `${name?msg}`. Quotes are removed on the way: '…' is literal,
// "…" still substitutes; the escape character makes the next character literal. This is not a
// shell: no command substitution, no globbing, no word splitting.

/** Lookup: the value of a variable in scope, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

/** Expansion: the substituted text and the plainly referenced names that were not set, or Docker's complaint. */
export type Expansion = { ok: true; text: string; unset: string[] } | { ok: false; problem: string };

class Stop extends Error {}

interface Cursor {
  src: string;
  pos: number;
  escape: string;
  lookup: Lookup;
  unset: string[];
}

/**
 * expandWord substitutes variables in one Dockerfile word and removes its quotes.
 *
 * @example
 * expandWord('"${HOME:-/root}"/x', (n) => undefined, '\\') // { ok: true, text: '/root/x', unset: ['HOME'] }
 */
export function expandWord(word: string, lookup: Lookup, escape: string): Expansion {
  const cursor: Cursor = { src: word, pos: 0, escape, lookup, unset: [] };
  try {
    return { ok: true, text: readUntil(cursor, undefined), unset: cursor.unset };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { ok: false, problem: `failed to process "${word}": ${error.message}` };
  }
}

// The main loop; `stop` is `}` inside `${name:-word}` and undefined at the top level.
function readUntil(c: Cursor, stop: string | undefined): string {
  let out = '';
  while (c.pos < c.src.length) {
    const ch = c.src[c.pos];
    if (stop !== undefined && ch === stop) {
      c.pos++;
      return out;
    }
    if (ch === '$') out += readDollar(c);
    else if (ch === "'") out += readSingleQuoted(c);
    else if (ch === '"') out += readDoubleQuoted(c);
    else if (ch === c.escape) {
      out += c.src[c.pos + 1] ?? ''; // an escape at the very end is dropped
      c.pos += 2;
    } else {
      out += ch;
      c.pos++;
    }
  }
  if (stop !== undefined) throw new Stop(`unexpected end of statement while looking for matching ${stop}`);
  return out;
}

function readSingleQuoted(c: Cursor): string {
  const end = c.src.indexOf("'", c.pos + 1);
  if (end < 0) throw new Stop('unexpected end of statement while looking for matching single-quote');
  const text = c.src.slice(c.pos + 1, end);
  c.pos = end + 1;
  return text;
}

// Inside double quotes the escape character only escapes `"`, `$` and itself; before anything
// else it stays, so `"C:\path"` keeps its backslash.
function readDoubleQuoted(c: Cursor): string {
  let out = '';
  c.pos++;
  for (;;) {
    if (c.pos >= c.src.length) throw new Stop('unexpected end of statement while looking for matching double-quote');
    const ch = c.src[c.pos];
    if (ch === '"') {
      c.pos++;
      return out;
    }
    if (ch === '$') {
      out += readDollar(c);
      continue;
    }
    c.pos++;
    if (ch !== c.escape) out += ch;
    else if (c.pos >= c.src.length) continue;
    else if ('"$'.includes(c.src[c.pos]) || c.src[c.pos] === c.escape) out += c.src[c.pos++];
    else out += ch;
  }
}

function readDollar(c: Cursor): string {
  c.pos++;
  if (c.src[c.pos] !== '{') {
    const name = readName(c);
    return name === '' ? '$' : valueOf(c, name, true) ?? '';
  }
  c.pos++;
  if (c.pos >= c.src.length) throw new Stop("syntax error: missing '}'");
  if ('{}:'.includes(c.src[c.pos])) throw new Stop('syntax error: bad substitution');
  const name = readName(c);
  const op = c.src[c.pos++];
  if (op === '}') return valueOf(c, name, true) ?? '';
  if (op === undefined) throw new Stop("syntax error: missing '}'");
  return readModifier(c, name, op);
}

// `${name:-word}` and friends; with a colon, an empty value counts as unset.
function readModifier(c: Cursor, name: string, op: string): string {
  const colon = op === ':';
  const modifier = colon ? c.src[c.pos++] : op;
  if (modifier === undefined || !'-+?'.includes(modifier)) {
    throw new Stop(`unsupported modifier (${colon ? ':' : ''}${modifier ?? ''}) in substitution`);
  }
  const word = readWordUntilBrace(c);
  const value = valueOf(c, name, false);
  const missing = value === undefined || (colon && value === '');
  if (modifier === '-') return missing ? word : (value as string);
  if (modifier === '+') return missing ? '' : word;
  if (!missing) return value as string;
  const fallback = value === undefined ? 'is not allowed to be unset' : 'is not allowed to be empty';
  throw new Stop(`${name}: ${word || fallback}`);
}

function readWordUntilBrace(c: Cursor): string {
  try {
    return readUntil(c, '}');
  } catch (error) {
    if (error instanceof Stop && c.pos >= c.src.length) throw new Stop("syntax error: missing '}'");
    throw error;
  }
}

// A name is letters, digits and `_`; a leading digit reads digits only; `$@`, `$#` … are one
// character (they are never set in a Dockerfile, so they expand to nothing).
function readName(c: Cursor): string {
  const rest = c.src.slice(c.pos);
  const match = /^[0-9]+/.exec(rest) ?? /^[@*#?\-$!]/.exec(rest) ?? /^[\p{L}\p{N}_]*/u.exec(rest);
  const name = match ? match[0] : '';
  c.pos += name.length;
  return name;
}

// Only plain `$name` references count as "unset"; `${name:-word}` expects that it may be.
function valueOf(c: Cursor, name: string, plain: boolean): string | undefined {
  const value = c.lookup(name);
  if (plain && value === undefined && !c.unset.includes(name)) c.unset.push(name);
  return value;
}
