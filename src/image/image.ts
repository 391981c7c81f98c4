// Image: a config and the layers it names — what `docker image inspect` describes, what a
// Dockerfile step produces and what an archive holds. Immutable, like its layers: its ID is the
// sha256 of its config bytes, so any change is a new image (formats.md 2.1).
import type { Layer } from '../layer/layer';
import { configBytes } from './config-bytes';
import { imageID } from './digest';
import type { ConfigStyle, ImageConfig } from './types';

/**
 * Image: the config (as data and as the exact bytes hashed for the ID) and its layers, bottom first.
 * @example
 * const image: Image = new Docker().image('alpine:latest');
 * image.id === digestOf(image.configBytes) // → true
 */
export interface Image {
  readonly id: string;
  readonly config: ImageConfig;
  readonly configBytes: Uint8Array;
  readonly layers: readonly Layer[];
}

/**
 * ImageMismatchError: the layers given are not the ones the config's rootfs.diff_ids name.
 * @example
 * const layer = layerFromDirectory(treeFromCompact({ a: 'A' }));
 * try { makeImage(emptyImage(), [layer]); } catch (err) { console.log(err.message); } // the config names no layer
 * // → layer 0 is sha256:… but the config's rootfs.diff_ids says nothing
 */
export class ImageMismatchError extends Error {
  readonly code = 'EIMAGEMISMATCH';
  readonly name = 'ImageMismatchError';
  constructor(readonly data: { index: number; expected?: string; actual?: string }) {
    super(`layer ${data.index} is ${data.actual ?? 'missing'} but the config's rootfs.diff_ids says ${data.expected ?? 'nothing'}; an image's layers must be exactly the ones its config names`);
  }
}

/**
 * makeImage pairs a config with its layers, checking that they are the layers the config names.
 * `bytes` keeps a config exactly as read (an imported image); otherwise the bytes are written the
 * way `style` (Docker's classic builder, or BuildKit) writes them.
 * @example
 * const layer = layerFromDirectory(treeFromCompact({ 'hello.txt': 'hi\n' }));
 * const config = appendLayer(emptyImage(), layer, historyEntry({ createdBy: 'COPY hello.txt / # buildkit' }));
 * const image = makeImage(config, [layer]);
 * [image.layers.length, image.id === imageID(image.configBytes)] // → [ 1, true ]
 */
export function makeImage(config: ImageConfig, layers: readonly Layer[], { bytes, style = 'moby' }: { bytes?: Uint8Array; style?: ConfigStyle } = {}): Image {
  const diffIDs = config.rootfs.diff_ids ?? [];
  const count = Math.max(diffIDs.length, layers.length);
  for (let i = 0; i < count; i++) {
    if (diffIDs[i] !== layers[i]?.diffID) throw new ImageMismatchError({ index: i, expected: diffIDs[i], actual: layers[i]?.diffID });
  }
  const configBytesOut = bytes ?? configBytes(config, { style });
  return Object.freeze({ id: imageID(configBytesOut), config, configBytes: configBytesOut, layers: Object.freeze([...layers]) });
}
