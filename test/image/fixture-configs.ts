// Real config blobs from the team's fixtures (see ../shared/fixtures/PROVENANCE.md),
// read straight out of the archives with `tar -xOf`; nothing is copied into the repo.
import { execFileSync } from 'node:child_process';
import { sharedPath } from '../helpers/shared';
import type { ConfigStyle } from '../../src/image/types';

export interface FixtureConfig {
  name: string;
  archive: string;
  member: string;
  imageID: string;
  producer: ConfigStyle;
}

/** Configs whose bytes Docker or BuildKit wrote, with the image IDs PROVENANCE.md lists. */
export const dockerMadeConfigs: FixtureConfig[] = [
  {
    name: 'dive test-docker-image (Docker 18.09 classic builder)',
    archive: 'dive/data/test-docker-image.tar',
    member: '75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a.json',
    imageID: 'sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a',
    producer: 'moby',
  },
  {
    name: 'test_link image 3 (Docker 20.10 classic builder)',
    archive: 'ggcr/pkg/v1/tarball/testdata/test_link.tar',
    member: 'd4c9adacde69c3d92446e0484cea29493e9fd573cf0c8febfc700d80c46697a4.json',
    imageID: 'sha256:d4c9adacde69c3d92446e0484cea29493e9fd573cf0c8febfc700d80c46697a4',
    producer: 'moby',
  },
  {
    name: 'almostempty (Docker 1.10.3)',
    archive: 'containers-image/docker/archive/fixtures/almostempty.tar',
    member: '9d7f147c0d0c4d4538a04c7ef385809e56eb1aac7bf800fbe976612188025b68.json',
    imageID: 'sha256:9d7f147c0d0c4d4538a04c7ef385809e56eb1aac7bf800fbe976612188025b68',
    producer: 'moby',
  },
  {
    name: 'hello-world (BuildKit, saved by Docker 25.0.0)',
    archive: 'ggcr/pkg/v1/tarball/testdata/hello-world-v25.tar',
    member: 'blobs/sha256/ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44',
    imageID: 'sha256:ee301c921b8aadc002973b2e0c3da17d701dcd994b606769a7e6eaa100b81d44',
    producer: 'buildkit',
  },
  {
    name: 'dive OCI README image (BuildKit 2025 OCI exporter)',
    archive: 'dive/data/test-oci-uncompressed-image.tar',
    member: 'blobs/sha256/3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959',
    imageID: 'sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959',
    producer: 'buildkit',
  },
];

/** The bytes of one member of a fixture archive. */
export function readMember(archive: string, member: string): Buffer {
  return execFileSync('tar', ['-xOf', sharedPath('fixtures', archive), member], { maxBuffer: 64 << 20 });
}
