// What every instruction parser gets: its line cut into words, a way to fail or warn at a word's
// position, and substitution that turns Docker's complaints into positioned errors.

import { DockerfileParseError } from './errors';
import { expandWord, type Lookup } from './expand';
import { locate, type LogicalLine } from './lines';
import type { ParsedFlags } from './flags';
import type { ParseWarning, SourcePosition } from './types';
import type { CommandLine, Token } from './words';

/** LineContext: one instruction line being parsed. */
export interface LineContext {
  file: string;
  escape: string;
  line: LogicalLine;
  command: CommandLine;
  /** The instruction name in capitals, e.g. `RUN` for `run`. */
  keyword: string;
  flags: ParsedFlags;
  position: SourcePosition;
  source: string;
  warnings: ParseWarning[];
}

/**
 * failAt throws Docker's complaint as a DockerfileParseError at `token` (or the instruction).
 *
 * @example
 * failAt(context, 'COPY requires at least two arguments, but only one was provided. Destination could not be determined')
 */
export function failAt(context: LineContext, problem: string, token?: Token): never {
  throw new DockerfileParseError(problem, whereIs(context, token));
}

/**
 * warnAt records a warning for the instruction (or one of its words).
 *
 * @example
 * warnAt(context, 'MaintainerDeprecated', 'The MAINTAINER instruction is deprecated, use a label instead')
 */
export function warnAt(context: LineContext, rule: string, message: string, token?: Token): void {
  context.warnings.push({ rule, message, location: whereIs(context, token) });
}

function whereIs(context: LineContext, token?: Token) {
  const spot = token ? locate(context.line, token.offset) : { line: context.position.line, column: context.position.column };
  return { file: context.file, ...spot };
}

/**
 * expandAt substitutes variables in one word; an unset plain `$NAME` is a warning (BuildKit's
 * UndefinedVar check), a malformed `${…}` an error at the word.
 *
 * @example
 * expandAt(context, { text: '$HOME/x', offset: 8 }, (n) => (n === 'HOME' ? '/root' : undefined)) // '/root/x'
 */
export function expandAt(context: LineContext, token: Token, lookup: Lookup): string {
  const result = expandWord(token.text, lookup, context.escape);
  if (result.ok === false) return failAt(context, result.problem, token);
  for (const name of result.unset) {
    if (/^[A-Za-z_]/.test(name)) warnAt(context, 'UndefinedVar', `Usage of undefined variable '$${name}'`, token);
  }
  return result.text;
}

/**
 * positionOf: where an instruction sits, from its logical line.
 *
 * @example
 * positionOf('Dockerfile', line) // { file: 'Dockerfile', line: 3, column: 1, endLine: 4 }
 */
export function positionOf(file: string, line: LogicalLine): SourcePosition {
  return { file, line: line.line, column: line.pieces[0].column, endLine: line.endLine };
}
