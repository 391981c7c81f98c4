// The interpreter walks the parsed command line. Control flow lives here (lists, && and ||,
// pipelines, if/for/while, groups); running one simple command lives in simpleCommand.ts.
import type { AndOr, CommandNode, ForCommand, List, Pipeline, WhileCommand } from './ast';
import { isShellSyntaxError, ShellExpansionError } from './errors';
import { expandWords } from './expand';
import { shellPrefix, syntaxErrorLine } from './messages';
import { Parser } from './parser';
import { applyRedirects } from './redirect';
import { expanderFor, runSimpleCommand } from './simpleCommand';
import { subshellOf, type Io, type ShellState } from './state';
import { dispatch } from './dispatch';

// A `while true` without `break` would hang a notebook; a real build would hang too, but a
// lesson is better served by an error.
const MAX_LOOP_ITERATIONS = 100_000;

/**
 * runScript: parses and runs `source` in `state`, one complete command at a time; returns the
 * exit status. `exit`, `set -e` and syntax errors stop it (state.exitRequested).
 *
 * @example
 * runScript(state, 'cd /tmp && echo "$PWD"', io) // 0, and io.stdout got '/tmp\n'
 */
export function runScript(state: ShellState, source: string, io: Io): number {
  const parser = new Parser(source, state.flavor !== 'dash');
  while (!state.exitRequested) {
    const list = parseNext(state, parser, io);
    if (!list) break;
    runGuarded(state, list, io);
  }
  return state.lastStatus;
}

function parseNext(state: ShellState, parser: Parser, io: Io): List | undefined {
  try {
    return parser.nextCommand();
  } catch (error) {
    if (!isShellSyntaxError(error)) throw error;
    io.stderr(syntaxErrorLine(state, error) + '\n');
    stop(state, 2);
    return undefined;
  }
}

// `set -u` and `${X:?}` failures end a non-interactive shell with status 2 (XCU 2.8.1).
function runGuarded(state: ShellState, list: List, io: Io): void {
  try {
    runList(state, list, io);
    state.loopControl = undefined; // a `break` outside any loop does nothing
  } catch (error) {
    if (!(error instanceof ShellExpansionError)) throw error;
    io.stderr(`${shellPrefix(state)}${error.message}\n`);
    stop(state, 2);
  }
}

function stop(state: ShellState, status: number): void {
  state.lastStatus = status;
  state.exitRequested = true;
}

/** runList: runs and-or lists in order until one asks the shell to stop. */
export function runList(state: ShellState, list: List, io: Io): number {
  let status = 0;
  for (const item of list.items) {
    status = runAndOr(state, item, io);
    if (state.exitRequested || state.loopControl) break;
  }
  return status;
}

// Every pipeline but the last of `a && b || c` is a condition: set -e does not fire on it.
function runAndOr(state: ShellState, node: AndOr, io: Io): number {
  const steps = [{ op: '&&', pipeline: node.first }, ...node.rest];
  let status = 0;
  for (let i = 0; i < steps.length; i++) {
    const { op, pipeline } = steps[i];
    if (i > 0 && (op === '&&') !== (status === 0)) continue;
    const isLast = i === steps.length - 1;
    status = isLast ? runPipeline(state, pipeline, io) : asCondition(state, () => runPipeline(state, pipeline, io));
    if (state.exitRequested || state.loopControl) break;
  }
  return status;
}

function asCondition(state: ShellState, run: () => number): number {
  state.conditionDepth++;
  try {
    return run();
  } finally {
    state.conditionDepth--;
  }
}

function runPipeline(state: ShellState, pipeline: Pipeline, io: Io): number {
  const statuses = pipeline.commands.length === 1
    ? [runCommand(state, pipeline.commands[0], io)]
    : runConnected(state, pipeline.commands, io);
  const failed = statuses.filter((s) => s !== 0);
  let status = state.options.pipefail && failed.length ? failed[failed.length - 1] : statuses[statuses.length - 1];
  if (pipeline.negated) status = status === 0 ? 1 : 0;
  state.lastStatus = status;
  if (status !== 0 && !pipeline.negated && state.options.errexit && state.conditionDepth === 0) state.exitRequested = true;
  return status;
}

// `a | b | c`: each part runs in a subshell; what one prints is the next one's stdin. The parts
// run one after another (not concurrently), which gives the same output for the commands we have.
function runConnected(state: ShellState, commands: CommandNode[], io: Io): number[] {
  let input = io.stdin;
  return commands.map((command, i) => {
    const captured: string[] = [];
    const last = i === commands.length - 1;
    const stdout = last ? io.stdout : (text: string) => { captured.push(text); };
    const status = runCommand(subshellOf(state), command, { stdin: input, stdout, stderr: io.stderr });
    input = captured.join('');
    return status;
  });
}

function runCommand(state: ShellState, node: CommandNode, io: Io): number {
  if (node.kind === 'simple') return runSimpleCommand(state, node, io);
  const redirected = applyRedirects(expanderFor(state, io), node.redirects, io);
  if (redirected.ok === false) {
    io.stderr(redirected.message + '\n');
    return redirected.status;
  }
  const inner = redirected.io;
  if (node.kind === 'group') return node.subshell ? runList(subshellOf(state), node.body, inner) : runList(state, node.body, inner);
  if (node.kind === 'for') return runFor(state, node, inner);
  if (node.kind === 'while') return runWhile(state, node, inner);
  for (const branch of node.branches) {
    const condition = asCondition(state, () => runList(state, branch.condition, inner));
    if (state.exitRequested) return condition;
    if (condition === 0) return runList(state, branch.body, inner);
  }
  return node.otherwise ? runList(state, node.otherwise, inner) : 0;
}

function runFor(state: ShellState, node: ForCommand, io: Io): number {
  const items = node.items ? expandWords(expanderFor(state, io), node.items) : [...state.positional];
  let status = 0;
  for (const item of items) {
    state.vars.set(node.name, item);
    status = runList(state, node.body, io);
    if (leaveLoop(state)) break;
  }
  return status;
}

function runWhile(state: ShellState, node: WhileCommand, io: Io): number {
  let status = 0;
  for (let i = 0; ; i++) {
    const condition = asCondition(state, () => runList(state, node.condition, io));
    if (state.exitRequested || (condition === 0) === node.until) break;
    if (i >= MAX_LOOP_ITERATIONS) {
      io.stderr(`${shellPrefix(state)}loop stopped after ${MAX_LOOP_ITERATIONS} iterations (layerlab's limit)\n`);
      return 1;
    }
    status = runList(state, node.body, io);
    if (leaveLoop(state)) break;
  }
  return status;
}

// After one pass of a loop body: true if the loop must end (exit, or `break`).
function leaveLoop(state: ShellState): boolean {
  const control = state.loopControl;
  if (state.exitRequested) return true;
  if (!control) return false;
  state.loopControl = control.levels > 1 ? { ...control, levels: control.levels - 1 } : undefined;
  return control.kind === 'break' || control.levels > 1;
}

dispatch.runScript = runScript;
