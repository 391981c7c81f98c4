import { describe, expect, it } from 'vitest';
import { parseLocation, openSource } from '../../src/archive/source';
import { haveShared, sharedPath } from '../helpers/shared';

describe('parseLocation', () => {
  it.each([
    ['oci:/tmp/out', { transport: 'oci', path: '/tmp/out' }],
    ['oci:/tmp/out:latest', { transport: 'oci', path: '/tmp/out', reference: 'latest' }],
    ['oci-archive:img.tar:v1', { transport: 'oci-archive', path: 'img.tar', reference: 'v1' }],
    ['docker-archive:save.tar:sim:latest', { transport: 'docker-archive', path: 'save.tar', reference: 'sim:latest' }],
    ['docker-archive:save.tar:', { transport: 'docker-archive', path: 'save.tar' }],
  ])('reads %s as skopeo does', (text, location) => {
    expect(parseLocation(text)).toEqual(location);
  });

  it.each(['docker://alpine', 'save.tar', 'oci:', 'dir:/tmp/x'])('refuses %s, listing the transports', (text) => {
    expect(() => parseLocation(text)).toThrow(/docker-archive, oci, oci-archive/);
  });
});

describe.skipIf(!haveShared('openSource tests'))('openSource', () => {
  it('opens each transport', async () => {
    expect((await openSource(`oci-archive:${sharedPath('fixtures/dive/data/test-oci-gzip-image.tar')}`)).id).toBe('sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959');
    expect((await openSource(`oci:${sharedPath('fixtures/generated/sim-oci')}:latest`)).id).toBe('sha256:6755bbec23fa14149815d124eff9e0a471db7f048b2fbbf8ca2a771fddb90af6');
    expect((await openSource(`docker-archive:${sharedPath('fixtures/generated/sim-save.tar')}:sim:latest`)).id).toBe('sha256:6755bbec23fa14149815d124eff9e0a471db7f048b2fbbf8ca2a771fddb90af6');
  });
});
