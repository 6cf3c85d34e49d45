// Start-up of the built demo in Debian's chromium, served cross-origin isolated from localhost
// as `npm start` serves it: first contentful paint, the tutorial loaded and ready, and the time
// from pressing Train to the trained tutorial, at the tutorial's slow-motion default (1,000
// words a second, 1,500 words: by design about 1.5 s) and at full speed. Median of N fresh pages
// (the first, which warms the HTTP and compile caches, is left out).
//
//   npm run build && node --no-warnings benches/startup.mjs [N=7]

import { launch, openDemo, serve, waitForState } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const server = await serve();
const browser = await launch();
/** @type {Record<string, number[]>} */
const times = { fcp: [], ready: [], slow: [], full: [] };
try {
  for (let i = 0; i <= runs; i++) {
    const { page } = await openDemo(browser.context, server.url);
    await waitForState(page, 'idle');
    const ready = await page.evaluate(() => performance.now());
    // The paint entry may land a moment after the state says idle.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
    /** Press Train and time it until the status says done. */
    const train = async () => {
      const start = Date.now();
      await page.getByRole('button', { name: 'Train' }).click();
      await waitForState(page, 'done');
      return Date.now() - start;
    };
    const slow = await train();
    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForState(page, 'idle');
    await page.locator('#speed').fill('6');
    const full = await train();
    if (i > 0) Object.entries({ fcp, ready, slow, full }).forEach(([k, v]) => times[k].push(v));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median of ${runs} pages (ms): first contentful paint ${median(times.fcp).toFixed(0)}, tutorial ready ${median(times.ready).toFixed(0)}, ` +
  `Train → trained at 1,000 words/s ${median(times.slow)}, at full speed ${median(times.full)}`);
console.log(`ranges (ms): fcp ${Math.min(...times.fcp).toFixed(0)}–${Math.max(...times.fcp).toFixed(0)}, full speed ${Math.min(...times.full)}–${Math.max(...times.full)}`);
