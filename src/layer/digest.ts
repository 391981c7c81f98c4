// Content addresses: a digest names bytes by their sha256, a ChainID names a stack of layers.
// Formulas from formats.md §2.1 (image-spec config.md "Layer DiffID" and "ChainID").
import { createHash } from 'node:crypto';

/**
 * Digest: a digest string such as 'sha256:5f70bf18…': the algorithm, a colon, the hash in hex.
 * @example
 * const empty: Digest = digestOf(new Uint8Array(0));
 * empty // → sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
 */
export type Digest = string;

/**
 * sha256Hex returns the lowercase hex sha256 of some bytes.
 *
 * @example
 * sha256Hex(new Uint8Array(1024)) // → 5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * digestOf returns the OCI digest of some bytes: 'sha256:' + hex. For an uncompressed layer tar
 * this is its diffID; for a stored blob it is the blob digest.
 *
 * @example
 * digestOf(new TextEncoder().encode('{}')) // → sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
 */
export function digestOf(bytes: Uint8Array): Digest {
  return `sha256:${sha256Hex(bytes)}`;
}

/**
 * chainIDs returns the ChainID of each prefix of a layer stack: the first equals the first
 * diffID, each next one is sha256 of "<previous ChainID> <diffID>" (note the single space).
 * Docker names its layer store directories by these (layerdb/sha256/<chainID>).
 *
 * @example
 * chainIDs(['sha256:a', 'sha256:b'])[1] === digestOf(new TextEncoder().encode('sha256:a sha256:b')) // → true
 */
export function chainIDs(diffIDs: Digest[]): Digest[] {
  const chain: Digest[] = [];
  for (const diffID of diffIDs) {
    const previous = chain[chain.length - 1];
    chain.push(previous === undefined ? diffID : digestOf(new TextEncoder().encode(`${previous} ${diffID}`)));
  }
  return chain;
}

/** ParsedDigest is a digest split into its algorithm and lowercase hex. */
export interface ParsedDigest {
  algorithm: string;
  hex: string;
}

/**
 * parseDigest splits 'sha256:<64 hex>' (or sha512 with 128 hex); undefined when malformed.
 *
 * @example
 * parseDigest('sha256:ABC') // undefined (wrong length)
 */
export function parseDigest(digest: string): ParsedDigest | undefined {
  const match = /^(sha256|sha512):([0-9a-fA-F]+)$/.exec(digest);
  if (!match) return undefined;
  const [, algorithm, hex] = match;
  const wanted = algorithm === 'sha256' ? 64 : 128;
  return hex.length === wanted ? { algorithm, hex: hex.toLowerCase() } : undefined;
}

/**
 * sameDigest says whether two digest strings name the same bytes (hex case ignored); false
 * when either is malformed.
 *
 * @example
 * sameDigest('sha256:' + 'AB'.repeat(32), 'sha256:' + 'ab'.repeat(32)) // true
 */
export function sameDigest(a: string, b: string): boolean {
  const [x, y] = [parseDigest(a), parseDigest(b)];
  return x !== undefined && y !== undefined && x.algorithm === y.algorithm && x.hex === y.hex;
}

/**
 * DigestMismatchError says bytes do not hash to the digest that names them. `code` is 'EDIGEST'.
 *
 * @example
 * const expected = digestOf(new TextEncoder().encode('original'));
 * try { verifyDigest(new TextEncoder().encode('tampered'), expected, 'layer 1'); } catch (err) { console.log(err.message); }
 * // → EDIGEST: layer 1 hashes to sha256:…, not sha256:…
 */
export class DigestMismatchError extends Error {
  readonly code = 'EDIGEST';
  readonly data: { what: string; expected: string; actual: string };

  constructor(data: { what: string; expected: string; actual: string }) {
    super(`EDIGEST: ${data.what} hashes to ${data.actual}, not ${data.expected}. ` +
      'The bytes were changed or mislabelled; fetch or export them again.');
    this.name = 'DigestMismatchError';
    this.data = data;
  }
}

/**
 * isDigestMismatchError is a realm-safe type guard (checks name and code, not instanceof).
 * @example
 * let caught: unknown; try { verifyDigest(new Uint8Array(1), digestOf(new Uint8Array(2))); } catch (err) { caught = err; }
 * isDigestMismatchError(caught) && caught.data.expected === digestOf(new Uint8Array(2)) // → true
 */
export function isDigestMismatchError(error: unknown): error is DigestMismatchError {
  const e = error as { name?: unknown; code?: unknown } | null;
  return typeof e === 'object' && e !== null && e.name === 'DigestMismatchError' && e.code === 'EDIGEST';
}

/**
 * verifyDigest returns the digest of `bytes` when it matches `expected`, and throws
 * DigestMismatchError otherwise. Use it at the edge where untrusted blobs come in.
 *
 * @example
 * verifyDigest(new Uint8Array(1024), 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef', 'empty layer') // → sha256:5f70bf18…
 */
export function verifyDigest(bytes: Uint8Array, expected: string, what = 'blob'): Digest {
  const actual = digestOf(bytes);
  if (!sameDigest(actual, expected)) throw new DigestMismatchError({ what, expected, actual });
  return actual;
}
