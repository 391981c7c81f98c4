// `created_by` strings exactly as the two Docker builders write them (formats.md 2.3).
// They matter beyond display: the classic builder's cache compares them.
import type { HistoryEntry } from './types';

/**
 * goQuoteList formats a string list like Go's `fmt.Sprintf("%q", list)`:
 * brackets, each item double-quoted, items separated by a *space* (not a
 * comma). Both builders record CMD/ENTRYPOINT this way: `CMD ["nginx" "-g" "daemon off;"]`.
 *
 * @example
 * goQuoteList(['/bin/sh', '-c', 'echo "hi"']); // '["/bin/sh" "-c" "echo \\"hi\\""]'
 */
export function goQuoteList(items: readonly string[]): string {
  return '[' + items.map(goQuote).join(' ') + ']';
}

/** Go's strconv.Quote for printable text: backslash-escape `"` and `\`, name the usual controls. */
function goQuote(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (named[ch]) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return '"' + out + '"';
}

/**
 * nopCreatedBy is the classic builder's record of an instruction that changes
 * only the config (CMD, ENV, LABEL, EXPOSE, USER, …): `/bin/sh -c #(nop) ` and
 * then, after a *second* space, the instruction. The two spaces come from the
 * builder joining the args `"#(nop) "` and the instruction with a space.
 *
 * @example
 * nopCreatedBy('CMD ["/bin/sh"]'); // '/bin/sh -c #(nop)  CMD ["/bin/sh"]'
 */
export function nopCreatedBy(instruction: string): string {
  return '/bin/sh -c #(nop)  ' + instruction;
}

/**
 * classicCopyCreatedBy records a classic-builder ADD or COPY. `source` is the
 * builder's content hash of the sources (`file:<hex>`, `dir:<hex>` or
 * `multi:<hex>`); the string ends with a space.
 *
 * @example
 * classicCopyCreatedBy('ADD', 'file:ce02…', '/'); // '/bin/sh -c #(nop) ADD file:ce02… in / '
 */
export function classicCopyCreatedBy(keyword: 'ADD' | 'COPY', source: string, dest: string): string {
  return `/bin/sh -c #(nop) ${keyword} ${source} in ${dest} `;
}

/**
 * classicWorkdirCreatedBy records a classic-builder WORKDIR (one `#(nop)` arg,
 * so a single space and no trailing one).
 *
 * @example
 * classicWorkdirCreatedBy('/app'); // '/bin/sh -c #(nop) WORKDIR /app'
 */
export function classicWorkdirCreatedBy(dir: string): string {
  return `/bin/sh -c #(nop) WORKDIR ${dir}`;
}

/**
 * runCreatedBy records a classic-builder RUN: the command that ran, joined by
 * spaces (`/bin/sh -c <script>` for the shell form), prefixed by
 * `|<n> K=V …` when build args were in effect (sorted, as the builder sorts them).
 *
 * @example
 * runCreatedBy(['/bin/sh', '-c', 'apk add curl']); // '/bin/sh -c apk add curl'
 * runCreatedBy(['/bin/sh', '-c', 'make'], { V: '1' }); // '|1 V=1 /bin/sh -c make'
 */
export function runCreatedBy(command: readonly string[], buildArgs: Record<string, string> = {}): string {
  return buildArgsPrefix(buildArgs) + command.join(' ');
}

function buildArgsPrefix(buildArgs: Record<string, string>): string {
  const pairs = Object.entries(buildArgs).map(([k, v]) => `${k}=${v}`).sort();
  return pairs.length === 0 ? '' : `|${pairs.length} ${pairs.join(' ')} `;
}

/**
 * buildkitCreatedBy records an instruction the way BuildKit does: the
 * instruction text itself, with ` # buildkit` appended for the ones that run
 * or copy (RUN, COPY, ADD). Pass RUN's build args to get the `|n K=V` prefix.
 *
 * @example
 * buildkitCreatedBy('COPY hello /'); // 'COPY hello / # buildkit'
 * buildkitCreatedBy('CMD ["/hello"]'); // 'CMD ["/hello"]'
 * buildkitCreatedBy('RUN /bin/sh -c make', { V: '1' }); // 'RUN |1 V=1 /bin/sh -c make # buildkit'
 */
export function buildkitCreatedBy(instruction: string, buildArgs: Record<string, string> = {}): string {
  const keyword = instruction.split(' ', 1)[0].toUpperCase();
  if (!['RUN', 'COPY', 'ADD'].includes(keyword)) return instruction;
  const rest = instruction.slice(keyword.length + 1);
  const prefix = keyword === 'RUN' ? buildArgsPrefix(buildArgs) : '';
  return `${keyword} ${prefix}${rest} # buildkit`;
}

/**
 * BUILDKIT_COMMENT is the `comment` BuildKit puts on every history entry it writes.
 *
 * @example
 * historyEntry({ createdBy: 'COPY a / # buildkit', comment: BUILDKIT_COMMENT });
 */
export const BUILDKIT_COMMENT = 'buildkit.dockerfile.v0';

/**
 * historyEntry builds a HistoryEntry from named options, leaving out empty
 * members the way Go's `omitempty` would.
 *
 * @example
 * historyEntry({ createdBy: 'CMD ["sh"]', comment: '', emptyLayer: true }) // → { created_by: 'CMD ["sh"]', empty_layer: true }
 */
export function historyEntry({
  created,
  createdBy,
  author,
  comment,
  emptyLayer = false,
}: { created?: string; createdBy?: string; author?: string; comment?: string; emptyLayer?: boolean }): HistoryEntry {
  const entry: HistoryEntry = {};
  if (created) entry.created = created;
  if (createdBy) entry.created_by = createdBy;
  if (author) entry.author = author;
  if (comment) entry.comment = comment;
  if (emptyLayer) entry.empty_layer = true;
  return entry;
}
