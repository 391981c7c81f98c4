import { describe, expect, it } from 'vitest';
import { configBytes } from '../../src/image/config-bytes';
import { imageID } from '../../src/image/digest';
import { parseImageConfig } from '../../src/image/parse';
import { haveShared } from '../helpers/shared';
import { dockerMadeConfigs, readMember } from './fixture-configs';

describe.skipIf(!haveShared('config bytes against real fixtures'))('configBytes on real configs', () => {
  it.each(dockerMadeConfigs)('re-serialises $name to the same bytes and image ID', (fixture) => {
    const original = readMember(fixture.archive, fixture.member);
    const bytes = configBytes(parseImageConfig(original), { style: fixture.producer });
    expect(Buffer.from(bytes).toString()).toBe(original.toString());
    expect(imageID(bytes)).toBe(fixture.imageID);
  });

  it('cannot reproduce kaniko: go-containerregistry writes its own struct order', () => {
    // kaniko marshals ggcr's v1.ConfigFile: "config" comes LAST and each history
    // entry starts with "author". Neither Docker nor BuildKit orders keys that way,
    // so the ID (PROVENANCE.md: ae16a510…) is out of reach of both styles.
    const original = readMember('dive/data/test-kaniko-image.tar', 'sha256:ae16a51058a758c7963b2f9b23d1acfa201ce9cbefc8cb93845f8cd934fb144d');
    const text = original.toString();
    expect(text.indexOf('"config":')).toBeGreaterThan(text.indexOf('"rootfs":'));
    const config = parseImageConfig(original);
    for (const style of ['moby', 'buildkit'] as const) {
      expect(imageID(configBytes(config, { style }))).not.toBe('sha256:ae16a51058a758c7963b2f9b23d1acfa201ce9cbefc8cb93845f8cd934fb144d');
    }
  });

  it('cannot reproduce Bazel: Python json.dumps puts a space after every colon and comma', () => {
    const original = readMember('ggcr/pkg/v1/tarball/testdata/test_image_1.tar', '6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e.json');
    expect(original.toString()).toContain('"architecture": "amd64"');
    const bytes = configBytes(parseImageConfig(original));
    expect(imageID(bytes)).not.toBe('sha256:6e0b05049ed9c17d02e1a55e80d6599dbfcce7f4f4b022e3c673e685789c470e');
  });
});

describe('configBytes byte rules (formats.md 2.5)', () => {
  const base = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } };

  it('escapes < > & in created_by the way Go json.Marshal does', () => {
    const history = [{ created_by: '/bin/sh -c echo a > b && cat <b' }];
    const text = Buffer.from(configBytes({ ...base, history })).toString();
    expect(text).toContain('"created_by":"/bin/sh -c echo a \\u003e b \\u0026\\u0026 cat \\u003cb"');
  });

  it('sorts the top-level keys and writes no spaces and no trailing newline', () => {
    const text = Buffer.from(configBytes({ ...base, docker_version: '27.0.3', created: '2024-07-01T10:00:00Z' })).toString();
    expect(text).toBe('{"architecture":"amd64","created":"2024-07-01T10:00:00Z","docker_version":"27.0.3","os":"linux","rootfs":{"type":"layers"}}');
  });

  it('keeps null and [] apart in the BuildKit (OCI) rootfs, which changes the ID', () => {
    // formats.md 2.2: `"diff_ids":null` and `"diff_ids":[]` hash differently.
    const asNull = configBytes({ ...base, rootfs: { type: 'layers', diff_ids: null } }, { style: 'buildkit' });
    const asEmpty = configBytes(base, { style: 'buildkit' });
    expect(Buffer.from(asNull).toString()).toContain('"diff_ids":null');
    expect(Buffer.from(asEmpty).toString()).toContain('"diff_ids":[]');
    expect(imageID(asNull)).not.toBe(imageID(asEmpty));
  });

  it('writes a moby run config with every non-omitempty field of container.Config', () => {
    const text = Buffer.from(configBytes({ ...base, config: { Cmd: ['sh'] } })).toString();
    expect(text).toContain(
      '"config":{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,' +
        '"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":["sh"],"Image":"","Volumes":null,' +
        '"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null}',
    );
  });

  it('sorts Labels, ExposedPorts and Volumes as Go maps', () => {
    const config = { Labels: { zeta: '1', alpha: '2' }, ExposedPorts: { '8080/tcp': {}, '443/tcp': {} }, Volumes: { '/data': {} } };
    const text = Buffer.from(configBytes({ ...base, config }, { style: 'buildkit' })).toString();
    expect(text).toContain('"config":{"ExposedPorts":{"443/tcp":{},"8080/tcp":{}},"Volumes":{"/data":{}},"Labels":{"alpha":"2","zeta":"1"}}');
  });
});
