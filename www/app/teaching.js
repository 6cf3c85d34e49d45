// The teaching views' controls: Next sample and Run (traced steps), the skip-gram pair
// selector, the noise-power slider and the fill-in-the-blank box. Their data comes from the
// worker (protocol.js requests) into the store; views/teach/ renders it.

import { contextOf } from '../views/teach/blank.js';
import { $, input } from './dom.js';
import { addDrawn } from './state.js';
import { ANSWERS } from '../core/protocol.js';

/** @typedef {import('./state.js').AppState} AppState */

/** Rows of W and W′ shown in the weights view (the most frequent words). */
export const WEIGHT_ROWS = 32;
/** Milliseconds between traced steps while Run is on. */
const RUN_INTERVAL_MS = 700;
const PREDICT_DELAY_MS = 120;

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {import('../core/client.js').WorkerClient} client
 * @param {() => Promise<boolean>} ready  waits for the corpus or settings being loaded; whether a
 *   model is loaded
 * @param {(e: unknown) => void} fail  reports an error in the status line
 */
export function setupTeaching(store, client, ready, fail) {
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let runTimer;

  /** The next sample: the next pair of this position (skip-gram), else the next position. */
  async function nextSample() {
    // A click right after a change of corpus or setting traces the model that change makes.
    await ready();
    const st = store.get();
    if (st.trace && st.traceSample < st.trace.samples.length - 1) {
      store.update({ traceSample: st.traceSample + 1 });
      return;
    }
    await nextWord();
  }

  /** Train the next position (centre word) with the trace on. */
  async function nextWord() {
    if (!(await ready())) return;
    try {
      const trace = await client.request({ type: 'trace' });
      if (trace === null) {
        stopRun();
        return;
      }
      const output = String(store.get().raw.output);
      store.update((st) => ({ trace, traceSample: 0, drawn: addDrawn(st.drawn, trace, output) }));
      if (trace.progress.done) stopRun();
    } catch (e) {
      stopRun();
      fail(e);
    }
  }

  function stopRun() {
    clearInterval(runTimer);
    runTimer = undefined;
    store.update({ running: false });
  }

  $('next-sample').addEventListener('click', nextSample);
  $('next-word').addEventListener('click', nextWord);
  $('run-steps').addEventListener('click', () => {
    if (runTimer !== undefined) {
      stopRun();
      return;
    }
    store.update({ running: true });
    nextSample();
    runTimer = setInterval(nextSample, RUN_INTERVAL_MS);
  });
  $('prev-pair').addEventListener('click', () => store.update((st) => ({ traceSample: Math.max(0, st.traceSample - 1) })));

  async function requestNoise() {
    const power = store.get().shownPower;
    try {
      const noise = await client.request({ type: 'noise', power });
      if (store.get().shownPower === power) store.update({ noise });
    } catch {
      // Nothing loaded: the view says so.
    }
  }
  input('noise-power').addEventListener('input', () => {
    store.update({ shownPower: Number(input('noise-power').value) });
    requestNoise();
  });

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let predictTimer;
  async function predict() {
    const text = store.get().blank;
    const context = contextOf(text);
    if (context === null || !store.get().vocab) {
      store.update({ prediction: null });
      return;
    }
    try {
      const prediction = await client.request({ type: 'predict', context, k: ANSWERS.blank });
      if (store.get().blank === text) store.update({ prediction });
    } catch {
      store.update({ prediction: null });
    }
  }
  const schedulePredict = () => {
    clearTimeout(predictTimer);
    predictTimer = setTimeout(() => {
      predictTimer = undefined;
      predict();
    }, PREDICT_DELAY_MS);
  };
  input('blank').addEventListener('input', () => {
    store.update({ blank: input('blank').value });
    schedulePredict();
  });

  return {
    nextSample,
    /** A new model: forget the old trace, fetch the tree and the noise, show the weights. */
    async onVocabulary() {
      stopRun();
      store.update({ trace: null, traceSample: 0, drawn: new Map() });
      requestNoise();
      schedulePredict();
      client.request({ type: 'weightRows', n: WEIGHT_ROWS });
      try {
        store.update({ tree: await client.request({ type: 'huffman' }) });
      } catch {
        store.update({ tree: null });
      }
    },
    /** The model moved: the blank's answer follows it (at most one request in flight). */
    onSnapshot() {
      if (store.get().blank !== '' && predictTimer === undefined) schedulePredict();
    },
  };
}
