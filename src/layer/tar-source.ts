// TarSource: a layer's uncompressed tar that is not kept in memory but fetched again when it is
// needed — read back from the archive it was imported from (and decompressed, and checked again).
// A real `docker load` keeps layers on disk, not in RAM; this is the simulation's way of doing the
// same, so an image imported from a 200 MB archive costs memory for its inodes, not its bytes.
import type { ByteSource } from '../overlay/tree';

/**
 * TarSource hands out a layer tar's bytes. They stay in memory while something uses them and a
 * little after (a WeakRef, so the garbage collector may drop them when memory is wanted): reading
 * every file of a layer in one go fetches it once; an idle image holds none of its file bytes.
 *
 * @example
 * const source = new TarSource(() => gunzipSync(readBlobAgain()));
 * source.bytes().length // the uncompressed tar's size
 */
export class TarSource implements ByteSource {
  private recent?: WeakRef<Uint8Array>;

  /** `fetch` produces the tar (and throws if it is no longer what was imported); `first` is the tar already in hand. */
  constructor(private readonly fetch: () => Uint8Array, first?: Uint8Array) {
    if (first) this.recent = new WeakRef(first);
  }

  bytes(): Uint8Array {
    const kept = this.recent?.deref();
    if (kept) return kept;
    const bytes = this.fetch();
    this.recent = new WeakRef(bytes);
    return bytes;
  }
}
