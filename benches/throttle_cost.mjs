// What Chromium's CPU throttling itself costs, and what a training page asks of the CPU: the
// CPU-seconds per second each Chromium thread used over a few seconds, with the demo idle and
// with a user's text (2,000 words, skip-gram, hierarchical softmax) training at full speed, at
// each throttling rate given. `W2V_CPU_THROTTLE=4 npm test -- --only e2e` runs the end-to-end
// stage at rate 4: DevTools slows the page's main thread by interrupting it and spinning, so an
// idle page's main thread keeps most of a core busy, and on a 2-core machine it competes with the
// training worker, the plot's worker and the compositor (software in headless Chromium).
//
//   npm run build && node --no-warnings benches/throttle_cost.mjs [seconds=3] [rates=1,4]

import { readdirSync, readFileSync } from 'node:fs';
import { launch, openDemo, serve, settled, waitForState, zipfCorpus } from '../tests/e2e/harness.mjs';

const seconds = Number(process.argv[2] ?? 3);
const rates = (process.argv[3] ?? '1,4').split(',').map(Number);

/** CPU ticks (1/100 s) used so far by every thread of every Chromium process, by a readable name. */
function ticks() {
  /** @type {Record<string, number>} */
  const out = {};
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.includes('chromium')) continue;
    const process = cmd.match(/--type=([\w-]+)/)?.[1] ?? 'browser';
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // A renderer's main thread has the process's own id; workers are all "DedicatedWorker".
        const key = `${process} ${tid === pid ? 'main thread' : name}`;
        out[`${key} ${tid}`] = Number(fields[11]) + Number(fields[12]);
      } catch {
        // The thread ended between listing and reading.
      }
    }
  }
  return out;
}

/** Busy fraction of a core per thread over `seconds`, the busiest first (above 2 %). */
async function measure(/** @type {import('playwright-core').Page} */ page) {
  const before = ticks();
  const start = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const after = ticks();
  const elapsed = (Date.now() - start) / 1000;
  return Object.entries(after)
    .map(([k, v]) => /** @type {[string, number]} */ ([k.replace(/ \d+$/, ''), (v - (before[k] ?? 0)) / 100 / elapsed]))
    .filter(([, share]) => share > 0.02)
    .sort((a, b) => b[1] - a[1]);
}

const server = await serve();
try {
  for (const rate of rates) {
    // Each rate on its own browser, set through CDP (the harness's W2V_CPU_THROTTLE is one rate).
    const browser = await launch();
    try {
      const { page } = await openDemo(browser.context, server.url);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await waitForState(page, 'idle');
      await page.waitForTimeout(500);
      const idle = await measure(page);
      await page.locator('#file').setInputFiles(zipfCorpus(2000, 6000));
      await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('2,000 distinct words'), null, { timeout: 60000 });
      await page.getByRole('combobox', { name: 'Architecture' }).selectOption('skipgram');
      await page.getByRole('combobox', { name: 'Output layer' }).selectOption('hierarchical');
      await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1000');
      await settled(page);
      await page.getByRole('button', { name: 'Train' }).click();
      await waitForState(page, 'training');
      await page.waitForTimeout(500);
      const training = await measure(page);
      for (const [what, rows] of /** @type {const} */ ([['idle', idle], ['training', training]])) {
        const total = rows.reduce((a, [, s]) => a + s, 0);
        console.log(`throttled ${rate}×, ${what}: ${total.toFixed(2)} cores busy`);
        for (const [name, share] of rows) console.log(`  ${(share * 100).toFixed(0).padStart(3)} %  ${name}`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
