import { describe, expect, it } from 'vitest';
import { overlay2ContainerGraphDriver } from '../../src/render/graph-driver';
import { renderContainerInspect } from '../../src/render/inspect-container';

const ID = 'f'.repeat(64);
const MOUNT = 'm'.repeat(64);
const container = {
  id: ID,
  created: '2024-05-01T12:00:00.123456789Z',
  path: 'sh',
  args: [],
  state: { status: 'paused' as const, pid: 4242, exitCode: 0, error: '', startedAt: '2024-05-01T12:00:01Z', finishedAt: '0001-01-01T00:00:00Z' },
  image: 'sha256:' + 'a'.repeat(64),
  name: 'demo',
  config: { Hostname: ID.slice(0, 12), Image: 'busybox', Cmd: ['sh'] },
  graphDriver: overlay2ContainerGraphDriver({ mountId: MOUNT, imageCacheIds: ['1'.repeat(64), '2'.repeat(64)] }),
};
const out = renderContainerInspect(container);

describe('renderContainerInspect', () => {
  it('puts the -init layer first in LowerDir, then the image layers top first', () => {
    const home = '/var/lib/docker/overlay2';
    expect(out).toContain(`"LowerDir": "${home}/${MOUNT}-init/diff:${home}/${'2'.repeat(64)}/diff:${home}/${'1'.repeat(64)}/diff"`);
    expect(out).toContain(`"UpperDir": "${home}/${MOUNT}/diff"`);
    expect(out).not.toContain('"ID":'); // GraphDriver.Data.ID arrived in Docker 28
  });

  it("keeps Docker 27's key order at the top level", () => {
    const keys = [...out.matchAll(/^ {8}"(\w+)":/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name',
      'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'GraphDriver', 'Mounts', 'Config',
    ]);
  });

  it('derives the State booleans: a paused container is still running', () => {
    expect(out).toContain('"Status": "paused",\n            "Running": true,\n            "Paused": true,');
    expect(out).toContain('"Name": "/demo"');
    expect(out).toContain(`"LogPath": "/var/lib/docker/containers/${ID}/${ID}-json.log"`);
  });
});
