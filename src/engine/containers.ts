// Container lifecycle on the simulated host: create (init layer + read-write layer), exec a
// command line in it, `docker diff`, `docker commit`, `docker rm` (formats.md 1.3, 1.6;
// overlayfs.md section 4).
import { Container } from './container';
import { initLayerTree } from './init-layer';
import { changesBetween } from './changes';
import { ContainerNotRunningError, NoSuchObjectError } from './errors';
import type { Engine } from './engine';
import type { Change } from '../render/types';
import type { Image } from '../image/image';
import { makeImage } from '../image/image';
import { appendLayer } from '../image/append';
import { historyEntry } from '../image/history';
import { layerFromDirectory } from '../layer/layer';
import { runShell, type ShellResult } from '../shell/runShell';
import { packageCommands } from '../shell/packages/index';

/** CreateOptions: what `docker create` takes here. */
export interface CreateOptions {
  name?: string;
  cmd?: string[];
}

const NAMES = ['admiring_turing', 'brave_hopper', 'clever_lovelace', 'eager_ritchie', 'focused_torvalds', 'gifted_thompson', 'happy_kernighan', 'keen_pike'];

/** createContainer: `docker create IMAGE`: an init layer, an empty read-write layer, one overlay mount. */
export function createContainer(engine: Engine, imageRef: string, { name, cmd }: CreateOptions = {}): Container {
  const record = engine.record(imageRef);
  const id = engine.ids.hex64();
  const mountID = engine.ids.hex64();
  const init = { tree: initLayerTree(engine.disk, [...record.layers].reverse().map((stored) => stored.layer.tree)), link: engine.ids.linkId() };
  const { upper, work } = engine.newScratch();
  const config = { ...(record.image.config.config ?? {}), Image: imageRef, ...(cmd ? { Cmd: cmd } : {}) };
  const container = new Container(id, name ?? NAMES[engine.containers.size % NAMES.length], mountID, record.image, record.layers,
    init, upper, work, engine.clock.tick(), config, engine.ids.linkId());
  engine.containers.set(id, container);
  return container;
}

/** container: find a container by name, full ID or unique ID prefix. */
export function findContainer(engine: Engine, ref: string): Container {
  const all = [...engine.containers.values()];
  const found = all.find((c) => c.name === ref || c.id === ref) ?? uniquePrefix(all, ref);
  if (!found) throw new NoSuchObjectError({ kind: 'container', reference: ref });
  return found;
}

function uniquePrefix(all: Container[], ref: string): Container | undefined {
  const matches = all.filter((c) => ref.length >= 4 && c.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

/** shellFor picks the /bin/sh an image has: ash on Alpine, bash on CentOS, dash elsewhere. */
export function shellFlavor(image: Image): 'ash' | 'bash' | 'dash' {
  const cmd = (image.config.config?.Cmd ?? []).join(' ');
  const env = (image.config.config?.Env ?? []).join(' ');
  if (/alpine/i.test(JSON.stringify(image.config.config?.Labels ?? {})) || cmd === '/bin/sh') return 'ash';
  return /bash/.test(cmd) || /centos|rhel/i.test(env) ? 'bash' : 'dash';
}

/** execIn: `docker exec CONTAINER sh -c LINE`: run a command line in the container's root filesystem. */
export function execIn(engine: Engine, container: Container, commandLine: string, { env = {}, cwd, uid = 0, gid = 0 }: { env?: Record<string, string>; cwd?: string; uid?: number; gid?: number } = {}): ShellResult {
  // A created container is started on its first exec (as if `docker start` had run); an exited one
  // refuses, as dockerd does.
  if (container.status === 'exited') throw new ContainerNotRunningError(container.id);
  const baseEnv = Object.fromEntries((container.config.Env ?? []).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  container.status = 'running';
  if (container.startedAt.startsWith('0001')) container.startedAt = engine.clock.tick();
  return runShell(commandLine, {
    fs: container.rootfs.as({ uid, gid }), cwd: cwd ?? (container.config.WorkingDir || '/'),
    env: { HOSTNAME: container.id.slice(0, 12), HOME: '/root', ...baseEnv, ...env }, uid, gid,
    now: () => engine.disk.now(), commands: packageCommands, flavor: shellFlavor(container.image),
  });
}

/** diffContainer: `docker diff`: the container compared with its init layer and image. */
export function diffContainer(container: Container): Change[] {
  return changesBetween(container.rootfs, container.baseline());
}

/** commitContainer: `docker commit`: the read-write layer becomes a new image layer on top of the image. */
export function commitContainer(engine: Engine, container: Container, { tag, author, message }: { tag?: string; author?: string; message?: string } = {}): Image {
  const layer = layerFromDirectory(container.upper, { disk: engine.disk });
  const created = engine.clock.tick();
  const entry = historyEntry({ created, createdBy: (container.config.Cmd ?? []).join(' '), author, comment: message });
  const config = { ...appendLayer(container.image.config, layer, entry), container: container.id, docker_version: '27.5.1' };
  if (author) config.author = author;
  const image = makeImage(config, [...container.image.layers, layer]);
  engine.addImage(image, { parent: container.image.id });
  if (tag) engine.tag(image.id, tag);
  return image;
}

/** removeContainer: `docker rm`: the init and read-write layers are deleted with it; what was written is gone. */
export function removeContainer(engine: Engine, container: Container): void {
  container.rootfs.umount();
  engine.containers.delete(container.id);
}
