import { describe, expect, it } from 'vitest';
import { DockerfileParseError, isDockerfileParseError } from '../../src/dockerfile/errors';
import { formatError } from '../../src/dockerfile/format-error';
import { parseDockerfile } from '../../src/dockerfile/parse';

function errorOf(text: string, options = {}): { reason: string; line: number; column: number } {
  try {
    parseDockerfile(text, options);
  } catch (error) {
    if (isDockerfileParseError(error)) return { reason: error.reason, line: error.line, column: error.column };
    throw error;
  }
  throw new Error('expected a DockerfileParseError');
}

describe('DockerfileParseError: Docker\'s messages, with line and column', () => {
  it.each([
    ['', 'Dockerfile cannot be empty', 1, 1],
    ['# only a comment\n\n', 'Dockerfile cannot be empty', 1, 1],
    ['FROM a\nFOO bar', 'unknown instruction: FOO (did you mean FROM?)', 2, 1],
    ['FROM a\n  frobnicate x', 'unknown instruction: frobnicate', 2, 3],
    ['RUN echo hi', 'no build stage in current context', 1, 1],
    ['ARG A\n', 'dockerfile contains no stages to build', 1, 1],
    ['FROM', 'FROM requires either one or three arguments', 1, 1],
    ['FROM a b', 'FROM requires either one or three arguments', 1, 1],
    ['FROM a AS 1st', 'invalid name for build stage: "1st", name can\'t start with a number or contain symbols', 1, 1],
    ['FROM a AS x\nFROM b AS x', 'duplicate stage name "x"', 2, 11],
    ['ARG B\nFROM $B', 'base name ($B) should not be blank', 2, 6],
    ['FROM a\nCOPY onlyone', 'COPY requires at least two arguments, but only one was provided. Destination could not be determined', 2, 1],
    ['FROM a\nADD', 'ADD requires at least two arguments, but only one was provided. Destination could not be determined', 2, 1],
    ['FROM a\nCOPY a b c', 'When using COPY with more than one source file, the destination must be a directory and end with a /', 2, 10],
    ['FROM a\nCOPY https://x/y /', "source can't be a URL for COPY", 2, 6],
    ['FROM a\nCOPY --form=x a /', 'Unknown flag: form', 2, 6],
    ['FROM a\nCOPY --from=a --from=b a /', 'Duplicate flag specified: from', 2, 15],
    ['FROM a\nCOPY --from a /', 'Missing a value on flag: from', 2, 6],
    ['FROM a\nCOPY --link=maybe a /', 'Expecting boolean value for flag link, not: maybe', 2, 6],
    ['FROM a\nWORKDIR --x=1 /', 'Unknown flag: x', 2, 9],
    ['FROM a\nRUN ["echo", 1]', 'when using JSON array syntax, arrays must be comprised of strings only', 2, 5],
    ['FROM a\nRUN', 'RUN requires at least one argument', 2, 1],
    ['FROM a\nENV', 'ENV requires at least one argument', 2, 1],
    ['FROM a\nENV ONLYKEY', 'ENV must have two arguments', 2, 1],
    ['FROM a\nENV A=1 B', 'Syntax error - can\'t find = in "B". Must be of the form: name=value', 2, 9],
    ['FROM a\nENV =1', 'ENV names can not be blank', 2, 5],
    ['FROM a\nLABEL', 'LABEL requires at least one argument', 2, 1],
    ['FROM a\nARG', 'ARG requires at least one argument', 2, 1],
    ['FROM a\nARG =x', 'ARG names can not be blank', 2, 5],
    ['FROM a\nWORKDIR', 'WORKDIR requires exactly one argument', 2, 1],
    ['FROM a\nUSER', 'USER requires exactly one argument', 2, 1],
    ['FROM a\nEXPOSE', 'EXPOSE requires at least one argument', 2, 1],
    ['FROM a\nEXPOSE 80 http', 'invalid containerPort: http', 2, 11],
    ['FROM a\nVOLUME', 'VOLUME requires at least one argument', 2, 1],
    ['FROM a\nVOLUME ["/a", " "]', 'VOLUME specified can not be an empty string', 2, 8],
    ['FROM a\nSHELL /bin/bash -c', 'SHELL requires the arguments to be in JSON form', 2, 1],
    ['FROM a\nSHELL []', 'SHELL requires at least one argument', 2, 1],
    ['FROM a\nSTOPSIGNAL SIGFOO', 'Invalid signal: SIGFOO', 2, 12],
    ['FROM a\nSTOPSIGNAL', 'STOPSIGNAL requires exactly one argument', 2, 1],
    ['FROM a\nMAINTAINER', 'MAINTAINER requires exactly one argument', 2, 1],
    ['FROM a\nONBUILD ONBUILD RUN x', "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", 2, 9],
    ['FROM a\nONBUILD FROM x', "FROM isn't allowed as an ONBUILD trigger", 2, 9],
    ['FROM a\nHEALTHCHECK', 'HEALTHCHECK requires at least one argument', 2, 1],
    ['FROM a\nHEALTHCHECK NONE x', 'HEALTHCHECK NONE takes no arguments', 2, 18],
    ['FROM a\nHEALTHCHECK CMD', 'Missing command after HEALTHCHECK CMD', 2, 1],
    ['FROM a\nHEALTHCHECK PING x', 'Unknown type "PING" in HEALTHCHECK (try CMD)', 2, 1],
    ['FROM a\nHEALTHCHECK --interval=10us CMD x', 'Interval "interval" cannot be less than 1ms', 2, 1],
    ['FROM a\nHEALTHCHECK --timeout=soon CMD x', 'time: invalid duration "soon"', 2, 1],
    ['FROM a\nHEALTHCHECK --retries=-1 CMD x', '--retries cannot be negative (-1)', 2, 1],
  ])('%j → %s', (text, reason, line, column) => {
    expect(errorOf(text)).toEqual({ reason, line, column });
  });

  it('points inside a continued line at the offending word', () => {
    expect(errorOf('FROM a\nCOPY a \\\n     b \\\n  c')).toEqual({
      reason: 'When using COPY with more than one source file, the destination must be a directory and end with a /',
      line: 4,
      column: 3,
    });
  });

  it('reports a bad substitution at its word, with Docker\'s "failed to process"', () => {
    expect(errorOf('FROM a\nWORKDIR /x/${A')).toEqual({ reason: 'failed to process "/x/${A": syntax error: missing \'}\'', line: 2, column: 9 });
  });

  it('carries code EDOCKERFILE, the file name and a message that includes the position', () => {
    try {
      parseDockerfile('FROM a\nFOO', { file: 'app/Dockerfile.dev' });
      throw new Error('expected a DockerfileParseError');
    } catch (error) {
      expect(error).toBeInstanceOf(DockerfileParseError);
      expect(error).toMatchObject({ code: 'EDOCKERFILE', file: 'app/Dockerfile.dev', line: 2, column: 1 });
      expect((error as Error).message).toBe('app/Dockerfile.dev:2:1: unknown instruction: FOO (did you mean FROM?)');
    }
  });

  it('is recognised across realms by name and code', () => {
    expect(isDockerfileParseError({ name: 'DockerfileParseError', code: 'EDOCKERFILE' })).toBe(true);
    expect(isDockerfileParseError(new Error('x'))).toBe(false);
  });
});

describe('formatError', () => {
  it('shows the message, the line before, the offending line and a caret at the column', () => {
    const text = 'FROM alpine\nCOPY --form=x a /\n';
    let rendered = '';
    try {
      parseDockerfile(text);
    } catch (error) {
      rendered = formatError(error, text);
    }
    expect(rendered).toBe(['Dockerfile:2:6: Unknown flag: form', '  1 | FROM alpine', '> 2 | COPY --form=x a /', '    |      ^'].join('\n'));
  });

  it('pads line numbers to the widest one shown', () => {
    const text = `${'FROM a\n'.repeat(9)}BAD x\n`;
    let rendered = '';
    try {
      parseDockerfile(text);
    } catch (error) {
      rendered = formatError(error, text);
    }
    expect(rendered.split('\n').slice(1)).toEqual(['   9 | FROM a', '> 10 | BAD x', '     | ^']);
  });

  it('returns the message of any other error', () => {
    expect(formatError(new Error('boom'), '')).toBe('boom');
  });
});
