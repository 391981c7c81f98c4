// The shape of a parsed command line: plain data, so a test (or a curious student) can print it.
// Names follow the POSIX shell grammar (XCU 2.10): a *list* of *and-or lists* of *pipelines*
// of *commands*.
//
// @example
//   new Parser('a && b | c').nextCommand()
//   // { items: [{ first: <pipeline a>, rest: [{ op: '&&', pipeline: <b | c> }] }] }

/** ParamOp: the operator inside `${NAME<op>word}`, e.g. `:-` for a default value. */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'length';

/** WordPart: one piece of a word; `quoted` parts are neither split into fields nor globbed. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; op?: ParamOp; arg?: WordPart[]; quoted: boolean }
  | { kind: 'command'; source: string; quoted: boolean };

/** Word: a shell word before expansion, e.g. `"$HOME"/*.txt` is three parts. */
export interface Word {
  parts: WordPart[];
  raw: string;
}

/** RedirectOp: the redirection operators the shell understands. */
export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '>|';

/** Redirect: `fd op target`, e.g. `2>&1` is `{ fd: 2, op: '>&', target: '1' }`. */
export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
}

/** Assignment: `NAME=value` in front of a command (or alone). */
export interface Assignment {
  name: string;
  value: Word;
}

/** SimpleCommand: assignments, words and redirections, e.g. `A=1 echo $A > out`. */
export interface SimpleCommand {
  kind: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

/** IfCommand: `if c; then a; elif c2; then b; else d; fi`. */
export interface IfCommand {
  kind: 'if';
  branches: { condition: List; body: List }[];
  otherwise?: List;
  redirects: Redirect[];
}

/** ForCommand: `for name in words; do body; done` (no `in` means "$@"). */
export interface ForCommand {
  kind: 'for';
  name: string;
  items?: Word[];
  body: List;
  redirects: Redirect[];
}

/** WhileCommand: `while c; do body; done`; `until` runs while the condition fails. */
export interface WhileCommand {
  kind: 'while';
  until: boolean;
  condition: List;
  body: List;
  redirects: Redirect[];
}

/** GroupCommand: `{ list; }` runs in this shell, `( list )` in a subshell. */
export interface GroupCommand {
  kind: 'group';
  subshell: boolean;
  body: List;
  redirects: Redirect[];
}

/** CommandNode: anything that can stand in a pipeline. */
export type CommandNode = SimpleCommand | IfCommand | ForCommand | WhileCommand | GroupCommand;

/** Pipeline: `! a | b | c`; the status is that of the last command (inverted by `!`). */
export interface Pipeline {
  negated: boolean;
  commands: CommandNode[];
}

/** AndOr: `a && b || c`, evaluated left to right. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** List: and-or lists separated by `;`, `&` or newlines. */
export interface List {
  items: AndOr[];
}
