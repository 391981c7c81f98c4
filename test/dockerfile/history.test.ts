import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyCreatedBy, healthcheckComment, nopCreatedBy, runCreatedBy } from '../../src/dockerfile/history';
import { goFormatDuration, goParseDuration, goQuote, goQuoteRune, goQuoteSlice } from '../../src/dockerfile/go-format';
import { parseDockerfile } from '../../src/dockerfile/parse';
import { haveShared, sharedPath } from '../helpers/shared';

// The few bytes of a ustar reader the test needs: name at 0, octal size at 124, data after the header.
function readTarEntry(tar: Buffer, wanted: (name: string) => boolean): Buffer | undefined {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.toString('utf8', offset, offset + 100).replace(/\0.*$/s, '');
    if (name === '') return undefined;
    const size = parseInt(tar.toString('utf8', offset + 124, offset + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (wanted(name)) return tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

const haveFixture = haveShared('the dive classic-build fixture');

describe.skipIf(!haveFixture)('created_by against a real Docker 18.09 classic build', () => {
  if (!haveFixture) return;   // vitest still runs a skipped suite's body to collect its tests
  // dive/data/test-docker-image.tar was built from dive/data/Dockerfile.test-image (fixtures/PROVENANCE.md);
  // image ID sha256:75ae28b8…, config stored as <id>.json.
  const dockerfile = readFileSync(sharedPath('fixtures/dive/data/Dockerfile.test-image'), 'utf8');
  const tar = readFileSync(sharedPath('fixtures/dive/data/test-docker-image.tar'));
  const config = readTarEntry(tar, (name) => name === '75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a.json');
  const history: { created_by: string }[] = JSON.parse(String(config)).history;
  // The first two history rows come from busybox; the Dockerfile's instructions follow in order.
  const own = history.slice(2).map((row) => row.created_by);
  const instructions = parseDockerfile(dockerfile).stages[0].instructions;

  it('has one history row per instruction', () => {
    expect(instructions).toHaveLength(own.length);
  });

  it('spells every RUN exactly as Docker recorded it', () => {
    instructions.forEach((instruction, index) => {
      if (instruction.kind === 'RUN') expect(instruction.createdBy).toBe(own[index]);
    });
  });

  it('spells every ADD exactly, given the source hash Docker computed', () => {
    instructions.forEach((instruction, index) => {
      if (instruction.kind !== 'ADD') return;
      const hash = / ADD (\S+) in /.exec(own[index])?.[1] as string;
      expect(copyCreatedBy(instruction, hash)).toBe(own[index]);
    });
  });

  it('matches the base image\'s CMD row, a nop with two spaces', () => {
    expect(nopCreatedBy(['/bin/sh', '-c'], `CMD ${goQuoteSlice(['sh'])}`)).toBe(history[1].created_by);
  });
});

describe('history helpers (moby dispatchers.go / internals.go formats)', () => {
  it('prefixes RUN with |N and the sorted build args', () => {
    expect(runCreatedBy(['/bin/sh', '-c', 'apk add curl'], {})).toBe('/bin/sh -c apk add curl');
    expect(runCreatedBy(['/bin/sh', '-c', 'make'], { Z: '1', A: 'b c' })).toBe('|2 A=b c Z=1 /bin/sh -c make');
  });

  it('glues --chown onto the source hash and ends COPY with a space (moby performCopy)', () => {
    const copy = { kind: 'COPY' as const, destination: '.', shell: ['/bin/sh', '-c'], chown: '1000:1000' };
    expect(copyCreatedBy(copy, 'dir:abc')).toBe('/bin/sh -c #(nop) COPY --chown=1000:1000dir:abc in . ');
  });

  it('prints the HealthConfig struct as Go\'s %q does', () => {
    const health = { test: ['CMD-SHELL', 'pg_isready'], interval: 5 * 60e9, timeout: 1.5e9, startPeriod: 0, startInterval: 0, retries: 65 };
    expect(healthcheckComment(health)).toBe(`HEALTHCHECK &{["CMD-SHELL" "pg_isready"] "5m0s" "1.5s" "0s" "0s" 'A'}`);
  });

  it('uses the classic builder\'s history text for a small multi-instruction file', () => {
    const stage = parseDockerfile('FROM a\nENV PATH=/usr/local/bin:$PATH\nEXPOSE 80\nWORKDIR /app\nCMD ["nginx", "-g", "daemon off;"]', {
      imageConfig: () => ({ Env: ['PATH=/usr/bin'] }),
    }).stages[0];
    expect(stage.instructions.map((i) => ('createdBy' in i ? i.createdBy : ''))).toEqual([
      '/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin',
      '/bin/sh -c #(nop)  EXPOSE 80',
      '/bin/sh -c #(nop) WORKDIR /app',
      '/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]',
    ]);
  });
});

describe('Go formats', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['tab\there\n', '"tab\\there\\n"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['\u0085', '"\\u0085"'],
    ['héllo 世界', '"héllo 世界"'],
  ])('goQuote(%j) = %s', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });

  it.each([
    [0, "'\\x00'"],
    [3, "'\\x03'"],
    [65, "'A'"],
    [39, "'\\''"],
    [10, "'\\n'"],
  ])('goQuoteRune(%d) = %s', (value, quoted) => {
    expect(goQuoteRune(value)).toBe(quoted);
  });

  it.each([
    [0, '0s'],
    [1, '1ns'],
    [1500, '1.5µs'],
    [2e6, '2ms'],
    [1.5e9, '1.5s'],
    [30e9, '30s'],
    [90e9, '1m30s'],
    [300e9, '5m0s'],
    [3600e9, '1h0m0s'],
    [3723.5e9, '1h2m3.5s'],
  ])('goFormatDuration(%d) = %s', (ns, text) => {
    expect(goFormatDuration(ns)).toBe(text);
  });

  it('parses Go durations and rejects what Go rejects', () => {
    expect(goParseDuration('1m30s')).toBe(90e9);
    expect(goParseDuration('1.5h')).toBe(5400e9);
    expect(goParseDuration('300ms')).toBe(300e6);
    expect(goParseDuration('0')).toBe(0);
    expect(goParseDuration('10')).toEqual({ problem: 'time: missing unit in duration "10"' });
    expect(goParseDuration('soon')).toEqual({ problem: 'time: invalid duration "soon"' });
    expect(goParseDuration('3d')).toEqual({ problem: 'time: unknown unit "d" in duration "3d"' });
  });
});
