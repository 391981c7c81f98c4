// `docker container inspect`, Docker 27 / API 1.47 (formats.md 1.3 for GraphDriver).
import type { GoValue } from '../image/gojson';
import { mobyRunConfig } from '../image/run-config';
import { goStringMap, renderInspectArray } from './inspect-json';
import type { ContainerInspect, ContainerState } from './types';

/**
 * renderContainerInspect prints `docker container inspect` for one or more
 * containers, keys in Docker 27's order. The files Docker keeps per container
 * live in `/var/lib/docker/containers/<id>/`; GraphDriver.Data has no `ID`
 * key (that arrived in Docker 28). HostConfig, Mounts and NetworkSettings are
 * printed as given, and HostConfig/NetworkSettings left out when not given.
 *
 * @example
 * const text = renderContainerInspect({ id: 'c0ffee', created: '2024-05-01T12:00:00Z', path: 'sh', args: [], image: 'sha256:ab12', name: '/demo', config: {},
 *   graphDriver: { name: 'overlay2', data: {} }, state: { status: 'exited', pid: 0, exitCode: 3, error: '', startedAt: '2024-05-01T12:00:01Z', finishedAt: '2024-05-01T12:00:02Z' } });
 * JSON.parse(text)[0].State // → Status: 'exited'…Running: false…ExitCode: 3
 */
export function renderContainerInspect(containers: ContainerInspect | readonly ContainerInspect[]): string {
  const list: readonly ContainerInspect[] = Array.isArray(containers) ? containers : [containers as ContainerInspect];
  return renderInspectArray(list.map(containerFields));
}

function containerFields(c: ContainerInspect): GoValue {
  const home = `/var/lib/docker/containers/${c.id}`;
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: stateFields(c.state),
    Image: c.image,
    ResolvConfPath: `${home}/resolv.conf`,
    HostnamePath: `${home}/hostname`,
    HostsPath: `${home}/hosts`,
    LogPath: `${home}/${c.id}-json.log`,
    Name: c.name.startsWith('/') ? c.name : '/' + c.name,
    RestartCount: c.restartCount ?? 0,
    Driver: c.graphDriver.name,
    Platform: c.platform ?? 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: c.hostConfig as GoValue | undefined,
    GraphDriver: { Data: goStringMap(c.graphDriver.data), Name: c.graphDriver.name },
    Mounts: (c.mounts ?? []) as GoValue[],
    Config: mobyRunConfig(c.config),
    NetworkSettings: c.networkSettings as GoValue | undefined,
  };
}

/** Docker derives the booleans from the status: a paused container is still Running. */
function stateFields(s: ContainerState): GoValue {
  return {
    Status: s.status,
    Running: s.status === 'running' || s.status === 'paused' || s.status === 'restarting',
    Paused: s.status === 'paused',
    Restarting: s.status === 'restarting',
    OOMKilled: s.oomKilled ?? false,
    Dead: s.status === 'dead',
    Pid: s.pid,
    ExitCode: s.exitCode,
    Error: s.error,
    StartedAt: s.startedAt,
    FinishedAt: s.finishedAt,
  };
}
