// The guided lesson's card: which step, its title and what to look at.

import { STEPS } from '../../core/lesson-steps.js';

/** @typedef {import('../../core/i18n.js').Translate} Translate */

/**
 * Before the lesson starts only "Start the lesson" shows: the page's own Step button must stay the
 * only button whose name contains "step" until then.
 * @param {{title: HTMLElement, text: HTMLElement, start: HTMLButtonElement, prev: HTMLButtonElement, next: HTMLButtonElement}} els
 * @param {number} step  -1 before the lesson starts @param {Translate} t
 */
export function renderLesson(els, step, t) {
  if (step < 0) {
    els.title.textContent = t('lesson.start.title');
    els.text.textContent = t('lesson.start.text', { n: STEPS.length });
  } else {
    els.title.textContent = t('lesson.of', { i: step + 1, n: STEPS.length, title: t(`lesson.${step + 1}.title`) });
    els.text.textContent = t(`lesson.${step + 1}.text`);
  }
  els.start.hidden = step >= 0;
  els.prev.hidden = step < 0;
  els.next.hidden = step < 0;
  els.prev.disabled = step <= 0;
  els.next.disabled = step >= STEPS.length - 1;
}
