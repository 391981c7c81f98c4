// grep: prints matching lines. Exit status 0 if something matched, 1 if nothing, 2 on error,
// which is what `RUN grep -q … || …` relies on.
import type { Command, CommandContext } from '../types';
import { escapeRegExp } from '../pattern';
import { readInputs, splitLines } from './input';
import { translateRegex } from './regex';
import { parseOptions, usageError } from './util';

/**
 * grep: `grep -q '^app:' /etc/passwd`, `grep -v '^#' f`, `grep -n -i error log`, `grep -E 'a|b'`.
 *
 * @example
 * // in the shell: grep -c ^root /etc/passwd   →  "1\n"
 */
export const grep: Command = (ctx) => {
  const opts = parseOptions(ctx.args, {
    flags: 'ivncqlLEFGwxshHo', withValue: 'e',
    long: { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', quiet: 'q', silent: 'q', 'files-with-matches': 'l', 'extended-regexp': 'E', 'fixed-strings': 'F' },
  });
  if (opts.error) return usageError(ctx, 'grep', opts.error, 2);
  const patterns = opts.values.has('e') ? [opts.values.get('e')!] : opts.operands.slice(0, 1);
  const files = opts.values.has('e') ? opts.operands : opts.operands.slice(1);
  if (!patterns.length) return usageError(ctx, 'grep', 'no pattern given', 2);
  const regex = buildRegex(patterns[0], opts.flags);
  const { inputs, failed } = readInputs(ctx, files, (name, reason) => (opts.flags.has('s') ? '' : `grep: ${name}: ${reason}`));
  const showNames = (files.length > 1 || opts.flags.has('H')) && !opts.flags.has('h');
  let matched = false;
  for (const input of inputs) {
    const name = input.name === '-' ? '(standard input)' : input.name;
    const hits = matchingLines(input.text, regex, opts.flags.has('v'));
    matched ||= hits.length > 0;
    if (opts.flags.has('q')) continue;
    report(ctx, opts.flags, name, showNames, hits);
  }
  if (opts.flags.has('q') && matched) return 0;
  return failed ? 2 : matched ? 0 : 1;
};

function buildRegex(pattern: string, flags: Set<string>): RegExp {
  let source = flags.has('F') ? escapeRegExp(pattern) : translateRegex(pattern, flags.has('E'));
  if (flags.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (flags.has('x')) source = `^(?:${source})$`;
  return new RegExp(source, flags.has('i') ? 'i' : '');
}

function matchingLines(text: string, regex: RegExp, invert: boolean): { number: number; line: string }[] {
  return splitLines(text)
    .map((raw, i) => ({ number: i + 1, line: raw.replace(/\n$/, '') }))
    .filter(({ line }) => regex.test(line) !== invert);
}

function report(ctx: CommandContext, flags: Set<string>, name: string, showNames: boolean, hits: { number: number; line: string }[]): void {
  const prefix = showNames ? `${name}:` : '';
  if (flags.has('l')) { if (hits.length) ctx.stdout(name + '\n'); return; }
  if (flags.has('L')) { if (!hits.length) ctx.stdout(name + '\n'); return; }
  if (flags.has('c')) { ctx.stdout(`${prefix}${hits.length}\n`); return; }
  for (const hit of hits) ctx.stdout(`${prefix}${flags.has('n') ? `${hit.number}:` : ''}${hit.line}\n`);
}
