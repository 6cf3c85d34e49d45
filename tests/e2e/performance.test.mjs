// The main thread stays free while the worker trains at full speed: no task over 50 ms (with 2,000,
// 10,000 and 20,000 words), and the plot keeps drawing at 30 frames a second or more with 2,000
// and with 10,000 words on it. Each bar is measured in a window in which other processes and the
// hypervisor left the machine to the page (machine.mjs; a busy window is printed and measured again).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDemo, settled, useDemo, waitForState, watchLongTasks, zipfCorpus } from './harness.mjs';
import { quietWindow } from './machine.mjs';

const demo = useDemo();

/** Epochs enough that training outlasts every measurement on any machine (the most allowed). */
const MANY_EPOCHS = 1000;

/**
 * Open the demo with a generated corpus of `words` distinct words in `lines` lines.
 * @param {number} words @param {number} lines @param {string} stats  text the corpus line must show
 */
async function openWith(words, lines, stats) {
  const opened = await openDemo(demo.context(), demo.url());
  const { page } = opened;
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await page.locator('#file').setInputFiles(zipfCorpus(words, lines));
  await page.waitForFunction((s) => document.getElementById('corpus-stats')?.textContent?.includes(s), stats, { timeout: 120000 });
  return opened;
}

/**
 * The words per second the page shows (measured over the last second of training): above 0 while
 * training runs. (At 1,000 epochs the progress bar and the epoch barely move in a few seconds.)
 * @param {import('playwright-core').Page} page
 */
const rate = (page) => page.evaluate(() => Number((document.getElementById('stat-rate')?.textContent ?? '').replace(/[^\d.]/g, '')));

/**
 * Press Train, wait until the first snapshots of training have arrived, then count the plot's
 * frames over three seconds and collect the long tasks since `longTasks` started watching, in a
 * window the machine gave the page (quietWindow). The corpus is given so many epochs that no
 * machine finishes it within the windows: the bars are measured while training runs, whatever the
 * machine's speed.
 * @param {import('playwright-core').Page} page @param {() => Promise<number[]>} longTasks
 */
async function measureTraining(page, longTasks) {
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'training');
  await page.waitForFunction(() => /\d/.test(document.getElementById('stat-rate')?.textContent ?? ''));
  const frames = () => page.evaluate(() => Number(document.getElementById('plot')?.dataset.frames ?? 0));
  return quietWindow(page, 3000, async (wait) => {
    const f0 = await frames();
    const t0 = Date.now();
    await wait();
    const fps = ((await frames()) - f0) / ((Date.now() - t0) / 1000);
    const state = await page.getByRole('status').getAttribute('data-state');
    // Still training at the end: words per second measured over the last second.
    const advanced = (await rate(page)) > 0;
    return { fps, state, advanced, tasks: await longTasks() };
  });
}

/**
 * The bars: training went on throughout, 30+ frames a second, no task over 50 ms, no page error.
 * Then pause and close.
 * @param {import('playwright-core').Page} page @param {string[]} errors
 * @param {{fps: number, state: string | null, advanced: boolean, tasks: number[]}} m
 */
async function expectFluid(page, errors, { fps, state, advanced, tasks }) {
  assert.equal(state, 'training', 'training lasted the whole measurement');
  assert.ok(advanced, 'training advanced during the measurement');
  assert.ok(fps >= 30, `${fps} frames a second`);
  assert.ok(tasks.every((d) => d <= 50), `main-thread tasks of ${tasks} ms`);
  await page.getByRole('button', { name: 'Pause' }).click();
  assert.deepEqual(errors, []);
  await page.close();
}

test('full-speed training: no main-thread task over 50 ms, plot at 30+ frames a second with 2,000 words', async () => {
  const { page, errors } = await openWith(2000, 6000, '2,000 distinct words');
  // Skip-gram with hierarchical softmax, the slowest mode per word this size allows.
  await page.getByRole('combobox', { name: 'Architecture' }).selectOption('skipgram');
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption('hierarchical');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(MANY_EPOCHS));
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('cluster');
  await settled(page);

  const m = await measureTraining(page, await watchLongTasks(page));
  const rate = await page.locator('#stat-rate').innerText();
  console.log(`plot: ${m.fps.toFixed(1)} frames/s; long tasks: ${JSON.stringify(m.tasks.map(Math.round))}; ${rate} words/s; state ${m.state}`);
  await expectFluid(page, errors, m);
});

test('10,000 words: the plot keeps 30+ frames a second and no task over 50 ms', async () => {
  const { page, errors } = await openWith(10000, 30000, '10,000 distinct words');
  await page.getByRole('combobox', { name: 'Architecture' }).selectOption('skipgram');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(MANY_EPOCHS));
  await settled(page);
  const m = await measureTraining(page, await watchLongTasks(page));
  console.log(`10,000 words: plot ${m.fps.toFixed(1)} frames/s; long tasks ${JSON.stringify(m.tasks.map(Math.round))}`);
  await expectFluid(page, errors, m);
});

test('a large file is streamed by the worker, not copied into the page; 20,000 words train with no task over 50 ms', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  // About 3.3 million tokens, 20 MB.
  const file = zipfCorpus(20000, 300000);
  const loading = await watchLongTasks(page);
  await page.locator('#file').setInputFiles(file);
  await page.waitForFunction(() => / MB, read in the worker/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 120000 });
  const stats = await page.locator('#corpus-stats').innerText();
  console.log(`large file: ${stats}`);
  assert.match(stats, /20,000 distinct words/);
  const box = await page.getByRole('textbox', { name: 'Corpus' }).inputValue();
  assert.ok(box.length < 25000 && box.endsWith('…'), `the text box holds ${box.length} characters`);
  await page.waitForTimeout(1000);
  // Reported, not a bar: the first frame of a new 20,000-word vocabulary (cold code, new glyphs)
  // can still take 50–70 ms on this machine.
  console.log(`large file: main-thread long tasks while loading ${JSON.stringify((await loading()).map(Math.round))}`);
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(MANY_EPOCHS));
  await settled(page, 120000);
  const training = await watchLongTasks(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'training');
  await quietWindow(page, 2500, (wait) => wait());
  await page.getByRole('button', { name: 'Pause' }).click();
  await waitForState(page, 'paused');
  // The chosen window's tasks, through the pause.
  const tasks = await training();
  console.log(`large file: main-thread long tasks while training ${JSON.stringify(tasks.map(Math.round))}`);
  assert.ok(tasks.every((d) => d <= 50), `main-thread tasks of ${tasks} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('20 million tokens: read, vocabulary and training in the tab within 1 GB', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  // 1.8 million lines of 10–12 words plus 20,000 lines of two: about 20 million tokens, 120 MB.
  const file = zipfCorpus(20000, 1800000);
  const t0 = Date.now();
  await page.locator('#file').setInputFiles(file);
  await page.waitForFunction(() => / MB, read in the worker/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 300000 });
  const stats = await page.locator('#corpus-stats').innerText();
  const tokens = Number(stats.match(/([\d,]+) tokens/)?.[1].replace(/,/g, ''));
  assert.ok(tokens > 19_000_000, stats);
  const readSeconds = (Date.now() - t0) / 1000;
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'training');
  await page.waitForTimeout(5000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await waitForState(page, 'paused');
  // The page, its worker and the helper threads together (the page is cross-origin isolated,
  // which this API requires).
  const bytes = await page.evaluate(async () => {
    const m = await /** @type {{measureUserAgentSpecificMemory(): Promise<{bytes: number}>}} */ (/** @type {unknown} */ (performance)).measureUserAgentSpecificMemory();
    return m.bytes;
  });
  console.log(`20M tokens: ${stats}; read in ${readSeconds.toFixed(1)} s; ${(bytes / 2 ** 20).toFixed(0)} MB in the tab after 5 s of training`);
  assert.ok(bytes < 2 ** 30, `${bytes} bytes`);
  assert.deepEqual(errors, []);
  await page.close();
});
