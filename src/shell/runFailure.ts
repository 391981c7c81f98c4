// The line `docker build` prints when a RUN step exits non-zero. The classic builder joins the
// container's Cmd with spaces and quotes it with '…' (moby builder/dockerfile/dispatchers.go,
// dispatchRun); BuildKit quotes it Go-style (%q) in "process … did not complete successfully".

/** RunFailureOptions: the failed step's command and status. */
export interface RunFailureOptions {
  /** The RUN command line as written after `RUN`. */
  command: string;
  exitCode: number;
  /** The image's SHELL; `["/bin/sh", "-c"]` unless the Dockerfile changed it. */
  shell?: string[];
  builder?: 'classic' | 'buildkit';
}

/**
 * formatRunFailure: Docker's message for a failed RUN step.
 *
 * @example
 * formatRunFailure({ command: 'curl -fsS x', exitCode: 127 })
 * // → The command '/bin/sh -c curl -fsS x' returned a non-zero code: 127
 * formatRunFailure({ command: 'exit 3', exitCode: 3, builder: 'buildkit' })
 * // → process "/bin/sh -c exit 3" did not complete successfully: exit code: 3
 */
export function formatRunFailure({ command, exitCode, shell = ['/bin/sh', '-c'], builder = 'classic' }: RunFailureOptions): string {
  const joined = [...shell, command].join(' ');
  if (builder === 'buildkit') return `process ${goQuote(joined)} did not complete successfully: exit code: ${exitCode}`;
  return `The command '${joined}' returned a non-zero code: ${exitCode}`;
}

// Go's %q for printable text: double quotes, with `"` and `\` escaped (JSON agrees on these).
function goQuote(text: string): string {
  return JSON.stringify(text);
}
