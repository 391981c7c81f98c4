// Build failures, located in the Dockerfile, worded as `docker build` words them.
import type { SourceLocation } from '../../dockerfile/errors';

/**
 * BuildError: a build step failed; `location` says which Dockerfile line. Nothing half-built is tagged.
 * @example
 * try { new Docker().build('FROM alpine:latest\nRUN exit 3\n'); } catch (err) { console.log(err.message); }
 * // → The command '/bin/sh -c exit 3' returned a non-zero code: 3
 */
export class BuildError extends Error {
  readonly code = 'EBUILD';
  readonly name = 'BuildError';
  constructor(message: string, readonly location?: SourceLocation, readonly exitCode?: number) {
    super(message);
  }
}

/**
 * isBuildError: also true across notebook realms.
 * @example
 * let caught: unknown; try { new Docker().build('FROM alpine:latest\nRUN false\n'); } catch (err) { caught = err; }
 * isBuildError(caught) && [caught.location?.line, caught.exitCode] // → [ 2, 1 ]
 */
export function isBuildError(error: unknown): error is BuildError {
  return (error as { name?: unknown } | null)?.name === 'BuildError';
}
