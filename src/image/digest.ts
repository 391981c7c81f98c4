// Content addresses: image ID and ChainIDs (formats.md 2.1; image-spec config.md).
import { createHash } from 'node:crypto';
import { InvalidDigestError } from './errors';

/**
 * sha256Digest returns `"sha256:" + hex(sha256(bytes))`, the form every digest,
 * diffID and ID takes in Docker's JSON.
 *
 * @example
 * sha256Digest(Buffer.from('{}')); // 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
 */
export function sha256Digest(bytes: Uint8Array | string): string {
  return 'sha256:' + createHash('sha256').update(bytes).digest('hex');
}

/**
 * imageID is the sha256 of the config bytes *exactly as stored*: one changed
 * space, key order or escape gives another ID (formats.md pitfall 1).
 *
 * @example
 * imageID(configBytes(config)); // 'sha256:…'
 */
export function imageID(configBytes: Uint8Array): string {
  return sha256Digest(configBytes);
}

/**
 * chainID extends a parent ChainID by one layer:
 * `sha256(parentChainID + " " + diffID)`. The bottom layer's ChainID is its
 * diffID, so pass `undefined` as the parent for it. A ChainID names a layer
 * *together with everything below it*, which is why Docker's layerdb is keyed by it.
 *
 * @example
 * chainID(undefined, 'sha256:a'); // 'sha256:a'
 * chainID('sha256:a', 'sha256:b'); // sha256 of the text 'sha256:a sha256:b'
 */
export function chainID(parent: string | undefined, diffID: string): string {
  return parent === undefined ? diffID : sha256Digest(parent + ' ' + diffID);
}

/**
 * chainIDs returns the ChainID of every prefix of the layer stack, bottom first:
 * `result[i]` names layers 0..i. It throws InvalidDigestError for a diffID that
 * is not `sha256:` + 64 lowercase hex, because a typo would silently give a
 * different, plausible-looking ID.
 *
 * @example
 * chainIDs(config.rootfs.diff_ids ?? []).at(-1); // the top ChainID: layerdb/sha256/<this>
 */
export function chainIDs(diffIDs: readonly string[]): string[] {
  const result: string[] = [];
  diffIDs.forEach((diffID, index) => {
    assertDigest(diffID, `diff_ids[${index}]`);
    result.push(chainID(result[index - 1], diffID));
  });
  return result;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * isDigest tells whether `text` is a canonical sha256 digest.
 *
 * @example
 * isDigest('sha256:' + '0'.repeat(64)); // true
 */
export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/**
 * assertDigest throws InvalidDigestError unless `text` is a canonical sha256
 * digest; `where` says which field held it.
 *
 * @example
 * assertDigest('sha256:abc', 'rootfs.diff_ids[0]'); // throws
 */
export function assertDigest(text: string, where: string): void {
  if (!isDigest(text)) throw new InvalidDigestError(text, where);
}
