// The guided lesson's controls: Previous step / Next step, and the keyboard (← → between steps,
// space to train or pause) while the lesson is open and no text field has the focus. A step
// loads its preset, applies its settings, runs, and scrolls its view into sight.

import { STEPS } from '../core/lesson-steps.js';
import { $ } from './dom.js';

/** @typedef {import('./state.js').AppState} AppState */

/**
 * What a step can do to the page (main.js's actions).
 * @typedef {object} LessonActions
 * @property {(name: string) => Promise<void>} choosePreset
 * @property {(name: string, value: string | boolean) => void} setField
 * @property {() => Promise<boolean>} loadNow
 * @property {() => Promise<void>} train
 * @property {() => Promise<unknown>} pause
 * @property {() => Promise<void>} trace
 * @property {(c: 'frequency' | 'cluster') => void} setColour
 * @property {(word: string) => void} setQuery
 */

/**
 * @param {import('../core/store.js').Store<AppState>} store @param {LessonActions} actions
 */
export function setupLesson(store, actions) {
  let applying = Promise.resolve();

  /** @param {number} index */
  async function apply(index) {
    const step = STEPS[index];
    store.update({ lessonStep: index });
    await actions.choosePreset(step.preset);
    for (const [name, value] of Object.entries(step.settings ?? {})) actions.setField(name, value);
    if (step.settings) await actions.loadNow();
    if (step.colour) actions.setColour(step.colour);
    if (step.query) actions.setQuery(step.query);
    if (step.run === 'train') await actions.train();
    else await actions.trace();
    document.getElementById(step.view)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  /** Move by `by` steps (serialised: a step finishes before the next starts). @param {number} by */
  function go(by) {
    const next = Math.max(0, Math.min(STEPS.length - 1, store.get().lessonStep + by));
    if (next === store.get().lessonStep) return;
    applying = applying.then(() => apply(next)).catch(() => {});
  }

  $('lesson-start').addEventListener('click', () => go(1));
  $('lesson-next').addEventListener('click', () => go(1));
  $('lesson-prev').addEventListener('click', () => go(-1));
  document.addEventListener('keydown', (e) => {
    if (store.get().lessonStep < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = /** @type {HTMLElement} */ (e.target);
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else if (e.key === ' ' && target.tagName !== 'BUTTON') {
      e.preventDefault();
      if (store.get().run === 'training') actions.pause();
      else actions.train();
    } else return;
  });
}
