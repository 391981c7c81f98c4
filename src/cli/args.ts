// A small argument parser, written out so a reader can see every rule: `--flag`, `--name value`,
// `--name=value`, `-x`, and `--` to end the options. It returns the problem instead of throwing,
// so callers decide how to report it (main turns it into a UsageError and exit status 2).
import { UsageError } from './command';

/** OptionSpec: one option a command accepts. Boolean options take no value. */
export interface OptionSpec {
  type: 'boolean' | 'string';
  /** short: a one-letter alias, used as `-x`. */
  short?: string;
}

/** ParsedArgs: option values by long name, and the remaining positional arguments in order. */
export interface ParsedArgs {
  options: Record<string, string | boolean>;
  positionals: string[];
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; problem: string };

function findOption(spec: Record<string, OptionSpec>, token: string): string | undefined {
  if (token.startsWith('--')) return token.slice(2) in spec ? token.slice(2) : undefined;
  return Object.keys(spec).find((name) => spec[name].short === token.slice(1));
}

/**
 * parseArgs splits `argv` into options (as declared in `spec`) and positionals.
 * @example
 * parseArgs(['--format=json', 'alpine'], { format: { type: 'string' } })
 * // { ok: true, args: { options: { format: 'json' }, positionals: ['alpine'] } }
 */
export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParseResult {
  const args: ParsedArgs = { options: {}, positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') return { ok: true, args: { ...args, positionals: [...args.positionals, ...argv.slice(i + 1)] } };
    if (!token.startsWith('-') || token === '-') {
      args.positionals.push(token);
      continue;
    }
    const [flag, inlineValue] = splitInlineValue(token);
    const name = findOption(spec, flag);
    if (name === undefined) return { ok: false, problem: `unknown option '${flag}'` };
    if (spec[name].type === 'boolean') {
      if (inlineValue !== undefined) return { ok: false, problem: `option '${flag}' takes no value` };
      args.options[name] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined) return { ok: false, problem: `option '${flag}' needs a value` };
    args.options[name] = value;
  }
  return { ok: true, args };
}

/** `--name=value` → ['--name', 'value']; anything else → [token, undefined]. */
function splitInlineValue(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  if (!token.startsWith('--') || eq < 0) return [token, undefined];
  return [token.slice(0, eq), token.slice(eq + 1)];
}

/**
 * parseCommandArgs is parseArgs for a command's `run`: it throws a UsageError (which main turns
 * into one sentence and exit status 2) instead of returning the problem.
 * @example
 * const { options, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
 */
export function parseCommandArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const result = parseArgs(argv, spec);
  if (result.ok === false) throw new UsageError({ problem: result.problem });
  return result.args;
}
