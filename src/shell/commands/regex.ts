// POSIX regular expressions for sed and grep, translated to JavaScript. In a basic RE (BRE,
// the default) `(`, `{`, `+`, `?` and `|` are ordinary characters and their backslashed forms
// are special; in an extended RE (-E) it is the other way round. Inside brackets a backslash
// is an ordinary character.
import { bracketToRegExp, escapeRegExp } from '../pattern';

/**
 * translateRegex: JavaScript RegExp source for a POSIX (GNU-flavoured) BRE or ERE.
 *
 * @example
 * translateRegex('\\(ab\\)*c+', false) // '(ab)*c\\+'
 */
export function translateRegex(pattern: string, extended: boolean): string {
  let out = '';
  let atStart = true; // where `*` is literal and `^` is an anchor in a BRE
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    let piece: string;
    if (c === '\\' && i + 1 < pattern.length) piece = escapedPiece(pattern[++i], extended);
    else if (c === '[') {
      const bracket = bracketToRegExp(pattern, i, false);
      piece = bracket ? bracket.source : '\\[';
      if (bracket) i = bracket.end - 1;
    } else piece = plainPiece(c, extended, atStart, i === pattern.length - 1 || (!extended && pattern.startsWith('\\)', i + 1)));
    out += piece;
    atStart = piece === '(' || piece === '|' || (atStart && piece === '^');
  }
  return out;
}

function escapedPiece(next: string, extended: boolean): string {
  if (!extended && '(){}|+?'.includes(next)) return next;
  if (/[1-9]/.test(next)) return '\\' + next;
  if (next === 'n') return '\\n';
  if (next === 't') return '\\t';
  if ('wWsSbB'.includes(next)) return '\\' + next;
  if (next === '<') return '\\b(?=\\w)';
  if (next === '>') return '\\b(?<=\\w)';
  return escapeRegExp(next);
}

function plainPiece(c: string, extended: boolean, atStart: boolean, atEnd: boolean): string {
  if (extended) return c === '/' ? '\\/' : c === '{' || c === '}' ? c : /[()|+?.*^$]/.test(c) ? c : escapeRegExp(c);
  if (c === '*') return atStart ? '\\*' : '*';
  if (c === '^') return atStart ? '^' : '\\^';
  if (c === '$') return atEnd ? '$' : '\\$';
  if (c === '.') return '.';
  return escapeRegExp(c);
}
