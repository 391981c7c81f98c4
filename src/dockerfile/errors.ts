// The one error a Dockerfile (or .dockerignore) can raise while it is read. Messages keep
// Docker's own wording where Docker has one (buildkit `frontend/dockerfile/instructions/parse.go`,
// `parser/parser.go`), so a student can search for them; the position says where to look.

/** SourceLocation: where something sits in a build file; line and column count from 1. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * DockerfileParseError: a build file could not be read. `file`, `line` and `column` point at the
 * offending text; `reason` is Docker's sentence without the position, `message` adds it.
 *
 * @example
 * try { parseDockerfile('FOO bar') } catch (e) { if (isDockerfileParseError(e)) console.log(e.line, e.reason) } // → 1 unknown instruction: FOO (did you mean FROM?)
 */
export class DockerfileParseError extends Error {
  readonly code = 'EDOCKERFILE';
  readonly name = 'DockerfileParseError';
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(readonly reason: string, where: SourceLocation) {
    super(`${where.file}:${where.line}:${where.column}: ${reason}`);
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}

/**
 * isDockerfileParseError: true for a DockerfileParseError, also across realms (notebook cells).
 * @example
 * let caught: unknown; try { parseDockerfile('FROM alpine\nFOO bar\n'); } catch (err) { caught = err; }
 * isDockerfileParseError(caught) && `line ${caught.line}, column ${caught.column}: ${caught.reason}` // → line 2, column 1: unknown instruction: FOO
 */
export function isDockerfileParseError(error: unknown): error is DockerfileParseError {
  if (error instanceof DockerfileParseError) return true;
  const candidate = error as { name?: unknown; code?: unknown } | null;
  return candidate?.name === 'DockerfileParseError' && candidate.code === 'EDOCKERFILE';
}
