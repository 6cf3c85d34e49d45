// A link reproduces what its author saw: opened in a fresh browser profile it shows the same
// corpus, settings and queries, and (the author had trained, with a seed and one thread) trains
// the same vectors, byte for byte in the exported file. A user's own text travels in the link.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { launch, openDemo, pickPreset, started, useDemo, waitForState } from './harness.mjs';

const demo = useDemo();

/** The bytes "Export word2vec binary" downloads. @param {import('playwright-core').Page} page */
async function exportedBinary(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export word2vec binary' }).click();
  return readFileSync(/** @type {string} */ (await (await download).path()));
}

/** The address once the page has written `part` into it. @param {import('playwright-core').Page} page @param {string} part */
async function linkWith(page, part) {
  await page.waitForFunction((p) => location.hash.includes(p), part);
  return page.url();
}

test('a link opened in a fresh profile: same preset, settings, queries and view, the same trained vectors', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await pickPreset(page, 'royal', '36,000');
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('11');
  await page.getByRole('spinbutton', { name: 'Dimensions' }).fill('20');
  await page.getByRole('textbox', { name: 'Query word' }).fill('queen');
  await page.locator('#colour').selectOption('cluster');
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('20 dimensions'));
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 20000);
  const theirs = await exportedBinary(page);
  const link = await linkWith(page, 'train=1');
  assert.match(link, /#preset=royal&.*dim=20.*seed=11.*q=queen.*colour=cluster/);
  const neighbours = await page.locator('#neighbours li').allInnerTexts();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(() => /Link copied|address bar holds the link/.test(document.getElementById('share-note')?.textContent ?? ''));

  const fresh = await launch();
  try {
    const opened = await openDemo(fresh.context, link);
    const other = opened.page;
    await waitForState(other, 'done', 20000);
    assert.equal(await other.getByRole('combobox', { name: 'Preset' }).inputValue(), 'royal');
    assert.equal(await other.getByRole('spinbutton', { name: 'Seed' }).inputValue(), '11');
    assert.equal(await other.getByRole('spinbutton', { name: 'Dimensions' }).inputValue(), '20');
    assert.equal(await other.getByRole('textbox', { name: 'Query word' }).inputValue(), 'queen');
    assert.equal(await other.locator('#colour').inputValue(), 'cluster');
    assert.equal(await other.getByRole('textbox', { name: 'Corpus' }).inputValue(), await page.getByRole('textbox', { name: 'Corpus' }).inputValue());
    await other.waitForFunction((n) => document.querySelectorAll('#neighbours li').length === n, neighbours.length);
    assert.deepEqual(await other.locator('#neighbours li').allInnerTexts(), neighbours);
    assert.ok((await exportedBinary(other)).equals(theirs), 'the same vectors, bit for bit');
    assert.deepEqual(opened.errors, []);
  } finally {
    await fresh.close();
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a user\'s own text travels in the link, packed; an untrained link does not train', async () => {
  const { page } = await openDemo(demo.context(), demo.url());
  await started(page);
  const text = 'the cat sat on the mat\nthe dog sat on the log\n<img src=x onerror=alert(1)> 深度 学习\n';
  await page.getByRole('textbox', { name: 'Corpus' }).fill(text);
  await page.getByRole('spinbutton', { name: 'Window' }).fill('3');
  await page.waitForFunction(() => /distinct words/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  const link = await linkWith(page, 'window=3');
  assert.match(link, /#preset=custom&text=[A-Za-z0-9_-]+&/);
  assert.doesNotMatch(link, /train=1/);
  const fresh = await launch();
  try {
    const { page: other, errors } = await openDemo(fresh.context, link);
    await other.waitForFunction(() => /distinct words/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
    assert.equal(await other.getByRole('textbox', { name: 'Corpus' }).inputValue(), text);
    assert.equal(await other.getByRole('spinbutton', { name: 'Window' }).inputValue(), '3');
    await waitForState(other, 'idle');
    assert.deepEqual(errors, []);
  } finally {
    await fresh.close();
  }
  await page.close();
});
