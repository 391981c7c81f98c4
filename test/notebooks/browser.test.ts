// Proves the browser harness end to end: the classic Notebook UI, our tslab kernel, Run All.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSkipReason, withNotebookInBrowser } from './browser';
import { writeNotebook } from './notebook-file';

const skipReason = browserSkipReason();
if (skipReason) console.log(`skipping the browser harness test: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('test/notebooks/browser.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs every cell of a notebook in headless Chromium and shows the outputs', async () => {
    const marker = 'layer-' + 'lab-' + 'browser-ok';
    const path = writeNotebook(dir, 'browser-smoke.ipynb', [
      // Built from parts so the marker appears only in the output, never in the cell's source.
      "console.log('layer-' + 'lab-' + 'browser-ok')",
      'const answer: number = 6 * 7; answer',
    ]);
    const before = readFileSync(path, 'utf8');
    const serverUrl = await withNotebookInBrowser(path, async ({ page, serverUrl, screenshot, pageErrors }) => {
      const outputs = await page.locator('.output_area').allInnerTexts();
      expect(outputs.join('\n')).toContain(marker);
      expect(outputs.join('\n')).toContain('42');
      expect(await page.locator('.output_stderr').count()).toBe(0);
      expect(await page.locator('#kernel_indicator_icon').getAttribute('title')).toBe('Kernel Idle');
      expect(existsSync(screenshot) && statSync(screenshot).size > 0).toBe(true);
      expect(pageErrors).toEqual([]);
      return serverUrl;
    });
    // Afterwards the notebook is untouched and Jupyter no longer answers.
    expect(readFileSync(path, 'utf8')).toBe(before);
    await expect(fetch(`${serverUrl}/api/status`)).rejects.toThrow();
  }, 180_000);
});
