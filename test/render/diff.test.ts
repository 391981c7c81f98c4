import { describe, expect, it } from 'vitest';
import { renderDiff } from '../../src/render/diff';

describe('renderDiff', () => {
  it('prints kind and path, parents before children, siblings sorted', () => {
    const out = renderDiff([
      { kind: 'A', path: '/etc2' },
      { kind: 'D', path: '/etc/motd' },
      { kind: 'C', path: '/etc' },
      { kind: 'A', path: '/etc/app/x' },
      { kind: 'A', path: '/etc/app' },
    ]);
    expect(out).toBe('C /etc\nA /etc/app\nA /etc/app/x\nD /etc/motd\nA /etc2\n');
  });

  it('prints nothing for no changes', () => {
    expect(renderDiff([])).toBe('');
  });
});
