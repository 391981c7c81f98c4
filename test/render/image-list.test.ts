import { describe, expect, it } from 'vitest';
import { renderImageList } from '../../src/render/image-list';

describe('renderImageList', () => {
  const now = Date.parse('2024-05-15T12:00:00Z');
  const rows = [
    { repository: '<none>', tag: '<none>', id: 'sha256:' + 'ab'.repeat(32), created: Date.parse('2024-05-15T11:59:00Z') / 1000, size: 1154361 },
    { repository: 'busybox', tag: 'latest', id: 'sha256:' + 'cd'.repeat(32), created: Date.parse('2024-04-01T12:00:00Z') / 1000, size: 4261 },
  ];

  it('prints REPOSITORY TAG IMAGE ID CREATED SIZE, newest first', () => {
    // Column widths: REPOSITORY 10+3, TAG max(6+3, 10), IMAGE ID 12+3,
    // CREATED "About a minute ago" 18+3; SIZE is last and not padded.
    expect(renderImageList(rows, { now })).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED              SIZE\n' +
        '<none>       <none>    abababababab   About a minute ago   1.15MB\n' +
        'busybox      latest    cdcdcdcdcdcd   6 weeks ago          4.26kB\n',
    );
  });

  it('adds a DIGEST column with digests: true', () => {
    const out = renderImageList([{ ...rows[1], digest: 'sha256:' + 'ef'.repeat(32) }], { now, digests: true });
    expect(out.split('\n')[0]).toMatch(/^REPOSITORY +TAG +DIGEST +IMAGE ID +CREATED +SIZE$/);
    expect(out).toContain('sha256:' + 'ef'.repeat(32) + '   cdcdcdcdcdcd');
  });
});
