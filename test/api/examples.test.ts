// The `@example` of every export of src/index.ts runs in a notebook cell and shows what it claims.
//
// Every export (values and types, through `export *` too) must carry an `@example` in its doc
// comment, written so that a reader can paste it into a cell after `import { … } from './lib/index'`
// and run it: it makes whatever it needs itself (a layer from `writeTar`, a `mountLayers` lab, a
// one-line build on alpine:latest or scratch), and it ends with an expression whose value (or
// display) shows something true. The few examples that need a real file make it under tmpdir() and
// remove it, with the node: names NODE_IMPORTS lists (a reader imports those too, as lesson 8 does).
//
// All examples, not only the lesson-facing ones (the names a lesson notebook imports), run through
// Jupyter and tslab, the lesson-facing ones first: measured on the 2-core box, the whole file takes
// about 30 s for ~230 examples (kernel start included), well under the 2 minutes a plain-node run
// would have been the fallback for, and it checks `show` output as a notebook displays it (HTML).
//
// Conventions inside an example:
//   - `// → TEXT` after a statement claims that the cell's output contains TEXT (as printed: a
//     string without quotes, an object as console.log shows it, HTML as its text without tags,
//     table cells apart by a tab).
//     `…` in TEXT stands for any text. Several claims must appear in the order they are written.
//   - The value of the last statement, and of every statement followed by a claim, is printed as
//     tslab prints a cell's last expression (console.log, nothing for undefined).
//
// The test generates ONE notebook under test-artifacts/ (git-ignored; tslab needs node_modules above
// the notebook and the library inside its folder, so the folder gets a `lib` link to src/ as
// notebooks/ has): a setup cell importing the whole API, then one cell per example, each inside a
// `try { … }` block (so names do not collide between cells) that prints `EXAMPLE FAILED: …` instead
// of throwing, so one broken example does not stop the others. Type errors are found first, for all
// examples at once, by compiling them with tslab's compiler options (not strict); examples that do
// not compile are reported and left out of the notebook, since a compile error would stop the run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { haveJupyter, jupyterSetup, repoRoot } from '../notebooks/jupyter';

/** Example: one `@example` block of an export's doc comment, where it is written. */
interface Example {
  name: string;
  file: string;
  line: number;
  code: string;
}

/** RunReport: the part of scripts/run-notebook.py's report this test reads (one entry per code cell). */
interface RunReport { error: string | null; cells: { index: number; ok: boolean | null; reason: string | null; seconds: number }[] }
interface Cell { cell_type: string; id: string; metadata: Record<string, any>; source: string; outputs?: any[]; execution_count?: number | null }

const SRC_INDEX = join(repoRoot, 'src/index.ts');
/** An example slower than this fails. The aim is under a second; building the seed image cold takes about one. */
const SLOW_SECONDS = 10;
const where = (ex: Example): string => `${ex.name} (${ex.file}:${ex.line})`;

// ---- which names the lessons use --------------------------------------------------------------------

/** lessonNames: every name a lesson notebook imports from './lib/index', in first-use order. */
function lessonNames(): string[] {
  const names = new Set<string>();
  const notebooks = readdirSync(join(repoRoot, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();
  for (const file of notebooks) {
    const nb = JSON.parse(readFileSync(join(repoRoot, 'notebooks', file), 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
    for (const cell of nb.cells.filter((c) => c.cell_type === 'code')) {
      const source = ts.createSourceFile('cell.ts', ([] as string[]).concat(cell.source).join(''), ts.ScriptTarget.ES2022);
      for (const stmt of source.statements) {
        if (!ts.isImportDeclaration(stmt) || (stmt.moduleSpecifier as ts.StringLiteral).text !== './lib/index') continue;
        const bindings = stmt.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add((el.propertyName ?? el.name).text);
      }
    }
  }
  return [...names];
}

// ---- where their examples are -----------------------------------------------------------------------

/** Compiler options as tslab compiles notebook cells and the library: TypeScript's defaults, not strict. */
const TSLAB_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, types: ['node'], noEmit: true,
};

/** examplesOf: the `@example` blocks of one JSDoc comment, with the line each starts on. */
function examplesOf(doc: ts.Node, source: ts.SourceFile): { line: number; code: string }[] {
  const first = source.getLineAndCharacterOfPosition(doc.getStart(source)).line + 1;
  const lines = doc.getText(source).replace(/^\/\*\*/, '').replace(/\*\/$/, '').split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const found: { line: number; code: string[] }[] = [];
  let current: { line: number; code: string[] } | undefined;
  lines.forEach((text, i) => {
    const tag = /^@(\w+)\s?(.*)$/.exec(text); // a tag starts a line; indented lines belong to the block
    if (tag) {
      current = tag[1] === 'example' ? { line: first + i + (tag[2] ? 0 : 1), code: tag[2] ? [tag[2]] : [] } : undefined;
      if (current) found.push(current);
    } else current?.code.push(text);
  });
  return found.map(({ line, code }) => ({ line, code: code.join('\n').trim() })).filter((ex) => ex.code !== '');
}

/** apiExamples: for each export of src/index.ts, its declaration's file and its examples. */
function apiExamples(program: ts.Program): Map<string, { file: string; line: number; examples: Example[] }> {
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(SRC_INDEX)!)!;
  const result = new Map<string, { file: string; line: number; examples: Example[] }>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decls = symbol.declarations ?? [];
    if (decls.length === 0) continue;
    const source = decls[0].getSourceFile();
    const entry = { file: relative(repoRoot, source.fileName), line: source.getLineAndCharacterOfPosition(decls[0].getStart()).line + 1, examples: [] as Example[] };
    for (const decl of decls) {
      const file = relative(repoRoot, decl.getSourceFile().fileName);
      for (const doc of ts.getJSDocCommentsAndTags(decl).filter(ts.isJSDoc)) {
        for (const ex of examplesOf(doc, decl.getSourceFile())) entry.examples.push({ name: exported.name, file, ...ex });
      }
    }
    result.set(exported.name, entry);
  }
  return result;
}

// ---- examples as notebook cells ---------------------------------------------------------------------

/** Claims: the `// → TEXT` comments of an example, in order. */
const claimsOf = (code: string): string[] => [...code.matchAll(/\/\/\s*→\s?(.*)$/gm)].map((m) => m[1].trim());

/**
 * instrument prints the value of the last statement and of each statement followed by a claim, as
 * tslab prints a cell's last expression (the cell itself ends in a `try` block, which tslab would
 * not print).
 */
function instrument(code: string): string {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const stmts = source.statements;
  let out = code;
  for (let i = stmts.length - 1; i >= 0; i--) {
    const stmt = stmts[i];
    const after = code.slice(stmt.end, i + 1 < stmts.length ? stmts[i + 1].getStart(source) : code.length);
    if (!ts.isExpressionStatement(stmt) || (i < stmts.length - 1 && claimsOf(after).length === 0)) continue;
    out = `${out.slice(0, stmt.getStart(source))}printValue(${stmt.expression.getText(source)});${out.slice(stmt.end)}`;
  }
  return out;
}

const SETUP_EXTRA = "const printValue = (value: unknown): void => { if (value != null) console.log(value); };";

/**
 * NODE_IMPORTS: the few node: names an example may use besides the API, for the examples that need
 * a real file (an OCI layout directory, a materialized overlay2 root): they make it under tmpdir()
 * and remove it again. A reader pasting such an example imports these too, as lesson 8 does.
 */
const NODE_IMPORTS = "import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';\nimport { tmpdir } from 'node:os';\nimport { join } from 'node:path';";

function setupSource(names: string[]): string {
  return `import { ${names.join(', ')} } from './lib/index';\n${NODE_IMPORTS}\n${SETUP_EXTRA}\n`;
}

function cellSource(ex: Example): string {
  const body = instrument(ex.code).split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
  return `// @example of ${where(ex)}\ntry {\n${body}\n} catch (err) {\n`
    + '  console.log(`EXAMPLE FAILED: ${err instanceof Error ? err.message : String(err)}`);\n}\n';
}

/** compileErrors: type errors of each example, compiled in one file after the setup as tslab would. */
function compileErrors(program: ts.Program, names: string[], examples: Example[]): Map<Example, string> {
  const file = join(repoRoot, 'notebooks', '__api_examples__.ts');
  const parts = [setupSource(names), ...examples.map(cellSource)];
  const text = parts.join('\n');
  const host = ts.createCompilerHost(TSLAB_OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest));
  const checked = ts.createProgram([file], TSLAB_OPTIONS, host, program);
  const errors = new Map<Example, string>();
  const starts = parts.map((_, i) => parts.slice(0, i).join('\n').length + (i > 0 ? 1 : 0));
  for (const diag of ts.getPreEmitDiagnostics(checked, checked.getSourceFile(file))) {
    const at = diag.start ?? 0;
    const part = starts.filter((s) => s <= at).length - 1;
    const message = ts.flattenDiagnosticMessageText(diag.messageText, '\n');
    if (part === 0) throw new Error(`the examples' setup cell does not compile: ${message}`);
    const ex = examples[part - 1];
    const line = text.slice(starts[part], at).split('\n').length - 3; // the comment and `try {` come first
    errors.set(ex, [errors.get(ex), `line ${line + 1} of the example: ${message}`].filter(Boolean).join('; '));
  }
  return errors;
}

function writeExamplesNotebook(dir: string, names: string[], examples: Example[]): string {
  const cell = (id: string, source: string, metadata: Record<string, any>): Cell => ({ cell_type: 'code', id, metadata, source, outputs: [], execution_count: null });
  const cells = [
    cell('setup', setupSource(names), { layerlab: { expect_output: false } }),
    ...examples.map((ex, i) => cell(`example-${i + 1}`, cellSource(ex), { layerlab: { example: { export: ex.name, file: ex.file, line: ex.line } } })),
  ];
  const notebook = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' } }, cells };
  symlinkSync(relative(dir, join(repoRoot, 'src')), join(dir, 'lib'));
  const path = join(dir, 'api-examples.ipynb');
  writeFileSync(path, JSON.stringify(notebook, null, 1));
  return path;
}

// ---- what a cell showed -----------------------------------------------------------------------------

const joined = (v: string | string[] | undefined): string => ([] as string[]).concat(v ?? []).join('');
const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };
/** plain: what a reader sees of HTML: the text without styles and tags (table cells apart), entities decoded. */
const plain = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<\/t[dh]>/g, '\t')
  .replace(/<br\s*\/?>|<\/(p|tr|div)>/g, '\n').replace(/<[^>]*>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]);

/** shown: everything a cell printed or displayed, as text (HTML as its plain text). */
function shown(cell: Cell): string {
  return (cell.outputs ?? []).map((o) => (o.output_type === 'stream' ? joined(o.text)
    : o.data?.['text/html'] !== undefined ? plain(joined(o.data['text/html'])) : joined(o.data?.['text/plain']))).join('\n');
}

/** missingClaim: the first claim of `ex` that the output does not contain (in order), or undefined. */
function missingClaim(ex: Example, output: string): string | undefined {
  let from = 0;
  for (const claim of claimsOf(ex.code)) {
    const pattern = new RegExp(claim.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?'));
    const match = pattern.exec(output.slice(from));
    if (!match) return claim;
    from += match.index + match[0].length;
  }
  return undefined;
}

/** execute runs the notebook through scripts/run-notebook.py: its report and the executed cells. */
function execute(path: string, dir: string): { report: RunReport; cells: Cell[] } {
  const setup = jupyterSetup();
  if (!setup.ok) throw new Error(setup.reason);
  const args = [join(repoRoot, 'scripts/run-notebook.py'), path, '--report', join(dir, 'report.json'), '--save-executed', join(dir, 'executed.ipynb'), '--timeout', '600'];
  // The English edition whatever the environment says: fail() and say() pick their text by it.
  const run = spawnSync(setup.python, args, { encoding: 'utf8', env: { ...process.env, LAYERLAB_LANG: 'en' } });
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
  if (report.error) throw new Error(`the examples notebook could not run: ${report.error}\n${run.stderr}`);
  return { report, cells: (JSON.parse(readFileSync(join(dir, 'executed.ipynb'), 'utf8')) as { cells: Cell[] }).cells };
}

// ---- the tests --------------------------------------------------------------------------------------

const program = ts.createProgram([SRC_INDEX], TSLAB_OPTIONS);
const api = apiExamples(program);
const exportNames = [...api.keys()];
const lessonFacing = lessonNames();
/** examples: every export's examples, the lesson-facing ones first (in the lessons' first-use order), then the rest. */
const examples = [...lessonFacing, ...exportNames.filter((name) => !lessonFacing.includes(name))].flatMap((name) => api.get(name)?.examples ?? []);
let compiled: Map<Example, string> | undefined;
/** notCompiling: the examples with type errors and the errors (compiled once, used by both suites). */
const notCompiling = (): Map<Example, string> => (compiled ??= compileErrors(program, exportNames, examples));

describe('the public API', () => {
  it('is more than the lessons import, and the lessons import only what src/index.ts exports', () => {
    expect(lessonFacing.length).toBeGreaterThan(20);
    expect(exportNames.length).toBeGreaterThan(lessonFacing.length);
    expect(lessonFacing.filter((name) => !api.has(name))).toEqual([]);
  });

  it('has an @example in the doc comment of every export, values and types', () => {
    const without = exportNames.filter((name) => api.get(name)!.examples.length === 0).map((name) => `${name} (${api.get(name)!.file}:${api.get(name)!.line})`);
    expect(without, 'these exports need an @example a reader can paste into a cell').toEqual([]);
  });

  it('has examples that compile as tslab compiles a cell after an import of the whole API', () => {
    const errors = [...notCompiling()].map(([ex, message]) => `${where(ex)}: ${message}`);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!haveJupyter('running the API examples in a notebook'))('the API examples in Jupyter', () => {
  it('runs every example, each printing what it claims', () => {
    const broken = notCompiling();
    const runnable = examples.filter((ex) => !broken.has(ex));
    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
    const dir = mkdtempSync(join(repoRoot, 'test-artifacts', 'api-examples-'));
    try {
      const { cells, report } = execute(writeExamplesNotebook(dir, exportNames, runnable), dir);
      const failures = [...broken].map(([ex, message]) => `${where(ex)} does not compile: ${message}`);
      for (const entry of report.cells) {
        const ex = runnable[entry.index - 1]; // cell 0 is the setup, then one cell per example
        const output = shown(cells[entry.index]);
        const threw = /^EXAMPLE FAILED: (.*)$/m.exec(output);
        const missing = ex && missingClaim(ex, output);
        if (!ex) { if (entry.ok === false) failures.push(`the setup cell failed: ${entry.reason}`); }
        else if (entry.ok !== true) failures.push(`${where(ex)}: ${entry.reason}`);
        else if (threw) failures.push(`${where(ex)} threw: ${threw[1]}`);
        else if (missing !== undefined) failures.push(`${where(ex)} does not show "${missing}"; it showed:\n${output}`);
        else if (entry.seconds > SLOW_SECONDS) failures.push(`${where(ex)} took ${entry.seconds}s; an example should take well under a second`);
      }
      const slowest = report.cells.slice(1).sort((a, b) => b.seconds - a.seconds).slice(0, 3).map((c) => `${runnable[c.index - 1].name} ${c.seconds}s`);
      console.log(`${runnable.length} examples ran; the slowest: ${slowest.join(', ')}`);
      if (failures.length > 0) {
        const kept = join(repoRoot, 'test-artifacts', 'api-examples.executed.ipynb');
        copyFileSync(join(dir, 'executed.ipynb'), kept);
        failures.push(`(the executed notebook is kept in ${relative(repoRoot, kept)})`);
      }
      expect(failures).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
