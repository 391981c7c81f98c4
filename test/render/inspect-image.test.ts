import { describe, expect, it } from 'vitest';
import { parseImageConfig } from '../../src/image/parse';
import { overlay2ImageGraphDriver } from '../../src/render/graph-driver';
import { imageInspectData, renderImageInspect } from '../../src/render/inspect-image';
import { haveShared } from '../helpers/shared';
import { readMember } from '../image/fixture-configs';

const CACHE = 'c'.repeat(64);
const HELLO_ID = 'sha256:ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44';

describe.skipIf(!haveShared('inspect of hello-world'))('renderImageInspect of the hello-world fixture', () => {
  it('prints the Docker 27 shape: key order, full Config, no LowerDir for one layer', () => {
    const config = parseImageConfig(readMember('ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar', 'blobs/sha256/ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44'));
    const data = imageInspectData(config, {
      id: HELLO_ID,
      repoTags: ['hello-world:latest'],
      size: 9136,
      graphDriver: overlay2ImageGraphDriver({ layerCacheIds: [CACHE] }),
    });
    // Written by hand from formats.md 1.1-1.3: ImageInspect field order,
    // container.Config with its non-omitempty fields, Comment taken from the
    // last history entry, GraphDriver.Data sorted, LastTagTime = Go zero time.
    const expected = `[
    {
        "Id": "${HELLO_ID}",
        "RepoTags": [
            "hello-world:latest"
        ],
        "RepoDigests": [],
        "Parent": "",
        "Comment": "buildkit.dockerfile.v0",
        "Created": "2023-05-02T16:49:27Z",
        "DockerVersion": "",
        "Author": "",
        "Config": {
            "Hostname": "",
            "Domainname": "",
            "User": "",
            "AttachStdin": false,
            "AttachStdout": false,
            "AttachStderr": false,
            "Tty": false,
            "OpenStdin": false,
            "StdinOnce": false,
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            ],
            "Cmd": [
                "/hello"
            ],
            "ArgsEscaped": true,
            "Image": "",
            "Volumes": null,
            "WorkingDir": "/",
            "Entrypoint": null,
            "OnBuild": null,
            "Labels": null
        },
        "Architecture": "arm64",
        "Os": "linux",
        "Size": 9136,
        "GraphDriver": {
            "Data": {
                "MergedDir": "/var/lib/docker/overlay2/${CACHE}/merged",
                "UpperDir": "/var/lib/docker/overlay2/${CACHE}/diff",
                "WorkDir": "/var/lib/docker/overlay2/${CACHE}/work"
            },
            "Name": "overlay2"
        },
        "RootFS": {
            "Type": "layers",
            "Layers": [
                "sha256:12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43"
            ]
        },
        "Metadata": {
            "LastTagTime": "0001-01-01T00:00:00Z"
        }
    }
]
`;
    expect(renderImageInspect(data)).toBe(expected);
  });
});

describe('renderImageInspect details', () => {
  const base = parseImageConfig('{"architecture":"amd64","os":"linux","config":{"Cmd":["sh","-c","a > b && c"],"Labels":{"b":"2","a":"1"}},"rootfs":{"type":"layers","diff_ids":[]},"history":[]}');
  const graphDriver = overlay2ImageGraphDriver({ layerCacheIds: ['a'.repeat(64), 'b'.repeat(64), CACHE] });
  const out = renderImageInspect(imageInspectData(base, { id: 'sha256:' + '0'.repeat(64), size: 0, graphDriver }));

  it('leaves < > & unescaped, as the daemon writes inspect JSON with SetEscapeHTML(false)', () => {
    expect(out).toContain('"a > b && c"');
  });

  it('sorts Labels and lists LowerDir uppermost first', () => {
    expect(out.indexOf('"a": "1"')).toBeLessThan(out.indexOf('"b": "2"'));
    expect(out).toContain(`"LowerDir": "/var/lib/docker/overlay2/${'b'.repeat(64)}/diff:/var/lib/docker/overlay2/${'a'.repeat(64)}/diff"`);
  });

  it('omits Created when the config has none and RootFS.Layers when there are no layers', () => {
    expect(out).not.toContain('"Created"');
    expect(out).toContain('"RootFS": {\n            "Type": "layers"\n        },');
  });

  it('prints several images as one array', () => {
    const data = imageInspectData(base, { id: 'sha256:' + '0'.repeat(64), size: 0, graphDriver });
    expect(renderImageInspect([data, data]).match(/"Id"/g)).toHaveLength(2);
  });
});
