// The Dockerfiles the build suite builds: the seed's three lines (the first thing lesson 1 builds),
// and a generated 50-step one — RUN echo/mkdir/cp, ENV, COPY of small context files and WORKDIR
// in a seeded order, as a longer real Dockerfile would mix them.
import { seededRandom } from '../harness/random';

/** BuildCase: a Dockerfile and its build context (file name → content). */
export interface BuildCase {
  key: string;
  dockerfile: string;
  context: Record<string, string>;
  /** Instructions in the Dockerfile (FROM included, as Docker counts `Step 1/N`). */
  steps: number;
}

/**
 * SEED_BUILD: the Dockerfile with a one-file context.
 * @example new Docker().build(SEED_BUILD.dockerfile, { context: SEED_BUILD.context })
 */
export const SEED_BUILD: BuildCase = {
  key: 'seed',
  dockerfile: 'FROM centos:latest\nRUN yum install -y vim\nADD start.sh /\n',
  context: { 'start.sh': '#!/bin/sh\necho "hello from start.sh"\n' },
  steps: 3,
};

/**
 * fiftySteps: a 50-instruction Dockerfile (FROM and 49 steps) and the context its COPYs read.
 * @example fiftySteps().dockerfile.split('\n').filter(Boolean).length  // 50
 */
export function fiftySteps(seed = 50): BuildCase {
  const random = seededRandom(seed);
  const context: Record<string, string> = {};
  const lines = ['FROM centos:latest'];
  for (let i = 1; lines.length < 50; i++) {
    const kind = random.int(5);
    if (kind === 0) lines.push(`RUN echo "step ${i}" > /tmp/step${i}.txt && mkdir -p /opt/app/d${i}`);
    else if (kind === 1) lines.push(`ENV STEP${i}=value${i}`);
    else if (kind === 2) {
      context[`files/f${i}.conf`] = `# config ${i}\nkey${i}=${random.int(1e6)}\n`;
      lines.push(`COPY files/f${i}.conf /etc/app/f${i}.conf`);
    } else if (kind === 3) lines.push(`WORKDIR /opt/app/w${i}`);
    else lines.push(`RUN mkdir -p /srv/s${i} && cp /etc/hostname /srv/s${i}/host && echo ok${i} >> /srv/log`);
  }
  return { key: '50-steps', dockerfile: lines.join('\n') + '\n', context, steps: lines.length };
}
