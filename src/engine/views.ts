// What the Docker CLI prints about the simulated host, gathered from its state and handed to the
// pure renderers in src/render: `docker image inspect`, `docker history`, `docker image ls`,
// `docker container inspect`, `docker diff`, the `mount` line and the /var/lib/docker tree.
import type { Engine, ImageRecord } from './engine';
import { LayerStore } from './layer-store';
import type { Container } from './container';
import { diffContainer, findContainer } from './containers';
import { splitReference } from './references';
import { imageInspectData, renderImageInspect } from '../render/inspect-image';
import { overlay2ContainerGraphDriver, overlay2ImageGraphDriver } from '../render/graph-driver';
import { historyRows, renderHistory } from '../render/history';
import { renderImageList } from '../render/image-list';
import { renderContainerInspect } from '../render/inspect-container';
import { renderDiff } from '../render/diff';
import { dockerContainerMount, renderMountLine, renderProcMountsLine } from '../render/mount-line';
import { renderDockerRoot, type DockerRoot } from '../render/docker-root';
import { unixSeconds } from '../render/time';
import type { GraphDriver } from '../render/types';

/** imageGraphDriver: GraphDriver.Data of an image (its top layer's directories). */
export function imageGraphDriver(engine: Engine, record: ImageRecord): GraphDriver {
  return overlay2ImageGraphDriver({ root: engine.root, layerCacheIds: record.layers.map((layer) => layer.cacheID) });
}

/** inspectImage: `docker image inspect REF`. */
export function inspectImage(engine: Engine, ref: string): string {
  const record = engine.record(ref);
  const { image } = record;
  return renderImageInspect(imageInspectData(image.config, {
    id: image.id, repoTags: engine.tagsOf(image.id), parent: record.parent, size: LayerStore.chainSize(engine.topLayer(record)),
    graphDriver: imageGraphDriver(engine, record), lastTagTime: record.lastTagTime,
  }));
}

/** history: `docker history [--no-trunc] REF`; rows of a local build name their intermediate images. */
export function history(engine: Engine, ref: string, { noTrunc = false, human = true }: { noTrunc?: boolean; human?: boolean } = {}): string {
  const record = engine.record(ref);
  const ids = parentIds(engine, record, (record.image.config.history ?? []).length);
  const rows = historyRows(record.image.config, { imageId: record.image.id, layerSizes: record.image.layers.map((layer) => layer.size), ids });
  return renderHistory(rows, { now: engine.clock.nowMs, noTrunc, human });
}

/** parentIds: for each history entry (oldest first) the image it produced, following Parent links. */
function parentIds(engine: Engine, record: ImageRecord, count: number): (string | undefined)[] {
  const ids: (string | undefined)[] = new Array(count).fill(undefined);
  let current: ImageRecord | undefined = record;
  for (let i = count - 1; i >= 0 && current; i--) {
    if ((current.image.config.history ?? []).length !== i + 1) break;
    ids[i] = current.image.id;
    current = current.parent ? engine.images.get(current.parent) : undefined;
  }
  return ids;
}

/**
 * imageList: `docker image ls`: tagged images, and untagged ones nothing was built on (a dangling
 * `<none>` left when a tag moved); `all` (`-a`) adds the classic builder's intermediate images.
 */
export function imageList(engine: Engine, { all = false }: { all?: boolean } = {}): string {
  const parents = new Set([...engine.images.values()].map((record) => record.parent).filter((id): id is string => !!id));
  const rows = [...engine.images.values()].flatMap((record) => {
    const tags = engine.tagsOf(record.image.id);
    const size = LayerStore.chainSize(engine.topLayer(record));
    const created = unixSeconds(record.image.config.created ?? '') ?? 0;
    if (tags.length === 0) return all || !parents.has(record.image.id) ? [{ repository: '<none>', tag: '<none>', id: record.image.id, created, size }] : [];
    return tags.map((ref) => ({ ...splitReference(ref), id: record.image.id, created, size }));
  });
  return renderImageList(rows, { now: engine.clock.nowMs });
}

/** containerGraphDriver: GraphDriver.Data of a container: init first in LowerDir, its own diff as UpperDir. */
export function containerGraphDriver(engine: Engine, container: Container): GraphDriver {
  return overlay2ContainerGraphDriver({ root: engine.root, mountId: container.mountID, imageCacheIds: container.imageLayers.map((layer) => layer.cacheID) });
}

/** inspectContainer: `docker container inspect NAME`. */
export function inspectContainer(engine: Engine, ref: string): string {
  const c = findContainer(engine, ref);
  const cmd = [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])];
  return renderContainerInspect({
    id: c.id, created: c.created, path: cmd[0] ?? '', args: cmd.slice(1), image: c.image.id, name: '/' + c.name,
    state: { status: c.status, pid: c.status === 'running' ? 4242 : 0, exitCode: c.exitCode, error: '', startedAt: c.startedAt, finishedAt: c.finishedAt },
    config: c.config, graphDriver: containerGraphDriver(engine, c),
  });
}

/** diff: `docker diff NAME`. */
export function diff(engine: Engine, ref: string): string {
  return renderDiff(diffContainer(findContainer(engine, ref)));
}

/** mountLine: the container's line in `mount` (or `/proc/mounts` with `proc: true`), as the kernel prints it. */
export function mountLine(engine: Engine, ref: string, { proc = false }: { proc?: boolean } = {}): string {
  const c = findContainer(engine, ref);
  const m = dockerContainerMount({ root: engine.root, mountId: c.mountID, lowerLinks: c.lowerLinks(), extraOptions: suffixOptions(c) });
  return proc ? renderProcMountsLine(m) : renderMountLine(m);
}

function suffixOptions(c: Container): string[] {
  return c.rootfs.procMountsSuffix().split(',').filter(Boolean);
}

/** dockerRootState: /var/lib/docker as plain data (overlay2 dirs, layerdb, imagedb, mounts, repositories). */
export function dockerRootState(engine: Engine): DockerRoot {
  const layers = engine.layers.all();
  const overlay2 = layers.map((stored) => ({ id: stored.cacheID, link: stored.link, lower: LayerStore.lowerLinks(stored), committed: stored.committed }));
  for (const c of engine.containers.values()) {
    const imageLinks = [...c.imageLayers].reverse().map((layer) => layer.link);
    overlay2.push({ id: `${c.mountID}-init`, link: c.init.link, lower: imageLinks, committed: true });
    overlay2.push({ id: c.mountID, link: c.link, lower: c.lowerLinks(), committed: false, ...{ mounted: true } });
  }
  const repositories: Record<string, Record<string, string>> = {};
  for (const [ref, id] of engine.tags) {
    const { repository } = splitReference(ref);
    (repositories[repository] ??= {})[ref] = id;
  }
  return {
    root: engine.root, overlay2,
    layers: layers.map((stored) => ({ chainId: stored.chainID, diffId: stored.layer.diffID, size: stored.layer.size, cacheId: stored.cacheID, parent: stored.parent?.chainID })),
    images: [...engine.images.values()].map((record) => ({ id: record.image.id, config: Buffer.from(record.image.configBytes).toString('utf8'), parent: record.parent, lastUpdated: record.lastTagTime })),
    mounts: [...engine.containers.values()].map((c) => ({ containerId: c.id, mountId: c.mountID, parentChainId: c.imageLayers[c.imageLayers.length - 1]?.chainID ?? '' })),
    repositories,
  };
}

/** dockerRoot: `tree /var/lib/docker` (or `find`). */
export function dockerRoot(engine: Engine, { format = 'tree' }: { format?: 'tree' | 'find' } = {}): string {
  return renderDockerRoot(dockerRootState(engine), { format });
}
