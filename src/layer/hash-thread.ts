// A second thread for sha256. An import checks two digests per layer (the blob's name and the
// diff_id) over hundreds of megabytes, while it also parses every tar header and builds every
// directory: on a machine with two cores the hashing can run beside the parsing instead of before
// it. Bytes in shared memory (a SharedArrayBuffer, which is what ReadBuffer hands out) are read by
// the thread where they are; anything else is hashed here, as before.
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import type { Digest } from './digest';

// Plain JavaScript run by the thread (no TypeScript loader there): hash what arrives, answer by id.
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, bytes, algorithm }) => {
  try {
    parentPort.postMessage({ id, hex: createHash(algorithm).update(bytes).digest('hex') });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

type Waiting = { resolve: (hex: string) => void; reject: (error: Error) => void };

let thread: Worker | null | undefined;   // null: no thread here (this thread hashes)
const waiting = new Map<number, Waiting>();
let lastId = 0;
let users = 0;

function hashThread(): Worker | null {
  if (thread !== undefined) return thread;
  try {
    const started = new Worker(THREAD_SOURCE, { eval: true });
    started.on('message', ({ id, hex, error }: { id: number; hex?: string; error?: string }) => {
      const answer = waiting.get(id)!;
      waiting.delete(id);
      if (waiting.size === 0) started.unref();   // an idle thread must not keep the process alive
      if (error !== undefined) answer.reject(new Error(`sha256 on the hash thread failed: ${error}`));
      else answer.resolve(hex!);
    });
    started.on('error', (error) => {
      thread = null;
      for (const answer of waiting.values()) answer.reject(error);
      waiting.clear();
    });
    started.unref();
    thread = started;
  } catch {
    thread = null;
  }
  return thread;
}

/** hashThreadRunning says whether the hash thread is up (for tests: it must not outlive its work). */
export function hashThreadRunning(): boolean {
  return thread !== undefined && thread !== null;
}

/**
 * useHashThread starts the thread for a piece of work (an import), ahead of need so its start-up (a
 * few tens of milliseconds) overlaps other work, and stops it when the last user is done: the
 * thread's heap keeps a reference to every shared buffer it was sent until it collects garbage,
 * which an idle thread never does, so a thread that outlived its import would keep those buffers.
 *
 * @example
 * await useHashThread(async () => digestOnThread(new ReadBuffer().take(0))) // → sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
 */
export async function useHashThread<T>(work: () => Promise<T>): Promise<T> {
  users++;
  hashThread();
  try {
    return await work();
  } finally {
    if (--users === 0 && thread) {
      void thread.terminate();
      thread = undefined;
    }
  }
}

/**
 * digestOnThread is digestOf (or its sha512 form) computed on the hash thread when `bytes` are in
 * shared memory and the thread is in use (useHashThread), else on this thread. The bytes must not
 * change until the promise settles.
 *
 * @example
 * const bytes = new ReadBuffer().take(2); bytes.set([0x7b, 0x7d]);
 * await useHashThread(() => digestOnThread(bytes)) // → sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
 */
export function digestOnThread(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): Promise<Digest> {
  // Only inside useHashThread: a thread started for one call would outlive it (see useHashThread).
  const worker = users > 0 && bytes.buffer instanceof SharedArrayBuffer ? hashThread() : null;
  if (worker === null) return Promise.resolve(`${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`);
  return new Promise((resolve, reject) => {
    const id = ++lastId;
    waiting.set(id, { resolve: (hex) => resolve(`${algorithm}:${hex}`), reject });
    worker.ref();
    worker.postMessage({ id, bytes, algorithm });
  });
}
