// Parser directives: `# syntax=`, `# escape=`, `# check=` at the very top of a Dockerfile.
// Docker's rules (reference "Parser directives"; buildkit `parser/directives.go`): they are only
// looked for before the first instruction, comment or blank line; an unknown directive is a plain
// comment and ends the search; each may appear once; they never continue onto the next line.

import type { Directives } from './types';

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN = ['syntax', 'escape', 'check'];

/** DirectiveLine: a line that looks like a known directive. */
export interface DirectiveLine {
  name: 'syntax' | 'escape' | 'check';
  value: string;
}

/**
 * readDirective returns the known directive on `line`, or undefined when the line is anything
 * else (which also ends the directive section).
 *
 * @example
 * readDirective('# escape=`') // { name: 'escape', value: '`' }
 */
export function readDirective(line: string): DirectiveLine | undefined {
  const match = DIRECTIVE.exec(line);
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  if (!KNOWN.includes(name)) return undefined;
  return { name: name as DirectiveLine['name'], value: match[2] };
}

/**
 * applyDirective records `directive` in `directives`, or returns Docker's complaint when the
 * directive repeats or names an escape character other than `\` or `` ` ``.
 *
 * @example
 * const d: Directives = { escape: '\\' }; applyDirective(d, new Set(), { name: 'escape', value: '`' }) // undefined
 */
export function applyDirective(directives: Directives, seen: Set<string>, directive: DirectiveLine): string | undefined {
  if (seen.has(directive.name)) return `only one ${directive.name} parser directive can be used`;
  seen.add(directive.name);
  if (directive.name !== 'escape') {
    directives[directive.name] = directive.value;
    return undefined;
  }
  if (directive.value !== '\\' && directive.value !== '`') {
    return `invalid escape token '${directive.value}' does not match \` or \\`;
  }
  directives.escape = directive.value;
  return undefined;
}
