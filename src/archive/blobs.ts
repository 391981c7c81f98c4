// Reading a blob of an archive and checking it against what names it (formats.md 4.3: "blobs/<alg>/<hex>
// whose content must hash to its name"). One place for the rule, so every reader checks the same way.
import { createHash } from 'node:crypto';
import { DigestMismatchError, parseDigest, sameDigest, verifyDigest } from '../layer/digest';
import { digestOnThread } from '../layer/hash-thread';
import type { ArchiveFiles } from './files';
import type { ReadBuffer } from '../layer/read-buffer';
import type { BlobRef } from './entry';
import { InvalidArchiveError } from './errors';

/**
 * blobPath: where an OCI layout keeps the blob of a digest (`blobs/sha256/<hex>`). Throws
 * InvalidArchiveError for a malformed digest, which could otherwise name any path.
 *
 * @example
 * blobPath('sha256:' + 'a'.repeat(64), 'x.tar') // 'blobs/sha256/aaaa…'
 */
export function blobPath(digest: string, archive: string): string {
  const parsed = parseDigest(digest);
  if (!parsed) throw new InvalidArchiveError({ archive, reason: `'${digest}' is not a sha256 or sha512 digest` });
  return `blobs/${parsed.algorithm}/${parsed.hex}`;
}

/**
 * readBlob returns the bytes of a blob, checked (when `verify`) against its digest and its
 * descriptor's size. Throws InvalidArchiveError when the blob is missing, DigestMismatchError
 * when it hashes to something else.
 *
 * @example
 * const config = readBlob(files, { path: 'blobs/sha256/ee30…', digest: 'sha256:ee30…' }, { verify: true, what: 'config' });
 */
export function readBlob(files: ArchiveFiles, ref: BlobRef, { verify, what, into }: { verify: boolean; what: string; into?: ReadBuffer }): Uint8Array {
  const bytes = files.read(ref.path, into);
  if (bytes === undefined) throw new InvalidArchiveError({ archive: files.label, file: ref.path, reason: `the ${what} blob is missing (a descriptor names it but the archive does not hold it)` });
  if (!verify) return bytes;
  checkSize(files, ref, bytes, what);
  if (ref.digest !== undefined) verifyBlobDigest(bytes, ref.digest, `${what} ${ref.path} in ${files.label}`);
  return bytes;
}

/**
 * checkBlob makes readBlob's checks (size, then digest) on bytes already read, hashing on the hash
 * thread when it can: the caller goes on working with the bytes and awaits the answer before
 * trusting that work. The bytes must not change until it settles.
 *
 * @example
 * const checked = checkBlob(files, ref, bytes, 'layer 1'); parse(bytes); await checked;
 */
export async function checkBlob(files: ArchiveFiles, ref: BlobRef, bytes: Uint8Array, what: string): Promise<void> {
  checkSize(files, ref, bytes, what);
  if (ref.digest === undefined) return;
  const actual = await digestOnThread(bytes, algorithmOf(ref.digest));
  if (!sameDigest(actual, ref.digest)) throw new DigestMismatchError({ what: `${what} ${ref.path} in ${files.label}`, expected: ref.digest, actual });
}

// A descriptor's size must be the blob's (checked before hashing: a wrong size is the clearer message).
function checkSize(files: ArchiveFiles, ref: BlobRef, bytes: Uint8Array, what: string): void {
  if (ref.size !== undefined && ref.size !== bytes.length) {
    throw new InvalidArchiveError({ archive: files.label, file: ref.path, reason: `the ${what} is ${bytes.length} bytes but its descriptor says ${ref.size}` });
  }
}

function algorithmOf(digest: string): 'sha256' | 'sha512' {
  return parseDigest(digest)?.algorithm === 'sha512' ? 'sha512' : 'sha256';
}

/** verifyBlobDigest: verifyDigest, with sha512 digests checked by their own algorithm. */
function verifyBlobDigest(bytes: Uint8Array, digest: string, what: string): void {
  if (algorithmOf(digest) === 'sha512') {
    const actual = `sha512:${createHash('sha512').update(bytes).digest('hex')}`;
    if (actual !== digest.toLowerCase()) throw new DigestMismatchError({ what, expected: digest, actual });
    return;
  }
  verifyDigest(bytes, digest, what);
}
