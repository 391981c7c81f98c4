// The layer-stack diagram's renderers, on hand-written views: rows, labels, symbols, escaping.
import { describe, expect, it } from 'vitest';
import { LEGEND, StackView, cellLabel, renderStackHtml, renderStackText, seenLabel } from '../../src/render/diagram';
import { renderStackImage, renderStackSvg } from '../../src/render/diagram-svg';

// Upper deletes /a (a whiteout over base's file), copies up /b, and holds a hostile name.
const view: StackView = {
  layers: [{ name: 'upper', upper: true }, { name: 'base' }],
  rows: [
    { path: '/<script>x', name: '<script>x', depth: 0, cells: [{ kind: 'file', role: 'answers' }, null], from: 0, visible: true },
    { path: '/a', name: 'a', depth: 0, cells: [{ kind: 'whiteout', role: 'deletes' }, { kind: 'file', role: 'hidden' }], from: null, visible: false, why: 'deleted by a whiteout in upper' },
    { path: '/b', name: 'b', depth: 0, cells: [{ kind: 'file', role: 'answers', copiedUp: true }, { kind: 'file', role: 'hidden' }], from: 0, visible: true },
    { path: '/d', name: 'd', depth: 0, cells: [{ kind: 'dir', role: 'answers', opaque: true }, { kind: 'dir', role: 'hidden' }], from: 0, visible: true },
  ],
};

describe('cellLabel and seenLabel', () => {
  it.each([
    [{ kind: 'whiteout', role: 'deletes' }, '✕ whiteout'],
    [{ kind: 'file', role: 'hidden' }, '○ hidden file'],
    [{ kind: 'dir', role: 'merged' }, '▢ merged dir'],
    [{ kind: 'file', role: 'answers', copiedUp: true }, '● file ⇡copied-up'],
    [{ kind: 'dir', role: 'answers', opaque: true }, '▣ opaque dir'],
    [{ kind: 'dir', role: 'answers', redirect: 'old' }, '▣ dir ↷redirect=old'],
    [null, '·'],
  ] as const)('labels %o with a symbol and words', (cell, label) => {
    expect(cellLabel(cell)).toBe(label);
  });

  it('says which layer answers, or why nothing does', () => {
    expect(seenLabel(view, view.rows[2])).toBe('file from upper');
    expect(seenLabel(view, view.rows[1])).toBe('nothing (deleted by a whiteout in upper)');
  });
});

describe('renderStackText', () => {
  it('has a header, one line per row and the legend', () => {
    const lines = renderStackText(view).split('\n');
    expect(lines[0]).toMatch(/^path\s+upper\s+base\s+you see$/);
    expect(lines.slice(1, 5).map((l) => l.split(/\s{2,}/)[0])).toEqual(['<script>x', 'a', 'b', 'd/']);
    expect(lines[lines.length - 1]).toBe(LEGEND);
  });
});

describe('renderStackHtml', () => {
  const html = renderStackHtml(view);

  it('is a table with one row per path and classes for each role', () => {
    expect(html.match(/<tr class="ll-(visible|invisible)">/g)).toHaveLength(4);
    expect(html).toContain('<td class="ll-deletes ll-whiteout">✕ whiteout</td>');
    expect(html).toContain('<td class="ll-answers ll-file ll-copied-up">● file ⇡copied-up</td>');
    expect(html).toContain('<td class="ll-answers ll-dir ll-opaque">▣ opaque dir</td>');
    expect(html).toContain('<tr class="ll-invisible">');
  });

  it('has the same column titles as the text form', () => {
    const titles = [...html.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(titles).toEqual(renderStackText(view).split('\n')[0].split(/\s{2,}/));
  });

  it('escapes names', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;x');
  });
});

describe('renderStackSvg', () => {
  const svg = renderStackSvg(view);

  it('draws a cell per layer and row with its words, and escapes names', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(view.rows.length * view.layers.length);
    expect(svg).toContain('>✕ whiteout</text>');
    expect(svg).toContain('&lt;script&gt;x');
    expect(svg).not.toContain('<script>');
  });

  it('becomes an <img> with a base64 data URI that decodes to the same SVG', () => {
    const img = renderStackImage(view);
    const data = img.match(/src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/);
    expect(img.startsWith('<img ')).toBe(true);
    expect(Buffer.from(data![1], 'base64').toString('utf8')).toBe(svg);
  });
});
