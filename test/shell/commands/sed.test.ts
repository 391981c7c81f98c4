import { describe, expect, it } from 'vitest';
import { translateRegex } from '../../../src/shell/commands/regex';
import { makeFs, read, sh } from '../helpers';

const sed = (script: string, input: string, flags = '') => sh(`sed ${flags} '${script}'`, { stdin: input }).stdout;

describe('sed substitutions', () => {
  it.each([
    ['s/a/b/', 'aaa\n', 'baa\n'],
    ['s/a/b/g', 'aaa\n', 'bbb\n'],
    ['s/a/b/2', 'aaa\n', 'aba\n'],
    ['s|/usr|/opt|g', '/usr/bin:/usr/lib\n', '/opt/bin:/opt/lib\n'],
    ['s#x#\\##', 'x\n', '#\n'],
    ['s/[0-9][0-9]*/<&>/', 'v12 and 3\n', 'v<12> and 3\n'],
    ['s/\\(key\\)=\\(.*\\)/\\2=\\1/', 'key=val\n', 'val=key\n'],
    ['s/^#\\(Port\\)/\\1/', '#Port 22\n', 'Port 22\n'],
    ['s/a*/X/g', 'baaac\n', 'XbXcX\n'],
    ['s/(x)/y/', '(x)\n', 'y\n'], // ( is a plain character in a BRE
    ['s/x\\{2\\}/y/', 'xxx\n', 'yx\n'],
    ['s/A/b/I', 'aA\n', 'bA\n'],
    ['s/$/!/', 'end\n', 'end!\n'],
    ['s/a/\\n/', 'bab\n', 'b\nb\n'],
  ])('%s', (script, input, expected) => {
    expect(sed(script, input)).toBe(expected);
  });

  it('uses extended syntax with -E', () => {
    expect(sed('s/(a|b)+/X/', 'abba-c\n', '-E')).toBe('X-c\n');
  });

  it('applies several -e scripts in order', () => {
    expect(sh("sed -e 's/a/b/' -e 's/b/c/'", { stdin: 'a\n' }).stdout).toBe('c\n');
  });

  it('keeps a missing final newline missing', () => {
    expect(sed('s/a/b/', 'a')).toBe('b');
  });
});

describe('sed commands and addresses', () => {
  it.each([
    ['/^#/d', '#c\nx\n#d\ny\n', '', 'x\ny\n'],
    ['2d', 'a\nb\nc\n', '', 'a\nc\n'],
    ['$d', 'a\nb\nc\n', '', 'a\nb\n'],
    ['1p', 'a\nb\n', '-n', 'a\n'],
    ['/b/!d', 'a\nb\nc\n', '', 'b\n'],
    ['2q', 'a\nb\nc\n', '', 'a\nb\n'],
    ['1i first', 'a\n', '', 'first\na\n'],
    ['$a last', 'a\n', '', 'a\nlast\n'],
    ['s/a/b/p', 'a\nc\n', '-n', 'b\n'],
  ])('%s %s', (script, input, flags, expected) => {
    expect(sed(script, input, flags)).toBe(expected);
  });

  it('reports script errors in GNU words', () => {
    const result = sh("sed 's/a/b'", { stdin: '' });
    expect([result.exitCode, result.stderr]).toEqual([1, "sed: -e expression #1, char 5: unterminated `s' command\n"]);
    expect(sh("sed 'k'", { stdin: '' }).stderr).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
  });
});

describe('sed -i', () => {
  it('edits files in place, keeping mode and owner', () => {
    const fs = makeFs({ '/etc/app.conf': 'debug=false\nport=80\n' });
    fs.chmodSync('/etc/app.conf', 0o604); // memfs checks permissions even for root: keep it world-readable
    fs.chownSync('/etc/app.conf', 1000, 50);
    const result = sh("sed -i 's/debug=false/debug=true/' /etc/app.conf", { fs });
    expect(result.exitCode).toBe(0);
    expect(read(fs, '/etc/app.conf')).toBe('debug=true\nport=80\n');
    const stats = fs.statSync('/etc/app.conf');
    expect([stats.mode & 0o777, stats.uid, stats.gid]).toEqual([0o604, 1000, 50]);
    expect(fs.readdirSync('/etc', { withFileTypes: true }).map((d) => String(d.name)).sort()).toEqual(['app.conf', 'group', 'passwd']);
  });

  it('-i.bak keeps a backup', () => {
    const fs = makeFs({ '/f': 'a\n' });
    sh("sed -i.bak 's/a/b/' /f", { fs });
    expect([read(fs, '/f'), read(fs, '/f.bak')]).toEqual(['b\n', 'a\n']);
  });

  it('accepts -ri and -E -i', () => {
    const fs = makeFs({ '/f': 'aa\n' });
    sh("sed -ri 's/a+/b/' /f && sed -E -i 's/b?$/c/' /f", { fs });
    expect(read(fs, '/f')).toBe('c\n');
  });

  it("reports a missing file with sed's wording and status 2", () => {
    const result = sh("sed -i 's/a/b/' /nope");
    expect([result.exitCode, result.stderr]).toEqual([2, "sed: can't read /nope: No such file or directory\n"]);
  });
});

describe('translateRegex', () => {
  it.each([
    ['a\\+b\\?', false, 'a+b?'],
    ['a+b?', false, 'a\\+b\\?'],
    ['*a', false, '\\*a'],
    ['a^b$c', false, 'a\\^b\\$c'],
    ['[[:digit:]]\\{3\\}', false, '[0-9]{3}'],
    ['[^a\\]', false, '[^a\\\\]'], // a backslash inside brackets is literal
    ['(a|b){2}', true, '(a|b){2}'],
  ])('%s (extended: %s)', (pattern, extended, expected) => {
    expect(translateRegex(pattern, extended)).toBe(expected);
  });
});
