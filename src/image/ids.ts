// Seeded stand-ins for the random IDs Docker's overlay2 store uses.
// Real Docker draws them from crypto/rand (formats.md 1.3, 1.4; overlayfs.md 4);
// a lesson needs the same IDs on every run, so here they come from a seed.
import { createHash } from 'node:crypto';

/**
 * IdGenerator hands out IDs in the shapes Docker uses: `hex64()` for overlay2
 * cache IDs, container IDs and mount IDs (64 lowercase hex), `linkId()` for
 * the short names in `overlay2/l/` (26 characters of `A-Z2-7`).
 *
 * @example
 * const ids: IdGenerator = createIdGenerator('demo');
 * [ids.hex64().length, ids.linkId().length] // → [ 64, 26 ]
 */
export interface IdGenerator {
  hex64(): string;
  linkId(): string;
}

/**
 * createIdGenerator returns an IdGenerator whose IDs depend only on `seed` and on
 * how many were drawn before: the same seed gives the same sequence.
 *
 * @example
 * const [a, b] = [createIdGenerator('lesson-1'), createIdGenerator('lesson-1')];
 * [a.hex64() === b.hex64(), a.linkId() === b.linkId()] // → [ true, true ]
 */
export function createIdGenerator(seed: string | number): IdGenerator {
  let counter = 0;
  // sha256 in counter mode: block n = sha256(seed "/" n). Plenty for a simulation.
  const randomBytes = (length: number): Buffer => {
    const block = createHash('sha256').update(`${seed}/${counter++}`).digest();
    return block.subarray(0, length);
  };
  return {
    hex64: () => randomHexId(randomBytes),
    linkId: () => base32(randomBytes(LINK_BYTES)).slice(0, LINK_ID_LENGTH),
  };
}

/** overlay2's `idLength`: link names are 26 base32 characters… */
const LINK_ID_LENGTH = 26;
/** …drawn from (26*5+7)/8 = 17 random bytes (overlayutils GenerateID). */
const LINK_BYTES = 17;

/**
 * moby's stringid.GenerateRandomID draws again when the 12-character short
 * form would be all digits, so a short ID can never be mistaken for a number.
 */
function randomHexId(randomBytes: (length: number) => Buffer): string {
  for (;;) {
    const id = randomBytes(32).toString('hex');
    if (!/^[0-9]{12}/.test(id)) return id;
  }
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * base32 encodes bytes with the RFC 4648 standard alphabet (what Go's
 * `base32.StdEncoding` uses), without `=` padding.
 *
 * @example
 * base32(Buffer.from('foobar')); // 'MZXW6YTBOI'
 */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
