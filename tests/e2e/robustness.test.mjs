// Bad input, faults and hostile text through the UI (issue 6): every case ends in a visible
// message and a working page, with no console error, no task over a second, and nothing a user
// typed ever interpreted as HTML or script. Then: the work survives a reload, a crashed worker is
// restarted with the same text and settings, a crashed plot worker leaves a plot drawn on the
// page, and rapid clicking leaves a consistent state.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickAWord, openDemo, paste, settled, status, useDemo, waitForState, watchLongTasks } from './harness.mjs';

const demo = useDemo();

/** Words that look like markup or script: shown as text everywhere, never run. */
const HOSTILE_WORDS = ['<img src=x onerror=window.__pwned=1>', '<script>window.__pwned=1</script>', '"><svg/onload=window.__pwned=1>', 'javascript:window.__pwned=1', '{{constructor.constructor("window.__pwned=1")()}}'];

/**
 * The text a user sees about the last action: the status line, the corpus line, and every
 * visible alert (field errors, the corpus warning).
 * @param {import('playwright-core').Page} page
 */
function visibleMessages(page) {
  return page.evaluate(() => {
    const shown = (/** @type {Element} */ el) => el instanceof HTMLElement && !el.hidden && el.offsetParent !== null && (el.textContent ?? '').trim() !== '';
    /** @type {string[]} */
    const parts = [document.getElementById('status'), document.getElementById('corpus-stats'), ...document.querySelectorAll('[role="alert"]'), document.getElementById('neighbours'), document.getElementById('analogy')]
      .filter((el) => el !== null && shown(el))
      .map((el) => /** @type {HTMLElement} */ (el).innerText.trim());
    // The answer lists show their message through CSS (`content: attr(data-message)`).
    for (const id of ['neighbours', 'analogy']) parts.push(document.getElementById(id)?.dataset.message ?? '');
    return parts.join(' | ');
  });
}

/** Nothing typed was run or turned into an element. @param {import('playwright-core').Page} page */
async function assertInert(page) {
  const found = await page.evaluate(() => ({
    pwned: /** @type {any} */ (window).__pwned ?? null,
    injected: document.querySelectorAll('[onerror], [onload], img[src="x"], script:not([src])').length,
  }));
  assert.deepEqual(found, { pwned: null, injected: 0 });
}

/** Wait until the page has dealt with an edit (the load debounce, then the worker). @param {import('playwright-core').Page} page */
async function settle(page) {
  await settled(page);
  await page.waitForFunction(() => {
    const s = document.querySelector('[role="status"]');
    return s !== null && !/Reading|Loading/.test(s.textContent ?? '');
  }, null, { timeout: 20000 });
}

/** @param {import('playwright-core').Page} page @param {string} name @param {string} value */
async function setNumber(page, name, value) {
  // A number field takes what a user can type, including text the browser then treats as empty.
  await page.getByRole('spinbutton', { name, exact: true }).evaluate((el, v) => {
    const input = /** @type {HTMLInputElement} */ (el);
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

test('a battery of hostile inputs: each gets a message, the page stays alive, nothing runs', async () => {
  // Text goes in as users put it there: pasted (filling a large text is a long task of its own).
  await demo.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url()).origin });
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  // From a preset that trains at full speed (the tutorial's slow motion would make this slow).
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('eat-drink');
  await waitForState(page, 'idle');
  const longTasks = await watchLongTasks(page);
  const corpus = page.getByRole('textbox', { name: 'Corpus' });
  /** Pasted; typed straight into the box if the clipboard would not carry it as it is (NUL, lone surrogates). @param {string} text */
  const put = (text) => (/[\u0000\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')) ? corpus.fill(text) : paste(page, text));
  const many = Array.from({ length: 6000 }, (_, i) => `w${i}`).join(' ');

  /** @type {[string, string, RegExp][]} corpus cases: name, text, the message expected */
  const corpusCases = [
    ['empty', '', /nothing to train on/],
    ['spaces, tabs and blank lines', '  \t \n\n \r\n  ', /nothing to train on/],
    ['one token', 'word', /1 tokens · 1 distinct words/],
    ['one token, many times', 'a '.repeat(500), /500 tokens · 1 distinct words/],
    ['NUL bytes', 'a\u0000b c\u0000 \u0000', /tokens/],
    ['right-to-left text', 'שלום עולם שלום\nمرحبا بالعالم مرحبا', /tokens/],
    ['emoji with ZWJ', '👩‍👩‍👧 👨‍💻 🏳️‍🌈 👩‍👩‍👧', /tokens/],
    ['combining marks', 'e\u0301 e\u0301 a\u0308 n\u0303 Z̴̡̛a̸͇l̷̰g̶̱o̵̘', /tokens/],
    ['zero-width and bidi controls', 'a\u200bb \u202ec\u202c d\u2066e\u2069', /tokens/],
    ['one huge line with no newline', 'lorem ipsum dolor sit amet '.repeat(20000), /100,000 tokens/],
    ['a very long word', 'x'.repeat(50000), /1 tokens/],
    ['only punctuation', '... !!! ??? ,,, ;;; 。。。 ！！！', /tokens|nothing to train on/],
    ['surrogate halves', 'a \ud800 b \udfff c', /tokens/],
    ['CJK without spaces', '深度学习改变了世界深度学习改变了世界', /tokens/],
    ...HOSTILE_WORDS.map((w) => /** @type {[string, string, RegExp]} */ ([`markup word ${w}`, `${w} ${w} the ${w} and the`, /tokens/])),
    ['mixed scripts and markup', `${HOSTILE_WORDS.join(' ')}\nשלום 深度 👩‍👩‍👧 e\u0301`, /tokens/],
  ];
  for (const [name, text, expected] of corpusCases) {
    await put(text);
    await settle(page);
    const msg = await visibleMessages(page);
    assert.match(msg, expected, `${name}: ${msg}`);
    await assertInert(page);
  }

  // Hostile words on the plot, in the tables and the tooltips: trained, queried, hovered.
  await put(Array.from({ length: 60 }, (_, i) => `${HOSTILE_WORDS[i % 5]} the ${HOSTILE_WORDS[(i + 2) % 5]} ${i % 7}`).join('\n'));
  await settle(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  // A user's own text has punctuation stripped, so markup falls apart into plain words
  // ('img', 'onerror', 'window', …), which train like any other.
  await page.getByRole('textbox', { name: 'Query word' }).fill('onerror');
  await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length > 0);
  // The markup itself, asked for, is quoted back as text.
  await page.getByRole('textbox', { name: 'Query word' }).fill(HOSTILE_WORDS[0]);
  await page.waitForFunction((w) => document.getElementById('neighbours')?.dataset.message?.includes(w), HOSTILE_WORDS[0]);
  const box = await page.locator('#plot').boundingBox();
  if (box) for (let x = 0; x < 10; x++) await page.mouse.move(box.x + (box.width * (x + 0.5)) / 10, box.y + box.height / 2);
  await assertInert(page);

  /** @type {[string, string, string, RegExp][]} settings cases: name, field, value, message */
  const fieldCases = [];
  for (const [field, bad] of /** @type {[string, string[]][]} */ ([
    ['Dimensions', ['0', '-3', '', '1000000', '2.5', '1e309']],
    ['Window', ['0', '-1', '100000', '']],
    ['Epochs', ['0', '1000000', '-7', '']],
    ['Negative samples', ['0', '101', '-1']],
    ['Min count', ['0', '-2', '1e12']],
    ['Learning rate', ['0', '-0.5', '11', '']],
  ])) {
    for (const value of bad) fieldCases.push([`${field} = "${value}"`, field, value, /Must be|Enter a value|Enter a number|Enter a whole number/]);
  }
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption('negative');
  for (const [name, field, value, expected] of fieldCases) {
    await setNumber(page, field, value);
    const input = page.getByRole('spinbutton', { name: field, exact: true });
    assert.equal(await input.getAttribute('aria-invalid'), 'true', name);
    const msg = await visibleMessages(page);
    assert.match(msg, expected, `${name}: ${msg}`);
    // Train with the bad value: refused at the field, nothing sent to the worker.
    await page.getByRole('button', { name: 'Train' }).click();
    assert.notEqual(await status(page).getAttribute('data-state'), 'training', name);
    await setNumber(page, field, field === 'Learning rate' ? '0.025' : field === 'Min count' ? '1' : field === 'Negative samples' ? '5' : '5');
  }

  // Settings the worker must handle sensibly.
  await setNumber(page, 'Dimensions', '10');
  await setNumber(page, 'Epochs', '3');
  await put('a b c\nb c a\nc a b');
  await settle(page);
  await setNumber(page, 'Negative samples', '50');
  await setNumber(page, 'Window', '100');
  await settle(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  assert.match(await visibleMessages(page), /Done/, 'more negatives than words, a window wider than every sentence');

  await put(many);
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption('softmax');
  await settle(page);
  assert.match(await visibleMessages(page), /full softmax/i, 'full softmax on 6,000 words');
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption('negative');
  await setNumber(page, 'Min count', '5');
  await put('a b c d e f');
  await settle(page);
  assert.match(await visibleMessages(page), /fewer than min_count = 5/, 'every word below min count');
  await setNumber(page, 'Min count', '1');
  await settle(page);

  // A learning rate that makes the vectors blow up: stopped with a message, the picture kept.
  await put(Array.from({ length: 200 }, (_, i) => `a${i % 9} b${i % 5} c${i % 3} a${i % 9} d`).join('\n'));
  await setNumber(page, 'Learning rate', '10');
  await setNumber(page, 'Dimensions', '50');
  await setNumber(page, 'Epochs', '50');
  await settle(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('[role="status"]')?.getAttribute('data-state') ?? ''), null, { timeout: 30000 });
  const blowUp = await visibleMessages(page);
  console.log(`learning rate 10: ${blowUp.split(' | ')[0]}`);
  if ((await status(page).getAttribute('data-state')) === 'error') {
    assert.match(blowUp, /diverged/, blowUp);
    assert.ok(Number(await page.locator('#plot').getAttribute('data-frames')) > 0, 'the plot still shows the last picture');
  }
  await setNumber(page, 'Learning rate', '0.025');
  await settle(page);

  // Queries: unknown words, one word three times, empty, very long, markup.
  await put('the king and the queen\nthe man and the woman\n'.repeat(20));
  await settle(page);
  const query = page.getByRole('textbox', { name: 'Query word' });
  /** @type {[string, () => Promise<void>, RegExp][]} */
  const queryCases = [
    ['unknown word', () => query.fill('kingg'), /not in the vocabulary.*king/],
    ['empty query', () => query.fill(''), /Type or click a word/],
    ['spaces only', () => query.fill('   '), /Type or click a word/],
    ['a 10,000-character word', () => query.fill('q'.repeat(10000)), /not in the vocabulary/],
    ['markup as a query', () => query.fill(HOSTILE_WORDS[0]), /not in the vocabulary/],
    ['one word three times', async () => {
      for (const id of ['A', 'B', 'C']) await page.getByRole('textbox', { name: `Analogy ${id}`, exact: true }).fill('king');
    }, /three times/],
    ['an unknown analogy word', () => page.getByRole('textbox', { name: 'Analogy B', exact: true }).fill('zzz'), /not in the vocabulary/],
  ];
  for (const [name, act, expected] of queryCases) {
    await act();
    // The answer comes after the query's debounce and the worker's reply: read until it says
    // what is expected, or for at most ten seconds.
    let msg = '';
    for (const end = Date.now() + 10000; Date.now() < end; await page.waitForTimeout(50)) {
      msg = await visibleMessages(page);
      if (expected.test(msg)) break;
    }
    assert.match(msg, expected, `${name}: ${msg}`);
    await assertInert(page);
  }

  const total = corpusCases.length + 1 + fieldCases.length + 4 + queryCases.length;
  const tasks = await longTasks();
  console.log(`hostile inputs: ${total} cases; longest main-thread task ${Math.round(Math.max(0, ...tasks))} ms`, JSON.stringify(tasks.map(Math.round)));
  assert.ok(total >= 40, `${total} cases`);
  assert.ok(tasks.every((d) => d < 1000), `main-thread tasks of ${tasks} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file that is not UTF-8 loads with a warning', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  const file = join(tmpdir(), 'w2v-e2e-gbk.txt');
  // "深度 学习" in GBK, a lone continuation byte, a NUL, then ASCII.
  writeFileSync(file, Buffer.from([0xc9, 0xee, 0xb6, 0xc8, 0x20, 0xd1, 0xa7, 0xcf, 0xb0, 0x0a, 0x80, 0x20, 0x00, 0x61, 0x20, 0x62, 0x0a]));
  await page.locator('#file').setInputFiles(file);
  const warning = page.getByRole('alert').filter({ hasText: 'not all UTF-8' });
  await warning.waitFor();
  await page.waitForFunction(() => /tokens/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  // Typing new text clears the warning.
  await page.getByRole('textbox', { name: 'Corpus' }).fill('clean text');
  await warning.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('text, settings, queries and language survive a reload; a large file too', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  const text = 'the cat sat on the mat\nthe dog sat on the rug\n'.repeat(30);
  await page.getByRole('textbox', { name: 'Corpus' }).fill(text);
  await setNumber(page, 'Dimensions', '12');
  await page.getByRole('textbox', { name: 'Query word' }).fill('cat');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await page.waitForTimeout(800);
  // The URL keeps ?lang=zh after a switch; drop it so the saved language is what counts.
  await page.goto(demo.url());
  await page.getByRole('button', { name: '训练' }).waitFor();
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  assert.equal(await page.getByRole('textbox', { name: '语料' }).inputValue(), text);
  assert.equal(await page.getByRole('spinbutton', { name: '维度' }).inputValue(), '12');
  assert.equal(await page.locator('#query').inputValue(), 'cat');
  assert.match(await page.locator('#corpus-stats').innerText(), /12/);

  // A file too large for the text box is kept as the file itself.
  const file = join(tmpdir(), 'w2v-e2e-kept.txt');
  writeFileSync(file, 'alpha beta gamma delta\n'.repeat(60000));
  await page.locator('#file').setInputFiles(file);
  await page.waitForFunction(() => /MB/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 30000 });
  await page.waitForTimeout(800);
  await page.reload();
  await page.waitForFunction(() => /w2v-e2e-kept\.txt.*240,000/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 30000 });
  await page.getByRole('button', { name: '训练' }).click();
  await waitForState(page, 'training');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a crashed worker: the page says so and restarts with the same text and settings', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('eat-drink');
  await waitForState(page, 'idle');
  await page.getByRole('textbox', { name: 'Corpus' }).fill('red green blue\ngreen blue red\n'.repeat(40));
  await setNumber(page, 'Dimensions', '7');
  await settle(page);
  const worker = page.workers().find((w) => /\/worker[^/]*\.js/.test(w.url()));
  assert.ok(worker, `workers: ${page.workers().map((w) => w.url())}`);
  // An error nothing in the worker catches (as a trap or running out of memory would be).
  await worker.evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }));
  const restart = page.getByRole('button', { name: 'Restart with the same text and settings' });
  await restart.waitFor();
  assert.equal(await status(page).getAttribute('data-state'), 'error');
  assert.match(await status(page).innerText(), /stopped.*simulated crash.*kept/);
  assert.ok(await page.getByRole('button', { name: 'Train' }).isDisabled());
  await restart.click();
  await waitForState(page, 'idle', 20000);
  assert.ok(await restart.isHidden());
  assert.match(await page.locator('#corpus-stats').innerText(), /240 tokens · 3 distinct words · 7 dimensions/);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  // The uncaught error in the worker is what the page reports, not a page error of its own.
  assert.deepEqual(errors.filter((e) => !/simulated crash/.test(e)), []);
  await page.close();
});

test('the plot\'s worker crashing: the plot is drawn on the page instead, and still answers clicks and exports', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('royal');
  await settle(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  const plotWorker = page.workers().find((w) => /plot-worker[^/]*\.js/.test(w.url()));
  assert.ok(plotWorker, `workers: ${page.workers().map((w) => w.url())}`);
  const warned = page.waitForEvent('console', { predicate: (m) => /plot is drawn on the page/.test(m.text()), timeout: 10000 });
  await plotWorker.evaluate(() => setTimeout(() => {
    throw new Error('simulated plot crash');
  }));
  await warned;
  // A canvas of the page's own now holds the picture: frames drawn, and points on it.
  await page.waitForFunction(() => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('plot'));
    const ctx = Number(canvas.dataset.frames) > 0 ? canvas.getContext('2d') : null;
    return ctx !== null && ctx.getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0);
  }, null, { timeout: 10000 });
  const clicked = await clickAWord(page);
  assert.notEqual(clicked, '', 'hovering the drawn plot names a word');
  await page.waitForFunction((w) => /** @type {HTMLInputElement} */ (document.getElementById('query')).value === w, clicked, { timeout: 10000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svg = readFileSync(/** @type {string} */ (await (await download).path()), 'utf8');
  assert.match(svg, /^<svg [^>]*>/);
  assert.ok((svg.match(/<circle /g) ?? []).length >= 10, 'the SVG holds the points');
  assert.deepEqual(errors.filter((e) => !/simulated plot crash/.test(e)), []);
  await page.close();
});

test('rapid Train / Pause clicks and Reset during training leave a consistent state', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await waitForState(page, 'idle');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('zh-classics');
  await waitForState(page, 'idle');
  // Long enough that training is still running when the clicking stops, on any machine (the
  // most epochs allowed: 40 million words).
  await setNumber(page, 'Epochs', '1000');
  await settle(page);
  const train = page.getByRole('button', { name: 'Train' });
  const pause = page.getByRole('button', { name: 'Pause' });
  for (let i = 0; i < 30; i++) {
    // Whichever is enabled, as fast as the page allows.
    if (await train.isEnabled()) await train.click({ timeout: 1000 }).catch(() => {});
    else await pause.click({ timeout: 1000 }).catch(() => {});
  }
  await page.waitForTimeout(300);
  // The status and the buttons, read at one instant, agree.
  const now = await page.evaluate(() => ({
    state: document.querySelector('[role="status"]')?.getAttribute('data-state'),
    train: !(/** @type {HTMLButtonElement} */ (document.getElementById('train'))).disabled,
    pause: !(/** @type {HTMLButtonElement} */ (document.getElementById('pause'))).disabled,
  }));
  assert.ok(now.state === 'training' || now.state === 'paused', JSON.stringify(now));
  assert.equal(now.train, now.state !== 'training', JSON.stringify(now));
  assert.equal(now.pause, now.state === 'training', JSON.stringify(now));
  if (now.state !== 'training') await train.click();
  await page.waitForTimeout(200);
  await page.getByRole('button', { name: 'Reset' }).click();
  await waitForState(page, 'idle');
  assert.equal(await page.locator('#progress').getAttribute('value'), '0');
  await train.click();
  await waitForState(page, 'training');
  await pause.click();
  await waitForState(page, 'paused');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the built page has a Content-Security-Policy that stops injected script and eval, and loads only its own files', async () => {
  const context = demo.context();
  const { page, errors, offsite } = await openDemo(context, demo.url());
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.ok(policy, 'a policy');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
  });
  // A whole session: train, query, open the teaching views.
  await waitForState(page, 'idle');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('royal');
  await waitForState(page, 'idle');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__violations), [], 'the page itself breaks none of its policy');

  // What an injection would try: an inline handler, an inline script, a request elsewhere. (eval
  // is refused by the policy above, which has no 'unsafe-eval'; the test's own evaluate() runs
  // through the DevTools protocol, which the policy does not govern, so it cannot show that.)
  const attempts = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__ran = 1">';
    document.body.append(div);
    const script = document.createElement('script');
    script.textContent = 'window.__ran = 2';
    document.body.append(script);
    const fetched = await fetch('https://example.com/').then(() => 'fetched', (e) => /** @type {Error} */ (e).name);
    await new Promise((ok) => setTimeout(ok, 300));
    div.remove();
    script.remove();
    return { ran: w.__ran ?? null, fetched, violations: w.__violations };
  });
  assert.equal(attempts.ran, null);
  assert.equal(attempts.fetched, 'TypeError');
  assert.ok(attempts.violations.includes('script-src-attr') && attempts.violations.includes('script-src-elem') && attempts.violations.includes('connect-src'), JSON.stringify(attempts.violations));
  assert.deepEqual(offsite, [], 'no request left the server');
  // The blocked attempts are reported by the browser as console errors: those, and only those.
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await page.close();
});
