// Where the 3,000-word teaching bar's long tasks fall (tests/e2e/teaching.test.mjs): the same
// steps, run `runs` times, each run printing when its steps began (page time, ms from the first
// Next sample) and every main-thread task over 50 ms as start:duration. A bar at a CPU
// throttling rate is as sure as the share of runs with no task printed.
//
//   npm run build && W2V_CPU_THROTTLE=4 node --no-warnings benches/teaching_tasks.mjs [runs=8]

import { launch, loadTeachingBar, openDemo, serve, waitForState } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 8);
const server = await serve();
const browser = await launch();
let clean = 0;
for (let r = 0; r < runs; r++) {
  const { page } = await openDemo(browser.context, server.url);
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await loadTeachingBar(page);
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.benchTasks = [];
    w.benchMarks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
  const mark = (/** @type {string} */ name) => page.evaluate((n) => /** @type {any} */ (window).benchMarks.push([n, performance.now()]), name);
  for (let i = 0; i < 5; i++) {
    await mark(`next${i}`);
    await page.getByRole('button', { name: 'Next sample' }).click();
  }
  await mark('blank');
  await page.getByRole('textbox', { name: 'Context with a blank' }).fill('w1 w2 ___ w3');
  await mark('query');
  await page.getByRole('textbox', { name: 'Query word' }).fill('w5');
  await mark('train');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'training');
  await page.waitForTimeout(2500);
  await mark('pause');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(300);
  /** @type {{tasks: [number, number][], marks: [string, number][]}} */
  const got = await page.evaluate(() => ({ tasks: /** @type {any} */ (window).benchTasks, marks: /** @type {any} */ (window).benchMarks }));
  const t0 = got.marks[0][1];
  const at = (/** @type {number} */ t) => Math.round(t - t0);
  if (got.tasks.length === 0) clean++;
  console.log(`run ${r + 1}: ${got.marks.map(([n, t]) => `${n}@${at(t)}`).join(' ')}`);
  console.log(`  tasks over 50 ms: ${got.tasks.map(([s, d]) => `${at(s)}:${Math.round(d)}`).join(' ') || 'none'}`);
  await page.close();
}
console.log(`${clean} of ${runs} runs with no task over 50 ms`);
await browser.close();
await server.close();
