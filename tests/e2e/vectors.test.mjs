// Export and import in the page, as a user does them: the Export buttons download word2vec text,
// word2vec binary, the Projector's two TSV files and the plot as PNG and SVG; gensim loads the
// downloads and finds the neighbours the page shows; "Import vectors" reads them back bit for bit
// (exporting again gives the same bytes) and reads what gensim saved, with gensim's neighbours; a
// bad file is refused with its line; words that look like markup stay text.
//
// gensim runs from W2V_PYTHON (npm test makes a venv for it); without it the comparison is
// skipped with a notice on a developer machine and fails under CI, like tests/gensim_interop.rs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { items, openDemo, pickPreset, status, useDemo, waitForState } from './harness.mjs';

const demo = useDemo();
const dir = mkdtempSync(join(tmpdir(), 'w2v-vectors-'));
const python = process.env.W2V_PYTHON;
if (!python && process.env.CI) throw new Error('CI must set W2V_PYTHON (npm test does)');

/**
 * Run a gensim script; it prints one JSON line.
 * @param {string} script @param {string[]} args
 */
function gensim(script, args) {
  const r = spawnSync(/** @type {string} */ (python), ['-c', script, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null');
}

const NEAREST = `
import json, sys
from gensim.models import KeyedVectors
kv = KeyedVectors.load_word2vec_format(sys.argv[1], binary=sys.argv[2] == "binary")
print(json.dumps({"words": kv.index_to_key, "nearest": kv.most_similar(sys.argv[3], topn=int(sys.argv[4]))}))
`;

const TRAIN = `
import json, sys
from gensim.models import Word2Vec
sentences = [line.split() for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
model = Word2Vec(sentences, vector_size=24, window=3, min_count=1, sg=1, negative=5, epochs=3, seed=1, workers=1)
model.wv.save_word2vec_format(sys.argv[2] + ".txt", binary=False)
model.wv.save_word2vec_format(sys.argv[2] + ".bin", binary=True)
print(json.dumps({"nearest": model.wv.most_similar("king", topn=10)}))
`;

/**
 * Click an export button and save what it downloads. Returns the saved paths by suggested name.
 * @param {import('playwright-core').Page} page @param {string} button @param {number} files
 */
async function exportFiles(page, button, files = 1) {
  /** @type {import('playwright-core').Download[]} */
  const downloads = [];
  const all = new Promise((done) => {
    page.on('download', function take(d) {
      downloads.push(d);
      if (downloads.length === files) {
        page.off('download', take);
        done(null);
      }
    });
  });
  await page.getByRole('button', { name: button }).click();
  await all;
  /** @type {Record<string, string>} */
  const saved = {};
  for (const d of downloads) {
    const path = join(dir, d.suggestedFilename());
    await d.saveAs(path);
    saved[d.suggestedFilename()] = path;
  }
  return saved;
}

/** The page's neighbours as [word, score] pairs. @param {import('playwright-core').Page} page */
async function neighbours(page) {
  return (await items(page, 'Nearest neighbours')).map((s) => {
    const [word, score] = s.split(/\s+/);
    return /** @type {[string, number]} */ ([word, Number(score)]);
  });
}

/**
 * The same top words in the same order, and the same cosines to the 3 decimals the page shows.
 * @param {[string, number][]} ours @param {[string, number][]} theirs @param {number} n
 */
function sameNeighbours(ours, theirs, n) {
  assert.deepEqual(ours.slice(0, n).map(([w]) => w), theirs.slice(0, n).map(([w]) => w));
  for (let i = 0; i < n; i++) assert.ok(Math.abs(ours[i][1] - theirs[i][1]) < 1.5e-3, `${ours[i]} vs ${theirs[i]}`);
}

/**
 * Import a file through the "Import vectors" input and wait until the status names it.
 * @param {import('playwright-core').Page} page @param {string} path
 */
async function importFile(page, path) {
  // The status first leaves the previous file's name (it reads the new file), then names this one.
  await page.evaluate(() => {
    const s = document.querySelector('[role="status"]');
    if (s) s.textContent = '';
  });
  await page.getByLabel('Import vectors').setInputFiles(path);
  await page.waitForFunction((name) => (document.querySelector('[role="status"]')?.textContent ?? '').startsWith(`Imported ${name}:`), basename(path), { timeout: 20000 });
}

test('trained vectors: exported, loaded by gensim with the same neighbours, imported back bit for bit', async () => {
  const { page, errors, offsite } = await openDemo(demo.context(), demo.url());
  await pickPreset(page, 'royal', '36,000');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 20000);
  await page.getByRole('textbox', { name: 'Query word' }).fill('king');
  await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length === 10);
  const trained = await neighbours(page);

  const text = await exportFiles(page, 'Export word2vec text');
  const binary = await exportFiles(page, 'Export word2vec binary');
  const tsv = await exportFiles(page, 'Export TSV', 2);
  assert.deepEqual(Object.keys(text), ['word2vec-royal.txt']);
  assert.deepEqual(Object.keys(binary), ['word2vec-royal.bin']);
  assert.deepEqual(Object.keys(tsv).sort(), ['word2vec-royal-metadata.tsv', 'word2vec-royal-vectors.tsv']);
  const words = readFileSync(tsv['word2vec-royal-metadata.tsv'], 'utf8').trimEnd().split('\n');
  assert.equal(readFileSync(tsv['word2vec-royal-vectors.tsv'], 'utf8').trimEnd().split('\n').length, words.length);
  assert.equal(readFileSync(text['word2vec-royal.txt'], 'utf8').split('\n')[0], `${words.length} 30`);

  // The plot as pictures: a PNG of the canvas, an SVG with the same labels as text.
  const png = readFileSync(Object.values(await exportFiles(page, 'Export PNG'))[0]);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const canvasWidth = await page.locator('#plot').evaluate((c) => /** @type {HTMLCanvasElement} */ (c).width);
  assert.equal(png.readUInt32BE(16), canvasWidth, 'the PNG has the canvas\'s pixels');
  const svgs = await exportFiles(page, 'Export SVG');
  assert.deepEqual(Object.keys(svgs), ['word2vec-royal.svg']);
  const svg = readFileSync(svgs['word2vec-royal.svg'], 'utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.match(svg, />king<\/text>/);
  assert.equal((svg.match(/r="3.5"/g) ?? []).length, words.length, 'a point per word');

  if (python) {
    for (const [path, kind] of [[text['word2vec-royal.txt'], 'text'], [binary['word2vec-royal.bin'], 'binary']]) {
      const g = gensim(NEAREST, [path, kind, 'king', '10']);
      assert.deepEqual(g.words, words, `${kind}: gensim reads the same words in the same order`);
      sameNeighbours(trained, g.nearest, 5);
    }
  } else {
    console.log('W2V_PYTHON is not set: gensim not compared on this machine');
  }

  // Import what was exported: the same neighbours, and exporting again gives the same bytes.
  for (const [path, button] of [[binary['word2vec-royal.bin'], 'Export word2vec binary'], [text['word2vec-royal.txt'], 'Export word2vec text']]) {
    await importFile(page, path);
    assert.equal(await status(page).getAttribute('data-state'), 'done');
    assert.match(await status(page).innerText(), new RegExp(`Imported word2vec-royal\\.(bin|txt): ${words.length} words × 30 dimensions`));
    await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length === 10);
    assert.deepEqual(await neighbours(page), trained);
    const again = Object.values(await exportFiles(page, button))[0];
    assert.ok(readFileSync(again).equals(readFileSync(path)), `${button}: the same bytes after a round trip`);
  }
  // Train trains the corpus again.
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('36,000 tokens'));
  await waitForState(page, 'done', 20000);
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, []);
  await page.close();
});

test('vectors saved by gensim import with gensim\'s neighbours; GloVe files too; bad files name their line', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await pickPreset(page, 'royal', '36,000');
  if (python) {
    const corpus = join(dir, 'royal.txt');
    writeFileSync(corpus, await page.getByRole('textbox', { name: 'Corpus' }).inputValue());
    const g = gensim(TRAIN, [corpus, join(dir, 'gensim')]);
    for (const ext of ['bin', 'txt']) {
      await importFile(page, join(dir, `gensim.${ext}`));
      await page.getByRole('textbox', { name: 'Query word' }).fill('king');
      await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length === 10);
      sameNeighbours(await neighbours(page), g.nearest, 5);
    }
  } else {
    console.log('W2V_PYTHON is not set: gensim not compared on this machine');
  }

  // GloVe: no header line.
  const glove = join(dir, 'glove.6B.tiny.txt');
  writeFileSync(glove, 'king 0.9 0.1 0.2\nqueen 0.85 0.15 0.25\ncabbage -0.5 0.9 0.1\n');
  await importFile(page, glove);
  assert.match(await status(page).innerText(), /Imported glove\.6B\.tiny\.txt: 3 words × 3 dimensions/);
  await page.getByRole('textbox', { name: 'Query word' }).fill('king');
  await page.waitForFunction(() => document.querySelector('#neighbours li')?.textContent?.startsWith('queen'));

  // Words that look like markup arrive with imported files too: they are shown as text, never run.
  const hostile = ['<img/src=x/onerror=window.__ran=1>', '<script>window.__ran=1</script>', '"><svg/onload=window.__ran=1>'];
  const markup = join(dir, 'markup.vec');
  writeFileSync(markup, `3 2\n${hostile[0]} 1 0\n${hostile[1]} 0.7 0.7\n${hostile[2]} -0.2 1\n`);
  await importFile(page, markup);
  await page.getByRole('textbox', { name: 'Query word' }).fill(hostile[0]);
  await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length === 2);
  assert.deepEqual((await neighbours(page)).map(([w]) => w), [hostile[1], hostile[2]]);
  const picture = readFileSync(Object.values(await exportFiles(page, 'Export SVG'))[0], 'utf8');
  // Parsed as the XML it is: only the elements the plot draws, no event attribute, and every
  // label is one of the words as text (escaped in the file). How many labels fit depends on the
  // layout (a long one at the right edge may not be drawn); at least one always fits.
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const all = [...doc.querySelectorAll('*')];
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      elements: [...new Set(all.map((e) => e.localName))].sort(),
      handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/i.test(n)),
      labels: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      labelChildren: [...doc.querySelectorAll('text')].reduce((n, t) => n + t.children.length, 0),
    };
  }, picture);
  assert.equal(parsed.error, null);
  assert.ok(parsed.elements.every((e) => ['circle', 'g', 'line', 'rect', 'svg', 'text'].includes(e)), `elements ${parsed.elements}`);
  assert.deepEqual(parsed.handlers, []);
  assert.equal(parsed.labelChildren, 0, 'no element inside a label');
  assert.ok(parsed.labels.length >= 1 && parsed.labels.every((l) => hostile.includes(l)), `labels ${parsed.labels}`);
  for (const label of parsed.labels) assert.ok(picture.includes(`>${label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</text>`), `${label} escaped in the file`);
  assert.ok(!/<(script|img)|<svg\/onload/.test(picture), 'no markup from the words');
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__ran), undefined, 'nothing ran');
  assert.equal(await page.locator('#neighbours img, #neighbours script, #neighbours svg').count(), 0);

  // A bad file: the status says what and where, and the page still works.
  const bad = join(dir, 'bad.vec');
  writeFileSync(bad, '2 3\na 1 2 3\nb 1 2\n');
  await page.getByLabel('Import vectors').setInputFiles(bad);
  await waitForState(page, 'error');
  assert.match(await status(page).innerText(), /line 3: 'b' has 2 values, expected 3/);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 20000);
  assert.deepEqual(errors, []);
  await page.close();
});
