import { describe, expect, it } from 'vitest';
import { isImageError } from '../../src/image/errors';
import { parseImageConfig } from '../../src/image/parse';

describe('parseImageConfig', () => {
  it('keeps null and [] as written so the bytes can be reproduced', () => {
    const config = parseImageConfig('{"architecture":"amd64","os":"linux","config":{"Env":null,"Cmd":[]},"rootfs":{"type":"layers","diff_ids":null}}');
    expect(config.config).toEqual({ Env: null, Cmd: [] });
    expect(config.rootfs.diff_ids).toBeNull();
  });

  it('accepts bytes as well as text', () => {
    expect(parseImageConfig(Buffer.from('{"rootfs":{"type":"layers"}}')).rootfs.type).toBe('layers');
  });

  it.each([
    ['not JSON', '{"rootfs":', 'does not parse'],
    ['an array', '[]', 'not an object'],
    ['a manifest (no rootfs)', '{"schemaVersion":2,"layers":[]}', 'no "rootfs"'],
  ])('rejects %s with InvalidImageConfigError', (_what, text, problem) => {
    let caught: unknown;
    try {
      parseImageConfig(text);
    } catch (error) {
      caught = error;
    }
    expect(isImageError(caught) && caught.code).toBe('InvalidImageConfigError');
    expect((caught as Error).message).toContain(problem);
  });
});
