import { describe, expect, it } from 'vitest';
import { parseArgs, parseCommandArgs, type OptionSpec } from '../../src/cli/args';
import { isUsageError } from '../../src/cli/command';

const spec: Record<string, OptionSpec> = {
  json: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  all: { type: 'boolean', short: 'a' },
};

describe('parseArgs', () => {
  const accepted: [string, string[], Record<string, string | boolean>, string[]][] = [
    ['positionals stay in order', ['a', 'b'], {}, ['a', 'b']],
    ['a boolean flag', ['--json', 'img'], { json: true }, ['img']],
    ['a value in the next argument', ['--format', 'table', 'img'], { format: 'table' }, ['img']],
    ['a value after =', ['--format=a=b'], { format: 'a=b' }, []],
    ['short aliases', ['-a', '-f', 'x'], { all: true, format: 'x' }, []],
    ['everything after -- is positional', ['--json', '--', '--all', '-f'], { json: true }, ['--all', '-f']],
    ['a lone - is positional (it often means stdin)', ['-'], {}, ['-']],
  ];
  it.each(accepted)('accepts %s', (_name, argv, options, positionals) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: true, args: { options, positionals } });
  });

  const rejected: [string, string[], string][] = [
    ['an unknown long option', ['--colour'], "unknown option '--colour'"],
    ['an unknown short option', ['-z'], "unknown option '-z'"],
    ['a string option without a value', ['--format'], "option '--format' needs a value"],
    ['a boolean option given a value', ['--json=yes'], "option '--json' takes no value"],
  ];
  it.each(rejected)('rejects %s', (_name, argv, problem) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, problem });
  });
});

describe('parseCommandArgs', () => {
  it('throws a UsageError carrying the problem', () => {
    let caught: unknown;
    try {
      parseCommandArgs(['--nope'], spec);
    } catch (error) {
      caught = error;
    }
    expect(isUsageError(caught)).toBe(true);
    expect((caught as Error).message).toBe("unknown option '--nope'");
  });
});
