// writeSharedFileSync: writeFileSync + chmodSync for bytes that never change (package payloads),
// which the file keeps as a view instead of copying them.
import { describe, expect, it } from 'vitest';
import { mount, scratchDirs, treeFromCompact } from '../../src/index';
import type { Inode } from '../../src/index';

function setup() {
  const layer = treeFromCompact({ usr: { bin: {} } }).freeze();
  const dirs = scratchDirs(layer.disk);
  return { ...dirs, m: mount({ lowers: [layer], ...dirs }) };
}

const at = (root: Inode, path: string): Inode | undefined =>
  path.split('/').filter(Boolean).reduce<Inode | undefined>((node, part) => node?.entries?.get(part), root);

describe('writeSharedFileSync', () => {
  it('gives the file the bytes themselves, with exactly the mode asked for', () => {
    const { upper, m } = setup();
    const bytes = new TextEncoder().encode('payload');
    m.writeSharedFileSync('/usr/bin/tool', bytes, 0o4755);
    const file = at(upper.root, 'usr/bin/tool')!;
    expect(file.view).toBe(bytes);
    expect([file.mode, file.size]).toEqual([0o4755, 7]);
    expect(m.readFileSync('/usr/bin/tool', 'utf8')).toBe('payload');
  });

  it('leaves the shared bytes alone when the file is written later', () => {
    const { m } = setup();
    const bytes = new TextEncoder().encode('payload');
    m.writeSharedFileSync('/usr/bin/tool', bytes, 0o755);
    m.appendFileSync('/usr/bin/tool', '!');
    m.writeFileSync('/usr/bin/tool', 'XY', { flag: 'r+' });
    expect(m.readFileSync('/usr/bin/tool', 'utf8')).toBe('XYyload!');
    expect(new TextDecoder().decode(bytes)).toBe('payload');
  });

  it('leaves the same inode numbers, times and mode as writeFileSync then chmodSync', () => {
    const shared = setup();
    const copied = setup();
    shared.m.writeSharedFileSync('/usr/bin/tool', new Uint8Array(5), 0o700);
    copied.m.writeFileSync('/usr/bin/tool', new Uint8Array(5));
    copied.m.chmodSync('/usr/bin/tool', 0o700);
    const summary = (m: typeof shared.m) => ['/usr/bin', '/usr/bin/tool'].map((path) => {
      const { ino, mode, size, mtimeMs, ctimeMs } = m.statSync(path)!;
      return { ino, mode, size, mtimeMs, ctimeMs };
    });
    expect(summary(shared.m)).toEqual(summary(copied.m));
  });
});
