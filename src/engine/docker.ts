// Docker: the simulated host with the commands a student types, as methods. Each returns what the
// Docker CLI would print (as text), or the plain data behind it where a lesson wants to look closer.
import { Engine, type EngineOptions } from './engine';
import { build, type BuildOptions, type BuildResult } from './build/build';
import type { Container } from './container';
import { commitContainer, createContainer, diffContainer, execIn, findContainer, removeContainer, type CreateOptions } from './containers';
import * as views from './views';
import { dockerRootTree } from '../render/docker-root';
import { findNode } from '../render/tree';
import { makeImage, type Image } from '../image/image';
import type { Change } from '../render/types';
import type { ShellResult } from '../shell/runShell';

/**
 * Docker is a whole simulated Docker host (dockerd with the overlay2 driver) in memory.
 * @example
 * const docker = new Docker();
 * docker.build('FROM centos:latest\nRUN yum install -y vim\nADD start.sh /\n', { context: { 'start.sh': 'echo hi\n' }, tags: ['test:v1'] });
 * JSON.parse(docker.imageInspect('test:v1'))[0].RootFS.Layers.length // → 3
 */
export class Docker {
  readonly engine: Engine;

  constructor(options: EngineOptions = {}) {
    this.engine = new Engine(options);
  }

  /** build: `docker build -t TAG CONTEXT` (classic builder); the result has the image, output and steps. */
  build(dockerfile: string, options: BuildOptions = {}): BuildResult {
    return build(this.engine, dockerfile, options);
  }

  /** image: the Image a reference names (bundled base images are pulled on first use). */
  image(ref: string): Image {
    return this.engine.image(ref);
  }

  /** imageInspect: `docker image inspect REF`. */
  imageInspect(ref: string): string {
    return views.inspectImage(this.engine, ref);
  }

  /** history: `docker history [--no-trunc] REF`. */
  history(ref: string, options: { noTrunc?: boolean; human?: boolean } = {}): string {
    return views.history(this.engine, ref, options);
  }

  /** images: `docker image ls` (`all: true` for `-a`). */
  images(options: { all?: boolean } = {}): string {
    return views.imageList(this.engine, options);
  }

  /**
   * load: `docker load`: an image from elsewhere (an imported archive) joins this host with its tags,
   * and behaves like a built one (inspect, history, containers, FROM in a Dockerfile). Its layers are
   * laid onto this host's disk without copying files.
   */
  load(image: Image, tags: string[] = []): Image {
    const here = image.layers.every((layer) => layer.tree.disk === this.engine.disk)
      ? image : makeImage(image.config, image.layers.map((layer) => layer.onDisk(this.engine.disk)), { bytes: image.configBytes });
    this.engine.addImage(here);
    for (const tag of tags) this.engine.tag(here.id, tag);
    return here;
  }

  /** tag: `docker tag SOURCE TARGET`. */
  tag(source: string, target: string): void {
    this.engine.tag(source, target);
  }

  /** create: `docker create [--name NAME] IMAGE [CMD…]`. */
  create(image: string, options: CreateOptions = {}): Container {
    return createContainer(this.engine, image, options);
  }

  /** run: `docker run --name NAME IMAGE sh -c LINE`: create, then run the line; the container stays (exited). */
  run(image: string, commandLine: string, options: CreateOptions = {}): { container: Container; result: ShellResult } {
    const container = this.create(image, { ...options, cmd: options.cmd ?? ['/bin/sh', '-c', commandLine] });
    const result = execIn(this.engine, container, commandLine);
    container.status = 'exited';
    container.exitCode = result.exitCode;
    container.finishedAt = this.engine.clock.tick();
    return { container, result };
  }

  /** exec: `docker exec CONTAINER sh -c LINE`. */
  exec(container: string, commandLine: string, options: { env?: Record<string, string>; cwd?: string; uid?: number; gid?: number } = {}): ShellResult {
    return execIn(this.engine, findContainer(this.engine, container), commandLine, options);
  }

  /** container: the Container a name or ID names. */
  container(ref: string): Container {
    return findContainer(this.engine, ref);
  }

  /** diff: `docker diff CONTAINER` as text; `changes` gives the same as data. */
  diff(container: string): string {
    return views.diff(this.engine, container);
  }

  changes(container: string): Change[] {
    return diffContainer(findContainer(this.engine, container));
  }

  /** commit: `docker commit CONTAINER [TAG]`. */
  commit(container: string, options: { tag?: string; author?: string; message?: string } = {}): Image {
    return commitContainer(this.engine, findContainer(this.engine, container), options);
  }

  /** rm: `docker rm CONTAINER`: its read-write and init layers are gone with it. */
  rm(container: string): void {
    removeContainer(this.engine, findContainer(this.engine, container));
  }

  /** containerInspect: `docker container inspect CONTAINER`. */
  containerInspect(container: string): string {
    return views.inspectContainer(this.engine, container);
  }

  /** mountLine: the container's overlay line in `mount` (or `/proc/mounts` with `proc: true`). */
  mountLine(container: string, options: { proc?: boolean } = {}): string {
    return views.mountLine(this.engine, container, options);
  }

  /** tree: `tree /var/lib/docker` (or `find` with `format: 'find'`). */
  tree(options: { format?: 'tree' | 'find' } = {}): string {
    return views.dockerRoot(this.engine, options);
  }

  /**
   * cat: a small file under /var/lib/docker, as `cat` prints it (no trailing newline where Docker
   * writes none): `overlay2/<id>/lower`, `overlay2/<id>/link`, `image/overlay2/layerdb/sha256/<chain>/diff`…
   */
  cat(path: string): string {
    const relative = path.replace(/^\/var\/lib\/docker\/?/, '');
    const node = findNode(dockerRootTree(views.dockerRootState(this.engine)), relative);
    if (!node || node.kind !== 'file') throw Object.assign(new Error(`cat: ${path}: No such file or directory`), { code: 'ENOENT' });
    return node.content ?? '';
  }
}
