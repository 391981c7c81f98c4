// Content addresses of an image: its ID and the ChainIDs of its layers
// (formats.md 2.1; image-spec config.md). The hashing itself lives in
// src/layer/digest.ts, the one home of digests and ChainIDs; this module adds
// what is specific to an image config.
import { chainIDs, digestOf, type Digest } from '../layer/digest';
import { InvalidDigestError } from './errors';
import type { ImageConfig } from './types';

/**
 * imageID is the sha256 of the config bytes *exactly as stored*: one changed
 * space, key order or escape gives another ID (formats.md pitfall 1).
 *
 * @example
 * const spaced = new TextEncoder().encode('{"rootfs": {"type":"layers"}}');
 * imageID(spaced) === imageID(new TextEncoder().encode('{"rootfs":{"type":"layers"}}')) // → false
 */
export function imageID(configBytes: Uint8Array): Digest {
  return digestOf(configBytes);
}

/**
 * imageChainIDs returns the ChainID of every prefix of an image's layer stack,
 * bottom first: `result[i]` names layers 0..i, and the last one names the whole
 * stack (Docker's `layerdb/sha256/<chainID>`). It first checks each diffID and
 * throws InvalidDigestError for a malformed one, because a typo would
 * otherwise give a different but plausible-looking ChainID.
 *
 * @example
 * const [a, b] = [treeFromCompact({ a: 'A' }), treeFromCompact({ b: 'B' })].map((tree) => layerFromDirectory(tree));
 * const ids = imageChainIDs(appendLayer(appendLayer(emptyImage(), a, {}), b, {}));
 * // the bottom ChainID is its diffID; each next one hashes "<ChainID below> <diffID>"
 * [ids[0] === a.diffID, ids[1] === digestOf(new TextEncoder().encode(`${ids[0]} ${b.diffID}`))] // → [ true, true ]
 */
export function imageChainIDs(config: ImageConfig): Digest[] {
  const diffIDs = config.rootfs.diff_ids ?? [];
  diffIDs.forEach((diffID, index) => assertDigest(diffID, `rootfs.diff_ids[${index}]`));
  return chainIDs(diffIDs);
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * isDigest tells whether `text` is a canonical sha256 digest, the only kind
 * Docker writes in configs: `sha256:` and 64 lowercase hex characters.
 *
 * @example
 * isDigest('sha256:' + '0'.repeat(64)); // true
 */
export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/**
 * assertDigest throws InvalidDigestError unless `text` is a canonical sha256
 * digest; `where` names the field that held it, for the message.
 *
 * @example
 * assertDigest('sha256:abc', 'layer.diffID'); // throws InvalidDigestError
 */
export function assertDigest(text: string, where: string): void {
  if (!isDigest(text)) throw new InvalidDigestError(text, where);
}
