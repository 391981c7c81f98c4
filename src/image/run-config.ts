// The `config` object of an image, in the two field orders real producers use.
// formats.md 1.2 lists Docker's container.Config order; BuildKit writes the OCI
// ImageConfig (image-spec config.md) extended with Docker's Healthcheck/OnBuild/Shell.
import type { GoValue } from './gojson';
import type { HealthConfig, RunConfig } from './types';

type GoStruct = { [field: string]: GoValue | undefined };

/**
 * mobyRunConfig shapes a RunConfig as Go's `container.Config` (Docker 27): every
 * field without `omitempty` is written even when empty (`""`, `false`, `null`),
 * which is why `docker image inspect` always shows Hostname, Volumes, OnBuild…
 *
 * @example
 * marshalGo(mobyRunConfig({ Cmd: ['sh'] })); // '{"Hostname":"","Domainname":"",…,"Cmd":["sh"],…,"Labels":null}'
 */
export function mobyRunConfig(rc: RunConfig): GoStruct {
  return {
    Hostname: rc.Hostname ?? '',
    Domainname: rc.Domainname ?? '',
    User: rc.User ?? '',
    AttachStdin: rc.AttachStdin ?? false,
    AttachStdout: rc.AttachStdout ?? false,
    AttachStderr: rc.AttachStderr ?? false,
    ExposedPorts: omitEmpty(goMap(rc.ExposedPorts)),
    Tty: rc.Tty ?? false,
    OpenStdin: rc.OpenStdin ?? false,
    StdinOnce: rc.StdinOnce ?? false,
    Env: rc.Env ?? null,
    Cmd: rc.Cmd ?? null,
    Healthcheck: rc.Healthcheck ? healthConfig(rc.Healthcheck) : undefined,
    ArgsEscaped: rc.ArgsEscaped || undefined,
    Image: rc.Image ?? '',
    Volumes: goMap(rc.Volumes) ?? null,
    WorkingDir: rc.WorkingDir ?? '',
    Entrypoint: rc.Entrypoint ?? null,
    NetworkDisabled: rc.NetworkDisabled || undefined,
    MacAddress: rc.MacAddress || undefined,
    OnBuild: rc.OnBuild ?? null,
    Labels: goMap(rc.Labels) ?? null,
    StopSignal: rc.StopSignal || undefined,
    // A *int with omitempty: only nil is left out, a pointer to 0 is written.
    StopTimeout: rc.StopTimeout ?? undefined,
    Shell: omitEmpty(rc.Shell),
  };
}

/**
 * buildkitRunConfig shapes a RunConfig as BuildKit writes it: OCI ImageConfig
 * order with every empty field left out. `OnBuild` is the exception: BuildKit
 * before v0.13 always wrote `"OnBuild":null`, newer ones omit it, so it is written
 * exactly when the data has the key (JSON.parse of either keeps the difference).
 *
 * @example
 * marshalGo(buildkitRunConfig({ Env: ['A=1'], WorkingDir: '/' })); // '{"Env":["A=1"],"WorkingDir":"/"}'
 */
export function buildkitRunConfig(rc: RunConfig): GoStruct {
  return {
    User: rc.User || undefined,
    ExposedPorts: omitEmpty(goMap(rc.ExposedPorts)),
    Env: omitEmpty(rc.Env),
    Entrypoint: omitEmpty(rc.Entrypoint),
    Cmd: omitEmpty(rc.Cmd),
    Volumes: omitEmpty(goMap(rc.Volumes)),
    WorkingDir: rc.WorkingDir || undefined,
    Labels: omitEmpty(goMap(rc.Labels)),
    StopSignal: rc.StopSignal || undefined,
    ArgsEscaped: rc.ArgsEscaped || undefined,
    Healthcheck: rc.Healthcheck ? healthConfig(rc.Healthcheck) : undefined,
    OnBuild: 'OnBuild' in rc ? rc.OnBuild ?? null : undefined,
    Shell: omitEmpty(rc.Shell),
  };
}

/** Go's HealthConfig: every field omitempty, in declaration order. */
function healthConfig(hc: HealthConfig): GoStruct {
  return {
    Test: omitEmpty(hc.Test),
    Interval: hc.Interval || undefined,
    Timeout: hc.Timeout || undefined,
    StartPeriod: hc.StartPeriod || undefined,
    StartInterval: hc.StartInterval || undefined,
    Retries: hc.Retries || undefined,
  };
}

/** A JSON object used as a Go map (sorted keys on output); null stays null. */
function goMap(obj: Record<string, unknown> | null | undefined): Map<string, GoValue> | null | undefined {
  if (obj === null) return null;
  if (obj === undefined) return undefined;
  return new Map(Object.entries(obj).map(([k, v]): [string, GoValue] => [k, toGoValue(v)]));
}

function toGoValue(v: unknown): GoValue {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return goMap(v as Record<string, unknown>) ?? null;
  return v as GoValue;
}

/** `omitempty` for slices and maps: nil and empty are both left out. */
function omitEmpty<T extends GoValue[] | Map<string, GoValue>>(v: T | null | undefined): T | undefined {
  if (v === null || v === undefined) return undefined;
  const size = v instanceof Map ? v.size : v.length;
  return size === 0 ? undefined : v;
}
