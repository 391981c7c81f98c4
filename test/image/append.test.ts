import { describe, expect, it } from 'vitest';
import { appendEmptyLayer, appendLayer, emptyImage, layerHistory } from '../../src/image/append';
import { configBytes } from '../../src/image/config-bytes';
import { imageID } from '../../src/image/digest';
import { historyEntry, BUILDKIT_COMMENT } from '../../src/image/history';
import { parseImageConfig } from '../../src/image/parse';
import type { ImageConfig } from '../../src/image/types';
import { haveShared } from '../helpers/shared';
import { readMember } from './fixture-configs';

const diffA = 'sha256:' + 'a'.repeat(64);
const diffB = 'sha256:' + 'b'.repeat(64);

describe('appendLayer', () => {
  it('returns a new image and leaves the old one untouched', () => {
    const base = emptyImage();
    const snapshot = JSON.stringify(base);
    const next = appendLayer(base, { diffID: diffA }, historyEntry({ createdBy: 'COPY a / # buildkit', created: '2024-01-01T00:00:00Z' }));
    expect(JSON.stringify(base)).toBe(snapshot);
    expect(next.rootfs.diff_ids).toEqual([diffA]);
    expect(next.history).toEqual([{ created: '2024-01-01T00:00:00Z', created_by: 'COPY a / # buildkit' }]);
    expect(next.created).toBe('2024-01-01T00:00:00Z');
  });

  it('drops empty_layer from the entry of a real layer', () => {
    const next = appendLayer(emptyImage(), { diffID: diffA }, { created_by: 'RUN x', empty_layer: true });
    expect(next.history?.[0].empty_layer).toBeUndefined();
  });

  it('refuses a diffID that is not a digest', () => {
    expect(() => appendLayer(emptyImage(), { diffID: 'abc' }, {})).toThrow(/layer\.diffID/);
  });
});

describe('appendEmptyLayer and layerHistory', () => {
  it('pairs history entries with layers, skipping empty_layer ones', () => {
    let image = appendLayer(emptyImage(), { diffID: diffA }, { created_by: 'ADD' });
    image = appendEmptyLayer(image, { created_by: 'CMD' });
    image = appendLayer(image, { diffID: diffB }, { created_by: 'RUN' });
    expect(image.rootfs.diff_ids).toEqual([diffA, diffB]);
    expect(layerHistory(image).map((h) => [h.entry.created_by, h.diffID])).toEqual([
      ['ADD', diffA],
      ['CMD', undefined],
      ['RUN', diffB],
    ]);
  });
});

describe.skipIf(!haveShared('rebuilding hello-world'))('building a real image step by step', () => {
  it('rebuilds the BuildKit hello-world config and gets its image ID', () => {
    // hello-world-v25.tar: `COPY hello /` then `CMD ["/hello"]`, arm64, BuildKit.
    const created = '2023-05-02T16:49:27Z';
    let image: ImageConfig = { ...emptyImage({ architecture: 'arm64' }), config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], WorkingDir: '/', OnBuild: null } };
    const layer = { diffID: 'sha256:12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43' };
    image = appendLayer(image, layer, historyEntry({ created, createdBy: 'COPY hello / # buildkit', comment: BUILDKIT_COMMENT }));
    image = { ...image, config: { ...image.config, Cmd: ['/hello'], ArgsEscaped: true } };
    image = appendEmptyLayer(image, historyEntry({ created, createdBy: 'CMD ["/hello"]', comment: BUILDKIT_COMMENT }));
    expect(imageID(configBytes(image, { style: 'buildkit' }))).toBe('sha256:ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44');
  });

  it('pairs the 15 history entries of the dive image with its 14 layers', () => {
    const config = parseImageConfig(readMember('dive/data/test-docker-image.tar', '75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a.json'));
    const pairs = layerHistory(config);
    expect(pairs).toHaveLength(15);
    expect(pairs[1].diffID).toBeUndefined(); // CMD ["sh"], empty_layer
    expect(pairs[14].diffID).toBe('sha256:ba689cac6a98c92d121fa5c9716a1bab526b8bb1fd6d43625c575b79e97300c5');
  });
});
