import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/parse';
import type { Instruction } from '../../src/dockerfile/types';

function only(text: string, options = {}): Instruction {
  const stage = parseDockerfile(`FROM base\n${text}`, options).stages[0];
  expect(stage.instructions).toHaveLength(1);
  return stage.instructions[0];
}

describe('parseDockerfile: the seed Dockerfile', () => {
  const seed = 'FROM centos:latest\nRUN yum install -y vim\nADD start.sh /\n';
  const parsed = parseDockerfile(seed);

  it('has one stage built on centos:latest', () => {
    expect(parsed.stages).toHaveLength(1);
    expect(parsed.stages[0].from).toMatchObject({ image: 'centos:latest', base: { kind: 'image', ref: 'centos:latest' } });
    expect(parsed.stages[0].from.position).toEqual({ file: 'Dockerfile', line: 1, column: 1, endLine: 1 });
  });

  it('records RUN as the classic builder does in history (formats.md §2.3)', () => {
    const run = parsed.stages[0].instructions[0];
    expect(run).toMatchObject({ kind: 'RUN', form: 'shell', command: ['/bin/sh', '-c', 'yum install -y vim'] });
    expect(run).toMatchObject({ createdBy: '/bin/sh -c yum install -y vim', source: 'RUN yum install -y vim' });
    expect(run.position).toEqual({ file: 'Dockerfile', line: 2, column: 1, endLine: 2 });
  });

  it('records ADD with its source, a directory destination and no remote source', () => {
    const add = parsed.stages[0].instructions[1];
    expect(add).toMatchObject({ kind: 'ADD', sources: ['start.sh'], destination: '/', destinationIsDirectory: true, remoteSources: [] });
    expect(add.position.line).toBe(3);
  });

  it('has no warnings and the default escape', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.directives).toEqual({ escape: '\\' });
  });
});

describe('parseDockerfile: FROM', () => {
  it('reads AS names (lowercased), --platform and scratch', () => {
    const parsed = parseDockerfile('FROM --platform=linux/arm64 golang:1.22 AS Build\nFROM scratch\nCOPY --from=build /app /app');
    expect(parsed.stages[0]).toMatchObject({ name: 'build', from: { platform: 'linux/arm64', image: 'golang:1.22' } });
    expect(parsed.stages[1].from.base).toEqual({ kind: 'scratch' });
    expect(parsed.warnings.map((w) => w.rule)).toContain('StageNameCasing');
  });

  it('starts from an earlier stage by name', () => {
    const parsed = parseDockerfile('FROM alpine AS base\nENV A=1\nFROM base\nRUN echo $A');
    expect(parsed.stages[1].from.base).toEqual({ kind: 'stage', index: 0 });
  });

  it('expands global ARGs and the predefined platform ARGs in FROM', () => {
    const text = 'ARG TAG=3.19\nFROM --platform=$BUILDPLATFORM alpine:${TAG}';
    const parsed = parseDockerfile(text, { platform: 'linux/arm64' });
    expect(parsed.stages[0].from).toMatchObject({ image: 'alpine:3.19', platform: 'linux/arm64' });
    expect(parsed.globalArgs).toEqual([{ key: 'TAG', defaultValue: '3.19', value: '3.19' }]);
    expect(parseDockerfile(text, { buildArgs: { TAG: 'edge' } }).stages[0].from.image).toBe('alpine:edge');
  });
});

describe('parseDockerfile: RUN, CMD, ENTRYPOINT, SHELL', () => {
  it('keeps the exec form as the argv and its history as the joined words', () => {
    expect(only('RUN ["echo", "hi there"]')).toMatchObject({ form: 'exec', command: ['echo', 'hi there'], createdBy: 'echo hi there' });
  });

  it('treats a bracket that is not JSON as the shell form', () => {
    expect(only('RUN [ -f /x ] && echo y')).toMatchObject({ form: 'shell', command: ['/bin/sh', '-c', '[ -f /x ] && echo y'] });
  });

  it('records RUN flags as written', () => {
    expect(only('RUN --mount=type=cache,target=/root/.cache --network=none make')).toMatchObject({
      flags: { mount: ['type=cache,target=/root/.cache'], network: ['none'] },
      command: ['/bin/sh', '-c', 'make'],
    });
  });

  it('prints CMD and ENTRYPOINT with Go %q after the two-space #(nop)', () => {
    expect(only('CMD ["sh"]')).toMatchObject({ kind: 'CMD', createdBy: '/bin/sh -c #(nop)  CMD ["sh"]' });
    const entry = only('ENTRYPOINT nginx -g "daemon off;"');
    expect(entry).toMatchObject({ kind: 'ENTRYPOINT', form: 'shell', command: ['/bin/sh', '-c', 'nginx -g "daemon off;"'] });
    expect(entry).toMatchObject({ createdBy: '/bin/sh -c #(nop)  ENTRYPOINT ["/bin/sh" "-c" "nginx -g \\"daemon off;\\""]' });
  });

  it('uses the SHELL for later shell forms and in its own history line', () => {
    const stage = parseDockerfile('FROM a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ls | wc').stages[0];
    expect(stage.instructions[0]).toMatchObject({ shell: ['/bin/bash', '-o', 'pipefail', '-c'] });
    expect(stage.instructions[0]).toMatchObject({ createdBy: '/bin/bash -o pipefail -c #(nop)  SHELL [/bin/bash -o pipefail -c]' });
    expect(stage.instructions[1]).toMatchObject({ createdBy: '/bin/bash -o pipefail -c ls | wc' });
  });

  it('prefixes RUN history with the build args it sees, sorted', () => {
    const stage = parseDockerfile('FROM a\nARG B=2\nARG A\nARG Z\nRUN make', { buildArgs: { A: '1' } }).stages[0];
    expect(stage.instructions[3]).toMatchObject({ buildArgs: { A: '1', B: '2' }, createdBy: '|2 A=1 B=2 /bin/sh -c make' });
  });

  it('leaves out of RUN history an ARG shadowed by ENV', () => {
    const stage = parseDockerfile('FROM a\nARG V=1\nENV V=2\nRUN make').stages[0];
    expect(stage.instructions[2]).toMatchObject({ buildArgs: {}, createdBy: '/bin/sh -c make' });
  });
});

describe('parseDockerfile: COPY and ADD', () => {
  it('reads flags, several sources and a directory destination', () => {
    const copy = only('COPY --chown=app:app --chmod=644 a.txt b.txt /dst/');
    expect(copy).toMatchObject({ kind: 'COPY', sources: ['a.txt', 'b.txt'], destination: '/dst/', chown: 'app:app', chmod: '644' });
    expect(copy).toMatchObject({ destinationIsDirectory: true, hasWildcards: false, link: false });
  });

  it('reads the JSON form, where paths may hold spaces', () => {
    expect(only('COPY ["my file.txt", "/opt/my dir/"]')).toMatchObject({ form: 'exec', sources: ['my file.txt'], destination: '/opt/my dir/' });
  });

  it('resolves a relative destination against WORKDIR and keeps the trailing slash', () => {
    const stage = parseDockerfile('FROM a\nWORKDIR /app\nCOPY . .\nCOPY x src/').stages[0];
    expect(stage.instructions[1]).toMatchObject({ destination: '.', resolvedDestination: '/app', destinationIsDirectory: false });
    expect(stage.instructions[2]).toMatchObject({ resolvedDestination: '/app/src/', destinationIsDirectory: true });
  });

  it('notes wildcards, which may match several files', () => {
    expect(only('COPY *.txt /d/')).toMatchObject({ hasWildcards: true });
    expect(only('COPY README.md /d/')).toMatchObject({ hasWildcards: false });
  });

  it('lets substitution eat the escape before a wildcard, as Docker does (so it still globs)', () => {
    expect(only('COPY file\\*.txt /d/')).toMatchObject({ hasWildcards: true, sources: ['file*.txt'] });
  });

  it('flags ADD from a URL or git for the builder and warns now', () => {
    const parsed = parseDockerfile('FROM a\nADD https://example.com/x.tgz /x\nADD https://github.com/moby/moby.git /src/');
    expect(parsed.stages[0].instructions[0]).toMatchObject({ remoteSources: [{ kind: 'url', url: 'https://example.com/x.tgz' }] });
    expect(parsed.stages[0].instructions[1]).toMatchObject({ remoteSources: [{ kind: 'git', url: 'https://github.com/moby/moby.git' }] });
    expect(parsed.warnings.filter((w) => w.rule === 'AddFromUrlOffline')).toHaveLength(2);
  });

  it('resolves --from to a stage by name or index, otherwise keeps an image', () => {
    const parsed = parseDockerfile('FROM a AS one\nFROM b\nCOPY --from=one /x /x\nCOPY --from=0 /y /y\nCOPY --from=nginx:1.25 /z /z');
    const froms = parsed.stages[1].instructions.map((i) => (i.kind === 'COPY' ? i.from : undefined));
    expect(froms).toEqual([
      { kind: 'stage', index: 0, name: 'one' },
      { kind: 'stage', index: 0, name: 'one' },
      { kind: 'image', ref: 'nginx:1.25' },
    ]);
  });
});

describe('parseDockerfile: ENV, ARG, LABEL and the config instructions', () => {
  it('reads both ENV forms; the legacy one warns', () => {
    const parsed = parseDockerfile('FROM a\nENV A=1 B="two words" C=three\\ words\nENV D hello world');
    expect(parsed.stages[0].instructions[0]).toMatchObject({
      pairs: [{ key: 'A', value: '1' }, { key: 'B', value: 'two words' }, { key: 'C', value: 'three words' }],
      createdBy: '/bin/sh -c #(nop)  ENV A=1 B=two words C=three words',
    });
    expect(parsed.stages[0].instructions[1]).toMatchObject({ pairs: [{ key: 'D', value: 'hello world' }] });
    expect(parsed.warnings.map((w) => w.rule)).toEqual(['LegacyKeyValueFormat']);
  });

  it('reads LABEL like ENV, removing quotes (history then shows them bare)', () => {
    const label = only('LABEL maintainer="NGINX Docker Maintainers <docker-maint@nginx.com>"');
    expect(label).toMatchObject({ createdBy: '/bin/sh -c #(nop)  LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>' });
  });

  it('reads ARG names with and without defaults', () => {
    expect(only('ARG A B=2')).toMatchObject({ args: [{ key: 'A' }, { key: 'B', defaultValue: '2', value: '2' }], createdBy: '/bin/sh -c #(nop)  ARG A B=2' });
  });

  it('resolves WORKDIR against the previous one and writes one space after #(nop)', () => {
    const stage = parseDockerfile('FROM a\nWORKDIR /app\nWORKDIR ../srv/./www/').stages[0];
    expect(stage.instructions[1]).toMatchObject({ path: '../srv/./www/', resolvedPath: '/srv/www', createdBy: '/bin/sh -c #(nop) WORKDIR /srv/www' });
  });

  it('reads USER, EXPOSE (sorted as strings), VOLUME in both forms, STOPSIGNAL, MAINTAINER, ONBUILD', () => {
    expect(only('USER app:app')).toMatchObject({ user: 'app:app', createdBy: '/bin/sh -c #(nop)  USER app:app' });
    expect(only('EXPOSE 80 443/tcp 8000-8010/udp')).toMatchObject({ ports: ['443/tcp', '80', '8000-8010/udp'] });
    expect(only('VOLUME ["/data", "/logs"]')).toMatchObject({ form: 'exec', paths: ['/data', '/logs'], createdBy: '/bin/sh -c #(nop)  VOLUME [/data /logs]' });
    expect(only('VOLUME /var/lib/mysql')).toMatchObject({ form: 'shell', paths: ['/var/lib/mysql'] });
    expect(only('STOPSIGNAL SIGQUIT')).toMatchObject({ signal: 'SIGQUIT', createdBy: '/bin/sh -c #(nop)  STOPSIGNAL SIGQUIT' });
    expect(only('MAINTAINER Jane <jane@example.com>')).toMatchObject({ maintainer: 'Jane <jane@example.com>' });
    expect(only('ONBUILD COPY . /src')).toMatchObject({ trigger: 'COPY . /src', createdBy: '/bin/sh -c #(nop)  ONBUILD COPY . /src' });
  });

  it('reads HEALTHCHECK CMD (shell and exec) and NONE into Docker\'s HealthConfig', () => {
    const shell = only('HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD curl -f http://localhost/ || exit 1');
    expect(shell).toMatchObject({ health: { test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30e9, timeout: 3e9, retries: 3 } });
    expect(shell).toMatchObject({ createdBy: `/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "30s" "3s" "0s" "0s" '\\x03'}` });
    expect(only('HEALTHCHECK CMD ["/bin/check"]')).toMatchObject({ health: { test: ['CMD', '/bin/check'] } });
    expect(only('HEALTHCHECK NONE')).toMatchObject({ health: { test: ['NONE'], retries: 0 } });
  });

  it('accepts instruction names in any case', () => {
    const stage = parseDockerfile('from alpine\nrun echo hi\nCoPy a /b').stages[0];
    expect(stage.instructions.map((i) => i.kind)).toEqual(['RUN', 'COPY']);
  });

  it('takes ENV, WORKDIR and SHELL of a base image from imageConfig', () => {
    const imageConfig = (ref: string) => (ref === 'golang' ? { Env: ['GOPATH=/go'], WorkingDir: '/go' } : undefined);
    const stage = parseDockerfile('FROM golang\nWORKDIR src/app\nCOPY . $GOPATH/x/', { imageConfig }).stages[0];
    expect(stage.instructions[0]).toMatchObject({ resolvedPath: '/go/src/app' });
    expect(stage.instructions[1]).toMatchObject({ destination: '/go/x/' });
  });
});
