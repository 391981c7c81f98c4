import { describe, expect, it } from 'vitest';
import { parseImageConfig } from '../../src/image/parse';
import { historyRows, renderHistory } from '../../src/render/history';
import { haveShared } from '../helpers/shared';
import { readMember } from '../image/fixture-configs';

const DIVE_ID = 'sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a';

describe('renderHistory', () => {
  const rows = [
    { id: 'sha256:' + 'ab'.repeat(32), created: Date.parse('2024-05-01T12:00:00Z') / 1000, createdBy: 'CMD ["/hello"]', size: 0, comment: 'buildkit.dockerfile.v0' },
    { id: '<missing>', created: Date.parse('2024-05-01T11:00:00Z') / 1000, createdBy: 'COPY hello / # buildkit', size: 13256, comment: 'buildkit.dockerfile.v0' },
  ];
  const now = Date.parse('2024-05-15T12:00:00Z');

  it('prints the table with the CLI widths, short IDs and human units', () => {
    // Widths: IMAGE 12+3, CREATED "2 weeks ago" 11+3, CREATED BY 23+3,
    // SIZE max(7+3, 10); COMMENT is the last column and is not padded.
    expect(renderHistory(rows, { now })).toBe(
      'IMAGE          CREATED       CREATED BY                SIZE      COMMENT\n' +
        'abababababab   2 weeks ago   CMD ["/hello"]            0B        buildkit.dockerfile.v0\n' +
        '<missing>      2 weeks ago   COPY hello / # buildkit   13.3kB    buildkit.dockerfile.v0\n',
    );
  });

  it('prints full IDs, RFC 3339 times and byte counts with noTrunc and human: false', () => {
    const out = renderHistory(rows, { now, noTrunc: true, human: false });
    expect(out.split('\n')[1]).toMatch(/^sha256:(ab){32} {3}2024-05-01T12:00:00Z {3}CMD \["\/hello"\] {12}0 {9}buildkit/);
    expect(out).toContain('13256');
  });

  it('shows N/A for images dated at or before 2000-01-01 (SOURCE_DATE_EPOCH=0)', () => {
    const out = renderHistory([{ ...rows[0], created: 0 }], { now });
    expect(out.split('\n')[1]).toContain('   N/A   ');
  });
});

const haveDiveImage = haveShared('history of the dive image');

describe.skipIf(!haveDiveImage)('historyRows from the Docker 18.09 dive image', () => {
  if (!haveDiveImage) return;   // vitest still runs a skipped suite's body to collect its tests
  const config = parseImageConfig(readMember('dive/data/test-docker-image.tar', '75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a.json'));
  const sizes = Array.from({ length: 14 }, (_, i) => i + 1);

  it('lists newest first, the image ID on top and <missing> below', () => {
    const rows = historyRows(config, { imageId: DIVE_ID, layerSizes: sizes });
    expect(rows).toHaveLength(15);
    expect(rows[0].id).toBe(DIVE_ID);
    expect(rows.slice(1).every((r) => r.id === '<missing>')).toBe(true);
    expect(rows[0].createdBy).toBe('/bin/sh -c chmod +x /root/saved.txt');
    expect(rows[0].created).toBe(Date.parse('2018-12-28T20:44:23Z') / 1000);
  });

  it('gives the empty CMD layer size 0 and each real layer its own size', () => {
    const rows = historyRows(config, { imageId: DIVE_ID, layerSizes: sizes }).reverse();
    expect(rows.map((r) => r.size)).toEqual([1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('truncates the ADD line of the base layer to 44 characters plus …', () => {
    const rows = historyRows(config, { imageId: DIVE_ID, layerSizes: sizes });
    const out = renderHistory(rows, { now: Date.parse('2019-01-15T00:00:00Z') });
    const lines = out.split('\n');
    const last = lines[lines.length - 2]; // the text ends with a newline
    expect(last).toBe('<missing>      2 weeks ago   /bin/sh -c #(nop) ADD file:ce026b62356eec3ad…   1B        ');
  });
});
