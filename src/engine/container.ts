// A container: an image's layers, an `-init` layer and a read-write layer, stacked by one overlay
// mount exactly as overlay2 stacks them (lowerdir = init, then the image top first; upperdir = the
// container's own diff directory).
import { mount, type OverlayMount } from '../overlay/mount';
import { readOnlyView } from './rootfs';
import { Tree } from '../overlay/tree';
import type { Image } from '../image/image';
import type { RunConfig } from '../image/types';
import type { StoredLayer } from './layer-store';

/**
 * Container: a created (or running) container and the directories behind it.
 * @example
 * const docker = new Docker();
 * const container = docker.create('alpine:latest', { name: 'web' });
 * container.rootfs.writeFileSync('/hello.txt', 'hi\n');
 * docker.diff('web') // → A /hello.txt
 */
export class Container {
  /** The container's overlay mount: what a process inside it sees as `/`. */
  readonly rootfs: OverlayMount;
  status: 'created' | 'running' | 'exited' = 'created';
  exitCode = 0;
  startedAt = '0001-01-01T00:00:00Z';
  finishedAt = '0001-01-01T00:00:00Z';

  constructor(
    readonly id: string,
    readonly name: string,
    readonly mountID: string,
    readonly image: Image,
    readonly imageLayers: StoredLayer[],
    readonly init: { tree: Tree; link: string },
    readonly upper: Tree,
    readonly work: Tree,
    readonly created: string,
    readonly config: RunConfig,
    readonly link: string,
  ) {
    this.rootfs = mount({ lowers: this.lowerTrees(), upper, work });
  }

  /** lowerTrees: init first, then the image's layers top first — the order of `lowerdir=`. */
  lowerTrees(): Tree[] {
    return [this.init.tree, ...[...this.imageLayers].reverse().map((stored) => stored.layer.tree)];
  }

  /** lowerLinks: the container's `lower` file: l/<init>, then the image's links top first. */
  lowerLinks(): string[] {
    return [this.init.link, ...[...this.imageLayers].reverse().map((stored) => stored.link)];
  }

  /** baseline: a read-only view of init + image, what `docker diff` compares against. */
  baseline(): OverlayMount {
    return readOnlyView(this.lowerTrees());
  }
}
