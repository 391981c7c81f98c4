// `docker image inspect`, Docker 27 / API 1.47 (formats.md 1.1–1.3).
import { mobyRunConfig } from '../image/run-config';
import type { ImageConfig } from '../image/types';
import type { GoValue } from '../image/gojson';
import { goStringMap, renderInspectArray } from './inspect-json';
import { goRfc3339Nano } from './time';
import type { GraphDriver, ImageInspect } from './types';

/**
 * ZERO_TIME is Go's zero time, which Metadata.LastTagTime shows for an image never tagged.
 *
 * @example
 * imageInspectData(config, { …, lastTagTime: ZERO_TIME });
 */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * imageInspectData fills an ImageInspect from an image config and what only
 * the daemon knows (ID, tags, size, storage paths). Comment falls back to the
 * last history entry's comment, which is why BuildKit images show
 * `buildkit.dockerfile.v0`.
 *
 * @example
 * const image = new Docker().image('alpine:latest');
 * const data = imageInspectData(image.config, { id: image.id, repoTags: ['alpine:latest'], size: 7_000_000, graphDriver: { name: 'overlay2', data: {} } });
 * [data.os, data.layers.length, data.lastTagTime] // → [ 'linux', 1, '0001-01-01T00:00:00Z' ]
 */
export function imageInspectData(
  config: ImageConfig,
  extra: { id: string; repoTags?: string[]; repoDigests?: string[]; parent?: string; size: number; graphDriver: GraphDriver; lastTagTime?: string },
): ImageInspect {
  const history = config.history ?? [];
  return {
    id: extra.id,
    repoTags: extra.repoTags ?? [],
    repoDigests: extra.repoDigests ?? [],
    parent: extra.parent ?? '',
    comment: config.comment || (history.length > 0 ? history[history.length - 1].comment ?? '' : ''),
    created: config.created ? goRfc3339Nano(config.created) : '',
    dockerVersion: config.docker_version ?? '',
    author: config.author ?? '',
    config: config.config ?? null,
    architecture: config.architecture,
    variant: config.variant,
    os: config.os || 'linux',
    osVersion: config['os.version'],
    size: extra.size,
    graphDriver: extra.graphDriver,
    layers: config.rootfs.diff_ids ?? [],
    lastTagTime: extra.lastTagTime ?? ZERO_TIME,
  };
}

/**
 * renderImageInspect prints `docker image inspect` for one or more images:
 * Docker 27's keys in its order (no Container/ContainerConfig/VirtualSize,
 * which API 1.47 drops), Config as a full `container.Config`.
 *
 * @example
 * const image = new Docker().image('alpine:latest');
 * const text = renderImageInspect(imageInspectData(image.config, { id: image.id, repoTags: ['alpine:latest'], size: 7_000_000, graphDriver: { name: 'overlay2', data: {} } }));
 * text.split('\n').slice(0, 5).join('\n') // → […{…"Id": "sha256:…",…"RepoTags": […"alpine:latest"
 */
export function renderImageInspect(images: ImageInspect | readonly ImageInspect[]): string {
  const list: readonly ImageInspect[] = Array.isArray(images) ? images : [images as ImageInspect];
  return renderInspectArray(list.map(imageFields));
}

function imageFields(image: ImageInspect): GoValue {
  return {
    Id: image.id,
    RepoTags: image.repoTags,
    RepoDigests: image.repoDigests,
    Parent: image.parent,
    Comment: image.comment,
    Created: image.created || undefined,
    DockerVersion: image.dockerVersion,
    Author: image.author,
    Config: image.config ? mobyRunConfig(image.config) : null,
    Architecture: image.architecture,
    Variant: image.variant || undefined,
    Os: image.os,
    OsVersion: image.osVersion || undefined,
    Size: image.size,
    GraphDriver: { Data: goStringMap(image.graphDriver.data), Name: image.graphDriver.name },
    RootFS: { Type: 'layers', Layers: image.layers.length > 0 ? image.layers : undefined },
    Metadata: { LastTagTime: image.lastTagTime },
  };
}
