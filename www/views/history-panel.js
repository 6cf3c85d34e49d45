// The training history's text and chart: the slider's readout, the region "History" (the query
// word's top 5 at a few moments, when each final neighbour entered them) and the analogy's rank
// over training, drawn beside the loss curve on its x axis. Render functions from plain data to
// DOM, with no state of their own.

import { CHART_FONT, CHART_PAD, chartCanvas, chartX, drawCursor, formatScore, setText } from './panels.js';

/** @typedef {import('../core/protocol.js').HistoryMarks} HistoryMarks */
/** @typedef {import('../core/protocol.js').HistoryRegion} HistoryRegion */
/** @typedef {import('../core/i18n.js').Translate} Translate */

/** Percent of training, as the history's texts say it. @param {number} wordsDone @param {number} total */
export const pct = (wordsDone, total) => (total > 0 ? Math.round((100 * wordsDone) / total) : 0);

/**
 * What the slider's position means: the words trained, the epoch and the loss at that moment.
 * @param {HTMLElement} el @param {HistoryMarks | null} marks @param {number} index @param {boolean} now
 * @param {Translate} t
 */
export function renderReadout(el, marks, index, now, t) {
  const m = marks?.moments[index];
  if (!marks || !m) return setText(el, '');
  const at = m.wordsDone === 0
    ? t('history.readoutStart')
    : t('history.readout', {
        words: m.wordsDone.toLocaleString(),
        total: marks.totalWords.toLocaleString(),
        pct: pct(m.wordsDone, marks.totalWords),
        epoch: `${Math.min(m.epoch + 1, marks.epochs)} / ${marks.epochs}`,
        loss: m.loss === null ? '–' : m.loss.toFixed(3),
      });
  setText(el, now ? `${t('history.now')}: ${at}` : at);
}

/**
 * The region "History".
 * @param {{note: HTMLElement, table: HTMLTableElement, caption: HTMLElement, body: HTMLElement, entered: HTMLElement}} els
 * @param {HistoryMarks | null} marks @param {HistoryRegion | null} region @param {Translate} t
 */
export function renderRegion(els, marks, region, t) {
  if (!marks || marks.moments.length < 2) {
    setText(els.note, t('history.empty'));
    els.table.hidden = true;
    setText(els.entered, '');
    return;
  }
  setText(els.note, t('history.note', { rows: marks.rows.toLocaleString(), vocab: marks.vocab.toLocaleString(), moments: marks.moments.length, mb: (marks.bytes / 2 ** 20).toFixed(1) }));
  if (!region || region.word === '') {
    els.table.hidden = true;
    setText(els.entered, region ? t('history.noWord') : '');
    return;
  }
  els.table.hidden = false;
  setText(els.caption, t('history.table', { word: region.word }));
  const rows = region.moments.map((m) => {
    const tr = document.createElement('tr');
    for (const text of [`${Math.round(m.fraction * 100)} %`, m.wordsDone.toLocaleString(), m.top.map((s) => s.word).join(', ') || '–']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  });
  els.body.replaceChildren(...rows);
  const entered = region.entered.map((e) => t('history.enteredAt', { word: e.word, pct: pct(e.wordsDone, marks.totalWords) }));
  setText(els.entered, entered.length > 0 ? `${t('history.entered')} ${entered.join(', ')}` : '');
}

/**
 * The analogy's expected answer over training: its rank (log scale, 1 at the top) at each moment,
 * on the loss curve's x axis; and the sentence under it.
 * @param {HTMLCanvasElement} canvas @param {HTMLElement} note @param {HistoryMarks | null} marks
 * @param {HistoryRegion | null} region @param {number | null} cursor  fraction of training shown
 * @param {Translate} t
 */
export function renderRank(canvas, note, marks, region, cursor, t) {
  const a = region?.analogy;
  canvas.hidden = !a || !marks;
  note.hidden = canvas.hidden;
  if (!a || !marks) return;
  const last = a.ranks.at(-1);
  setText(note, t('history.rank', {
    expected: a.expected, a: a.words[0], b: a.words[1], c: a.words[2],
    rank: last?.rank ?? t('history.rankMissing'), score: last?.score === null || last?.score === undefined ? '–' : formatScore(last.score),
  }));
  const chart = chartCanvas(canvas, () => renderRank(canvas, note, marks, region, cursor, t));
  if (!chart) return;
  const { ctx, w, h } = chart;
  const pad = CHART_PAD;
  const worst = Math.max(2, ...a.ranks.map((r) => r.rank ?? 1));
  const y = (/** @type {number} */ rank) => pad.t + (Math.log(rank) / Math.log(worst)) * (h - pad.t - pad.b);
  ctx.fillStyle = '#6b7280';
  if (ctx.font !== CHART_FONT) ctx.font = CHART_FONT;
  ctx.textBaseline = 'middle';
  ctx.fillText('#1', 2, pad.t + 4);
  ctx.fillText(`#${worst}`, 2, h - pad.b);
  ctx.strokeStyle = '#16a34a';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  let started = false;
  a.ranks.forEach((r, i) => {
    if (r.rank === null) return;
    const x = chartX(region.wordsDone[i] / marks.totalWords, w);
    if (started) ctx.lineTo(x, y(r.rank));
    else ctx.moveTo(x, y(r.rank));
    started = true;
  });
  ctx.stroke();
  drawCursor(ctx, cursor, w, h);
}
