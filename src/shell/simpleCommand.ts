// Running one simple command (XCU 2.9.1): expand the words, trace them (set -x), apply the
// redirections, then find the command and run it.
import type { SimpleCommand } from './ast';
import { findSpecialBuiltin } from './builtins';
import { expandWord, expandWords, type Expander } from './expand';
import { dispatch } from './dispatch';
import { runProgram } from './program';
import { applyRedirects } from './redirect';
import { subshellOf, type Io, type ShellState } from './state';
import { traceLine } from './trace';

/** expanderFor: an Expander whose `$( )` runs in a subshell of `state`. */
export function expanderFor(state: ShellState, io: Io): Expander & { substitutions: number[] } {
  const substitutions: number[] = [];
  const substitute = (source: string): string => {
    const out: string[] = [];
    const sub = subshellOf(state);
    substitutions.push(dispatch.runScript(sub, source, { stdin: io.stdin, stdout: (t) => { out.push(t); }, stderr: io.stderr }));
    return out.join('');
  };
  return { state, substitute, substitutions };
}

/**
 * runSimpleCommand: runs `A=1 cmd args > file` and returns its exit status.
 *
 * @example
 * runSimpleCommand(state, parsedEchoCommand, io) // 0
 */
export function runSimpleCommand(state: ShellState, node: SimpleCommand, io: Io): number {
  state.line = node.line;
  const expander = expanderFor(state, io);
  const assignments = node.assignments.map((a): [string, string] => [a.name, expandWord(expander, a.value)]);
  const argv = expandWords(expander, node.words);
  if (state.options.xtrace && (argv.length || assignments.length)) io.stderr(traceLine(assignments, argv));
  const redirected = applyRedirects(expander, node.redirects, io);
  if (redirected.ok === false) {
    io.stderr(redirected.message + '\n');
    return redirected.status;
  }
  if (!argv.length) {
    for (const [name, value] of assignments) state.vars.set(name, value);
    return expander.substitutions[expander.substitutions.length - 1] ?? 0; // `A=$(false)` fails
  }
  const special = findSpecialBuiltin(state, argv[0]);
  if (special) {
    for (const [name, value] of assignments) state.vars.set(name, value); // they persist (XCU 2.14)
    return special(state, argv.slice(1), redirected.io);
  }
  return runProgram(state, argv, assignments, redirected.io);
}
