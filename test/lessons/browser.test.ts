// The lessons as a class meets them: Debian's classic Jupyter Notebook, the project's tslab kernel,
// Cell → Run All in headless Chromium. The pictures must render (data-URI SVG images and HTML
// tables survive an untrusted notebook) and Docker's text must show; a screenshot of each run is
// kept in test-artifacts/ for people to look at.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, withNotebookInBrowser } from '../notebooks/browser';

const skipReason = browserSkipReason();
if (skipReason) console.log(`skipping the lesson browser tests: ${skipReason}`);
const notebooks = join(__dirname, '../../notebooks');

describe.skipIf(skipReason !== undefined)('lessons in the browser', () => {
  it('03-union-mount: Run All draws the layer-stack diagram as an image and a table, and prints the mount line', async () => {
    await withNotebookInBrowser(join(notebooks, '03-union-mount.ipynb'), async ({ page, screenshot, pageErrors }) => {
      const images = page.locator('.output_area img[src^="data:image/svg+xml"]');
      expect(await images.count()).toBeGreaterThan(0);
      const drawn = await images.evaluateAll((all) => all.every((img) => {
        const picture = img as unknown as { complete: boolean; naturalWidth: number };
        return picture.complete && picture.naturalWidth > 0;
      }));
      expect(drawn).toBe(true);
      expect(await page.locator('.output_area table').count()).toBeGreaterThan(0);
      const text = (await page.locator('.output_area').allInnerTexts()).join('\n');
      expect(text).toMatch(/overlay on \S+ type overlay \(rw,relatime,lowerdir=/);
      expect(await page.locator('.output_error, .output_stderr').count()).toBe(0);
      expect(existsSync(screenshot) && statSync(screenshot).size > 0).toBe(true);
      expect(pageErrors).toEqual([]);
    }, { screenshotName: 'lesson-03-union-mount' });
  }, 240_000);

  it('01-layers: Run All shows docker image inspect with three RootFS layers and the layer-stack picture', async () => {
    await withNotebookInBrowser(join(notebooks, '01-layers.ipynb'), async ({ page, pageErrors }) => {
      const text = (await page.locator('.output_area').allInnerTexts()).join('\n');
      const inspect = /"RootFS": \{\s*"Type": "layers",\s*"Layers": \[([^\]]*)\]/.exec(text);
      expect(inspect).not.toBeNull();
      expect(inspect![1].match(/sha256:[0-9a-f]{64}/g)).toHaveLength(3);
      expect(text).toContain('Successfully tagged test:v1');
      expect(await page.locator('.output_area img[src^="data:image/svg+xml"], .output_area table').count()).toBeGreaterThan(0);
      expect(await page.locator('.output_error, .output_stderr').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    }, { screenshotName: 'lesson-01-layers', runAllTimeoutMs: 180_000 });
  }, 300_000);
});
