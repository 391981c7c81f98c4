// test and [ : file tests, string and integer comparisons, !, -a, -o and parentheses, evaluated
// with the POSIX rules for 0–4 arguments (XCU test, "Application Usage") and a small
// recursive-descent parser beyond that. Status 0 = true, 1 = false, 2 = error.
import type { Stats } from 'node:fs';
import type { Command, CommandContext } from '../types';
import { resolvePath, statOf } from './util';

class TestError {
  constructor(readonly message: string) {}
}

/**
 * test: `test -f /etc/os-release`, `test "$A" = yes`, `test 3 -gt 2`.
 *
 * @example
 * // in the shell: test -d /app && echo yes
 */
export const test: Command = (ctx) => evaluate(ctx, 'test', ctx.args);

/**
 * bracket: `[ … ]`, the same as test but the last argument must be `]`.
 *
 * @example
 * // in the shell: [ -z "$DEBUG" ] || set -x
 */
export const bracket: Command = (ctx) => {
  if (ctx.args[ctx.args.length - 1] !== ']') {
    ctx.stderr("[: missing ']'\n");
    return 2;
  }
  return evaluate(ctx, '[', ctx.args.slice(0, -1));
};

function evaluate(ctx: CommandContext, name: string, args: string[]): number {
  const result = safely(() => byCount(ctx, args));
  if (result instanceof TestError) {
    ctx.stderr(`${name}: ${result.message}\n`);
    return 2;
  }
  return result ? 0 : 1;
}

function safely(run: () => boolean): boolean | TestError {
  try {
    return run();
  } catch (error) {
    if (error instanceof TestError) return error;
    throw error;
  }
}

// POSIX fixes the meaning for up to four arguments, so `[ "$x" = -n ]` works whatever $x is.
function byCount(ctx: CommandContext, a: string[]): boolean {
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) return a[0] === '!' ? a[1] === '' : unary(ctx, a[0], a[1]);
  if (a.length === 3 && BINARY.has(a[1])) return binary(a[0], a[1], a[2]);
  if (a.length === 3 && a[0] === '!') return !byCount(ctx, a.slice(1));
  if (a.length === 3 && a[0] === '(' && a[2] === ')') return a[1] !== '';
  if (a.length === 4 && a[0] === '!') return !byCount(ctx, a.slice(1));
  return new ExpressionParser(ctx, a).parse();
}

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-a', '-o', '-nt', '-ot', '-ef']);

function binary(left: string, op: string, right: string): boolean {
  switch (op) {
    case '=': case '==': return left === right;
    case '!=': return left !== right;
    case '<': return left < right;
    case '>': return left > right;
    case '-a': return left !== '' && right !== '';
    case '-o': return left !== '' || right !== '';
    default: return compareIntegers(integer(left), op, integer(right));
  }
}

function compareIntegers(l: number, op: string, r: number): boolean {
  const results: Record<string, boolean> = { '-eq': l === r, '-ne': l !== r, '-lt': l < r, '-le': l <= r, '-gt': l > r, '-ge': l >= r };
  if (!(op in results)) throw new TestError(`${op}: unknown operator`); // -nt/-ot/-ef need two files
  return results[op];
}

function integer(text: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestError(`${text}: integer expression expected`);
  return Number(text);
}

const FILE_TESTS: Record<string, (s: Stats) => boolean> = {
  '-e': () => true, '-f': (s) => s.isFile(), '-d': (s) => s.isDirectory(), '-s': (s) => s.size > 0,
  '-b': (s) => s.isBlockDevice(), '-c': (s) => s.isCharacterDevice(), '-p': (s) => s.isFIFO(), '-S': (s) => s.isSocket(),
  '-u': (s) => (s.mode & 0o4000) !== 0, '-g': (s) => (s.mode & 0o2000) !== 0, '-k': (s) => (s.mode & 0o1000) !== 0,
};

function unary(ctx: CommandContext, op: string, operand: string): boolean {
  if (op === '-z') return operand === '';
  if (op === '-n') return operand !== '';
  if (op === '-L' || op === '-h') return statOf(ctx, resolvePath(ctx, operand), false)?.isSymbolicLink() === true;
  if (op === '-r' || op === '-w' || op === '-x') return permitted(ctx, operand, op);
  const check = FILE_TESTS[op];
  if (!check) throw new TestError(`${op}: unary operator expected`);
  const stats = statOf(ctx, resolvePath(ctx, operand));
  return stats !== undefined && check(stats);
}

// root may read and write anything, and execute anything with an x bit (or any directory).
function permitted(ctx: CommandContext, operand: string, op: string): boolean {
  const stats = statOf(ctx, resolvePath(ctx, operand));
  if (!stats) return false;
  const bit = op === '-r' ? 4 : op === '-w' ? 2 : 1;
  if (ctx.uid === 0) return bit !== 1 || stats.isDirectory() || (stats.mode & 0o111) !== 0;
  const shift = stats.uid === ctx.uid ? 6 : stats.gid === ctx.gid ? 3 : 0;
  return ((stats.mode >> shift) & bit) !== 0;
}

// expr: or ; or: and ('-o' and)* ; and: not ('-a' not)* ; not: '!' not | primary
class ExpressionParser {
  private pos = 0;
  constructor(private readonly ctx: CommandContext, private readonly args: string[]) {}

  parse(): boolean {
    const value = this.or();
    if (this.pos < this.args.length) throw new TestError(`${this.args[this.pos]}: unexpected operator`);
    return value;
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.pos] === '-o') { this.pos++; value = this.and() || value; }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.args[this.pos] === '-a') { this.pos++; value = this.not() && value; }
    return value;
  }

  private not(): boolean {
    if (this.args[this.pos] === '!') { this.pos++; return !this.not(); }
    return this.primary();
  }

  private primary(): boolean {
    const [a, b, c] = this.args.slice(this.pos);
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      this.pos++;
      const value = this.or();
      if (this.args[this.pos++] !== ')') throw new TestError("')' expected");
      return value;
    }
    if (b !== undefined && c !== undefined && BINARY.has(b) && b !== '-a' && b !== '-o') { this.pos += 3; return binary(a, b, c); }
    if (/^-[a-zA-Z]$/.test(a) && b !== undefined) { this.pos += 2; return unary(this.ctx, a, b); }
    this.pos++;
    return a !== '';
  }
}
