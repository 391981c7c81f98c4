import { describe, expect, it } from 'vitest';
import { locate, splitLines } from '../../src/dockerfile/lines';
import { parseDockerfile } from '../../src/dockerfile/parse';
import { isDockerfileParseError } from '../../src/dockerfile/errors';

function texts(text: string): string[] {
  return splitLines(text, 'Dockerfile').lines.map((line) => line.text);
}

describe('splitLines: comments, blank lines, continuations', () => {
  it('drops comment lines (also indented ones) and blank lines; a # later on a line is text', () => {
    expect(texts('# a comment\n\n   # indented\nRUN echo # not a comment\n')).toEqual(['RUN echo # not a comment']);
  });

  it('joins continuations, keeping the indentation of continued lines (history shows the gap)', () => {
    expect(texts('RUN apt-get update && \\\n    apt-get install -y vim\n')).toEqual(['RUN apt-get update &&     apt-get install -y vim']);
  });

  it('allows blanks after the escape and comment lines inside a continuation', () => {
    expect(texts('RUN a \\   \n# inside\n  b\n')).toEqual(['RUN a   b']);
  });

  it('skips empty continuation lines but warns (NoEmptyContinuation)', () => {
    const split = splitLines('RUN a \\\n\n  b\n', 'Dockerfile');
    expect(split.lines.map((line) => line.text)).toEqual(['RUN a   b']);
    expect(split.warnings.map((w) => w.rule)).toEqual(['NoEmptyContinuation']);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    expect(texts('\uFEFFFROM a\r\nRUN b \\\r\n c\r\n')).toEqual(['FROM a', 'RUN b  c']);
  });

  it('keeps where each piece came from, for positions inside continued lines', () => {
    const line = splitLines('  RUN a \\\nbc', 'Dockerfile').lines[0];
    expect(line).toMatchObject({ line: 1, endLine: 2 });
    expect(locate(line, 0)).toEqual({ line: 1, column: 3 });
    expect(locate(line, line.text.indexOf('bc'))).toEqual({ line: 2, column: 1 });
  });
});

describe('splitLines: parser directives (reference "Parser directives")', () => {
  it('reads syntax, escape and check at the top, with any spacing and case', () => {
    const split = splitLines('# syntax=docker/dockerfile:1\n#ESCAPE = `\n# check=skip=JSONArgsRecommended\nFROM a\n', 'Dockerfile');
    expect(split.directives).toEqual({ escape: '`', syntax: 'docker/dockerfile:1', check: 'skip=JSONArgsRecommended' });
  });

  it('switches the continuation character to the backtick (the Windows example)', () => {
    const text = '# escape=`\n\nFROM microsoft/nanoserver\nCOPY testfile.txt c:\\\nRUN dir c:\\\n';
    expect(texts(text)).toEqual(['FROM microsoft/nanoserver', 'COPY testfile.txt c:\\', 'RUN dir c:\\']);
    expect(texts('# escape=`\nRUN a `\n  b')).toEqual(['RUN a   b']);
  });

  it('without the directive, the same file continues the COPY line into the RUN line', () => {
    expect(texts('FROM microsoft/nanoserver\nCOPY testfile.txt c:\\\nRUN dir c:\\\n')).toEqual([
      'FROM microsoft/nanoserver',
      'COPY testfile.txt c:RUN dir c:',
    ]);
  });

  it('ignores a directive after a comment, a blank line or an instruction', () => {
    expect(splitLines('# a comment\n# escape=`\nFROM a', 'Dockerfile').directives.escape).toBe('\\');
    expect(splitLines('\n# escape=`\nFROM a', 'Dockerfile').directives.escape).toBe('\\');
    expect(splitLines('FROM a\n# escape=`\n', 'Dockerfile').directives.escape).toBe('\\');
  });

  it('treats an unknown directive as a comment that ends the directives', () => {
    expect(splitLines('# unknowndirective=value\n# escape=`\nFROM a', 'Dockerfile').directives.escape).toBe('\\');
  });

  it('rejects a repeated directive and a bad escape character, at their line', () => {
    const errorOf = (text: string) => {
      try {
        parseDockerfile(text);
      } catch (error) {
        if (isDockerfileParseError(error)) return { reason: error.reason, line: error.line, column: error.column };
      }
      return undefined;
    };
    expect(errorOf('# escape=\\\n# escape=`\nFROM a')).toEqual({ reason: 'only one escape parser directive can be used', line: 2, column: 1 });
    expect(errorOf('# escape=x\nFROM a')).toEqual({ reason: "invalid escape token 'x' does not match ` or \\", line: 1, column: 1 });
  });
});
