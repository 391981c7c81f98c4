// The `--name=value` flags an instruction accepts (buildkit `instructions/bflag.go` and the
// `AddString`/`AddBool` calls in `instructions/parse.go`). Unknown, repeated or value-less flags
// are errors in Docker's words.

import type { Token } from './words';

/** FlagKind: a string flag needs `=value`; a bool may stand alone; a list may repeat. */
export type FlagKind = 'string' | 'bool' | 'list';

/** FLAGS: which flags each instruction accepts; instructions not named take none. */
export const FLAGS: Record<string, Record<string, FlagKind>> = {
  FROM: { platform: 'string' },
  RUN: { mount: 'list', network: 'string', security: 'string' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'list' },
  ADD: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'list' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

/** ParsedFlags: each used flag's values in order (a bool's value is 'true' or 'false'). */
export type ParsedFlags = Record<string, string[]>;

/** FlagProblem: Docker's complaint and the flag it is about. */
export interface FlagProblem {
  problem: string;
  token: Token;
}

/**
 * parseFlags checks `tokens` against what `instruction` accepts.
 *
 * @example
 * parseFlags('COPY', [{ text: '--from=build', offset: 5 }]) // { from: ['build'] }
 */
export function parseFlags(instruction: string, tokens: Token[]): ParsedFlags | FlagProblem {
  const accepted = FLAGS[instruction] ?? {};
  const flags: ParsedFlags = {};
  for (const token of tokens) {
    const body = token.text.slice(2);
    const equals = body.indexOf('=');
    const name = equals < 0 ? body : body.slice(0, equals);
    const kind = accepted[name];
    if (!kind) return { problem: `Unknown flag: ${name}`, token };
    if (flags[name] && kind !== 'list') return { problem: `Duplicate flag specified: ${name}`, token };
    const value = flagValue(kind, name, equals < 0 ? undefined : body.slice(equals + 1));
    if (typeof value !== 'string') return { ...value, token };
    flags[name] = [...(flags[name] ?? []), value];
  }
  return flags;
}

function flagValue(kind: FlagKind, name: string, value: string | undefined): string | { problem: string } {
  if (kind !== 'bool') return value === undefined ? { problem: `Missing a value on flag: ${name}` } : value;
  if (value === undefined) return 'true';
  if (value === '') return { problem: `Missing a value on flag: ${name}` };
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower;
  return { problem: `Expecting boolean value for flag ${name}, not: ${value}` };
}

/** isFlagProblem: tells a FlagProblem from ParsedFlags. */
export function isFlagProblem(result: ParsedFlags | FlagProblem): result is FlagProblem {
  return typeof (result as FlagProblem).problem === 'string';
}
