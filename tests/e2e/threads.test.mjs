// Training on several threads: served cross-origin isolated (as `npm start` serves it), the page
// loads the threaded build, says how many threads it has, a user's text gets all but a core kept
// for the page, and raised to all of them it trains on every one; served by a plain static host, it falls back to the one-thread build, says why, and the same
// settings still train (the parts one after another).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ownTextThreads } from '../../www/app/state.js';
import { items, openDemo, useDemo, waitForState, zipfCorpus } from './harness.mjs';

/**
 * Open the demo, open a generated text, note the Threads field as the page set it, train to the
 * end (with `threads` typed into the field first, if given), and return what the page said.
 * @param {{context: () => import('playwright-core').BrowserContext, url: () => string}} demo
 * @param {number} [threads]
 */
async function trainOwnText(demo, threads) {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const help = (await page.locator('#setting-threads-help').textContent()) ?? '';
  await page.locator('#file').setInputFiles(zipfCorpus(2000, 20000));
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('2,000 distinct'), null, { timeout: 60000 });
  const field = page.getByRole('spinbutton', { name: 'Threads' });
  const set = await field.inputValue();
  if (threads !== undefined) await field.fill(String(threads));
  // One epoch: the test is about the threads running, not about how fast a machine trains
  // the epochs the page chose for this text (the wait below must hold at any speed).
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await page.getByRole('textbox', { name: 'Query word' }).fill('w1');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 120000);
  const neighbours = await items(page, 'Nearest neighbours');
  await page.close();
  return { isolated, help, set, neighbours, errors };
}

describe('cross-origin isolated', () => {
  const demo = useDemo();
  test('the threaded build runs: a user text keeps a core for the page, and trains on every thread asked for', async () => {
    const cores = Math.min(await demo.context().pages()[0]?.evaluate(() => navigator.hardwareConcurrency) ?? 2, 8);
    const r = await trainOwnText(demo, cores);
    assert.equal(r.isolated, true);
    assert.match(r.help, new RegExp(`runs ${cores} at once; a text of your own gets ${ownTextThreads(cores, cores)}`));
    assert.equal(r.set, String(ownTextThreads(cores, cores)));
    assert.equal(r.neighbours.length, 10);
    assert.deepEqual(r.errors, []);
  });
});

describe('plain static host', () => {
  const demo = useDemo({ isolated: false });
  test('the one-thread build runs, says why, and more threads still train', async () => {
    const r = await trainOwnText(demo, 2);
    assert.equal(r.isolated, false);
    assert.match(r.help, /cross-origin-isolated/);
    assert.equal(r.set, '1');
    assert.equal(r.neighbours.length, 10);
    assert.deepEqual(r.errors, []);
  });
});
