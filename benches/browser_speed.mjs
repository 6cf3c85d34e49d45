// Words per second of the demo's training worker in Debian's chromium, next to the native `w2v`
// on the same corpus and settings (one thread each; size 100, window 5, sample 1e-3, min-count 5,
// one epoch). The page is driven as a user drives it: open the file, choose the settings, press
// Train; the rate is the median of the page's words/s readings while it trains.
//
//   npm run build && node --no-warnings benches/browser_speed.mjs [corpus.txt]
//   (default corpus: the generated 2M-token Zipf text of benches/wasm_vs_native.mjs)

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openDemo, serve, waitForState } from '../tests/e2e/harness.mjs';
import { benchCorpus, buildNative, MODES, NATIVE, row, trainArgs, wordsPerSecond } from './common.mjs';

const dir = mkdtempSync(join(tmpdir(), 'w2v-browser-bench-'));
const corpus = benchCorpus(dir, process.argv[2]);
buildNative();

const server = await serve();
const browser = await launch();
console.log('| mode | native w/s | Chromium worker w/s | browser / native |');
console.log('|---|---|---|---|');
try {
  for (const mode of /** @type {import('./common.mjs').Mode[]} */ (Object.keys(MODES))) {
    const m = MODES[mode];
    const native = wordsPerSecond([NATIVE, ...trainArgs(mode, corpus, join(dir, 'out.vec'))]);

    const { page } = await openDemo(browser.context, server.url);
    await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
    await page.locator('#file').setInputFiles(corpus);
    await page.waitForFunction(() => / MB, read in the worker/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 120000 });
    await page.getByRole('combobox', { name: 'Architecture' }).selectOption(m.architecture);
    await page.getByRole('combobox', { name: 'Output layer' }).selectOption(m.output);
    await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
    await page.getByRole('spinbutton', { name: 'Min count' }).fill('5');
    await page.getByRole('spinbutton', { name: 'Learning rate' }).fill(m.architecture === 'cbow' ? '0.05' : '0.025');
    await page.waitForTimeout(400);
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.getAttribute('data-state') === 'idle', null, { timeout: 120000 });
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'training');
    /** @type {number[]} */
    const readings = [];
    while ((await page.getByRole('status').getAttribute('data-state')) === 'training') {
      const rate = Number((await page.locator('#stat-rate').innerText()).replace(/,/g, ''));
      if (rate > 0) readings.push(rate);
      await page.waitForTimeout(250);
    }
    readings.sort((a, b) => a - b);
    const browserRate = readings[Math.floor(readings.length / 2)] ?? NaN;
    console.log(row(mode, native, browserRate));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
