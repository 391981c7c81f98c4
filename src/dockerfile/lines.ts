// From text to logical lines: the first pass of Docker's parser (buildkit `parser/parser.go`
// `Parse`). It reads directives at the top, drops comments and blank lines, and joins lines that
// end in the escape character. Each logical line remembers which physical line and column every
// piece came from, so errors deep inside an argument can still point at the right spot.

import { DockerfileParseError } from './errors';
import { applyDirective, readDirective } from './directives';
import type { Directives, ParseWarning } from './types';

/** LinePiece: a stretch of a logical line that starts at `offset` and came from (line, column). */
export interface LinePiece {
  offset: number;
  line: number;
  column: number;
}

/** LogicalLine: one instruction's text with continuations joined, and where its pieces came from. */
export interface LogicalLine {
  text: string;
  line: number;
  endLine: number;
  pieces: LinePiece[];
}

/** SplitLines: the result of `splitLines`. */
export interface SplitLines {
  lines: LogicalLine[];
  directives: Directives;
  warnings: ParseWarning[];
}

/**
 * splitLines cuts Dockerfile text into logical lines and reads its parser directives.
 *
 * @example
 * splitLines('RUN a \\\n    b\n', 'Dockerfile').lines[0].text // 'RUN a     b'
 */
export function splitLines(text: string, file: string): SplitLines {
  const physical = text.replace(/^\uFEFF/, '').split('\n').map((line) => line.replace(/\r$/, ''));
  const directives: Directives = { escape: '\\' };
  const warnings: ParseWarning[] = [];
  const lines: LogicalLine[] = [];
  const seen = new Set<string>();
  let readingDirectives = true;
  for (let index = 0; index < physical.length; index++) {
    const raw = physical[index];
    if (readingDirectives) {
      const directive = readDirective(raw.trimStart());
      if (directive) {
        const problem = applyDirective(directives, seen, directive);
        if (problem) throw new DockerfileParseError(problem, { file, line: index + 1, column: 1 });
        continue;
      }
      readingDirectives = false;
    }
    if (isComment(raw) || raw.trim() === '') continue;
    const joined = joinContinuations(physical, index, directives.escape);
    index = joined.line.endLine - 1;
    lines.push(joined.line);
    if (joined.emptyContinuation) warnings.push(emptyContinuationWarning(joined.line, file));
  }
  return { lines, directives, warnings };
}

// Docker's `isComment`: `#` after optional leading whitespace. A `#` later on a line is text.
function isComment(line: string): boolean {
  return /^\s*#/.test(line);
}

// Continuation lines keep their leading whitespace (only the first line is left-trimmed), which
// is why `docker history` shows `apt-get update &&     apt-get install` with the gap inside.
function joinContinuations(physical: string[], start: number, escape: string) {
  const first = physical[start];
  const indent = first.length - first.replace(/^\s+/, '').length;
  const line: LogicalLine = { text: '', line: start + 1, endLine: start + 1, pieces: [] };
  let piece = cutContinuation(first.slice(indent), escape);
  line.pieces.push({ offset: 0, line: start + 1, column: indent + 1 });
  line.text = piece.text;
  let emptyContinuation = false;
  let index = start;
  while (piece.continues && index + 1 < physical.length) {
    const next = physical[++index];
    line.endLine = index + 1;
    if (isComment(next)) continue;
    if (next.trim() === '') {
      emptyContinuation = true;
      continue;
    }
    piece = cutContinuation(next, escape);
    line.pieces.push({ offset: line.text.length, line: index + 1, column: 1 });
    line.text += piece.text;
  }
  return { line, emptyContinuation };
}

// The escape character, then only spaces or tabs, at the end of a line continues it.
function cutContinuation(text: string, escape: string): { text: string; continues: boolean } {
  const match = /[ \t]*$/.exec(text);
  const end = match ? match.index : text.length;
  if (end > 0 && text[end - 1] === escape) return { text: text.slice(0, end - 1), continues: true };
  return { text, continues: false };
}

function emptyContinuationWarning(line: LogicalLine, file: string): ParseWarning {
  return {
    rule: 'NoEmptyContinuation',
    message: `Empty continuation line found in: ${line.text.trim()}. Empty continuation lines will become errors in a future release`,
    location: { file, line: line.line, column: line.pieces[0].column },
  };
}

/**
 * locate maps an offset inside a logical line back to the physical line and column.
 *
 * @example
 * locate(splitLines('RUN a \\\nb', 'Dockerfile').lines[0], 6) // { line: 2, column: 1 }
 */
export function locate(line: LogicalLine, offset: number): { line: number; column: number } {
  let piece = line.pieces[0];
  for (const candidate of line.pieces) if (candidate.offset <= offset) piece = candidate;
  return { line: piece.line, column: piece.column + Math.max(0, offset - piece.offset) };
}
