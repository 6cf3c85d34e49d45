// Words per second of the demo's training worker in Debian's chromium, next to the native `w2v`
// on the same corpus and settings (one thread each; size 100, window 5, sample 1e-3, min-count 5,
// one epoch). The page is driven as a user drives it: open the file, choose the settings, press
// Train; the rate is the median of the page's words/s readings while it trains.
//
//   npm run build && node --no-warnings benches/browser_speed.mjs [corpus.txt]
//   (default corpus: the generated 2M-token Zipf text of benches/wasm_vs_native.mjs)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openDemo, serve, waitForState } from '../tests/e2e/harness.mjs';
import { ROOT } from '../scripts/toolchain.mjs';

const NATIVE = join(ROOT, 'target', 'release', 'w2v');
const MODES = /** @type {const} */ ({
  'sg-ns': { architecture: 'skipgram', output: 'negative', flags: ['-cbow', '0', '-negative', '5'] },
  'cbow-ns': { architecture: 'cbow', output: 'negative', flags: ['-cbow', '1', '-negative', '5'] },
  'sg-hs': { architecture: 'skipgram', output: 'hierarchical', flags: ['-cbow', '0', '-hs', '1', '-negative', '0'] },
  'cbow-hs': { architecture: 'cbow', output: 'hierarchical', flags: ['-cbow', '1', '-hs', '1', '-negative', '0'] },
});

const dir = mkdtempSync(join(tmpdir(), 'w2v-browser-bench-'));
let corpus = process.argv[2];
if (!corpus) {
  corpus = join(dir, 'zipf.txt');
  let s = 1;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [];
  for (let l = 0; l < 100000; l++) {
    lines.push(Array.from({ length: 20 }, () => `w${Math.floor(Math.exp(rand() * Math.log(20000)))}`).join(' '));
  }
  writeFileSync(corpus, lines.join('\n'));
}
if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}`);
spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'w2v'], { cwd: ROOT, stdio: 'inherit' });

const server = await serve();
const browser = await launch();
console.log('| mode | native w/s | Chromium worker w/s | browser / native |');
console.log('|---|---|---|---|');
try {
  for (const [mode, m] of Object.entries(MODES)) {
    const r = spawnSync(NATIVE, ['train', '-train', corpus, '-output', join(dir, 'out.vec'), '-size', '100', '-window', '5', '-sample', '1e-3', '-min-count', '5', '-iter', '1', '-threads', '1', '-seed', '1', ...m.flags], { encoding: 'utf8' });
    const native = Number(r.stderr.match(/: (\d+) words\/sec/)?.[1] ?? NaN);

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
    console.log(`| ${mode} | ${Math.round(native / 1000)}k | ${Math.round(browserRate / 1000)}k | ${(browserRate / native).toFixed(2)} |`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
