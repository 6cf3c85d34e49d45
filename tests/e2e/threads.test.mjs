// Training on several threads: served cross-origin isolated (as `npm start` serves it), the page
// loads the threaded build, says how many threads it has, and a user's text trains on all of them;
// served by a plain static host, it falls back to the one-thread build, says why, and the same
// settings still train (the parts one after another).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { items, openDemo, useDemo, waitForState, zipfCorpus } from './harness.mjs';

/**
 * Open the demo, open a generated text, train it to the end with the Threads field as the page
 * set it, and return what the page said.
 * @param {{context: () => import('playwright-core').BrowserContext, url: () => string}} demo
 */
async function trainOwnText(demo) {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  const isolated = await page.evaluate(() => crossOriginIsolated);
  const help = (await page.locator('#setting-threads-help').textContent()) ?? '';
  await page.locator('#file').setInputFiles(zipfCorpus(2000, 20000));
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('2,000 distinct'), null, { timeout: 60000 });
  const threads = await page.getByRole('spinbutton', { name: 'Threads' }).inputValue();
  await page.getByRole('textbox', { name: 'Query word' }).fill('w1');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 120000);
  const neighbours = await items(page, 'Nearest neighbours');
  await page.close();
  return { isolated, help, threads, neighbours, errors };
}

describe('cross-origin isolated', () => {
  const demo = useDemo();
  test('the threaded build runs: a user text trains on every thread the page has', async () => {
    const r = await trainOwnText(demo);
    const cores = Math.min(await demo.context().pages()[0]?.evaluate(() => navigator.hardwareConcurrency) ?? 2, 8);
    assert.equal(r.isolated, true);
    assert.match(r.help, new RegExp(`runs ${cores} at once`));
    assert.equal(r.threads, String(cores));
    assert.equal(r.neighbours.length, 10);
    assert.deepEqual(r.errors, []);
  });
});

describe('plain static host', () => {
  const demo = useDemo({ isolated: false });
  test('the one-thread build runs, says why, and more threads still train', async () => {
    const r = await trainOwnText(demo);
    assert.equal(r.isolated, false);
    assert.match(r.help, /cross-origin-isolated/);
    assert.equal(r.threads, '1');
    assert.equal(r.neighbours.length, 10);
    assert.deepEqual(r.errors, []);
  });
});
