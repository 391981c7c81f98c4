// Plain-data types for an image config: the JSON document whose sha256 is the image ID.
// Field names are the JSON keys themselves (snake_case outside, Go's CamelCase
// inside `config`), so `JSON.parse` of a real config blob is already one of these.
// formats.md 1.2 and 2.5; image-spec config.md.

/**
 * HealthConfig is a HEALTHCHECK as stored in a config. Durations are nanoseconds,
 * as Go's `time.Duration` encodes them.
 *
 * @example
 * const hc: HealthConfig = { Test: ['CMD-SHELL', 'curl -f http://localhost/'], Interval: 30e9 };
 */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/**
 * PortSet is Docker's `{"80/tcp": {}}`: a set written as an object of empty objects.
 *
 * @example
 * const ports: PortSet = { '80/tcp': {} };
 */
export type PortSet = Record<string, Record<string, never>>;

/**
 * RunConfig is the `config` (and classic-builder `container_config`) of an image:
 * what `docker run` starts from. In Docker's own bytes it is Go's
 * `container.Config`; in BuildKit's it is the OCI `ImageConfig`. Absent members
 * are Go zero values; `null` and `[]` are different bytes, so both are kept.
 *
 * @example
 * const rc: RunConfig = new Docker().image('alpine:latest').config.config!; // what a container starts with
 * rc.Cmd // → [ '/bin/sh' ]
 */
export interface RunConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: PortSet | null;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Healthcheck?: HealthConfig | null;
  ArgsEscaped?: boolean;
  Image?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  WorkingDir?: string;
  Entrypoint?: string[] | null;
  NetworkDisabled?: boolean;
  MacAddress?: string;
  OnBuild?: string[] | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number | null;
  Shell?: string[] | null;
}

/**
 * HistoryEntry is one line of `docker history`: which instruction made a layer,
 * or, with `empty_layer: true`, an instruction that changed only the config.
 *
 * @example
 * const history: HistoryEntry[] = new Docker().image('alpine:latest').config.history!;
 * history.map((h) => `${h.empty_layer ? 'no layer' : 'a layer '}  ${h.created_by}`) // → 'a layer   /bin/sh -c #(nop) ADD file:…'…'no layer  /bin/sh -c #(nop)  CMD ["/bin/sh"]'
 */
export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

/**
 * RootFS lists the layers' diffIDs ("sha256:" + hex of the uncompressed tar),
 * bottom layer first. `null` and `[]` hash differently (formats.md 2.2).
 *
 * @example
 * const fs: RootFS = { type: 'layers', diff_ids: [] };
 */
export interface RootFS {
  type: string;
  diff_ids: string[] | null;
}

/**
 * ImageConfig is the whole config JSON. `created` is kept as the exact text
 * Go wrote (RFC 3339 with up to 9 fractional digits, maybe an offset), because
 * it is part of the hashed bytes. `container`, `container_config` and
 * `docker_version` appear only in classic-builder (non-BuildKit) images.
 *
 * @example
 * const img: ImageConfig = { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } };
 * new TextDecoder().decode(configBytes(img)) // → {"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}
 */
export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
  author?: string;
  comment?: string;
  created?: string;
  config?: RunConfig | null;
  container?: string;
  container_config?: RunConfig;
  docker_version?: string;
  parent?: string;
  history?: HistoryEntry[];
  rootfs: RootFS;
}

/**
 * ConfigStyle names who wrote the bytes, because the same image is written
 * differently by each (formats.md 2.5):
 * - `'moby'`: the Docker daemon itself (classic builder, `docker commit`, import):
 *   `config` is a full `container.Config` with every non-omitempty field.
 * - `'buildkit'`: BuildKit's exporter (the default `docker build` since 23):
 *   `config` is the OCI ImageConfig, empty fields omitted.
 *
 * @example
 * const style: ConfigStyle = 'buildkit';
 * // the classic builder writes every member of container.Config, BuildKit only those that are set
 * [configBytes(emptyImage()).length, configBytes(emptyImage(), { style }).length] // → [ 336, 90 ]
 */
export type ConfigStyle = 'moby' | 'buildkit';
