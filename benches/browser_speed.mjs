// Words per second of the demo's training worker in Debian's chromium, next to the native `w2v`
// on the same corpus and settings (size 100, window 5, sample 1e-3, min-count 5, one epoch), with
// one thread and with two (the page's threaded build on a cross-origin-isolated server, against
// `w2v -threads 2`). The page is driven as a user drives it: open the file, choose the settings,
// press Train; the rate is the corpus size over the time from Train to done, snapshots and all.
//
//   npm run build && node --no-warnings benches/browser_speed.mjs [corpus.txt]
//   W2V_BENCH_MODES=sg-ns,sg-hs W2V_BENCH_REPEAT=2 node --no-warnings benches/browser_speed.mjs
//   (default corpus: the generated 2M-token Zipf text of benches/wasm_vs_native.mjs)

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openDemo, serve, waitForState } from '../tests/e2e/harness.mjs';
import { benchCorpus, buildNative, MODES, NATIVE, trainArgs, wordsPerSecond } from './common.mjs';

const repeat = Number(process.env.W2V_BENCH_REPEAT ?? 1);
const modes = /** @type {import('./common.mjs').Mode[]} */ ((process.env.W2V_BENCH_MODES ?? Object.keys(MODES).join(',')).split(','));
const dir = mkdtempSync(join(tmpdir(), 'w2v-browser-bench-'));
const corpus = benchCorpus(dir, process.argv[2]);
buildNative();

const server = await serve();
const browser = await launch();

/**
 * Train `mode` on the corpus in a fresh page with `threads` threads; words per second.
 * @param {import('./common.mjs').Mode} mode @param {number} threads
 */
async function browserRate(mode, threads) {
  const m = MODES[mode];
  const { page } = await openDemo(browser.context, server.url);
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await page.locator('#file').setInputFiles(corpus);
  await page.waitForFunction(() => / MB, read in the worker/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 120000 });
  await page.getByRole('combobox', { name: 'Architecture' }).selectOption(m.architecture);
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption(m.output);
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Min count' }).fill('5');
  await page.getByRole('spinbutton', { name: 'Threads' }).fill(String(threads));
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill(m.architecture === 'cbow' ? '0.05' : '0.025');
  await page.waitForTimeout(400);
  await page.waitForFunction(() => document.querySelector('[role="status"]')?.getAttribute('data-state') === 'idle', null, { timeout: 120000 });
  const tokens = Number((await page.locator('#corpus-stats').innerText()).match(/([\d,]+) tokens/)?.[1].replace(/,/g, ''));
  await page.getByRole('button', { name: 'Train' }).click();
  const t0 = Date.now();
  await waitForState(page, 'done', 600000);
  const rate = tokens / ((Date.now() - t0) / 1000);
  await page.close();
  return rate;
}

const k = (/** @type {number} */ x) => `${Math.round(x / 1000)}k`;
console.log(`corpus ${corpus}; ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; best of ${repeat}`);
console.log('| mode | native 1 thread | Chromium 1 thread | Chromium / native | native 2 threads | Chromium 2 threads | Chromium 2 / 1 threads |');
console.log('|---|---|---|---|---|---|---|');
try {
  for (const mode of modes) {
    const best = { native1: 0, native2: 0, browser1: 0, browser2: 0 };
    for (let i = 0; i < repeat; i++) {
      best.native1 = Math.max(best.native1, wordsPerSecond([NATIVE, ...trainArgs(mode, corpus, join(dir, 'out.vec'), 1)]));
      best.browser1 = Math.max(best.browser1, await browserRate(mode, 1));
      best.native2 = Math.max(best.native2, wordsPerSecond([NATIVE, ...trainArgs(mode, corpus, join(dir, 'out.vec'), 2)]));
      best.browser2 = Math.max(best.browser2, await browserRate(mode, 2));
    }
    const { native1, native2, browser1, browser2 } = best;
    console.log(`| ${mode} | ${k(native1)} | ${k(browser1)} | ${(browser1 / native1).toFixed(2)} | ${k(native2)} | ${k(browser2)} | ${(browser2 / browser1).toFixed(2)} |`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
