// Opening an archive and listing the images it holds. A directory is an OCI layout; a file (or
// bytes) is a tar — a `docker save` when it has manifest.json (what `docker load` reads, so
// Docker 25+ saves are read that way unless asked otherwise), else an OCI layout in a tar.
import { statSync } from 'node:fs';
import { filesOfDirectory, filesOfTar, type ArchiveFiles } from './files';
import { FileBytes } from './file-bytes';
import type { ArchiveFormat, ArchiveImageEntry } from './entry';
import { dockerSaveEntries, isDockerSave } from './docker-save';
import { isOciLayout, ociEntries } from './oci-layout';
import { InvalidArchiveError } from './errors';

/**
 * openArchive gives access to the files of an archive: a directory is an OCI layout, a file or
 * bytes a tar. A file is not read into memory: its index is read once, then each file (a blob)
 * when it is asked for.
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * const files = openArchive(ociArchiveBytes(image, { tags: ['latest'] }));
 * JSON.parse(new TextDecoder().decode(files.read('index.json'))).manifests.length // → 1
 */
export function openArchive(input: string | Uint8Array): ArchiveFiles {
  if (typeof input !== 'string') return filesOfTar(input);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(input).isDirectory();
  } catch (error) {
    throw new InvalidArchiveError({ archive: input, reason: `cannot open it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
  }
  if (isDirectory) return filesOfDirectory(input);
  return filesOfTar(new FileBytes(input), input);
}

/**
 * listArchive lists every image an archive holds (no layer is read).
 *
 * @example
 * const { image } = new Docker().build('FROM scratch\nCOPY hi.txt /\n', { context: { 'hi.txt': 'hi\n' } });
 * (await listArchive(dockerArchiveBytes(image, { tags: ['demo:v1', 'demo:latest'] }))).map((e) => e.tags) // → [ [ 'demo:v1', 'demo:latest' ] ]
 */
export async function listArchive(input: string | Uint8Array | ArchiveFiles, { verify = true, format }: { verify?: boolean; format?: ArchiveFormat } = {}): Promise<ArchiveImageEntry[]> {
  const files = isArchiveFiles(input) ? input : openArchive(input);
  const useOci = format === 'oci' || (format === undefined && !isDockerSave(files));
  if (useOci && isOciLayout(files)) return ociEntries(files, { verify });
  if (!useOci && isDockerSave(files)) return dockerSaveEntries(files);
  throw new InvalidArchiveError({ archive: files.label, reason: notAnArchiveReason(files, format) });
}

function notAnArchiveReason(files: ArchiveFiles, format?: ArchiveFormat): string {
  if (format === 'oci') return 'it has no index.json, so it is not an OCI layout';
  if (files.has('repositories')) return 'it has a repositories file but no manifest.json: a save from before Docker 1.10, which docker load rejects too';
  return 'it has neither manifest.json nor index.json, so it is not a docker save or OCI archive';
}

function isArchiveFiles(input: unknown): input is ArchiveFiles {
  return typeof input === 'object' && input !== null && typeof (input as ArchiveFiles).read === 'function';
}
