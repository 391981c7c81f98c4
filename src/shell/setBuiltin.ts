// `set`: shell options (-e, -x, -u, -o pipefail) and the positional parameters (`set -- a b`).
import { fatal, singleQuoted } from './builtin-errors';
import type { Io, ShellOptions, ShellState } from './state';

const LETTERS: Record<string, keyof ShellOptions> = { e: 'errexit', x: 'xtrace', u: 'nounset' };
// Accepted and ignored: they change nothing a RUN line can observe here.
const IGNORED_LETTERS = 'abCfhmnv';

/**
 * setOptions: the `set` builtin. `set -ex` turns on errexit and xtrace; `set -- a b` sets $1 $2.
 * dash (Debian's /bin/sh up to Debian 12) has no `-o pipefail`: there it is an error that stops
 * the shell, which is why `RUN set -o pipefail && …` fails on Debian-based images.
 *
 * @example
 * setOptions(state, ['-ex'], io) // 0, state.options.errexit === true
 */
export function setOptions(state: ShellState, args: string[], io: Io): number {
  if (!args.length) return listVariables(state, io);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { state.positional = args.slice(i + 1); return 0; }
    if (arg === '-o' || arg === '+o') {
      const name = args[++i] ?? '';
      if (!setNamedOption(state, name, arg === '-o')) return fatal(state, io, 'set', `Illegal option -o ${name}`);
    } else if (/^[-+][A-Za-z]+$/.test(arg)) {
      const bad = [...arg.slice(1)].find((letter) => !setLetter(state, letter, arg[0] === '-'));
      if (bad) return fatal(state, io, 'set', `Illegal option ${arg[0]}${bad}`);
    } else {
      state.positional = args.slice(i);
      return 0;
    }
  }
  return 0;
}

function setLetter(state: ShellState, letter: string, on: boolean): boolean {
  if (IGNORED_LETTERS.includes(letter)) return true;
  const option = LETTERS[letter];
  if (option) state.options[option] = on;
  return option !== undefined;
}

function setNamedOption(state: ShellState, name: string, on: boolean): boolean {
  if (name === 'pipefail' && state.flavor === 'dash') return false;
  if (!(name === 'errexit' || name === 'xtrace' || name === 'nounset' || name === 'pipefail')) return false;
  state.options[name] = on;
  return true;
}

function listVariables(state: ShellState, io: Io): number {
  for (const name of [...state.vars.keys()].sort()) io.stdout(`${name}=${singleQuoted(state.vars.get(name) ?? '')}\n`);
  return 0;
}
