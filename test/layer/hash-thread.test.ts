// The hash thread: the same digests as this thread computes, for shared and ordinary memory, and
// no thread left running once the work that asked for it is done.
import { describe, expect, it } from 'vitest';
import { digestOnThread, hashThreadRunning, useHashThread } from '../../src/layer/hash-thread';
import { ReadBuffer } from '../../src/layer/read-buffer';
import { digestOf } from '../../src/layer/digest';
import { createHash } from 'node:crypto';

const pattern = (bytes: Uint8Array): Uint8Array => { for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251; return bytes; };

describe('digestOnThread', () => {
  it('gives digestOf for bytes in shared memory (hashed on the thread) and in ordinary memory (hashed here)', async () => {
    const shared = pattern(new ReadBuffer().take(3 << 20));
    const plain = pattern(new Uint8Array(1000));
    const [a, b, c] = await useHashThread(async () => {
      expect(hashThreadRunning()).toBe(true);
      return Promise.all([digestOnThread(shared), digestOnThread(plain), digestOnThread(shared, 'sha512')]);
    });
    expect(a).toBe(digestOf(shared));
    expect(b).toBe(digestOf(plain));
    expect(c).toBe(`sha512:${createHash('sha512').update(shared).digest('hex')}`);
  });

  it('stops the thread when the last user is done, even when the work fails', async () => {
    const outer = useHashThread(async () => {
      await useHashThread(async () => digestOnThread(new ReadBuffer().take(10)));
      expect(hashThreadRunning()).toBe(true);   // the outer user still has it
    });
    await outer;
    expect(hashThreadRunning()).toBe(false);
    await expect(useHashThread(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(hashThreadRunning()).toBe(false);
  });

  it('hashes on this thread outside useHashThread (no thread is started for one call)', async () => {
    expect(await digestOnThread(new ReadBuffer().take(0))).toBe(digestOf(new Uint8Array(0)));
    expect(hashThreadRunning()).toBe(false);
  });
});
