import { describe, expect, it } from 'vitest';
import { notebookProgress, progressLine, terminalProgress } from '../../src/archive/progress';

describe('progress', () => {
  it('draws a bar, a percentage, decimal sizes and the blob', () => {
    expect(progressLine({ bytesDone: 50, bytesTotal: 100, blob: 'config' }, 10)).toBe('[#####     ]  50% 50B/100B config');
    expect(progressLine({ bytesDone: 0, bytesTotal: 0, blob: 'done' }, 4)).toBe('[####] 100% 0B/0B done');
  });

  it('prints nothing to a stream that is not a terminal', () => {
    const written: string[] = [];
    terminalProgress({ isTTY: false, write: (t) => written.push(t) })({ bytesDone: 1, bytesTotal: 2, blob: 'x' });
    expect(written).toEqual([]);
  });

  it('redraws one terminal line with \\r and ends it when done', () => {
    const written: string[] = [];
    const bar = terminalProgress({ isTTY: true, columns: 60, write: (t) => written.push(t) });
    bar({ bytesDone: 1, bytesTotal: 2, blob: 'layer 1/2' });
    bar({ bytesDone: 2, bytesTotal: 2, blob: 'done' });
    expect(written[0].startsWith('\r[')).toBe(true);
    expect(written[0].length).toBe(60);
    expect(written[written.length - 1]).toBe('\n');
  });

  it('updates a notebook line at most once per interval, and always at the end', () => {
    let clock = 0;
    const shown: string[] = [];
    const update = notebookProgress((line) => shown.push(line), { intervalMs: 250, now: () => clock });
    for (let done = 0; done < 10; done++) { update({ bytesDone: done, bytesTotal: 10, blob: 'b' }); clock += 100; }
    update({ bytesDone: 10, bytesTotal: 10, blob: 'done' });
    expect(shown.length).toBe(5);    // at 0, 300, 600, 900 ms, then the final line
    expect(shown[shown.length - 1]).toContain('100%');
  });
});
