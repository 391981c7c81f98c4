// Plain data the renderers take. Each type holds exactly what one Docker
// output shows, so a renderer needs nothing else: no files, no clock.
import type { RunConfig } from '../image/types';

/**
 * HistoryRow is one line of `docker history`, as the daemon's history API
 * returns it: `id` is an image ID or `<missing>`, `created` Unix seconds,
 * `size` the layer's unpacked size in bytes (0 for empty layers).
 *
 * @example
 * const row: HistoryRow = { id: '<missing>', created: 1546029863, createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', size: 0, comment: '' };
 * renderHistory([row], { now: (1546029863 + 7200) * 1000 }) // → <missing>…2 hours ago…/bin/sh -c #(nop)  CMD ["sh"]…0B
 */
export interface HistoryRow {
  id: string;
  created: number;
  createdBy: string;
  size: number;
  comment: string;
}

/**
 * ImageListRow is one line of `docker image ls`: `repository` and `tag` are
 * `<none>` for an untagged image, `created` is Unix seconds, `size` bytes.
 *
 * @example
 * const row: ImageListRow = { repository: 'busybox', tag: 'latest', id: 'sha256:…', created: 1546029863, size: 1154361 };
 */
export interface ImageListRow {
  repository: string;
  tag: string;
  id: string;
  created: number;
  size: number;
  digest?: string;
}

/**
 * Change is one line of `docker diff`: A(dded), C(hanged) or D(eleted), with
 * an absolute path inside the container.
 *
 * @example
 * const change: Change = { kind: 'A', path: '/tmp/new.txt' };
 * renderDiff([change]) // → A /tmp/new.txt
 */
export interface Change {
  kind: 'A' | 'C' | 'D';
  path: string;
}

/**
 * GraphDriver is the `GraphDriver` member of inspect output: the storage
 * driver's name and its paths (for overlay2: LowerDir, MergedDir, UpperDir, WorkDir).
 *
 * @example
 * const gd: GraphDriver = { name: 'overlay2', data: { UpperDir: '/var/lib/docker/overlay2/abc/diff' } };
 * const image = new Docker().image('alpine:latest');
 * JSON.parse(renderImageInspect(imageInspectData(image.config, { id: image.id, size: 0, graphDriver: gd })))[0].GraphDriver
 * // → Data: { UpperDir: '/var/lib/docker/overlay2/abc/diff' },…Name: 'overlay2'
 */
export interface GraphDriver {
  name: string;
  data: Record<string, string>;
}

/**
 * ImageInspect holds what `docker image inspect` shows for one image (Docker 27,
 * API 1.47; formats.md 1.2). `imageInspectData` fills most of it from a config.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const data: ImageInspect = imageInspectData(image.config, { id: image.id, size: 3, graphDriver: { name: 'overlay2', data: {} } });
 * data.layers[0] === image.layers[0].diffID // → true
 */
export interface ImageInspect {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  parent: string;
  comment: string;
  created: string;
  dockerVersion: string;
  author: string;
  config: RunConfig | null;
  architecture: string;
  variant?: string;
  os: string;
  osVersion?: string;
  size: number;
  graphDriver: GraphDriver;
  layers: string[];
  lastTagTime: string;
}

/**
 * ContainerState is the `State` object of `docker container inspect`; the
 * booleans (Running, Paused…) are derived from `status` when rendered.
 *
 * @example
 * const state: ContainerState = { status: 'running', pid: 42, exitCode: 0, error: '', startedAt: '2024-05-01T12:00:01Z', finishedAt: '0001-01-01T00:00:00Z' };
 */
export interface ContainerState {
  status: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  pid: number;
  exitCode: number;
  error: string;
  startedAt: string;
  finishedAt: string;
  oomKilled?: boolean;
}

/**
 * ContainerInspect holds what `docker container inspect` shows for one
 * container (Docker 27). `hostConfig`, `mounts` and `networkSettings` are
 * passed through as given: the kit does not simulate them, but a lesson can
 * supply them to show a complete document.
 *
 * @example
 * const container: ContainerInspect = { id: 'c0ffee', created: '2024-05-01T12:00:00Z', path: 'sh', args: [], image: 'sha256:ab12', name: '/demo', config: {},
 *   graphDriver: { name: 'overlay2', data: {} }, state: { status: 'exited', pid: 0, exitCode: 3, error: '', startedAt: '2024-05-01T12:00:01Z', finishedAt: '2024-05-01T12:00:02Z' } };
 * JSON.parse(renderContainerInspect(container))[0].Name // → /demo
 */
export interface ContainerInspect {
  id: string;
  created: string;
  path: string;
  args: string[];
  state: ContainerState;
  image: string;
  name: string;
  restartCount?: number;
  platform?: string;
  config: RunConfig;
  graphDriver: GraphDriver;
  hostConfig?: unknown;
  mounts?: unknown[];
  networkSettings?: unknown;
}
