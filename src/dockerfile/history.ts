// The `created_by` text the classic builder records for each instruction (formats.md §2.3;
// moby `builder/dockerfile/dispatchers.go`, `internals.go`). It is the container's Cmd joined
// with spaces: the shell, then `#(nop) ` and a comment for instructions that run nothing.

import { goFormatDuration, goQuote, goQuoteRune, goQuoteSlice } from './go-format';
import type { CopyInstruction, HealthConfig } from './types';

/** DEFAULT_SHELL: the shell of Linux images until a SHELL instruction changes it. */
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/**
 * nopCreatedBy: history text of an instruction that only changes the config. Note the two spaces:
 * Docker appends `#(nop) ` and the comment as two separate arguments.
 *
 * @example
 * nopCreatedBy(['/bin/sh', '-c'], 'CMD ["sh"]') // '/bin/sh -c #(nop)  CMD ["sh"]'
 */
export function nopCreatedBy(shell: readonly string[], comment: string): string {
  return [...shell, '#(nop) ', comment].join(' ');
}

/**
 * runCreatedBy: history text of RUN; build args in effect are prefixed as `|N K=V …`, sorted.
 *
 * @example
 * runCreatedBy(['/bin/sh', '-c', 'make'], { A: 'b' }) // '|1 A=b /bin/sh -c make'
 */
export function runCreatedBy(command: string[], buildArgs: Record<string, string>): string {
  const pairs = Object.keys(buildArgs).map((key) => `${key}=${buildArgs[key]}`).sort();
  const prefix = pairs.length > 0 ? [`|${pairs.length}`, ...pairs] : [];
  return [...prefix, ...command].join(' ');
}

/**
 * workdirCreatedBy: WORKDIR commits a real (maybe empty) layer, and its comment is one argument,
 * so there is a single space after `#(nop)`.
 *
 * @example
 * workdirCreatedBy(['/bin/sh', '-c'], '/app') // '/bin/sh -c #(nop) WORKDIR /app'
 */
export function workdirCreatedBy(shell: readonly string[], path: string): string {
  return [...shell, `#(nop) WORKDIR ${path}`].join(' ');
}

/**
 * copyCreatedBy: history text of COPY/ADD once the builder knows the sources' hash
 * (`file:<sha256>`, `dir:<sha256>` or `multi:<sha256>`, formats.md §2.4). Docker glues
 * `--chown=` straight onto the hash, with no space, and ends with a space.
 *
 * @example
 * copyCreatedBy({ kind: 'ADD', destination: '/', shell: ['/bin/sh', '-c'] }, 'file:ab') // '/bin/sh -c #(nop) ADD file:ab in / '
 */
export function copyCreatedBy(copy: Pick<CopyInstruction, 'kind' | 'destination' | 'shell' | 'chown'>, sourceHash: string): string {
  const chown = copy.chown ? `--chown=${copy.chown}` : '';
  return [...copy.shell, `#(nop) ${copy.kind} ${chown}${sourceHash} in ${copy.destination} `].join(' ');
}

/**
 * healthcheckComment: Docker formats the HealthConfig struct with `%q`, which gives Go's struct
 * syntax with quoted durations and the retry count as a rune literal (Docker 27 field order).
 *
 * @example
 * healthcheckComment({ test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 })
 * // `HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" '\x00'}`
 */
export function healthcheckComment(health: HealthConfig): string {
  const durations = [health.interval, health.timeout, health.startPeriod, health.startInterval];
  const fields = [goQuoteSlice(health.test), ...durations.map((ns) => goQuote(goFormatDuration(ns))), goQuoteRune(health.retries)];
  return `HEALTHCHECK &{${fields.join(' ')}}`;
}

/**
 * goPrintSlice is fmt's `%v` of a []string, used by VOLUME and SHELL: `[a b]`.
 *
 * @example
 * goPrintSlice(['/data']) // '[/data]'
 */
export function goPrintSlice(items: string[]): string {
  return `[${items.join(' ')}]`;
}
