// SOURCE arguments of the CLI, with skopeo's transport names: `dockerfile:CONTEXT` builds the
// context's Dockerfile; archive transports (`docker-archive:`, `oci:`, `oci-archive:`) import.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Docker } from '../engine/docker';
import type { Image } from '../image/image';
import { UsageError } from './command';

/** Opened: the host holding the image, a reference to it, and the build output when there was a build. */
export interface Opened {
  docker: Docker;
  ref: string;
  image: Image;
  buildOutput?: string;
}

/** archiveOpeners: transports other modules add (the archive importer registers its own). */
export const archiveOpeners: Record<string, (path: string, docker: Docker) => Image> = {};

/** openSource resolves a SOURCE argument into an image on a fresh simulated host. */
export function openSource(text: string, { file, tags = [] }: { file?: string; tags?: string[] } = {}): Opened {
  const at = text.indexOf(':');
  const transport = at < 0 ? '' : text.slice(0, at);
  const rest = text.slice(at + 1);
  const docker = new Docker();
  if (transport === 'dockerfile') return buildContext(docker, rest, file, tags);
  const opener = archiveOpeners[transport];
  if (!opener) throw new UsageError({ problem: `unknown SOURCE '${text}': use dockerfile:CONTEXT, docker-archive:FILE, oci:DIR[:TAG] or oci-archive:FILE` });
  const image = opener(rest, docker);
  docker.engine.addImage(image);
  return { docker, ref: image.id, image };
}

/** buildContext: `docker build -f FILE -t TAG CONTEXT` on the folder CONTEXT. */
export function buildContext(docker: Docker, context: string, file = 'Dockerfile', tags: string[] = [], onOutput?: (line: string) => void): Opened {
  const path = join(context, file);
  if (!existsSync(path)) throw new Error(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${path}: no such file or directory`);
  const result = docker.build(readFileSync(path, 'utf8'), { context, file, tags, onOutput });
  return { docker, ref: result.image.id, image: result.image, buildOutput: result.output };
}
