// stackView applies lookup to every path of every layer at once; the mount applies it one path at a
// time. They must agree: what the diagram calls visible is exactly what a walk through the mount
// finds, and the layer it says answers holds the bytes the mount reads.
import { describe, expect, it } from 'vitest';
import type { OverlayMount } from '../../src/overlay/mount';
import type { Dirent } from '../../src/overlay/dirent';
import { LayerSpec, mountLayers, stackDirs } from '../../src/lessons/lab';
import { stackView } from '../../src/lessons/stack-view';

const LAYERS: LayerSpec[] = [
  { name: 'base', files: { etc: { hosts: 'h\n', motd: 'm\n' }, var: { cache: { a: 'a', b: 'b' } }, srv: { data: { x: 'x' } }, opt: { app: { bin: 'b' } } } },
  { name: 'mid', files: { etc: { motd: 'm2\n', vimrc: 'v' }, srv: { data: 'now a file' }, var: { cache: 'WHITEOUT' } } },
];

function walkMount(m: OverlayMount, dir = '/', out: string[] = []): string[] {
  for (const entry of m.readdirSync(dir, { withFileTypes: true }) as Dirent[]) {
    const path = `${dir === '/' ? '' : dir}/${entry.name}`;
    out.push(path);
    if (entry.isDirectory()) walkMount(m, path, out);
  }
  return out;
}

const scenarios: [string, (m: OverlayMount) => void, string?][] = [
  ['untouched', () => undefined],
  ['unlink and append', (m) => { m.unlinkSync('/etc/hosts'); m.appendFileSync('/etc/motd', '+'); }],
  ['rm -rf then mkdir (opaque)', (m) => { m.rmSync('/opt/app', { recursive: true }); m.mkdirSync('/opt/app'); m.writeFileSync('/opt/app/new', 'n'); }],
  ['type change over a lower dir', (m) => { m.rmSync('/etc', { recursive: true }); m.writeFileSync('/etc', 'file'); }],
  ['rename with redirect_dir=on', (m) => { m.renameSync('/opt/app', '/opt/app2'); m.renameSync('/etc', '/srv/etc'); }, 'redirect_dir=on'],
];

describe('stackView agrees with the mount', () => {
  it.each(scenarios)('%s', (_, act, options) => {
    const lab = mountLayers(LAYERS, options);
    act(lab.m);
    const view = stackView(stackDirs(lab));
    const visible = view.rows.filter((row) => row.visible);
    expect(visible.map((row) => row.path).sort()).toEqual(walkMount(lab.m).sort());
    for (const row of visible) {
      const cell = row.cells[row.from!]!;
      const stats = lab.m.lstatSync(row.path)!;
      expect({ path: row.path, dir: cell.kind === 'dir' }).toEqual({ path: row.path, dir: stats.isDirectory() });
      if (cell.kind === 'file') expect(cell.size).toBe(stats.size);
    }
  });
});

describe('stackView marks', () => {
  const lab = mountLayers(LAYERS);
  lab.m.appendFileSync('/etc/hosts', 'more');
  lab.m.unlinkSync('/etc/motd');
  const view = stackView(stackDirs(lab));
  const row = (path: string) => view.rows.find((r) => r.path === path)!;

  it('puts the upper first and the lowers top first', () => {
    expect(view.layers).toEqual([{ name: 'upper', upper: true }, { name: 'mid' }, { name: 'base' }]);
  });

  it('marks a copied-up file as answered by the upper and the lower copy as hidden', () => {
    expect(row('/etc/hosts').from).toBe(0);
    expect(row('/etc/hosts').cells.map((c) => c && [c.kind, c.role, c.copiedUp ?? false])).toEqual([['file', 'answers', true], null, ['file', 'hidden', false]]);
  });

  it('marks a deleted file with the whiteout that deletes it', () => {
    expect(row('/etc/motd')).toMatchObject({ visible: false, from: null, why: 'deleted by a whiteout in upper' });
    expect(row('/etc/motd').cells.map((c) => c?.role)).toEqual(['deletes', 'hidden', 'hidden']);
  });

  it('keeps the children of a whited-out or shadowed directory as invisible rows', () => {
    expect(row('/var/cache/a')).toMatchObject({ visible: false, why: 'its directory is hidden' });
    expect(row('/srv/data/x').visible).toBe(false);
    expect(row('/srv/data').cells.map((c) => c && `${c.kind}:${c.role}`)).toEqual([null, 'file:answers', 'dir:hidden']);
  });

  it('merges directories and lists a merged directory once per layer', () => {
    expect(row('/etc').cells.map((c) => c?.role)).toEqual(['answers', 'merged', 'merged']);
  });
});
