import { describe, expect, it } from 'vitest';
import { cleanPath, isIgnored, parseDockerignore } from '../../src/dockerfile/dockerignore';
import { isDockerfileParseError } from '../../src/dockerfile/errors';

function ignored(rules: string, paths: string[]): string[] {
  const patterns = parseDockerignore(rules);
  return paths.filter((path) => isIgnored(patterns, path));
}

describe('parseDockerignore', () => {
  it('skips comments and blank lines, trims, cleans and strips a leading slash', () => {
    const patterns = parseDockerignore('# comment\n\n  /foo/bar  \n./baz/\n!  /keep//me\n');
    expect(patterns.map((p) => [p.pattern, p.exception, p.line])).toEqual([
      ['foo/bar', false, 3],
      ['baz', false, 4],
      ['keep/me', true, 5],
    ]);
  });

  it('rejects a lone "!" and a malformed pattern, with the line', () => {
    const errorOf = (text: string) => {
      try {
        parseDockerignore(text);
      } catch (error) {
        if (isDockerfileParseError(error)) return { reason: error.reason, file: error.file, line: error.line };
      }
      return undefined;
    };
    expect(errorOf('a\n!\n')).toEqual({ reason: 'illegal exclusion pattern: "!"', file: '.dockerignore', line: 2 });
    expect(errorOf('[a-\n')).toEqual({ reason: 'syntax error in pattern: [a-', file: '.dockerignore', line: 1 });
    expect(errorOf('a\\')).toEqual({ reason: 'syntax error in pattern: a\\', file: '.dockerignore', line: 1 });
  });
});

describe('isIgnored: the reference examples (".dockerignore file")', () => {
  const rules = '# comment\n*/temp*\n*/*/temp*\ntemp?\n';

  it('*/temp* excludes temp-prefixed names one level below the root', () => {
    expect(ignored(rules, ['somedir/temporary.txt', 'somedir/temp', 'temporary.txt'])).toEqual(['somedir/temporary.txt', 'somedir/temp']);
  });

  it('*/*/temp* excludes them two levels below the root', () => {
    expect(ignored(rules, ['somedir/subdir/temporary.txt', 'a/b/c/temp'])).toEqual(['somedir/subdir/temporary.txt']);
  });

  it('temp? excludes one-character extensions of temp in the root', () => {
    expect(ignored(rules, ['tempa', 'tempb', 'temp', 'tempab'])).toEqual(['tempa', 'tempb']);
  });

  it('**/*.go excludes .go files in every directory, the root included', () => {
    expect(ignored('**/*.go', ['main.go', 'cmd/app/main.go', 'go.mod'])).toEqual(['main.go', 'cmd/app/main.go']);
  });

  it('!README.md brings one file back', () => {
    expect(ignored('*.md\n!README.md', ['README.md', 'CHANGES.md', 'docs/x.md'])).toEqual(['CHANGES.md']);
  });

  it('the last matching line wins: README-secret.md stays out after !README*.md', () => {
    expect(ignored('*.md\n!README*.md\nREADME-secret.md', ['README.md', 'README-secret.md', 'other.md'])).toEqual([
      'README-secret.md',
      'other.md',
    ]);
  });

  it('…and comes back when the exception follows it', () => {
    expect(ignored('*.md\nREADME-secret.md\n!README*.md', ['README.md', 'README-secret.md', 'other.md'])).toEqual(['other.md']);
  });
});

describe('isIgnored: path rules', () => {
  it('excludes everything inside an excluded directory', () => {
    expect(ignored('node_modules', ['node_modules', 'node_modules/a/b.js', 'src/node_modules/x'])).toEqual(['node_modules', 'node_modules/a/b.js']);
  });

  it('anchors patterns at the context root; ** reaches any depth', () => {
    expect(ignored('**/node_modules', ['node_modules/x', 'src/node_modules/x', 'src/node_modulesx'])).toEqual([
      'node_modules/x',
      'src/node_modules/x',
    ]);
  });

  it('dir/** matches what is under dir', () => {
    expect(ignored('build/**', ['build/a', 'build/a/b', 'buildx'])).toEqual(['build/a', 'build/a/b']);
  });

  it('* and ? do not cross a slash; character classes work', () => {
    expect(ignored('*.log', ['a.log', 'logs/a.log'])).toEqual(['a.log']);
    expect(ignored('file[0-9].txt', ['file1.txt', 'filex.txt'])).toEqual(['file1.txt']);
    expect(ignored('file[^0-9].txt', ['file1.txt', 'filex.txt'])).toEqual(['filex.txt']);
  });

  it('treats regex characters literally and honours escapes', () => {
    expect(ignored('a+b(c).txt', ['a+b(c).txt', 'aab(c)xtxt'])).toEqual(['a+b(c).txt']);
    expect(ignored('star\\*', ['star*', 'starx'])).toEqual(['star*']);
  });

  it('cleans the path that is asked about', () => {
    expect(ignored('a/b', ['/a/b', './a/b', 'a//b/', 'a/c/../b'])).toEqual(['/a/b', './a/b', 'a//b/', 'a/c/../b']);
  });

  it('can re-include a file under an excluded directory', () => {
    expect(ignored('docs\n!docs/keep.md', ['docs/a.md', 'docs/keep.md'])).toEqual(['docs/a.md']);
  });
});

describe('cleanPath (Go filepath.Clean, then no leading slash)', () => {
  it.each([
    ['a/./b/', 'a/b'],
    ['/a/../b', 'b'],
    ['../a', '../a'],
    ['./', '.'],
    ['/', '/'],
  ])('%s → %s', (path, clean) => {
    expect(cleanPath(path)).toBe(clean);
  });
});
