import { describe, expect, it } from 'vitest';
import { listBaseImages, loadBaseImage, placeholderBytes, UnknownBaseImageError, type BaseFile } from '../../src/image/bases';

const byPath = (files: BaseFile[], path: string) => files.find((f) => f.path === path);

describe('listBaseImages', () => {
  it('lists the bundled images as name:tag', () => {
    expect(listBaseImages()).toEqual(['alpine:latest', 'centos:latest', 'debian:bookworm']);
  });
});

describe('loadBaseImage', () => {
  const centos = loadBaseImage('centos:latest');

  it('carries the real image config: amd64/linux, CentOS labels, Cmd /bin/bash', () => {
    expect(centos.config.architecture).toBe('amd64');
    expect(centos.config.os).toBe('linux');
    expect(centos.config.config.Cmd).toEqual(['/bin/bash']);
    expect(centos.config.config.Labels?.['org.label-schema.name']).toBe('CentOS Base Image');
    expect(centos.history[0].created_by).toMatch(/^\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
  });

  it('has the usrmerge links, /bin/sh -> bash and CentOS release files', () => {
    expect(byPath(centos.files, '/bin')).toMatchObject({ type: 'symlink', target: 'usr/bin' });
    expect(byPath(centos.files, '/usr/bin/sh')).toMatchObject({ type: 'symlink', target: 'bash' });
    expect(byPath(centos.files, '/etc/redhat-release')).toMatchObject({ type: 'symlink', target: 'centos-release' });
    const release = byPath(centos.files, '/etc/centos-release')?.content;
    expect(Buffer.from(release ?? []).toString()).toBe('CentOS Linux release 8.4.2105\n');
  });

  it('keeps the modes that matter: /tmp 1777, /root 0550, /etc/shadow 0000', () => {
    expect(byPath(centos.files, '/tmp')?.mode).toBe(0o1777);
    expect(byPath(centos.files, '/root')?.mode).toBe(0o550);
    expect(byPath(centos.files, '/etc/shadow')?.mode).toBe(0);
  });

  it('gives binaries their declared size and an ELF header', () => {
    const bash = byPath(centos.files, '/usr/bin/bash');
    expect(bash?.content?.length).toBe(1150560);
    expect(Array.from(bash?.content?.subarray(0, 4) ?? [])).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  });

  it('sorts every path after its parent directory', () => {
    for (const image of listBaseImages()) {
      const files = loadBaseImage(image).files;
      const seen = new Set<string>();
      for (const file of files) {
        const parent = file.path.slice(0, file.path.lastIndexOf('/'));
        if (parent !== '') expect(seen.has(parent), `${image}: ${file.path} before ${parent}`).toBe(true);
        seen.add(file.path);
      }
    }
  });

  it('gives alpine busybox applet links, its release file and the apk database', () => {
    const alpine = loadBaseImage('alpine');
    expect(alpine.config.config.Cmd).toEqual(['/bin/sh']);
    expect(byPath(alpine.files, '/bin/sh')).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(byPath(alpine.files, '/bin/ls')).toMatchObject({ type: 'symlink', target: '/bin/busybox' });
    expect(Buffer.from(byPath(alpine.files, '/etc/alpine-release')?.content ?? []).toString()).toBe('3.20.3\n');
    expect(Buffer.from(byPath(alpine.files, '/lib/apk/db/installed')?.content ?? []).toString()).toContain('P:busybox\n');
  });

  it('accepts short names, tags from aliases and docker.io/library/ references', () => {
    expect(loadBaseImage('docker.io/library/centos:8').name).toBe('centos');
    expect(loadBaseImage('debian:12').tag).toBe('bookworm');
  });

  it('names the bundled images when asked for one it does not have', () => {
    expect(() => loadBaseImage('fedora:39')).toThrowError(/alpine:latest, centos:latest, debian:bookworm/);
    try { loadBaseImage('fedora:39'); } catch (e) {
      expect(e).toBeInstanceOf(UnknownBaseImageError);
      expect((e as UnknownBaseImageError).code).toBe('UnknownBaseImageError');
    }
  });
});

describe('placeholderBytes', () => {
  it('is deterministic and depends on the path', () => {
    expect(placeholderBytes('/a', 64)).toEqual(placeholderBytes('/a', 64));
    expect(placeholderBytes('/a', 64)).not.toEqual(placeholderBytes('/b', 64));
  });
});
