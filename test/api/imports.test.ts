// The library as notebooks load it: tslab compiles `notebooks/lib/**/*.ts` and loads the result with
// its own module loader, which cannot follow import cycles (it recurses until the stack overflows)
// and does not resolve a directory to its index.ts. Both rules are checked here over all of src/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports that survive compilation: `import type` and all-`type` name lists are erased. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"](\.[^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const names = /^\{([^}]*)\}$/.exec(m[2].trim());
    if (names && names[1].split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '))) continue;
    specs.push(m[3]);
  }
  return specs;
}

const files = sourceFiles(SRC);

describe('src/ as tslab loads it', () => {
  it('imports files, never bare directories', () => {
    const bare = files.flatMap((file) => runtimeImports(file)
      .filter((spec) => existsSync(join(dirname(file), spec)) && statSync(join(dirname(file), spec)).isDirectory())
      .map((spec) => `${relative(SRC, file)} imports '${spec}'`));
    expect(bare).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((file) => [file, runtimeImports(file).map((spec) => normalize(join(dirname(file), spec)) + '.ts').filter((dep) => existsSync(dep))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      state.set(file, 'open');
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 'open') cycles.push([...path.slice(path.indexOf(dep)), dep].map((f) => relative(SRC, f)).join(' -> '));
        else if (!state.has(dep)) visit(dep, [...path, dep]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, [file]);
    expect(cycles).toEqual([]);
  });
});
