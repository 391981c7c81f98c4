import { describe, expect, it } from 'vitest';
import {
  buildkitCreatedBy,
  classicCopyCreatedBy,
  classicWorkdirCreatedBy,
  goQuoteList,
  historyEntry,
  nopCreatedBy,
  runCreatedBy,
} from '../../src/image/history';

// Expected strings are copied from real configs in ../shared/fixtures (dive's
// Docker 18.09 image, hello-world-v25, the BuildKit OCI image) and formats.md 2.3.
describe('classic builder created_by', () => {
  it('writes a config-only step with two spaces after #(nop)', () => {
    expect(nopCreatedBy('CMD ' + goQuoteList(['sh']))).toBe('/bin/sh -c #(nop)  CMD ["sh"]');
  });

  it('writes ADD/COPY with the source hash and a trailing space', () => {
    expect(classicCopyCreatedBy('ADD', 'file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd', '/')).toBe(
      '/bin/sh -c #(nop) ADD file:ce026b62356eec3ad1214f92be2c9dc063fe205bd5e600be3492c4dfb17148bd in / ',
    );
    expect(classicCopyCreatedBy('ADD', 'dir:7ec14b81316baa1a31c38c97686a8f030c98cba2035c968412749e33e0c4427e', '/root/.data/')).toBe(
      '/bin/sh -c #(nop) ADD dir:7ec14b81316baa1a31c38c97686a8f030c98cba2035c968412749e33e0c4427e in /root/.data/ ',
    );
  });

  it('writes WORKDIR with a single space', () => {
    expect(classicWorkdirCreatedBy('/app')).toBe('/bin/sh -c #(nop) WORKDIR /app');
  });

  it('writes RUN as the joined command, with a |n prefix for build args', () => {
    expect(runCreatedBy(['/bin/sh', '-c', 'chmod +x /root/saved.txt'])).toBe('/bin/sh -c chmod +x /root/saved.txt');
    expect(runCreatedBy(['/bin/sh', '-c', 'apk add curl'], { A: 'b' })).toBe('|1 A=b /bin/sh -c apk add curl');
    expect(runCreatedBy(['/bin/sh', '-c', 'x'], { Z: '1', A: '2' })).toBe('|2 A=2 Z=1 /bin/sh -c x');
  });
});

describe('goQuoteList', () => {
  it('separates items with spaces, like Go %q on a []string', () => {
    expect(goQuoteList(['nginx', '-g', 'daemon off;'])).toBe('["nginx" "-g" "daemon off;"]');
    expect(goQuoteList(['say "hi"\n'])).toBe('["say \\"hi\\"\\n"]');
  });
});

describe('buildkitCreatedBy', () => {
  it('marks RUN, COPY and ADD with # buildkit and leaves the rest alone', () => {
    expect(buildkitCreatedBy('COPY hello /')).toBe('COPY hello / # buildkit');
    expect(buildkitCreatedBy('COPY README.md /README.md')).toBe('COPY README.md /README.md # buildkit');
    expect(buildkitCreatedBy('CMD ["/hello"]')).toBe('CMD ["/hello"]');
    expect(buildkitCreatedBy('WORKDIR /app')).toBe('WORKDIR /app');
    expect(buildkitCreatedBy('RUN /bin/sh -c apk add curl')).toBe('RUN /bin/sh -c apk add curl # buildkit');
    expect(buildkitCreatedBy('RUN /bin/sh -c make', { V: '1' })).toBe('RUN |1 V=1 /bin/sh -c make # buildkit');
  });
});

describe('historyEntry', () => {
  it('leaves out empty members (omitempty)', () => {
    expect(historyEntry({ createdBy: 'x' })).toEqual({ created_by: 'x' });
    expect(historyEntry({ created: 't', createdBy: 'y', comment: 'c', emptyLayer: true })).toEqual({
      created: 't',
      created_by: 'y',
      comment: 'c',
      empty_layer: true,
    });
  });
});
