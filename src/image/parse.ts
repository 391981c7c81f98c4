// Reading a config blob into plain data.
import { InvalidImageConfigError } from './errors';
import type { ImageConfig } from './types';

/**
 * parseImageConfig reads config bytes (or text) into an ImageConfig. It keeps
 * every member as written (`null` stays `null`, `[]` stays `[]`), so that
 * `configBytes` in the writer's style (moby's or BuildKit's) can reproduce the
 * original bytes; another style spells the same config its own way. It throws
 * InvalidImageConfigError when the JSON is broken or `rootfs` is missing,
 * the one member `docker load` insists on.
 *
 * @example
 * const text = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'; // as BuildKit writes it
 * const config = parseImageConfig(text);
 * [config.rootfs.diff_ids, new TextDecoder().decode(configBytes(config, { style: 'buildkit' })) === text] // → [ [], true ]
 */
export function parseImageConfig(bytes: Uint8Array | string): ImageConfig {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidImageConfigError(`the JSON does not parse (${(error as Error).message})`);
  }
  if (!isObject(value)) throw new InvalidImageConfigError('the JSON is not an object');
  const rootfs = value.rootfs;
  if (!isObject(rootfs) || typeof rootfs.type !== 'string') {
    throw new InvalidImageConfigError('it has no "rootfs" object with a "type"');
  }
  return { architecture: '', os: '', ...value } as unknown as ImageConfig;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
