// End-to-end: the training history. Train the royal preset, move "Training history" back to the
// start and forward to the end, replay it, export it; and scrub through 10,000 words with the
// plot fluid and the main thread free.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { items, openDemo, settled, status, useDemo, waitForState, watchLongTasks, zipfCorpus } from './harness.mjs';
import { quietWindow } from './machine.mjs';

const demo = useDemo();

/** The slider "Training history". @param {import('playwright-core').Page} page */
const slider = (page) => page.getByRole('slider', { name: 'Training history', exact: true });

/** The words of a results region's items (without their scores). @param {import('playwright-core').Page} page @param {string} region */
const wordsOf = async (page, region) => (await items(page, region)).map((s) => s.split(' ')[0]);

/** Royal trained to the end with king's neighbours and man : king :: woman asked. */
async function trainedRoyal() {
  const opened = await openDemo(demo.context(), `${demo.url()}?preset=royal`);
  const { page } = opened;
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('36,000'));
  await page.getByRole('textbox', { name: 'Query word' }).fill('king');
  await page.getByRole('textbox', { name: 'Analogy A' }).fill('man');
  await page.getByRole('textbox', { name: 'Analogy B' }).fill('king');
  await page.getByRole('textbox', { name: 'Analogy C' }).fill('woman');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  await page.waitForFunction(() => document.querySelector('#analogy li')?.textContent?.startsWith('queen'));
  // The region has ranked every moment: its table lists king's neighbours.
  await page.waitForFunction(() => document.querySelectorAll('#history-body tr').length === 5, null, { timeout: 15000 });
  return opened;
}

test('royal: at the start of "Training history" king has other neighbours and queen is not the answer; at its end both are the live ones', async () => {
  const { page, errors } = await trainedRoyal();
  const endNeighbours = await wordsOf(page, 'Nearest neighbours');
  const endAnalogy = await wordsOf(page, 'Analogy results');
  assert.equal(endAnalogy[0], 'queen');
  const max = Number(await slider(page).getAttribute('max'));
  assert.ok(max >= 50, `${max + 1} moments`);

  await slider(page).fill('0');
  await page.waitForFunction(() => document.getElementById('history-readout')?.textContent?.includes('initial random vectors'));
  await page.waitForFunction((end) => {
    const now = [...document.querySelectorAll('#neighbours li')].map((li) => li.textContent?.split(' ')[0]);
    return now.length > 0 && now.join() !== end.join();
  }, endNeighbours);
  const startNeighbours = await wordsOf(page, 'Nearest neighbours');
  assert.notDeepEqual(startNeighbours, endNeighbours);
  assert.notEqual((await wordsOf(page, 'Analogy results'))[0], 'queen');
  assert.ok(await page.locator('#history-past').isVisible());

  // The region lists king's neighbours at several moments.
  const region = page.getByRole('region', { name: 'History', exact: true });
  const rows = await region.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 5);
  assert.match(rows[0], /^0 %/);
  assert.match(rows[4], /^100 %/);
  assert.notEqual(rows[0].split('\t')[2], rows[4].split('\t')[2]);
  assert.match(await region.innerText(), /entered the top 5/);

  await slider(page).fill(String(max));
  await page.waitForFunction((end) => [...document.querySelectorAll('#neighbours li')].map((li) => li.textContent?.split(' ')[0]).join() === end.join(), endNeighbours);
  assert.deepEqual(await wordsOf(page, 'Analogy results'), endAnalogy);
  assert.ok(await page.locator('#history-past').isHidden());
  assert.match(await page.locator('#history-readout').innerText(), /^now/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Replay plays the history from the start back to now; a click on the loss curve moves the slider', async () => {
  const { page, errors } = await trainedRoyal();
  const max = Number(await slider(page).getAttribute('max'));
  await page.getByRole('combobox', { name: 'Replay speed' }).selectOption('40');
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await page.getByRole('button', { name: 'Stop replay' }).waitFor();
  // It passes through the middle of training…
  await page.waitForFunction((m) => {
    const v = Number(/** @type {HTMLInputElement} */ (document.getElementById('history')).value);
    return v > 5 && v < m - 5;
  }, max);
  // …and ends at now, with the live answers.
  await page.getByRole('button', { name: 'Replay', exact: true }).waitFor({ timeout: 30000 });
  assert.equal(Number(await slider(page).inputValue()), max);
  await page.waitForFunction(() => document.querySelector('#analogy li')?.textContent?.startsWith('queen'));

  // The loss curve's middle is a moment near the middle of training.
  const box = /** @type {{x: number, y: number, width: number, height: number}} */ (await page.locator('#loss').boundingBox());
  await page.locator('#loss').click({ position: { x: 34 + (box.width - 40) / 2, y: box.height / 2 } });
  await page.waitForFunction(() => /\((4\d|5\d) %\)/.test(document.getElementById('history-readout')?.textContent ?? ''));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the history exports as JSON and CSV; its last moment is the exported vectors', async () => {
  const { page, errors } = await trainedRoyal();
  const save = async (/** @type {string} */ name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    return readFileSync(/** @type {string} */ (await file.path()), 'utf8');
  };
  const json = JSON.parse(await save('Export history JSON'));
  const csv = (await save('Export history CSV')).trim().split('\n');
  const text = (await save('Export word2vec text')).trim().split('\n');
  const [count, dim] = text[0].split(' ').map(Number);
  assert.equal(json.words.length, count);
  assert.equal(json.dim, dim);
  assert.equal(json.moments.length, Number(await slider(page).getAttribute('max')) + 1);
  assert.equal(json.moments[0].wordsTrained, 0);
  const last = json.moments.at(-1);
  // word2vec text writes each float's shortest round-trip decimal: the same float32 values.
  for (const line of text.slice(1)) {
    const [word, ...values] = line.split(' ');
    const row = json.words.indexOf(word);
    assert.ok(row >= 0, word);
    assert.deepEqual(Array.from(Float32Array.from(last.vectors.slice(row * dim, (row + 1) * dim))), Array.from(Float32Array.from(values.map(Number))), word);
  }
  assert.equal(last.neighbours[0].word, (await items(page, 'Nearest neighbours'))[0].split(' ')[0]);
  assert.equal(csv[0], 'moment,words_trained,epoch,word,x,y');
  assert.equal(csv.length - 1, json.moments.length * count);
  const finalRows = csv.filter((l) => l.startsWith(`${json.moments.length - 1},`));
  assert.equal(finalRows.length, count);
  assert.deepEqual(finalRows.map((l) => Number(l.split(',')[4])), json.words.map((/** @type {string} */ _w, /** @type {number} */ i) => last.coords[i * 2]));
  assert.deepEqual(errors, []);
  await page.close();
});

test('scrubbing the history of 10,000 words keeps 30+ frames a second and no task over 50 ms', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await page.locator('#file').setInputFiles(zipfCorpus(10000, 30000));
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('10,000 distinct words'), null, { timeout: 120000 });
  // One epoch: the history's moments are spread over the words trained, so all of them come soon.
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1');
  await settled(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 120000);
  await page.waitForFunction(() => Number(document.getElementById('history')?.getAttribute('max')) >= 50);
  const longTasks = await watchLongTasks(page);
  const frames = () => page.evaluate(() => Number(document.getElementById('plot')?.dataset.frames ?? 0));
  const m = await quietWindow(page, 3000, async (wait) => {
    // A hand on the slider: a new position every frame, back and forth over every moment.
    await page.evaluate(() => {
      const s = /** @type {HTMLInputElement} */ (document.getElementById('history'));
      const w = /** @type {any} */ (window);
      w.__scrubbing = true;
      w.__scrubs = 0;
      let v = 0;
      let dir = 1;
      const move = () => {
        if (!w.__scrubbing) return;
        const max = Number(s.max);
        v += dir;
        if (v >= max - 1 || v <= 0) dir = -dir;
        s.value = String(Math.max(0, Math.min(max - 1, v)));
        s.dispatchEvent(new Event('input', { bubbles: true }));
        w.__scrubs++;
        requestAnimationFrame(move);
      };
      requestAnimationFrame(move);
    });
    const f0 = await frames();
    const t0 = Date.now();
    await wait();
    const fps = ((await frames()) - f0) / ((Date.now() - t0) / 1000);
    const scrubs = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__scrubbing = false;
      return w.__scrubs;
    });
    return { fps, scrubs, tasks: await longTasks() };
  });
  console.log(`scrubbing 10,000 words: plot ${m.fps.toFixed(1)} frames/s, ${m.scrubs} slider moves; long tasks ${JSON.stringify(m.tasks.map(Math.round))}`);
  // The plot showed past moments throughout.
  assert.ok(await page.locator('#history-past').isVisible());
  assert.ok(m.fps >= 30, `${m.fps} frames a second`);
  assert.ok(m.tasks.every((/** @type {number} */ d) => d <= 50), `main-thread tasks of ${m.tasks} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('while training the slider follows now, unless the reader has moved it; at the end again it follows', async () => {
  const { page, errors } = await openDemo(demo.context(), `${demo.url()}?preset=royal`);
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('36,000'));
  // 10,000 words a second: 36 s for the whole training, a new moment every few tenths of a second.
  await page.getByRole('slider', { name: 'Speed' }).fill('4');
  await page.getByRole('button', { name: 'Train' }).click();
  const max = () => page.evaluate(() => Number(document.getElementById('history')?.getAttribute('max')));
  await page.waitForFunction(() => Number(document.getElementById('history')?.getAttribute('max')) >= 10);
  assert.equal(Number(await slider(page).inputValue()), await max(), 'following now');
  await slider(page).fill('2');
  await page.waitForFunction(() => Number(document.getElementById('history')?.getAttribute('max')) >= 16);
  assert.equal(await slider(page).inputValue(), '2', 'the moment the reader chose stays');
  assert.ok(await page.locator('#history-past').isVisible());
  assert.match(await status(page).innerText(), /%/, 'training went on');
  await slider(page).fill(String(await max()));
  const at = await max();
  await page.waitForFunction((m) => Number(document.getElementById('history')?.getAttribute('max')) > m + 2, at);
  assert.equal(Number(await slider(page).inputValue()), await max(), 'following now again');
  assert.ok(await page.locator('#history-past').isHidden());
  await page.getByRole('button', { name: 'Pause' }).click();
  await waitForState(page, 'paused');
  assert.deepEqual(errors, []);
  await page.close();
});
