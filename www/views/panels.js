// The text panels: status line, training numbers, neighbours, pair table, analogy answers.
// Each is a render function from plain data to DOM, with no state of its own.

import { cssSize } from './canvas-size.js';

/** @typedef {import('../core/protocol.js').Progress} Progress */
/** @typedef {import('../core/protocol.js').Answers} Answers */
/** @typedef {import('../core/protocol.js').RunState} RunState */
/** @typedef {import('../core/protocol.js').Scored} Scored */
/** @typedef {import('../core/i18n.js').Translate} Translate */

/** @param {number} x */
export const formatScore = (x) => x.toFixed(3);

/**
 * Set an element's text only if it differs: writing the same text again still makes the page
 * lay the element out and paint it again, many times a second while training.
 * @param {HTMLElement} el @param {string} text
 */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** @param {Progress | null} p */
export function percent(p) {
  return p && p.totalWords > 0 ? Math.floor((100 * p.wordsDone) / p.totalWords) : 0;
}

/**
 * The status line: its `data-state` and its sentence.
 * @param {HTMLElement} el @param {RunState | 'loading'} state @param {Progress | null} p
 * @param {string | null} error @param {Translate} t
 * @param {number | null} [reading]  fraction of a large file read, while reading
 * @param {boolean} [crashed]  the worker died: `error` says why, Restart is offered
 * @param {boolean} [importing]  the file being read is a vector file
 * @param {import('../core/protocol.js').Vocabulary | null} [vocab]  imported vectors are described
 */
export function renderStatus(el, state, p, error, t, reading = null, crashed = false, importing = false, vocab = null) {
  if (crashed) {
    el.dataset.state = 'error';
    setText(el, t('status.crashed', { message: error ?? '' }));
    return;
  }
  const shown = state === 'loading' ? 'idle' : state;
  if (el.dataset.state !== shown) el.dataset.state = shown;
  if (state === 'loading' && reading !== null) {
    setText(el, t(importing ? 'status.importing' : 'status.reading', { percent: Math.floor(100 * reading) }));
    return;
  }
  if (state === 'done' && vocab?.imported) {
    setText(el, t('status.imported', { name: vocab.imported, words: vocab.words.length.toLocaleString(), dim: vocab.dim }));
    return;
  }
  const params = { percent: percent(p), epoch: p ? Math.min(p.epoch + 1, p.epochs) : 0, epochs: p?.epochs ?? 0, words: p ? p.wordsDone.toLocaleString() : 0, message: error ?? '' };
  setText(el, t(`status.${state}`, params));
}

/**
 * Progress bar and the numbers under it.
 * @param {{bar: HTMLProgressElement, rate: HTMLElement, epoch: HTMLElement, alpha: HTMLElement, loss: HTMLElement}} els
 * @param {Progress | null} p @param {number} wordsPerSecond @param {number | null} loss
 */
export function renderStats(els, p, wordsPerSecond, loss) {
  const done = percent(p);
  if (els.bar.max !== 100) els.bar.max = 100;
  if (els.bar.value !== done) els.bar.value = done;
  setText(els.rate, wordsPerSecond > 0 ? Math.round(wordsPerSecond).toLocaleString() : '–');
  setText(els.epoch, p ? `${Math.min(p.epoch + 1, p.epochs)} / ${p.epochs}` : '–');
  setText(els.alpha, p ? p.alpha.toPrecision(3) : '–');
  setText(els.loss, loss !== null ? loss.toFixed(3) : '–');
}

/**
 * A list of `word score` items, or a message.
 * @param {HTMLElement} list @param {Scored[]} items @param {string | null} message
 */
export function renderScored(list, items, message) {
  if (list.dataset.message !== (message ?? '')) list.dataset.message = message ?? '';
  // While training the same number of items comes many times a second: change only what
  // changed, so the page lays out and paints as little as it can.
  if (list.children.length === items.length && items.length > 0) {
    items.forEach((s, i) => {
      const li = /** @type {HTMLElement} */ (list.children[i]);
      const [word, score] = /** @type {HTMLElement[]} */ ([...li.children]);
      setText(word, s.word);
      setText(score, formatScore(s.score));
      const width = `${Math.max(0, s.score) * 100}%`;
      if (li.style.getPropertyValue('--w') !== width) li.style.setProperty('--w', width);
    });
    return;
  }
  list.replaceChildren(
    ...items.map((s) => {
      const li = document.createElement('li');
      const word = document.createElement('span');
      word.className = 'word';
      word.textContent = s.word;
      const score = document.createElement('span');
      score.className = 'score';
      score.textContent = formatScore(s.score);
      li.style.setProperty('--w', `${Math.max(0, s.score) * 100}%`);
      li.append(word, ' ', score);
      return li;
    }),
  );
}

/**
 * The keyboard shortcuts as a definition list: the key, what it does (i18n `key.<action>`).
 * @param {HTMLElement} list @param {readonly {shown: string, action: string}[]} shortcuts @param {Translate} t
 */
export function renderShortcuts(list, shortcuts, t) {
  list.replaceChildren(
    ...shortcuts.flatMap((s) => {
      const key = document.createElement('dt');
      const kbd = document.createElement('kbd');
      kbd.textContent = s.shown;
      key.append(kbd);
      const what = document.createElement('dd');
      what.textContent = t(`key.${s.action}`);
      return [key, what];
    }),
  );
}

/**
 * The pairwise table: one row per pair with its cosine, or why it has none.
 * @param {HTMLTableSectionElement} body @param {Answers['pairs']} pairs
 */
export function renderPairs(body, pairs) {
  if (body.rows.length === pairs.length && pairs.length > 0) {
    // The same pairs again (a snapshot while training): only the cells that changed.
    pairs.forEach((p, i) => {
      const [a, b, score] = /** @type {HTMLTableCellElement[]} */ ([...body.rows[i].cells]);
      setText(a, p.a);
      setText(b, p.b);
      const kind = p.score === null ? 'error' : 'score';
      if (score.className !== kind) score.className = kind;
      setText(score, p.score === null ? (p.error ?? '') : formatScore(p.score));
    });
    return;
  }
  body.replaceChildren(
    ...pairs.map((p) => {
      const tr = document.createElement('tr');
      for (const text of [p.a, p.b]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const td = document.createElement('td');
      td.className = p.score === null ? 'error' : 'score';
      td.textContent = p.score === null ? (p.error ?? '') : formatScore(p.score);
      tr.append(td);
      return tr;
    }),
  );
}

/**
 * Parse the pair box: one pair per line, two words separated by spaces, commas or slashes.
 * @param {string} text @returns {[string, string][]}
 */
export function parsePairs(text) {
  /** @type {[string, string][]} */
  const out = [];
  for (const line of text.split('\n')) {
    const words = line.split(/[\s,，/、]+/).filter((w) => w !== '');
    if (words.length >= 2) out.push([words[0], words[1]]);
  }
  return out;
}

/** The charts' axis labels (as the context gives it back: it is compared with `ctx.font`). */
export const CHART_FONT = '10px system-ui, sans-serif';

/** The loss curve's plotting box inside its canvas (CSS pixels); the history's rank chart beside
 * it shares its x axis, so it uses the same. */
export const CHART_PAD = { l: 34, r: 6, t: 6, b: 14 };

/** The x of a fraction of training on a chart `w` wide. @param {number} fraction @param {number} w */
export const chartX = (fraction, w) => CHART_PAD.l + fraction * (w - CHART_PAD.l - CHART_PAD.r);

/** The fraction of training at x on a chart `w` wide (a click on it). @param {number} x @param {number} w */
export const chartFraction = (x, w) => Math.min(1, Math.max(0, (x - CHART_PAD.l) / (w - CHART_PAD.l - CHART_PAD.r)));

/**
 * The loss curve: mean loss against the fraction of training done, each epoch's mean as a dashed
 * line over its span (`epochs`), and a cursor at the moment of the history shown (`cursor`, a
 * fraction of training). The context keeps its font between draws (a resize resets it): setting
 * it again costs a style recalculation.
 * @param {HTMLCanvasElement} canvas @param {{x: number, loss: number}[]} points
 * @param {{epochs?: {from: number, to: number, mean: number}[], cursor?: number | null}} [marks]
 */
export function renderLoss(canvas, points, marks = {}) {
  const chart = chartCanvas(canvas, () => renderLoss(canvas, points, marks));
  if (!chart || points.length === 0) return;
  const { ctx, w, h } = chart;
  const pad = CHART_PAD;
  const max = Math.max(...points.map((p) => p.loss)) * 1.05 || 1;
  const y = (/** @type {number} */ loss) => pad.t + (1 - loss / max) * (h - pad.t - pad.b);
  ctx.fillStyle = '#6b7280';
  if (ctx.font !== CHART_FONT) ctx.font = CHART_FONT;
  ctx.textBaseline = 'middle';
  ctx.fillText(max.toFixed(2), 2, pad.t + 4);
  ctx.fillText('0', 2, h - pad.b);
  ctx.strokeStyle = '#c2410c';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  points.forEach((p, i) => {
    if (i === 0) ctx.moveTo(chartX(p.x, w), y(p.loss));
    else ctx.lineTo(chartX(p.x, w), y(p.loss));
  });
  ctx.stroke();
  if (marks.epochs && marks.epochs.length > 1) {
    ctx.strokeStyle = '#6b7280';
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    for (const e of marks.epochs) {
      ctx.moveTo(chartX(e.from, w), y(e.mean));
      ctx.lineTo(chartX(e.to, w), y(e.mean));
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  drawCursor(ctx, marks.cursor ?? null, w, h);
}

/**
 * A chart's canvas ready to draw on: sized to its CSS box at the screen's resolution, cleared,
 * its plotting box (CHART_PAD) outlined; null without a 2-D context. `redraw` draws it again
 * when its size changes.
 * @param {HTMLCanvasElement} canvas @param {() => void} redraw
 * @returns {{ctx: CanvasRenderingContext2D, w: number, h: number} | null}
 */
export function chartCanvas(canvas, redraw) {
  const dpr = window.devicePixelRatio || 1;
  const { width: w, height: h } = cssSize(canvas, redraw);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const pad = CHART_PAD;
  ctx.strokeStyle = '#d1d5db';
  ctx.lineWidth = 1;
  ctx.strokeRect(pad.l, pad.t, w - pad.l - pad.r, h - pad.t - pad.b);
  return { ctx, w, h };
}

/**
 * The cursor at the moment of the training history shown (a fraction of training; null: none),
 * on a chart `w` × `h`.
 * @param {CanvasRenderingContext2D} ctx @param {number | null} fraction @param {number} w @param {number} h
 */
export function drawCursor(ctx, fraction, w, h) {
  if (fraction === null) return;
  ctx.strokeStyle = '#7c3aed';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(chartX(fraction, w), CHART_PAD.t);
  ctx.lineTo(chartX(fraction, w), h - CHART_PAD.b);
  ctx.stroke();
}
