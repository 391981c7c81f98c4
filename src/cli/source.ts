// SOURCE arguments of the CLI, with skopeo's transport names: `dockerfile:CONTEXT` builds the
// context's Dockerfile; archive transports (`docker-archive:`, `oci:`, `oci-archive:`) import.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Docker } from '../engine/docker';
import type { Image } from '../image/image';
import { UsageError } from './command';
import { TRANSPORTS, openSourceImage } from '../archive/source';
import { terminalProgress } from '../archive/progress';

/** Opened: the host holding the image, a reference to it, and the build output when there was a build. */
export interface Opened {
  docker: Docker;
  ref: string;
  image: Image;
  buildOutput?: string;
}

/**
 * openSource resolves a SOURCE argument into an image on a fresh simulated host: `dockerfile:CONTEXT`
 * builds it; `docker-archive:`, `oci:` and `oci-archive:` import it (with a progress bar on a terminal).
 */
export async function openSource(text: string, { file, tags = [] }: { file?: string; tags?: string[] } = {}): Promise<Opened & { tags: string[] }> {
  const at = text.indexOf(':');
  const transport = at < 0 ? '' : text.slice(0, at);
  const docker = new Docker();
  if (transport === 'dockerfile') return { ...buildContext(docker, text.slice(at + 1), file, tags), tags };
  if (!(TRANSPORTS as string[]).includes(transport)) {
    throw new UsageError({ problem: `unknown SOURCE '${text}': use dockerfile:CONTEXT, docker-archive:FILE, oci:DIR[:TAG] or oci-archive:FILE` });
  }
  const imported = await openSourceImage(text, { onProgress: terminalProgress(), disk: docker.engine.disk });
  docker.engine.addImage(imported.image);
  for (const tag of imported.tags) docker.engine.tag(imported.image.id, tag);
  return { docker, ref: imported.image.id, image: imported.image, tags: imported.tags };
}

/** buildContext: `docker build -f FILE -t TAG CONTEXT` on the folder CONTEXT. */
export function buildContext(docker: Docker, context: string, file = 'Dockerfile', tags: string[] = [], onOutput?: (line: string) => void, narrate = false): Opened {
  const path = join(context, file);
  if (!existsSync(path)) throw new Error(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${path}: no such file or directory`);
  const result = docker.build(readFileSync(path, 'utf8'), { context, file, tags, onOutput, narrate });
  return { docker, ref: result.image.id, image: result.image, buildOutput: result.output };
}
