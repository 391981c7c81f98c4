// ReadBuffer: one buffer for reads that are finished with before the next one starts — the blobs
// of an import (and their uncompressed tars), each hashed and parsed and then no longer needed.
// Reading 300 MB into fresh buffers costs a page fault per 4 KiB, leaves the garbage collector
// 300 MB to find and the C allocator's free lists fragmented; one buffer the size of the largest
// blob costs none of that.

/**
 * ReadBuffer hands out the same memory again on every call: what `take` returned before is
 * overwritten by the next user.
 *
 * @example
 * const scratch = new ReadBuffer();
 * scratch.take(1024).length // → 1024
 */
export class ReadBuffer {
  private buffer = shared(0);

  /** take returns `length` bytes of the buffer (growing it when it is smaller). */
  take(length: number): Uint8Array {
    if (this.buffer.length < length) this.buffer = shared(larger(this.buffer.length, length));
    return this.buffer.subarray(0, length);
  }

  /** grow returns at least `length` bytes whose first `keep` bytes are the buffer's current first `keep`. */
  grow(length: number, keep: number): Uint8Array {
    if (this.buffer.length < length) {
      const bigger = shared(larger(this.buffer.length, length));
      bigger.set(this.buffer.subarray(0, keep));
      this.buffer = bigger;
    }
    return this.buffer.subarray(0, length);
  }
}

// Layers of an image differ a little in size: growing by half again at least means a few
// buffers in all, not one more for every slightly larger layer.
function larger(now: number, wanted: number): number {
  return Math.max(wanted, Math.floor(now * 1.5));
}

// Shared memory, so the hash thread can read the bytes where they are (layer/hash-thread.ts).
function shared(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}
