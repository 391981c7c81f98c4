// Errors of the shell's own domain. Commands never throw for user mistakes (they print and return
// a status); the only thing that can go wrong before a command runs is the command line itself.

/** SyntaxProblem: what the parser found, independent of how a given shell words it. */
export type SyntaxProblem =
  | { kind: 'unexpected'; token: string }
  | { kind: 'eof'; expecting?: string }
  | { kind: 'unterminated'; quote: string }
  | { kind: 'bad-substitution'; text: string }
  | { kind: 'unsupported'; feature: string };

/**
 * ShellSyntaxError: the command line could not be parsed; `data` says where and why.
 * The shell prints it in the chosen flavor's words (see `syntaxErrorLine`) and exits with 2.
 *
 * @example
 * try { parseAll('echo "oops') } catch (e) { if (isShellSyntaxError(e)) console.log(e.data.line) }
 */
export class ShellSyntaxError extends Error {
  readonly code = 'ShellSyntaxError';
  readonly name = 'ShellSyntaxError';
  constructor(readonly data: { line: number; problem: SyntaxProblem }) {
    super(`Syntax error on line ${data.line}: ${describeProblem(data.problem)}. Check quotes and operators on that line.`);
  }
}

/** isShellSyntaxError: true for a ShellSyntaxError, also across realms (notebook cells). */
export function isShellSyntaxError(error: unknown): error is ShellSyntaxError {
  return error instanceof ShellSyntaxError || (error as { name?: unknown } | null)?.name === 'ShellSyntaxError';
}

/** describeProblem: dash's wording of a syntax problem, e.g. `"&&" unexpected`. */
export function describeProblem(problem: SyntaxProblem): string {
  switch (problem.kind) {
    case 'unexpected': return `"${problem.token}" unexpected`;
    case 'eof': return problem.expecting ? `end of file unexpected (expecting "${problem.expecting}")` : 'end of file unexpected';
    case 'unterminated': return 'Unterminated quoted string';
    case 'bad-substitution': return 'Bad substitution';
    case 'unsupported': return `${problem.feature} is not supported by layerlab's shell`;
  }
}

/**
 * ShellExpansionError: a word could not be expanded (`set -u` and an unset variable, or
 * `${VAR:?message}`). A non-interactive shell stops with status 2, as dash and bash do.
 *
 * @example
 * new ShellExpansionError('HOME', 'parameter not set').message // 'HOME: parameter not set'
 */
export class ShellExpansionError extends Error {
  readonly code = 'ShellExpansionError';
  readonly name = 'ShellExpansionError';
  constructor(readonly parameter: string, readonly reason: string) {
    super(`${parameter}: ${reason}`);
  }
}
