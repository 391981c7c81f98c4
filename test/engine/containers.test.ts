// Containers on the simulated host: the -init layer's real contents (daemon/initlayer/setup_unix.go),
// GraphDriver with init first, the mount line's shape (overlayfs.md section 4, H02), docker diff
// against the init layer, commit and rm (formats.md 1.3, 1.6).
import { describe, expect, it } from 'vitest';
import { Docker } from '../../src/engine/docker';
import { compactOfInode } from '../../src/overlay/compact';

function withContainer() {
  const docker = new Docker();
  docker.build('FROM alpine:latest\nRUN echo hi > /etc/motd\n', { tags: ['app:1'] });
  const container = docker.create('app:1', { name: 'web' });
  return { docker, container };
}

describe('a new container', () => {
  it('gets an -init layer with every mount point when the image has none of them (setup_unix.go)', () => {
    const docker = new Docker();
    docker.build('FROM scratch\nCOPY hello /\n', { context: { hello: 'hi' }, tags: ['bare:1'] });
    const container = docker.create('bare:1');
    expect(compactOfInode(container.init.tree.root)).toEqual({
      '.dockerenv': '', dev: { console: '', pts: {}, shm: {} },
      etc: { hostname: '', hosts: '', mtab: '->/proc/mounts', 'resolv.conf': '' }, proc: {}, sys: {},
    });
    expect(container.init.tree.walk('.dockerenv')!.mode).toBe(0o755);
  });

  it('keeps directories the image has and replaces its files with empty ones, as Setup does over the mounted image', () => {
    const docker = new Docker();
    docker.build('FROM scratch\nCOPY . /\n', { context: { 'etc/hosts': '127.0.0.1 localhost\n', 'proc/.keep': '' }, tags: ['some:1'] });
    const container = docker.create('some:1');
    const init = compactOfInode(container.init.tree.root) as Record<string, unknown>;
    expect(init.proc).toBeUndefined();
    expect((init.etc as Record<string, unknown>).hosts).toBe('');
    expect(container.rootfs.readFileSync('/etc/hosts', 'utf8')).toBe('');
    expect(container.rootfs.existsSync('/proc/.keep')).toBe(true);
  });

  it('shows GraphDriver with <mount>-init first in LowerDir and its own diff as UpperDir', () => {
    const { docker, container } = withContainer();
    const data = JSON.parse(docker.containerInspect('web'))[0].GraphDriver.Data;
    const lowers: string[] = data.LowerDir.split(':');
    expect(lowers[0]).toBe(`/var/lib/docker/overlay2/${container.mountID}-init/diff`);
    expect(lowers).toHaveLength(1 + container.image.layers.length);
    expect(data.UpperDir).toBe(`/var/lib/docker/overlay2/${container.mountID}/diff`);
  });

  it('is mounted with short l/ links, init first, as the kernel prints them unresolved', () => {
    const { docker, container } = withContainer();
    const line = docker.mountLine('web');
    const home = '/var/lib/docker/overlay2';
    const lowers = container.lowerLinks().map((link) => `${home}/l/${link}`).join(':');
    expect(line).toBe(`overlay on ${home}/${container.mountID}/merged type overlay (rw,relatime,lowerdir=${lowers},upperdir=${home}/${container.mountID}/diff,workdir=${home}/${container.mountID}/work,uuid=on)`);
    expect(container.lowerLinks().every((link) => /^[A-Z2-7]{26}$/.test(link))).toBe(true);
  });

  it('has an empty docker diff until something is written', () => {
    const { docker } = withContainer();
    expect(docker.diff('web')).toBe('');
  });
});

describe('working in a container', () => {
  it('docker diff lists what exec changed, sorted, directories as C before their children', () => {
    const { docker } = withContainer();
    expect(docker.exec('web', 'mkdir -p /opt2/data && echo x > /opt2/data/f && echo more >> /etc/motd && rm /etc/hostname').exitCode).toBe(0);
    expect(docker.changes('web')).toEqual([
      { kind: 'C', path: '/etc' }, { kind: 'D', path: '/etc/hostname' }, { kind: 'C', path: '/etc/motd' },
      { kind: 'A', path: '/opt2' }, { kind: 'A', path: '/opt2/data' }, { kind: 'A', path: '/opt2/data/f' },
    ]);
  });

  it('writes land in the container\'s upper directory only: copy-up and whiteouts, the image untouched', () => {
    const { docker, container } = withContainer();
    const before = JSON.stringify(container.image.layers.map((layer) => compactOfInode(layer.tree.root)));
    docker.exec('web', 'echo more >> /etc/motd && rm /bin/sh.txt 2>/dev/null; rm -f /etc/hostname');
    expect(compactOfInode(container.upper.root)).toEqual({ etc: { hostname: 'WHITEOUT', motd: 'hi\nmore\n' } });
    expect(JSON.stringify(container.image.layers.map((layer) => compactOfInode(layer.tree.root)))).toBe(before);
  });

  it('docker commit makes the read-write layer a new image layer; docker rm loses what was not committed', () => {
    const { docker } = withContainer();
    docker.exec('web', 'echo saved > /saved');
    const image = docker.commit('web', { tag: 'app:2' });
    expect(image.layers).toHaveLength(docker.image('app:1').layers.length + 1);
    docker.exec('web', 'echo lost > /lost');
    docker.rm('web');
    const next = docker.create('app:2', { name: 'again' });
    expect(next.rootfs.existsSync('/saved')).toBe(true);
    expect(next.rootfs.existsSync('/lost')).toBe(false);
    expect(() => docker.container('web')).toThrow(/No such container: web/);
  });
});

describe('/var/lib/docker', () => {
  it('keeps lower and link files as overlay2 writes them: no newline, top first', () => {
    const { docker } = withContainer();
    const record = docker.engine.record('app:1');
    const [base, top] = record.layers;
    expect(docker.cat(`/var/lib/docker/overlay2/${top.cacheID}/link`)).toBe(top.link);
    expect(docker.cat(`/var/lib/docker/overlay2/${top.cacheID}/lower`)).toBe(`l/${base.link}`);
    expect(docker.cat(`image/overlay2/layerdb/sha256/${top.chainID.slice(7)}/diff`)).toBe(top.layer.diffID);
    expect(docker.tree()).toContain(`${base.link} -> ../${base.cacheID}/diff`);
  });
});

describe('what dockerd refuses or lists', () => {
  it('docker exec into an exited container is refused', () => {
    const docker = new Docker();
    docker.run('alpine:latest', 'echo done', { name: 'once' });
    expect(() => docker.exec('once', 'echo again')).toThrow(/container [0-9a-f]{64} is not running/);
  });

  it('docker images lists an image left untagged by a rebuild as <none>, but not the builder\'s intermediates', () => {
    const docker = new Docker();
    docker.build('FROM alpine:latest\nRUN echo 1 > /v\n', { tags: ['app:1'] });
    const first = docker.image('app:1').id;
    docker.build('FROM alpine:latest\nRUN echo 2 > /v\n', { tags: ['app:1'] });
    const rows = docker.images().trim().split('\n').slice(1);
    expect(rows.filter((row) => row.startsWith('<none>'))).toHaveLength(1);
    expect(rows.find((row) => row.startsWith('<none>'))).toContain(first.slice(7, 19));
  });
});

describe('docker load', () => {
  it('an image from elsewhere joins the host with its tags and works as a base, with the same ID', async () => {
    const { importArchive } = await import('../../src/archive/import');
    const { dockerArchiveBytes } = await import('../../src/archive/export');
    const source = new Docker({ seed: 'source' });
    const built = source.build('FROM alpine\nRUN echo saved > /saved\n', { tags: ['app:1'] }).image;
    const { image, tags } = await importArchive(dockerArchiveBytes(built, { tags: ['app:1'] }));
    const docker = new Docker({ seed: 'target' });
    const loaded = docker.load(image, tags);
    expect(loaded.id).toBe(built.id);
    expect(loaded.layers.every((layer) => layer.tree.disk === docker.engine.disk)).toBe(true);
    const next = docker.build('FROM app:1\nRUN cat /saved > /copy\n').image;
    expect(next.layers).toHaveLength(built.layers.length + 1);
    expect(docker.run('app:1', 'cat /saved').result.stdout).toBe('saved\n');
  });
});
