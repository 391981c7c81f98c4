// Reading the JSON files of an archive (manifest.json, index.json, manifests, configs) as untrusted
// input: a missing file, broken JSON or a member of the wrong type is an InvalidArchiveError that
// names the file, never a TypeError from deep inside the importer.
import type { ArchiveFiles } from './files';
import { InvalidArchiveError } from './errors';

/**
 * JsonObject: a parsed JSON object whose members are still unchecked.
 *
 * @example
 * const manifest: JsonObject = check.object(value, 'the manifest');
 */
export type JsonObject = Record<string, unknown>;

/**
 * readJson parses one file of an archive; `required` (default true) makes a missing file an error.
 *
 * @example
 * const manifests = readJson(files, 'manifest.json');
 */
export function readJson(files: ArchiveFiles, path: string, { required = true } = {}): unknown {
  const bytes = files.read(path);
  if (bytes === undefined) {
    if (!required) return undefined;
    throw new InvalidArchiveError({ archive: files.label, file: path, reason: 'the file is missing' });
  }
  return parseJson(bytes, files.label, path);
}

/**
 * parseJson parses bytes already read, with the same errors as readJson.
 *
 * @example
 * parseJson(files.read('index.json')!, files.label, 'index.json')
 */
export function parseJson(bytes: Uint8Array, archive: string, file: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
  } catch (error) {
    throw new InvalidArchiveError({ archive, file, reason: `the JSON does not parse (${(error as Error).message})` });
  }
}

/**
 * JsonChecker: typed accessors that throw InvalidArchiveError naming the file and member.
 *
 * @example
 * const check = jsonChecker(files.label, 'index.json');
 * const manifests = check.array(check.object(value, 'the index').manifests, 'manifests');
 */
export interface JsonChecker {
  object(value: unknown, what: string): JsonObject;
  array(value: unknown, what: string): unknown[];
  string(value: unknown, what: string): string;
  optionalString(value: unknown, what: string): string | undefined;
  number(value: unknown, what: string): number;
}

/**
 * jsonChecker makes the accessors for one file of one archive.
 *
 * @example
 * jsonChecker('save.tar', 'manifest.json').string(entry.Config, 'Config')
 */
export function jsonChecker(archive: string, file: string): JsonChecker {
  const fail = (what: string, wanted: string): never => {
    throw new InvalidArchiveError({ archive, file, reason: `${what} should be ${wanted}` });
  };
  const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
  return {
    object: (v, what) => (isObject(v) ? v : fail(what, 'a JSON object')),
    array: (v, what) => (Array.isArray(v) ? v : fail(what, 'a JSON array')),
    string: (v, what) => (typeof v === 'string' ? v : fail(what, 'a string')),
    optionalString: (v, what) => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : fail(what, 'a string')),
    number: (v, what) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(what, 'a non-negative integer')),
  };
}
