import { describe, expect, it } from 'vitest';
import { ellipsis, renderTable, shortId } from '../../src/render/table';

describe('renderTable (tabwriter minwidth 10, padding 3)', () => {
  it('pads every column but the last to max(cell + 3, 10)', () => {
    const out = renderTable([
      ['IMAGE', 'SIZE', 'COMMENT'],
      ['75ae28b8ebf8', '1.15MB', ''],
    ]);
    expect(out).toBe('IMAGE          SIZE      COMMENT\n75ae28b8ebf8   1.15MB    \n');
  });

  it('counts characters, not bytes, so … is one column', () => {
    expect(renderTable([['a…', 'x'], ['bbbbbbbbbbb', 'y']])).toBe('a…            x\nbbbbbbbbbbb   y\n');
  });
});

describe('ellipsis', () => {
  it('keeps 44 characters and adds … when the text is longer than 45', () => {
    const createdBy = '/bin/sh -c #(nop) ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in / ';
    expect(ellipsis(createdBy, 45)).toBe('/bin/sh -c #(nop) ADD file:ce026b62356eec3ad…');
    expect([...ellipsis(createdBy, 45)]).toHaveLength(45);
  });

  it('leaves text of 45 characters or fewer alone', () => {
    expect(ellipsis('x'.repeat(45), 45)).toBe('x'.repeat(45));
  });

  it('counts wide characters as two columns', () => {
    expect(ellipsis('漢字漢字漢字', 5)).toBe('漢字…');
  });
});

describe('shortId', () => {
  it('drops the algorithm and keeps 12 characters', () => {
    expect(shortId('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a')).toBe('75ae28b8ebf8');
    expect(shortId('<missing>')).toBe('<missing>');
  });
});
