// printf (XCU printf): the format is reused until all arguments are consumed; missing arguments
// count as empty strings or zero.
import type { Command, CommandContext } from '../types';
import { formatEscapes, interpretEscapes } from './escapes';

const SPEC = /%([-+ #0]*)(\d+|\*)?(?:\.(\d*|\*))?([sdiouxXcbfFeEgG%])/g;

/**
 * printf: `printf '%s=%d\n' a 1 b 2` prints "a=1\nb=2\n".
 *
 * @example
 * // in the shell: printf '%-5s|%03d\n' ab 7   →  "ab   |007\n"
 */
export const printf: Command = (ctx) => {
  if (!ctx.args.length) {
    ctx.stderr('printf: missing operand\n');
    return 1;
  }
  const format = ctx.args[0];
  const args = ctx.args.slice(1);
  const state = { next: 0, status: 0, stop: false };
  do {
    const before = state.next;
    ctx.stdout(formatOnce(ctx, format, args, state));
    if (state.next === before) break; // a format without conversions prints once
  } while (state.next < args.length && !state.stop);
  return state.status;
};

interface FormatState { next: number; status: number; stop: boolean }

function formatOnce(ctx: CommandContext, format: string, args: string[], state: FormatState): string {
  let out = '';
  let last = 0;
  for (const m of format.matchAll(SPEC)) {
    out += literal(format.slice(last, m.index), state);
    last = (m.index ?? 0) + m[0].length;
    if (state.stop) return out;
    if (m[4] === '%') { out += '%'; continue; }
    const width = m[2] === '*' ? Number(args[state.next++] ?? 0) : m[2] ? Number(m[2]) : 0;
    const precision = m[3] === '*' ? Number(args[state.next++] ?? 0) : m[3] !== undefined ? Number(m[3] || 0) : undefined;
    const body = convert(ctx, m[4], args[state.next++] ?? '', precision, m[1], state);
    out += pad(body, width, m[1], /[diouxXfFeEgG]/.test(m[4]));
    if (state.stop) return out;
  }
  return out + literal(format.slice(last), state);
}

function literal(text: string, state: FormatState): string {
  const out = formatEscapes(text);
  if (out.stop) state.stop = true;
  return out.text;
}

function convert(ctx: CommandContext, conversion: string, arg: string, precision: number | undefined, flags: string, state: FormatState): string {
  if (conversion === 's') return precision === undefined ? arg : arg.slice(0, precision);
  if (conversion === 'c') return arg.slice(0, 1);
  if (conversion === 'b') {
    const out = interpretEscapes(arg);
    if (out.stop) state.stop = true;
    return out.text;
  }
  const value = numeric(ctx, arg, state);
  if (/[fFeEgG]/.test(conversion)) return formatFloat(value, conversion, precision ?? 6);
  const int = Math.trunc(value);
  const digits = conversion === 'o' ? Math.abs(int).toString(8) : /[xX]/.test(conversion) ? Math.abs(int).toString(16) : String(Math.abs(int));
  const sign = int < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const body = precision === undefined ? digits : digits.padStart(precision, '0');
  return sign + (conversion === 'X' ? body.toUpperCase() : body);
}

function formatFloat(value: number, conversion: string, precision: number): string {
  if (/[fF]/.test(conversion)) return value.toFixed(precision);
  const text = /[eE]/.test(conversion) ? value.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(value.toPrecision(precision || 1)));
  return conversion === 'E' || conversion === 'G' ? text.toUpperCase() : text;
}

// printf accepts 'c (a character code) and 0x1F; anything else is an error that still prints 0.
function numeric(ctx: CommandContext, arg: string, state: FormatState): number {
  if (arg === '') return 0;
  if (/^['"]/.test(arg)) return arg.charCodeAt(1) || 0;
  const value = /^[-+]?0[xX][0-9a-fA-F]+$/.test(arg) ? parseInt(arg, 16) : /^[-+]?0[0-7]+$/.test(arg) ? parseInt(arg, 8) : Number(arg.trim());
  if (Number.isNaN(value)) {
    ctx.stderr(`printf: '${arg}': expected a numeric value\n`);
    state.status = 1;
    return 0;
  }
  return value;
}

function pad(body: string, width: number, flags: string, isNumber: boolean): string {
  if (body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (isNumber && flags.includes('0')) {
    const sign = /^[-+ ]/.test(body) ? body[0] : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}
