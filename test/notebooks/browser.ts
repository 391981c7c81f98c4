// A browser harness for notebook tests: the classic Jupyter Notebook on 127.0.0.1 with a random
// port and token, headless Chromium (the system's /usr/bin/chromium through playwright-core; never
// a downloaded browser), Cell → Run All, wait until the kernel is idle, screenshot, and always shut
// both down again.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { jupyterSetup, repoRoot } from './jupyter';

/** chromiumPath: the system Chromium the harness drives. */
export const chromiumPath = '/usr/bin/chromium';
/** artifactsDir: where screenshots go (git-ignored). */
export const artifactsDir = join(repoRoot, 'test-artifacts');

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** JupyterServer: a running Notebook server; `log` collects its output for error messages. */
export interface JupyterServer {
  url: string;
  token: string;
  log: string[];
  stop(): Promise<void>;
}

/**
 * browserSkipReason says why browser tests cannot run here, or undefined when they can.
 * @example
 * const reason = browserSkipReason(); if (reason) console.log(`skipping: ${reason}`);
 */
export function browserSkipReason(): string | undefined {
  const setup = jupyterSetup();
  if (!setup.ok) return setup.reason;
  return existsSync(chromiumPath) ? undefined : `${chromiumPath} is missing (Debian package: chromium)`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => { clearTimeout(timer); resolve(true); });
  });
}

/** Polls /api/status until the server answers; fails early if the process dies. */
async function waitUntilServing(child: ChildProcess, url: string, token: string, log: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Jupyter exited with status ${child.exitCode}:\n${log.join('')}`);
    const ok = await fetch(`${url}/api/status`, { headers: { Authorization: `token ${token}` } })
      .then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Jupyter did not answer on ${url} within 30 s:\n${log.join('')}`);
}

function notebookArgs(port: number, token: string, notebookDir: string): string[] {
  const args = ['--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
    `--NotebookApp.token=${token}`, `--notebook-dir=${notebookDir}`, '--MultiKernelManager.default_kernel_name=tslab'];
  // Jupyter refuses to run as root unless told; CI containers are root.
  return process.getuid?.() === 0 ? [...args, '--allow-root'] : args;
}

/**
 * startJupyter starts the classic Notebook serving `notebookDir`, with our tslab kernel and
 * private config, data and runtime directories so the user's own Jupyter setup cannot interfere.
 * @example
 * const server = await startJupyter(dir); try { ... } finally { await server.stop(); }
 */
export async function startJupyter(notebookDir: string): Promise<JupyterServer> {
  const setup = jupyterSetup();
  if (!setup.ok) throw new Error(`cannot start Jupyter: ${setup.reason}`);
  const [port, token, home] = [await freePort(), randomBytes(16).toString('hex'), mkdtempSync(join(tmpdir(), 'layerlab-jupyter-'))];
  const env = { ...process.env, JUPYTER_PATH: setup.jupyterPath, JUPYTER_CONFIG_DIR: join(home, 'config'),
    JUPYTER_DATA_DIR: join(home, 'data'), JUPYTER_RUNTIME_DIR: join(home, 'runtime') };
  const child = spawn(setup.notebook, notebookArgs(port, token, notebookDir), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout?.on('data', (chunk) => log.push(String(chunk)));
  child.stderr?.on('data', (chunk) => log.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // SIGTERM makes the Notebook shut its kernels down before it exits; SIGKILL only if it hangs.
    child.kill('SIGTERM');
    if (!(await exited(child, 10_000))) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  };
  await waitUntilServing(child, url, token, log).catch(async (error) => { await stop(); throw error; });
  return { url, token, log, stop };
}

/** True (in the page) once no code cell is running and the kernel indicator shows idle. */
const kernelIsIdle = "document.querySelectorAll('.code_cell.running').length === 0"
  + " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null";

/**
 * runAllCells clicks Cell → Run All, as a student would, and waits for the kernel to be idle.
 * @example
 * await runAllCells(page);
 */
export async function runAllCells(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
  await page.waitForFunction(kernelIsIdle, undefined, { timeout: timeoutMs, polling: 100 });
}

/** BrowserRun: the page after Run All, the server's URL, where the screenshot is, and the page's own errors. */
export interface BrowserRun {
  page: Page;
  serverUrl: string;
  screenshot: string;
  pageErrors: string[];
}

/** BrowserOptions: the screenshot's file name (without .png) and how long Run All may take. */
export interface BrowserOptions {
  screenshotName?: string;
  runAllTimeoutMs?: number;
}

async function openAndRun(context: BrowserContext, server: JupyterServer, notebookPath: string, options: BrowserOptions): Promise<BrowserRun> {
  const { screenshotName = basename(notebookPath, '.ipynb'), runAllTimeoutMs = 120_000 } = options;
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const name = encodeURIComponent(basename(notebookPath));
  await page.goto(`${server.url}/notebooks/${name}?token=${server.token}`);
  await page.waitForFunction(kernelIsIdle, undefined, { timeout: 60_000, polling: 100 });
  // Never autosave: the notebook under test may be a lesson in the checkout, and a save would
  // write this run's outputs into it.
  await page.evaluate('Jupyter.notebook.set_autosave_interval(0)');
  await runAllCells(page, runAllTimeoutMs);
  mkdirSync(artifactsDir, { recursive: true });
  const screenshot = join(artifactsDir, `${screenshotName}.png`);
  await page.screenshot({ path: screenshot, fullPage: true });
  return { page, serverUrl: server.url, screenshot, pageErrors };
}

/**
 * withNotebookInBrowser opens `notebookPath` in the classic Notebook in headless Chromium, runs
 * all cells, saves a screenshot to test-artifacts/ (name it with `options.screenshotName` when two
 * notebooks share a file name, e.g. a lesson and its zh/ translation), hands the page to `check`,
 * and then always shuts Chromium and Jupyter down, even when `check` throws. The notebook is
 * never saved.
 * @example
 * await withNotebookInBrowser(path, async ({ page }) => {
 *   expect(await page.locator('.output_area').first().innerText()).toContain('hello');
 * });
 */
export async function withNotebookInBrowser<T>(
  notebookPath: string, check: (run: BrowserRun) => Promise<T>, options: BrowserOptions = {},
): Promise<T> {
  const server = await startJupyter(dirname(notebookPath));
  const profile = mkdtempSync(join(tmpdir(), 'layerlab-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
    try {
      return await check(await openAndRun(context, server, notebookPath, options));
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}
