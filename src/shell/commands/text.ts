// Commands that read text and print some of it: cat, head, tail, wc.
import type { Command, CommandContext } from '../types';
import { readInputs, splitLines, type Input } from './input';
import { parseOptions, usageError } from './util';

/**
 * cat: prints files (or stdin) in order; `cat: x: No such file or directory` for a missing one.
 *
 * @example
 * // in the shell: cat /etc/hostname
 */
export const cat: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'uAnE' });
  if (opts.error) return usageError(ctx, 'cat', opts.error);
  const { inputs, failed } = readInputs(ctx, opts.operands, (name, reason) => `cat: ${name}: ${reason}`);
  for (const input of inputs) ctx.stdout(opts.flags.has('n') ? numbered(input.text) : input.text);
  return failed ? 1 : 0;
};

function numbered(text: string): string {
  return splitLines(text).map((line, i) => `${String(i + 1).padStart(6)}\t${line}`).join('');
}

// `head -3` and `tail -3` are the old spelling of `-n 3`.
function countArgs(args: string[]): string[] {
  return args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

/**
 * head: the first 10 lines (or `-n N` lines, `-c N` bytes) of each input.
 *
 * @example
 * // in the shell: head -n 1 /etc/passwd   →  "root:x:0:0:root:/root:/bin/sh\n"
 */
export const head: Command = (ctx) => pick(ctx, 'head', (text, n, bytes) => (bytes ? text.slice(0, n) : splitLines(text).slice(0, n).join('')));

/**
 * tail: the last 10 lines (`-n N`; `-n +N` starts at line N) of each input.
 *
 * @example
 * // in the shell: printf 'a\nb\nc\n' | tail -n 2   →  "b\nc\n"
 */
export const tail: Command = (ctx) => pick(ctx, 'tail', (text, n, bytes, fromStart) => {
  const items = bytes ? [...text] : splitLines(text);
  return (fromStart ? items.slice(Math.max(n - 1, 0)) : items.slice(Math.max(items.length - n, 0))).join('');
});

type Picker = (text: string, n: number, bytes: boolean, fromStart: boolean) => string;

function pick(ctx: CommandContext, name: string, picker: Picker): number {
  const opts = parseOptions(countArgs(ctx.args), { flags: 'qvfF', withValue: 'nc', long: { lines: 'n', bytes: 'c' } });
  if (opts.error) return usageError(ctx, name, opts.error);
  const count = opts.values.get('c') ?? opts.values.get('n') ?? '10';
  if (!/^\+?\d+$/.test(count)) {
    ctx.stderr(`${name}: invalid number of ${opts.values.has('c') ? 'bytes' : 'lines'}: '${count}'\n`);
    return 1;
  }
  const { inputs, failed } = readInputs(ctx, opts.operands, (file, reason) => `${name}: cannot open '${file}' for reading: ${reason}`);
  const headers = inputs.length > 1 || opts.flags.has('v');
  inputs.forEach((input, i) => {
    if (headers) ctx.stdout(`${i ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    ctx.stdout(picker(input.text, parseInt(count, 10), opts.values.has('c'), count.startsWith('+')));
  });
  return failed ? 1 : 0;
}

/**
 * wc: counts lines (-l), words (-w) and bytes (-c); `wc -l < file` prints just the number.
 *
 * @example
 * // in the shell: printf 'a b\nc\n' | wc -l   →  "2\n"
 */
export const wc: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (opts.error) return usageError(ctx, 'wc', opts.error);
  const wanted = opts.flags.size ? ['l', 'w', 'm', 'c'].filter((f) => opts.flags.has(f)) : ['l', 'w', 'c'];
  const { inputs, failed } = readInputs(ctx, opts.operands, (name, reason) => `wc: ${name}: ${reason}`);
  const rows = inputs.map((input) => ({ name: input.name === '-' && !opts.operands.length ? '' : input.name, counts: wanted.map((f) => countOf(input, f)) }));
  if (rows.length > 1) rows.push({ name: 'total', counts: wanted.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i], 0)) });
  const width = wanted.length === 1 && rows.length === 1 ? 0 : widthFor(rows.map((r) => r.counts), inputs);
  for (const row of rows) ctx.stdout([...row.counts.map((n) => String(n).padStart(width)), ...(row.name ? [row.name] : [])].join(' ') + '\n');
  return failed ? 1 : 0;
};

function countOf(input: Input, flag: string): number {
  if (flag === 'l') return (input.text.match(/\n/g) ?? []).length;
  if (flag === 'w') return (input.text.match(/\S+/g) ?? []).length;
  if (flag === 'm') return [...input.text].length;
  return Buffer.byteLength(input.text);
}

// GNU wc sizes its columns from the total byte count of regular files, and uses 7 for stdin.
function widthFor(counts: number[][], inputs: Input[]): number {
  if (inputs.some((i) => i.name === '-')) return 7;
  return Math.max(1, ...counts.flat().map((n) => String(n).length));
}
