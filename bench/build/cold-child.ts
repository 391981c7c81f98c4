// One cold build, in a process of its own: `node --import tsx bench/build/cold-child.ts seed|50-steps`
// builds the case once on a new Docker and prints {"ms": …}. Nothing is cached yet in a new process
// — not the bundled base image's layer, not the package catalog — which is what a notebook's first
// build meets. Module loading is not timed; `new Docker()` and the build are.
import { Docker } from '../../src/engine/docker';
import { buildCase } from './cases';

function main(key: string): void {
  const build = buildCase(key);
  const start = process.hrtime.bigint();
  new Docker().build(build.dockerfile, { context: build.context, tags: ['bench:cold'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms }) + '\n');
}

main(process.argv[2]);
