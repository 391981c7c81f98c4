import { describe, expect, it } from 'vitest';
import { isDockerfileParseError } from '../../src/dockerfile/errors';
import { parseDockerfile } from '../../src/dockerfile/parse';

function errorOf(text: string) {
  try {
    parseDockerfile(text);
  } catch (error) {
    if (isDockerfileParseError(error)) return { reason: error.reason, line: error.line, column: error.column };
    throw error;
  }
  return undefined;
}

describe('stage references', () => {
  it('lets COPY --from name a later stage (BuildKit resolves all names)', () => {
    const parsed = parseDockerfile('FROM a\nCOPY --from=later /x /x\nFROM b AS later\nRUN true');
    expect(parsed.stages[0].instructions[0]).toMatchObject({ from: { kind: 'stage', index: 1, name: 'later' } });
  });

  it('matches stage names case-insensitively, since names are lowercased', () => {
    const parsed = parseDockerfile('FROM a AS Build\nFROM b\nCOPY --from=BUILD /x /x');
    expect(parsed.stages[1].instructions[0]).toMatchObject({ from: { kind: 'stage', index: 0, name: 'build' } });
  });

  it('treats FROM of a name not yet defined as an image, as Docker does', () => {
    const parsed = parseDockerfile('FROM later\nFROM b AS later');
    expect(parsed.stages[0].from.base).toEqual({ kind: 'image', ref: 'later' });
  });

  it('warns when --from names neither a stage nor something that looks like an image reference', () => {
    const parsed = parseDockerfile('FROM a AS builder\nFROM b\nCOPY --from=biulder /x /x');
    expect(parsed.warnings.map((w) => w.rule)).toEqual(['CopyFromImage']);
    expect(parsed.warnings[0].location).toEqual({ file: 'Dockerfile', line: 3, column: 1 });
  });

  it('rejects a stage index that does not exist', () => {
    expect(errorOf('FROM a\nFROM b\nCOPY --from=5 /x /x')).toEqual({
      reason: 'invalid from flag value 5: there is no stage with index 5',
      line: 3,
      column: 1,
    });
  });

  it('rejects a stage that copies from itself', () => {
    expect(errorOf('FROM a AS self\nCOPY --from=self /x /x')).toEqual({ reason: 'circular dependency detected on stage: self', line: 2, column: 1 });
  });

  it('rejects a cycle through two COPY --from', () => {
    const text = 'FROM a AS one\nCOPY --from=two /x /x\nFROM b AS two\nCOPY --from=one /y /y';
    expect(errorOf(text)).toMatchObject({ reason: expect.stringMatching(/^circular dependency detected on stage: (one|two)$/) });
  });

  it('rejects a cycle closed by FROM <stage>, reporting the COPY that is part of it', () => {
    const text = 'FROM a AS one\nRUN true\nCOPY --from=two /x /x\nFROM one AS two';
    expect(errorOf(text)).toEqual({ reason: 'circular dependency detected on stage: one', line: 3, column: 1 });
  });

  it('accepts a chain without cycles', () => {
    const text = 'FROM a AS one\nFROM one AS two\nCOPY --from=one /x /x\nFROM scratch\nCOPY --from=two /x /x';
    expect(parseDockerfile(text).stages.map((s) => s.from.base.kind)).toEqual(['image', 'stage', 'scratch']);
  });

  it('gives a stage built FROM another stage that stage\'s ENV and WORKDIR, but not its ARGs', () => {
    const text = 'FROM a AS base\nARG V=1\nENV E=2\nWORKDIR /w\nFROM base\nWORKDIR x$E$V';
    const parsed = parseDockerfile(text);
    expect(parsed.stages[1].instructions[0]).toMatchObject({ path: 'x2', resolvedPath: '/w/x2' });
  });
});
