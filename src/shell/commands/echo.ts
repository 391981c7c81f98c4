// echo differs between shells, and that difference bites in Dockerfiles: bash and BusyBox ash
// take -n, -e and -E and print `\n` literally by default; dash takes only -n, always expands
// escapes, and prints `-e` as text. So `RUN echo -e "a\nb"` prints "-e a" on Debian.
import type { Command } from '../types';
import { interpretEscapes } from './escapes';

/**
 * echo: the bash/ash echo builtin (-n: no newline, -e: expand escapes, -E: don't).
 *
 * @example
 * // in the shell: echo -e 'a\tb'   →  "a	b\n"
 */
export const echo: Command = (ctx) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < ctx.args.length && /^-[neE]+$/.test(ctx.args[i]); i++) {
    for (const letter of ctx.args[i].slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  const text = ctx.args.slice(i).join(' ');
  const out = escapes ? interpretEscapes(text) : { text, stop: false };
  ctx.stdout(out.text + (newline && !out.stop ? '\n' : ''));
  return 0;
};

/**
 * dashEcho: dash's echo builtin: only a first `-n` is an option; escapes are always expanded.
 *
 * @example
 * // in dash: echo -e 'a\nb'   →  "-e a\nb\n"
 */
export const dashEcho: Command = (ctx) => {
  const newline = ctx.args[0] !== '-n';
  const out = interpretEscapes(ctx.args.slice(newline ? 0 : 1).join(' '));
  ctx.stdout(out.text + (newline && !out.stop ? '\n' : ''));
  return 0;
};
