// sh as a command: `sh -c 'cmd'`, `sh -ex script.sh args`, `echo 'cmd' | sh`. It runs a new
// shell through ctx.run, so a `cd` or `export` inside does not reach the caller.
import type { Command, CommandContext } from '../types';
import { quoteWord } from '../trace';
import { readInput } from './input';

/**
 * sh: runs a command string (-c), a script file, or stdin, in a new shell.
 *
 * @example
 * // in the shell: sh -c 'echo "$1"' sh hello   →  "hello\n"
 */
export const sh: Command = (ctx) => {
  const options: string[] = [];
  let i = 0;
  let fromString = false;
  for (; i < ctx.args.length && /^[-+][a-zA-Z]+$/.test(ctx.args[i]); i++) {
    const letters = ctx.args[i].replace(/c/, () => { fromString = true; return ''; });
    if (letters.length > 1) options.push(letters);
  }
  const rest = ctx.args.slice(i);
  const script = fromString ? rest[0] : readScript(ctx, rest[0]);
  if (script === undefined) return 2;
  const positional = fromString ? rest.slice(2) : rest.slice(1); // with -c, the word after the string is $0
  return ctx.run(prelude(options, positional) + script);
};

function readScript(ctx: CommandContext, name: string | undefined): string | undefined {
  if (name === undefined || name === '-s') return ctx.stdin;
  const text = readInput(ctx, name);
  if (typeof text === 'string') return text;
  ctx.stderr(`sh: 0: cannot open ${name}: ${text.reason === 'No such file or directory' ? 'No such file' : text.reason}\n`);
  return undefined;
}

// Options and arguments are set on the same line as the script's first, so line numbers in
// its messages stay right.
function prelude(options: string[], positional: string[]): string {
  const set = options.map((o) => `set ${o}; `).join('');
  return set + (positional.length ? `set -- ${positional.map(quoteWord).join(' ')}; ` : '');
}
