// Go's text formats that leak into `docker history`: the classic builder writes its history lines
// with fmt verbs (`CMD %q`, `VOLUME %v`, `HEALTHCHECK %q`), so matching Docker byte for byte
// means speaking a little Go: strconv.Quote, fmt's slice syntax, time.Duration.String/ParseDuration.

const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * goQuote is Go's strconv.Quote: double quotes, backslash escapes, printable Unicode kept.
 *
 * @example
 * goQuote('say "hi"\n') // '"say \\"hi\\"\\n"'
 */
export function goQuote(text: string, quote = '"'): string {
  let out = quote;
  for (const ch of text) out += quoteChar(ch, quote);
  return out + quote;
}

function quoteChar(ch: string, quote: string): string {
  if (ch === quote || ch === '\\') return '\\' + ch;
  const code = ch.codePointAt(0) as number;
  if (code >= 0x20 && code < 0x7f) return ch;
  if (ESCAPES[ch]) return ESCAPES[ch];
  if (code >= 0x80 && PRINTABLE.test(ch)) return ch;
  if (code < 0x80) return '\\x' + hex(code, 2);
  return code < 0x10000 ? '\\u' + hex(code, 4) : '\\U' + hex(code, 8);
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/**
 * goQuoteSlice is fmt's `%q` of a []string: `["a" "b"]` (spaces, not commas).
 *
 * @example
 * goQuoteSlice(['/bin/sh', '-c', 'echo hi']) // '["/bin/sh" "-c" "echo hi"]'
 */
export function goQuoteSlice(items: string[]): string {
  return '[' + items.map((item) => goQuote(item)).join(' ') + ']';
}

/**
 * goQuoteRune is fmt's `%q` of an int: a Go rune literal, so 3 prints as `'\x03'`.
 *
 * @example
 * goQuoteRune(3) // "'\\x03'"
 */
export function goQuoteRune(value: number): string {
  const valid = Number.isInteger(value) && value >= 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
  return goQuote(String.fromCodePoint(valid ? value : 0xfffd), "'");
}

const NS = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 } as Record<string, number>;

/**
 * goFormatDuration is Go's time.Duration.String for a count of nanoseconds.
 *
 * @example
 * goFormatDuration(90e9) // '1m30s'
 */
export function goFormatDuration(ns: number): string {
  if (ns < 0) return '-' + goFormatDuration(-ns);
  if (ns === 0) return '0s';
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${trimZeros(ns / 1e3)}µs`;
  if (ns < 1e9) return `${trimZeros(ns / 1e6)}ms`;
  const hours = Math.floor(ns / 3600e9);
  const minutes = Math.floor((ns % 3600e9) / 60e9);
  const seconds = `${trimZeros((ns % 60e9) / 1e9)}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}

function trimZeros(value: number): string {
  return String(Number(value.toFixed(9)));
}

/**
 * goParseDuration is Go's time.ParseDuration: `1m30s`, `1.5h`, `300ms` → nanoseconds, or Go's
 * error text when the string is not a duration.
 *
 * @example
 * goParseDuration('1m30s') // 90000000000
 */
export function goParseDuration(text: string): number | { problem: string } {
  const invalid = { problem: `time: invalid duration ${goQuote(text)}` };
  const body = text.replace(/^[-+]/, '');
  if (body === '0') return 0;
  if (/^((\d+\.?\d*|\.\d+)[a-zµμ]+)*(\d+\.?\d*|\.\d+)$/.test(body)) {
    return { problem: `time: missing unit in duration ${goQuote(text)}` };
  }
  if (body === '' || !/^((\d+\.?\d*|\.\d+)[a-zµμ]+)+$/.test(body)) return invalid;
  let total = 0;
  for (const [, number, unit] of body.matchAll(/(\d+\.?\d*|\.\d+)([a-zµμ]+)/g)) {
    if (NS[unit] === undefined) return { problem: `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    total += Number(number) * NS[unit];
  }
  return Math.round(text.startsWith('-') ? -total : total);
}
