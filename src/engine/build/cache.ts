// The classic builder's cache (formats.md 2.4): a step is reused when a locally built child of the
// same parent image was made with an equal container config — the same command (for COPY/ADD the
// same content hash) in the same environment.
import type { RunConfig } from '../../image/types';

/** cacheKey: parent image ID and the config the step's container would run with. */
export function cacheKey(parentId: string | undefined, runConfig: RunConfig, containerCmd: string[]): string {
  return `${parentId ?? 'scratch'}\n${JSON.stringify({ ...runConfig, Cmd: containerCmd })}`;
}
