// The instructions that name a command: RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK. Each takes
// the exec form (a JSON array, run as is) or the shell form (one string, run by the SHELL in
// effect). None of them substitutes variables: in the shell form the shell does that at run time.

import { failAt, warnAt, type LineContext } from './context';
import { goQuoteSlice } from './go-format';
import { goPrintSlice, nopCreatedBy, runCreatedBy } from './history';
import { readHealthConfig } from './healthcheck';
import { visibleBuildArgs, type StageScope } from './scope';
import { readJsonArray, type Token } from './words';
import type { CmdInstruction, CommandForm, HealthcheckInstruction, RunInstruction, ShellInstruction } from './types';

const NOT_STRINGS = 'when using JSON array syntax, arrays must be comprised of strings only';

/** CommandText: a command's form and its words (one word, the whole line, in the shell form). */
export interface CommandText {
  form: CommandForm;
  args: string[];
}

/**
 * readCommand reads the exec or shell form from `rest` (Docker's `parseMaybeJSON`): text that
 * is not a JSON array is the shell form.
 *
 * @example
 * readCommand(context, { text: '["echo","hi"]', offset: 4 }) // { form: 'exec', args: ['echo', 'hi'] }
 */
export function readCommand(context: LineContext, rest: Token): CommandText {
  const json = readJsonArray(rest.text);
  if (json.kind === 'not-strings') return failAt(context, NOT_STRINGS, rest);
  if (json.kind === 'json') return { form: 'exec', args: json.values };
  return { form: 'shell', args: rest.text === '' ? [] : [rest.text] };
}

function withShell(text: CommandText, scope: StageScope): string[] {
  return text.form === 'shell' ? [...scope.shell, ...text.args] : text.args;
}

/**
 * parseRun: `RUN cmd` (run by the shell) or `RUN ["exe", "arg"]`.
 *
 * @example
 * parseDockerfile('FROM a\nRUN yum install -y vim').stages[0].instructions[0].createdBy // '/bin/sh -c yum install -y vim'
 */
export function parseRun(context: LineContext, scope: StageScope): RunInstruction {
  const text = readCommand(context, context.command.rest);
  if (text.args.length === 0 && text.form === 'shell') return failAt(context, 'RUN requires at least one argument');
  const command = withShell(text, scope);
  const buildArgs = visibleBuildArgs(scope);
  const createdBy = runCreatedBy(command, buildArgs);
  const base = { position: context.position, source: context.source };
  return { kind: 'RUN', form: text.form, command, flags: context.flags, buildArgs, createdBy, ...base };
}

/**
 * parseCmd: CMD and ENTRYPOINT; the shell form is wrapped in the shell now, as Docker stores it.
 *
 * @example
 * parseDockerfile('FROM a\nCMD ["sh"]').stages[0].instructions[0].createdBy // '/bin/sh -c #(nop)  CMD ["sh"]'
 */
export function parseCmd(context: LineContext, scope: StageScope): CmdInstruction {
  const text = readCommand(context, context.command.rest);
  if (text.form === 'shell') {
    warnAt(context, 'JSONArgsRecommended', `JSON arguments recommended for ${context.keyword} to prevent unintended behavior related to OS signals`);
  }
  const command = withShell(text, scope);
  const kind = context.keyword === 'ENTRYPOINT' ? 'ENTRYPOINT' : 'CMD';
  const createdBy = nopCreatedBy(scope.shell, `${kind} ${goQuoteSlice(command)}`);
  return { kind, form: text.form, command, createdBy, position: context.position, source: context.source };
}

/**
 * parseShell: `SHELL ["/bin/bash", "-c"]` (JSON only) changes the shell of later shell forms.
 * Its own history line already starts with the new shell.
 *
 * @example
 * parseDockerfile('FROM a\nSHELL ["/bin/bash","-c"]').stages[0].instructions[0].createdBy // '/bin/bash -c #(nop)  SHELL [/bin/bash -c]'
 */
export function parseShell(context: LineContext, scope: StageScope): ShellInstruction {
  const text = readCommand(context, context.command.rest);
  if (text.args.length === 0) return failAt(context, 'SHELL requires at least one argument');
  if (text.form === 'shell') return failAt(context, 'SHELL requires the arguments to be in JSON form');
  scope.shell = [...text.args];
  const createdBy = nopCreatedBy(scope.shell, `SHELL ${goPrintSlice(scope.shell)}`);
  return { kind: 'SHELL', shell: [...text.args], createdBy, position: context.position, source: context.source };
}

/**
 * parseHealthcheck: `HEALTHCHECK [--interval=…] CMD …` or `HEALTHCHECK NONE`.
 *
 * @example
 * parseDockerfile('FROM a\nHEALTHCHECK --retries=3 CMD curl -f http://localhost/').stages[0].instructions[0]
 */
export function parseHealthcheck(context: LineContext, scope: StageScope): HealthcheckInstruction {
  const { health, comment } = readHealthConfig(context, (rest) => readCommand(context, rest));
  const createdBy = nopCreatedBy(scope.shell, comment);
  return { kind: 'HEALTHCHECK', health, createdBy, position: context.position, source: context.source };
}
