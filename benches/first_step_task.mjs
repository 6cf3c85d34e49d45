// The longest main-thread tasks over the first two Next sample clicks (3,000 words, hierarchical
// softmax: the teaching bar's heaviest moment), from a lean CDP trace: per run the three longest,
// then the mean and the largest of the longest. CSS='rule|rule' inserts rules first, to try a
// change of style without a build.
//
//   npm run build && W2V_CPU_THROTTLE=4 node --no-warnings benches/first_step_task.mjs [runs=8]
import { launch, loadTeachingBar, openDemo, serve } from '../tests/e2e/harness.mjs';
const runs = Number(process.argv[2] ?? 8);
const server = await serve();
const browser = await launch();
/** @type {number[]} */
const longest = [];
for (let r = 0; r < runs; r++) {
  const { page } = await openDemo(browser.context, server.url);
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  if (process.env.CSS) for (const rule of process.env.CSS.split('|')) await page.evaluate((r) => document.styleSheets[0].insertRule(r, document.styleSheets[0].cssRules.length), rule);
  await loadTeachingBar(page);
  const cdp = await browser.context.newCDPSession(page);
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((res) => cdp.on('Tracing.tracingComplete', res));
  await cdp.send('Tracing.start', { categories: 'toplevel,cc', transferMode: 'ReportEvents' });
  for (let i = 0; i < 2; i++) { await page.getByRole('button', { name: 'Next sample' }).click(); await page.waitForTimeout(400); }
  await cdp.send('Tracing.end');
  await done;
  const counts = new Map();
  for (const e of events) if (e.name === 'ProxyMain::BeginMainFrame' || e.name === 'ThreadProxy::BeginMainFrame') counts.set(`${e.pid}/${e.tid}`, (counts.get(`${e.pid}/${e.tid}`) ?? 0) + 1);
  const key = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => `${e.pid}/${e.tid}` === key && e.ph === 'X' && /RunTask/.test(e.name)).map((e) => e.dur / 1000).sort((a, b) => b - a);
  longest.push(tasks[0]);
  console.log(`run ${r}: ${tasks.slice(0, 3).map((d) => d.toFixed(1)).join(' ')}`);
  await page.close();
}
const mean = longest.reduce((a, b) => a + b, 0) / longest.length;
console.log(`longest: mean ${mean.toFixed(1)} ms, max ${Math.max(...longest).toFixed(1)}, over 50: ${longest.filter((d) => d > 50).length}/${runs}`);
await browser.close(); await server.close();
