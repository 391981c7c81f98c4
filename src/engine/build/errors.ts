// Build failures, located in the Dockerfile, worded as `docker build` words them.
import type { SourceLocation } from '../../dockerfile/errors';

/** BuildError: a build step failed; `location` says which Dockerfile line. Nothing half-built is tagged. */
export class BuildError extends Error {
  readonly code = 'EBUILD';
  readonly name = 'BuildError';
  constructor(message: string, readonly location?: SourceLocation, readonly exitCode?: number) {
    super(message);
  }
}

/** isBuildError: also true across notebook realms. */
export function isBuildError(error: unknown): error is BuildError {
  return (error as { name?: unknown } | null)?.name === 'BuildError';
}
