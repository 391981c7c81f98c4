// Docker CLI tables: Go's text/tabwriter with the CLI's settings, and the
// two truncations the CLI applies to cells (formats.md 1.5).

/**
 * renderTable lays out rows like the Docker CLI's
 * `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`: every column but the last is
 * padded to the widest cell + 3 spaces and at least 10 characters; the last
 * column is not padded. Width counts characters (runes), as tabwriter does.
 * Each line ends with a newline.
 *
 * @example
 * renderTable([['IMAGE', 'SIZE'], ['<missing>', '0B']]);
 * // 'IMAGE        SIZE\n<missing>    0B\n'
 */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths: number[] = [];
  for (let column = 0; column < columns - 1; column++) {
    const cells = rows.filter((row) => column < row.length - 1).map((row) => runeLength(row[column]));
    widths.push(Math.max(MIN_WIDTH, ...cells.map((w) => w + PADDING)));
  }
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? padEnd(cell, widths[i]) : cell)).join('') + '\n').join('');
}

const MIN_WIDTH = 10;
const PADDING = 3;

function runeLength(text: string): number {
  return [...text].length;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - runeLength(text)));
}

/**
 * ellipsis shortens text to `maxWidth` display columns the way the Docker CLI
 * does: keep what fits in `maxWidth - 1` columns and add `…`. East Asian wide
 * characters count as two columns.
 *
 * @example
 * ellipsis('/bin/sh -c #(nop) ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in / ', 45);
 * // '/bin/sh -c #(nop) ADD file:ce026b62356eec3ad…'
 */
export function ellipsis(text: string, maxWidth: number): string {
  const chars = [...text];
  const total = chars.reduce((sum, ch) => sum + displayWidth(ch), 0);
  if (total <= maxWidth) return text;
  let width = 0;
  let kept = '';
  for (const ch of chars) {
    width += displayWidth(ch);
    if (width > maxWidth - 1) break;
    kept += ch;
  }
  return kept + '…';
}

/** A rough East Asian Width: the common wide blocks count as 2 columns. */
function displayWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * shortId is the CLI's `stringid.TruncateID`: drop a `sha256:` prefix, keep 12
 * characters. Non-IDs such as `<missing>` come back unchanged.
 *
 * @example
 * shortId('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a'); // '75ae28b8ebf8'
 */
export function shortId(id: string): string {
  const hex = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}
