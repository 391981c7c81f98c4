// How the Docker CLI prints inspect output: the server's JSON (written with
// SetEscapeHTML(false)) wrapped in `[ … ]` and run through
// `json.Indent(…, "", "    ")`, plus a final newline (formats.md 1.1).
import { indentGo, marshalGo, type GoValue } from '../image/gojson';

/**
 * renderInspectArray prints objects the way `docker … inspect` does:
 * a JSON array, 4-space indent, `<>&` left as they are.
 *
 * @example
 * renderInspectArray([{ Id: 'x' }]); // '[\n    {\n        "Id": "x"\n    }\n]\n'
 */
export function renderInspectArray(objects: readonly GoValue[]): string {
  const compact = '[' + objects.map((o) => marshalGo(o, { escapeHTML: false })).join(',') + ']';
  return indentGo(compact, '    ') + '\n';
}

/**
 * goStringMap turns a string record into a Go map (sorted keys on output), or `null` when absent.
 *
 * @example
 * marshalGo(goStringMap({ b: '2', a: '1' })); // '{"a":"1","b":"2"}'
 */
export function goStringMap(record: Record<string, string> | null | undefined): Map<string, GoValue> | null {
  return record ? new Map(Object.entries(record)) : null;
}
