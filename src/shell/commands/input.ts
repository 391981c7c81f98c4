// Reading a command's input files (or stdin for `-` or no operands). Reading never opens a file
// for writing, so in an overlay `cat` of a lower file never copies it up.
import type { CommandContext } from '../types';
import { fsError, resolvePath } from './util';

/** Input: the text of one input file, with the name it was given as. */
export interface Input { name: string; text: string }

/**
 * readInputs: reads each operand (stdin for `-` or when there are none); reports each failure
 * with `describe` and skips it. `failed` is true if any could not be read.
 *
 * @example
 * readInputs(ctx, ['a.txt'], (name, reason) => `cat: ${name}: ${reason}`)
 */
export function readInputs(ctx: CommandContext, operands: string[], describe: (name: string, reason: string) => string): { inputs: Input[]; failed: boolean } {
  const inputs: Input[] = [];
  let failed = false;
  for (const name of operands.length ? operands : ['-']) {
    const text = readInput(ctx, name);
    if (typeof text === 'string') inputs.push({ name, text });
    else {
      const line = describe(name, text.reason);
      if (line) ctx.stderr(line + '\n'); // grep -s describes nothing
      failed = true;
    }
  }
  return { inputs, failed };
}

/** readInput: one operand's text, or why it could not be read. */
export function readInput(ctx: CommandContext, name: string): string | { reason: string } {
  if (name === '-') return ctx.stdin;
  try {
    return ctx.fs.readFileSync(resolvePath(ctx, name)).toString();
  } catch (error) {
    return { reason: fsError(error) };
  }
}

/** splitLines: lines with their `\n` kept (the last may lack one). */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
