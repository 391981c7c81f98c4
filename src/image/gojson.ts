// Go's encoding/json, the parts Docker's bytes depend on.
//
// An image ID is the sha256 of the config *bytes* (formats.md 2.1, pitfall 7.1), so
// matching a real ID means writing exactly what Go writes: struct fields in
// declaration order, map keys sorted, no spaces, `<>&` escaped (formats.md 2.5).
// JavaScript's JSON.stringify differs on all three, hence this small encoder.

/**
 * GoValue is the shape the encoder accepts. A plain object stands for a Go
 * *struct*: its keys are written in insertion order and `undefined` members are
 * skipped (that is how a caller expresses `omitempty`). A `Map` stands for a Go
 * *map*: its keys are written sorted, the way Go sorts them (by UTF-8 bytes).
 *
 * @example
 * const v: GoValue = { b: 1, a: new Map([['z', 1], ['y', 2]]) };
 */
export type GoValue =
  | null
  | boolean
  | number
  | string
  | GoValue[]
  | Map<string, GoValue>
  | { [field: string]: GoValue | undefined };

/**
 * quoteGo writes `text` as a JSON string the way Go does: `\u003c \u003e \u0026`
 * when escapeHTML is on (json.Marshal), `\u2028 \u2029` always, control
 * characters as `\n \r \t` or `\u00XX` (Go before 1.22 also writes `\b \f` that
 * way), and a lone UTF-16 surrogate as `\ufffd` (Go sees invalid UTF-8).
 *
 * @example
 * quoteGo('echo a > b', true); // '"echo a \\u003e b"'
 */
export function quoteGo(text: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const pair = code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
      out += pair ? text[i] + text[++i] : '\ufffd';
    } else {
      out += escapeChar(text[i], code, escapeHTML);
    }
  }
  return out + '"';
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function escapeChar(ch: string, code: number, escapeHTML: boolean): string {
  if (ch === '"' || ch === '\\') return '\\' + ch;
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  const html = escapeHTML && (ch === '<' || ch === '>' || ch === '&');
  if (code < 0x20 || html || code === 0x2028 || code === 0x2029) {
    return '\\u' + code.toString(16).padStart(4, '0');
  }
  return ch;
}

/**
 * marshalGo encodes a GoValue compactly, like Go's `json.Marshal`
 * (`escapeHTML: true`, the default) or a `json.Encoder` with
 * `SetEscapeHTML(false)` (without its trailing newline).
 *
 * @example
 * marshalGo({ b: 1, a: new Map([['z', true], ['y', null]]) }); // '{"b":1,"a":{"y":null,"z":true}}'
 */
export function marshalGo(value: GoValue, { escapeHTML = true }: { escapeHTML?: boolean } = {}): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteGo(value, escapeHTML);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[' + value.map((v) => marshalGo(v, { escapeHTML })).join(',') + ']';
  const entries = value instanceof Map ? sortedEntries(value) : Object.entries(value);
  const members = entries
    .filter((entry): entry is [string, GoValue] => entry[1] !== undefined)
    .map(([key, v]) => quoteGo(key, escapeHTML) + ':' + marshalGo(v, { escapeHTML }));
  return '{' + members.join(',') + '}';
}

function formatNumber(n: number): string {
  // Every number in Docker's JSON is an integer (sizes, counts, durations in ns).
  if (!Number.isSafeInteger(n)) throw new RangeError(`marshalGo: ${n} is not a safe integer`);
  return String(n);
}

/**
 * sortedEntries returns a Map's entries ordered like Go's map encoding: by the
 * UTF-8 bytes of the key (which differs from JavaScript's UTF-16 order only
 * for characters outside the Basic Multilingual Plane).
 *
 * @example
 * sortedEntries(new Map([['b', 1], ['a', 2]])); // [['a', 2], ['b', 1]]
 */
export function sortedEntries<V>(map: Map<string, V>): [string, V][] {
  return [...map.entries()].sort((x, y) => Buffer.compare(Buffer.from(x[0]), Buffer.from(y[0])));
}

/**
 * indentGo re-indents compact JSON like Go's `json.Indent(dst, src, prefix, indent)`:
 * one member per line, `": "` after keys, and empty `{}`/`[]` kept on one line.
 * Escapes inside strings are copied unchanged.
 *
 * @example
 * indentGo('{"a":[],"b":[1]}', '    ');
 * // '{\n    "a": [],\n    "b": [\n        1\n    ]\n}'
 */
export function indentGo(json: string, indent: string, prefix = ''): string {
  let out = '';
  let depth = 0;
  const newline = (): string => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (ch === '"') {
      const end = endOfString(json, i);
      out += json.slice(i, end);
      i = end - 1;
    } else if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      if (json[i + 1] === close) {
        out += ch + close;
        i++;
      } else {
        depth++;
        out += ch + newline();
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      out += newline() + ch;
    } else if (ch === ',') out += ',' + newline();
    else if (ch === ':') out += ': ';
    else if (!/\s/.test(ch)) out += ch;
  }
  return out;
}

/** Index just past the closing quote of the JSON string starting at `start`. */
function endOfString(json: string, start: number): number {
  let i = start + 1;
  while (i < json.length && json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
  return i + 1;
}
