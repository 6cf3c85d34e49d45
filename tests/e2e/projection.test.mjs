// Projections beyond PCA, as a user picks them: t-SNE, UMAP and custom axes each redraw the plot
// and keep the selected word (its ring and its neighbours, checked in the exported SVG), and
// "Export CSV" saves the coordinates of whichever is shown; custom
// axes start from the analogy's words and refuse an unknown word by name; a link carries the
// projection into a fresh profile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { launch, openDemo, pickPreset, useDemo, waitForState } from './harness.mjs';
import { LABEL_INK_STRONG } from '../../www/views/plot/plot-style.js';

const demo = useDemo();

/** The SVG "Export SVG" downloads. @param {import('playwright-core').Page} page */
async function svg(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  return readFileSync(/** @type {string} */ (await (await download).path()), 'utf8');
}

/**
 * What "Export CSV" downloads: its file name and its rows after the header, each parsed as
 * [word, x, y] (the royal preset's words hold no comma or quote).
 * @param {import('playwright-core').Page} page
 */
async function csv(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const d = await download;
  const [header, ...lines] = readFileSync(/** @type {string} */ (await d.path()), 'utf8').trimEnd().split('\n');
  assert.equal(header, 'word,x,y');
  const rows = lines.map((l) => {
    const [word, x, y] = l.split(',');
    return /** @type {[string, number, number]} */ ([word, Number(x), Number(y)]);
  });
  return { name: d.suggestedFilename(), rows };
}

test('t-SNE, UMAP and custom axes keep the selection; bad axes are refused by name', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await pickPreset(page, 'royal', '36,000');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 20000);
  await page.getByRole('textbox', { name: 'Query word' }).fill('king');
  await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length === 10);
  const neighbours = await page.locator('#neighbours li').allInnerTexts();
  const pca = await svg(page);
  const pcaCsv = await csv(page);
  assert.equal(pcaCsv.name, 'word2vec-royal-pca.csv');
  assert.equal(pcaCsv.rows.length, 54, 'a row per word');
  assert.ok(pcaCsv.rows.every(([, x, y]) => Number.isFinite(x) && Number.isFinite(y)), 'every word placed');
  assert.ok(pcaCsv.rows.some(([w]) => w === 'king'));

  /** @type {[string, RegExp][]} */
  const kinds = [['tsne', /^t-SNE of the 54 most frequent words \(perplexity 10\)/], ['umap', /^UMAP of the 54 most frequent words \(15 neighbours\)/]];
  for (const [kind, note] of kinds) {
    await page.getByRole('combobox', { name: 'Projection' }).selectOption(kind);
    await page.waitForFunction((k) => location.hash.includes(`proj=${k}`), kind);
    assert.match(await page.locator('#projection-note').innerText(), note);
    // The worker computes the layout, the plot draws it: look at the picture until it is the
    // new one (at most 30 s).
    let picture = pca;
    for (const end = Date.now() + 30000; picture === pca && Date.now() < end;) {
      await page.waitForTimeout(200);
      picture = await svg(page);
    }
    // Then once more after the points' glide (TRANSITION_MS) has ended.
    await page.waitForTimeout(400);
    picture = await svg(page);
    assert.notEqual(picture, pca, `${kind}: a new picture`);
    assert.match(picture, /r="8.5"/, `${kind}: the selected word is still ringed`);
    assert.ok(picture.includes(`fill="${LABEL_INK_STRONG}">king</text>`), `${kind}: the selected word's label is in the strong ink`);
    assert.equal((picture.match(/r="3.5"/g) ?? []).length, 54, `${kind}: every word placed`);
    const coords = await csv(page);
    assert.equal(coords.name, `word2vec-royal-${kind}.csv`);
    assert.deepEqual(coords.rows.map(([w]) => w), pcaCsv.rows.map(([w]) => w), `${kind}: the same words in the same order`);
    assert.ok(coords.rows.every(([, x, y]) => Number.isFinite(x) && Number.isFinite(y)), `${kind}: every word placed`);
    assert.notDeepEqual(coords.rows, pcaCsv.rows, `${kind}: the coordinates of the new picture`);
    assert.equal(await page.getByRole('textbox', { name: 'Query word' }).inputValue(), 'king');
    assert.deepEqual(await page.locator('#neighbours li').allInnerTexts(), neighbours);
  }

  // Custom axes start from the analogy: x from man to woman, y from man to king.
  await page.getByRole('combobox', { name: 'Projection' }).selectOption('axes');
  assert.equal(await page.getByRole('textbox', { name: 'x axis from' }).inputValue(), 'man');
  assert.equal(await page.getByRole('textbox', { name: 'x axis to' }).inputValue(), 'woman');
  assert.equal(await page.getByRole('textbox', { name: 'y axis to' }).inputValue(), 'king');
  await page.waitForFunction(() => location.hash.includes('proj=axes&xfrom=man&xto=woman&yfrom=man&yto=king'));
  await page.getByRole('textbox', { name: 'x axis to' }).fill('dragon');
  await page.waitForFunction(() => /'dragon' is not in the vocabulary/.test(document.getElementById('projection-error')?.textContent ?? ''));
  assert.ok(await page.getByRole('alert').filter({ hasText: 'dragon' }).isVisible());
  await page.getByRole('textbox', { name: 'x axis to' }).fill('woman');
  await page.waitForFunction(() => document.getElementById('projection-error')?.hidden);
  assert.match(await page.locator('#projection-note').innerText(), /direction man → woman \(x\) and man → king \(y\)/);
  assert.deepEqual(errors, []);

  // The link carries the projection.
  await page.getByRole('combobox', { name: 'Projection' }).selectOption('umap');
  const link = await page.waitForFunction(() => location.hash.includes('proj=umap') && location.href).then((h) => h.jsonValue());
  const fresh = await launch();
  try {
    const other = await openDemo(fresh.context, /** @type {string} */ (link));
    await waitForState(other.page, 'done', 20000);
    await other.page.waitForFunction(() => /** @type {HTMLSelectElement} */ (document.getElementById('projection')).value === 'umap');
    assert.deepEqual(other.errors, []);
  } finally {
    await fresh.close();
  }
  await page.close();
});
