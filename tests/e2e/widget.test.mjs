// <word2vec-demo> in a blog post: the example post (dist/example-post.html) loads the element with
// one script tag; its two elements each run their own worker, train (one by `autoplay`, one by a
// click, one through the API) and answer API calls; bad attributes are refused by name; the post's
// strict Content-Security-Policy is respected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo } from './harness.mjs';

const demo = useDemo();

/**
 * The post, with what it logs and what leaves the server.
 * @param {import('playwright-core').BrowserContext} context @param {string} url
 */
async function openPost(context, url) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const offsite = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(url).origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) offsite.push(r.url());
  });
  await page.goto(`${url}example-post.html`);
  return { page, errors, offsite };
}

/** @param {import('playwright-core').Page} page @param {string} id @param {string} state */
async function waitForElementState(page, id, state, timeout = 20000) {
  await page.waitForFunction(([i, s]) => document.getElementById(i)?.shadowRoot?.querySelector('[role="status"]')?.getAttribute('data-state') === s, [id, state], { timeout });
}

test('two elements on one post: each trains in its own worker and answers its API', async () => {
  const { page, errors, offsite } = await openPost(demo.context(), demo.url());
  // The first trains by itself (autoplay), the second waits for its reader.
  await waitForElementState(page, 'royal', 'done');
  await waitForElementState(page, 'verse', 'idle');
  assert.ok(page.workers().length >= 2, `${page.workers().length} workers`);
  const royal = page.locator('#royal');
  const verse = page.locator('#verse');
  // views="plot,analogy" shows the analogy, not the neighbours; the analogy's answer is on screen.
  assert.ok(await royal.locator('[data-view="analogy"]').isVisible());
  assert.ok(!(await royal.locator('[data-view="similarity"]').isVisible()));
  await page.waitForFunction(() => document.getElementById('royal')?.shadowRoot?.querySelector('.analogy li')?.textContent?.startsWith('queen'));

  const answers = await page.evaluate(async () => {
    const r = /** @type {import('../../www/widget/word2vec-demo.js').Word2VecDemo} */ (document.getElementById('royal'));
    const analogy = await r.analogy('man', 'king', 'woman', 3);
    const similarity = await r.similarity('king', 'queen');
    const nearest = await r.nearest('king', 4);
    const unknown = await r.nearest('dragon').then(() => 'answered', (e) => e.message);
    return { analogy, similarity, nearest, unknown, progress: r.progress };
  });
  assert.equal(answers.analogy[0].word, 'queen');
  assert.equal(answers.analogy.length, 3);
  assert.ok(answers.similarity > 0 && answers.similarity <= 1);
  assert.equal(answers.nearest.length, 4);
  assert.equal(answers.unknown, "'dragon' is not in the vocabulary");
  assert.ok(answers.progress?.done);

  // The second, in Chinese: a reader clicks 训练; the API sees its progress and done events.
  const events = page.evaluate(() => new Promise((done) => {
    const v = /** @type {HTMLElement} */ (document.getElementById('verse'));
    let progress = 0;
    v.addEventListener('progress', () => progress++);
    v.addEventListener('done', () => done(progress), { once: true });
  }));
  assert.equal(await verse.getByRole('button', { name: '训练' }).count(), 1);
  await verse.getByRole('button', { name: '训练' }).click();
  assert.ok(/** @type {number} */ (await events) >= 1, 'progress events before done');
  assert.match(await verse.getByRole('status').innerText(), /^完成/);
  const verseNearest = await page.evaluate(() => /** @type {any} */ (document.getElementById('verse')).nearest('月', 3));
  assert.equal(verseNearest.length, 3);

  // The API drives training too: reset, train, pause.
  const runs = await page.evaluate(async () => {
    const r = /** @type {any} */ (document.getElementById('royal'));
    const reset = await r.reset();
    const train = await r.train();
    const pause = await r.pause();
    return [reset, train, pause];
  });
  assert.equal(runs[0], 'idle');
  assert.ok(['training', 'done'].includes(runs[1]), runs[1]);
  assert.ok(['paused', 'done'].includes(runs[2]), runs[2]);
  assert.deepEqual(errors, []);
  assert.deepEqual(offsite, []);
  await page.close();
});

test('attributes: settings are checked by name and range; views and language apply', async () => {
  const { page, errors } = await openPost(demo.context(), demo.url());
  await page.evaluate(() => {
    const bad = document.createElement('word2vec-demo');
    bad.id = 'bad';
    bad.setAttribute('preset', 'tutorial');
    bad.setAttribute('dim', '0');
    document.body.append(bad);
    const cbow = document.createElement('word2vec-demo');
    cbow.id = 'cbow';
    cbow.setAttribute('preset', 'eat-drink');
    cbow.setAttribute('arch', 'cbow');
    cbow.setAttribute('epochs', '2');
    cbow.setAttribute('views', 'similarity');
    document.body.append(cbow);
  });
  await waitForElementState(page, 'bad', 'error');
  assert.match(await page.locator('#bad').getByRole('status').innerText(), /Dimensions: Must be between 1 and \d+/);
  await waitForElementState(page, 'cbow', 'idle');
  assert.ok(!(await page.locator('#cbow canvas').isVisible()), 'views="similarity" hides the plot');
  await page.locator('#cbow').getByRole('button', { name: 'Train' }).click();
  await waitForElementState(page, 'cbow', 'done');
  assert.match(await page.locator('#cbow').getByRole('status').innerText(), /^Done: [\d,]+ words trained/);

  // A post's own Chinese text, written without spaces, as the element's content: cut into words.
  await page.evaluate(() => {
    const own = document.createElement('word2vec-demo');
    own.id = 'own';
    own.setAttribute('chinese', 'words');
    own.setAttribute('views', 'similarity');
    own.textContent = '深度学习改变了世界\n'.repeat(10);
    document.body.append(own);
  });
  await waitForElementState(page, 'own', 'idle');
  const near = await page.evaluate(() => /** @type {any} */ (document.getElementById('own')).nearest('深度', 4));
  assert.deepEqual(near.map((/** @type {{word: string}} */ s) => s.word).sort(), ['世界', '了', '学习', '改变'].sort());
  assert.deepEqual(errors, []);
  await page.close();
});

test('views="…,history": the element\'s slider "Training history" and its API history() and at(fraction)', async () => {
  const { page, errors } = await openPost(demo.context(), demo.url());
  await waitForElementState(page, 'royal', 'done');
  const royal = page.locator('#royal');
  const slider = royal.getByRole('slider', { name: 'Training history', exact: true });
  assert.ok(await slider.isVisible());
  await page.waitForFunction(() => document.getElementById('royal')?.shadowRoot?.querySelector('.analogy li')?.textContent?.startsWith('queen'));
  const top = () => page.evaluate(() => document.getElementById('royal')?.shadowRoot?.querySelector('.analogy li')?.textContent?.split(' ')[0]);
  const history = await page.evaluate(() => /** @type {any} */ (document.getElementById('royal')).history());
  assert.ok(history.length >= 50, `${history.length} moments`);
  assert.equal(history[0].fraction, 0);
  assert.equal(history.at(-1).fraction, 1);
  const start = await page.evaluate(() => /** @type {any} */ (document.getElementById('royal')).at(0));
  assert.equal(start.wordsDone, 0);
  assert.notEqual(await top(), 'queen');
  assert.equal(await slider.inputValue(), '0');
  const end = await page.evaluate(() => /** @type {any} */ (document.getElementById('royal')).at(1));
  assert.equal(end.fraction, 1);
  await page.waitForFunction(() => document.getElementById('royal')?.shadowRoot?.querySelector('.analogy li')?.textContent?.startsWith('queen'));
  // A reader's drag does the same.
  await slider.fill('0');
  await page.waitForFunction(() => !document.getElementById('royal')?.shadowRoot?.querySelector('.analogy li')?.textContent?.startsWith('queen'));
  assert.deepEqual(errors, []);
  await page.close();
});
