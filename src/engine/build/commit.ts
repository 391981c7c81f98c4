// Committing a step as the classic builder does: a new image config that records the run config
// (`config`), what the step's container ran (`container_config`), that container's ID and the
// history line, with the step's layer appended — or `empty_layer` when nothing changed (formats.md 2.3).
import type { Engine } from '../engine';
import { emptyImage, appendEmptyLayer, appendLayer } from '../../image/append';
import { historyEntry } from '../../image/history';
import { makeImage, type Image } from '../../image/image';
import type { ImageConfig, RunConfig } from '../../image/types';
import type { Layer } from '../../layer/layer';

export const DOCKER_VERSION = '27.5.1';

/** CommitInput: the step's result and what to record about it. */
export interface CommitInput {
  parent?: Image;
  layer?: Layer;
  createdBy: string;
  runConfig: RunConfig;
  containerCmd: string[];
  containerId: string;
}

/** commitStep stores the step's image in the engine (with its parent link) and returns it. */
export function commitStep(engine: Engine, { parent, layer, createdBy, runConfig, containerCmd, containerId }: CommitInput): Image {
  const base: ImageConfig = parent?.config ?? emptyImage();
  const entry = historyEntry({ created: engine.clock.tick(), createdBy });
  const grown = layer ? appendLayer(base, layer, entry) : appendEmptyLayer(base, entry);
  const imageField = parent ? { Image: parent.id } : {};
  const config: ImageConfig = {
    architecture: base.architecture,
    config: { ...runConfig, ...imageField },
    container: containerId,
    container_config: { ...runConfig, Cmd: containerCmd, ...imageField },
    created: grown.created,
    docker_version: DOCKER_VERSION,
    history: grown.history,
    os: base.os,
    rootfs: grown.rootfs,
  };
  if (base.author) config.author = base.author;
  const image = makeImage(config, layer ? [...(parent?.layers ?? []), layer] : parent?.layers ?? []);
  engine.addImage(image, { parent: parent?.id });
  return image;
}
