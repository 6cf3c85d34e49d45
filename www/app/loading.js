// The page's corpus and settings on their way to the worker: a preset, a link or the last visit
// restored; the user's own text, typed, pasted or opened as a file (a large one streamed), with
// the settings derived for it (src/own_text.rs) and their Undo; the fields typed by hand. One
// load is in flight at a time and the latest change wins: a slower, earlier one never overwrites
// a later one. An action taken meanwhile (Train, Next sample, a query) waits for it (`ready`).

import { loadCorpus } from './saved.js';
import { keepWork } from './persist.js';
import { unpackText } from './share.js';
import { ownTextThreads } from './state.js';
import { Utf8Stream } from '../core/decode.js';
import { errorMessage } from '../core/errors.js';
import { translator } from '../core/i18n.js';
import { checkSettings, defaultSpeedLevel, rawFromSettings, SPEEDS } from '../core/settings.js';

/** @typedef {import('../core/protocol.js').Preset} Preset */
/** @typedef {import('./state.js').AppState} AppState */

/**
 * Texts larger than this (files and pastes) are streamed by the worker instead of passing
 * through the text box, which shows their start. A long chapter stays editable in the box; a
 * longer text costs the browser a layout of the whole box on every keystroke and paste (a
 * 540 kB line: 0.2 s at full speed, 0.8 s on a slow machine) and on every repaint near it.
 */
const LARGE_FILE_BYTES = 200_000;
/** How much of a large file the text box shows. */
const PREVIEW_BYTES = 20_000;
/** A typed edit is loaded once typing pauses this long. */
const LOAD_DELAY_MS = 250;
/** How much of a text the worker reads to choose its settings (src/own_text.rs). */
const SAMPLE_CHARS = 100_000;

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {import('../core/client.js').WorkerClient} client
 * @param {{
 *   saved: import('./saved.js').SavedWork | null,
 *   shared: import('./share.js').Shared | null,
 *   setSpeed: (level: number) => void,
 *   setColour: (colourBy: 'frequency' | 'cluster') => void,
 *   setProjection: (p: import('../core/protocol.js').Projection) => Promise<unknown>,
 *   loaded: () => void,
 * }} page  what the last visit and a link left; the page's own controls; `loaded`: a new
 *   vocabulary is in place (the queries and the teaching views follow it)
 */
export function setupLoading(store, client, { saved, shared, setSpeed, setColour, setProjection, loaded }) {
  /** Changes of corpus made so far: a slower, earlier one must not overwrite a later one. */
  let corpusChanges = 0;
  /** The user's text changed while its settings are the page's own-text ones: derive them again
   * (for the text as it is) at the next load. */
  let retune = false;

  /** A new change of corpus: returns whether it is still the latest (nothing superseded it). */
  function supersede() {
    const id = ++corpusChanges;
    return () => id === corpusChanges;
  }

  /**
   * @param {string} name
   * @param {import('./saved.js').SavedWork | null} [keep]  saved edits to put over the preset's
   *   settings and queries (a reload of a page whose preset the user had changed)
   * @returns {Promise<void>}
   */
  function choosePreset(name, keep = null) {
    return track(fetchPreset(name, keep));
  }

  /**
   * @param {string} name @param {import('./saved.js').SavedWork | null} keep
   * @returns {Promise<void>}
   */
  async function fetchPreset(name, keep) {
    const mine = supersede();
    /** @type {Preset} */
    let p;
    try {
      p = await client.request({ type: 'preset', name });
    } catch (e) {
      if (name !== 'tutorial') return choosePreset('tutorial');
      store.update({ run: 'error', error: errorMessage(e) });
      return;
    }
    // The user chose another corpus meanwhile (while the page was still starting, say): theirs
    // wins, with this preset's settings if it has none yet.
    if (!mine()) {
      if (store.get().base === null) {
        store.update({ base: p.settings, raw: rawFromSettings(p.settings), errors: {} });
        scheduleLoad();
      }
      return;
    }
    retune = false;
    store.update({
      preset: p.name,
      corpus: p.text,
      corpusFile: null,
      replaced: false,
      handEdited: false,
      ownText: null,
      base: p.settings,
      raw: rawFromSettings(p.settings),
      errors: {},
      query: p.query,
      pairsText: p.pairs.map((pair) => pair.join(' ')).join('\n'),
      analogy: p.analogy,
    });
    if (keep) keepEdits(keep, p.settings);
    setSpeed(keep?.speedLevel ?? defaultSpeedLevel(p.name));
    await loadNow();
  }

  /**
   * Put saved settings and queries over the current ones (fields the saved form does not have keep
   * the current values).
   * @param {Pick<import('./saved.js').SavedWork, 'raw' | 'query' | 'pairsText' | 'analogy'>} keep
   * @param {import('../core/protocol.js').Settings} base
   */
  function keepEdits(keep, base) {
    const raw = { ...store.get().raw, ...keep.raw };
    store.update({ base, raw, errors: checkSettings(raw, base).errors, query: keep.query, pairsText: keep.pairsText, analogy: keep.analogy });
  }

  /**
   * Start where the last visit stopped: its preset with its edits, or the user's own text (typed,
   * or the large file itself) with its settings. A link's ?preset= starts that preset instead.
   * Resolves to whether a link asks to train (its author had).
   */
  async function restore() {
    let train = false;
    const fromLink = new URLSearchParams(location.search).has('preset');
    // A link wins, unless it is this page's own address (a reload: the saved work is newer, down to
    // the last thing typed) or could not carry its text (too large) and this browser has it saved.
    const ownAddress = saved !== null && saved.fragment !== '' && saved.fragment === location.hash;
    const savedText = ownAddress || (shared?.preset === 'custom' && shared.text === null && saved?.preset === 'custom');
    if (shared && !savedText) {
      train = await openShared(shared);
    } else if (saved === null || fromLink || saved.preset !== 'custom') {
      await choosePreset(store.get().preset, fromLink ? null : saved);
    } else {
      const mine = supersede();
      const corpus = await loadCorpus();
      if (!mine()) {
        // The user has already chosen another corpus.
      } else if (corpus === null || saved.base === null) {
        await choosePreset('tutorial');
      } else {
        keepEdits(saved, saved.base);
        if (typeof corpus === 'string') store.update({ preset: 'custom', corpus, corpusFile: null });
        else store.update({ preset: 'custom', corpus: await preview(corpus), corpusFile: corpus });
        setSpeed(saved.speedLevel);
        await loadNow();
      }
    }
    const fromSaved = !shared || savedText;
    if (fromSaved && saved?.colourBy === 'cluster') setColour('cluster');
    keepWork(store, fromSaved && saved?.preset === 'custom' ? store.get().corpusFile ?? store.get().corpus : null);
    return train;
  }

  /**
   * Open what a link holds: its preset (or its own text), its settings over the preset's, its
   * queries and view. Resolves to whether to train (the author had trained).
   * @param {import('./share.js').Shared} link
   */
  async function openShared(link) {
    const mine = supersede();
    /** @type {string | null} */
    let text = null;
    let base;
    if (link.preset === 'custom') {
      text = link.text === null ? null : await unpackText(link.text).catch(() => null);
      if (text === null) {
        await choosePreset('tutorial');
        store.update({ shareNote: link.text === null ? 'share.large' : 'share.damaged' });
        return false;
      }
      base = (await client.request({ type: 'ownTextSettings', sample: text.slice(0, SAMPLE_CHARS), bytes: new Blob([text]).size })).settings;
      if (!mine()) return false;
      store.update({ preset: 'custom', corpus: text, corpusFile: null, replaced: false });
    } else {
      /** @type {Preset} */
      let p;
      try {
        p = await client.request({ type: 'preset', name: link.preset });
      } catch {
        await choosePreset('tutorial');
        return false;
      }
      base = p.settings;
      if (!mine()) return false;
      store.update({ preset: p.name, corpus: p.text, corpusFile: null, replaced: false });
    }
    const settings = { ...base, ...link.settings };
    store.update({ userWords: link.userWords });
    keepEdits({ raw: rawFromSettings(settings), query: link.query, pairsText: link.pairsText, analogy: link.analogy }, settings);
    setSpeed(link.speedLevel ?? defaultSpeedLevel(link.preset));
    if (link.colourBy === 'cluster') setColour('cluster');
    const loaded = await loadNow();
    if (link.projection && link.projection.kind !== 'pca') {
      if (link.projection.kind === 'axes') store.update({ axesText: link.projection.words });
      await setProjection(link.projection);
    }
    return loaded && Boolean(link.train);
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let loadTimer;
  let loadSeq = 0;

  /** Changes of corpus or settings under way (a preset being fetched, a corpus loading). */
  const pending = new Set();

  /**
   * Count `work` as under way until it settles. @template T @param {Promise<T>} work @returns {Promise<T>}
   */
  function track(work) {
    pending.add(work);
    showApplying();
    const done = () => {
      pending.delete(work);
      showApplying();
    };
    work.then(done, done);
    return work;
  }

  /** The page says (aria-busy) while a change of corpus or settings is pending or under way. */
  function showApplying() {
    const applying = pending.size > 0 || loadTimer !== undefined;
    if (store.get().applying !== applying) store.update({ applying });
  }

  /**
   * Apply a pending edit and wait for every change under way, so that an action taken now (Train,
   * Step, Next sample, a query) applies to the model the page is about to show, never to the one it
   * is replacing. Resolves to whether a model is loaded.
   */
  async function ready() {
    for (;;) {
      if (loadTimer !== undefined) loadNow();
      if (pending.size === 0) break;
      await Promise.allSettled([...pending]);
    }
    return store.get().vocab !== null;
  }

  function scheduleLoad() {
    clearTimeout(loadTimer);
    loadTimer = setTimeout(loadNow, LOAD_DELAY_MS);
    showApplying();
  }

  /** Send the corpus and settings to the worker if every field is valid. Resolves to success. */
  function loadNow() {
    clearTimeout(loadTimer);
    loadTimer = undefined;
    return track(load());
  }

  async function load() {
    const seq = ++loadSeq;
    if (retune) {
      retune = false;
      await applyOwnText();
      if (seq !== loadSeq) return false;
    }
    const st = store.get();
    if (!st.base) return false;
    const { settings } = checkSettings(st.raw, st.base);
    if (!settings) return false;
    const segmenting = settings.chinese === 'words';
    if (segmenting) store.update({ segmenting });
    try {
      const vocab = await client.loadCorpus(st, settings);
      if (seq !== loadSeq) return false;
      store.update({ vocab, lossCurve: [], error: null, segmenting: false, ...(vocab.replaced ? { replaced: true } : {}) });
      loaded();
      return true;
    } catch (e) {
      if (seq === loadSeq) store.update({ vocab: null, snapshot: null, answers: null, lossCurve: [], run: 'error', error: errorMessage(e), segmenting: false });
      return false;
    }
  }

  /**
   * Put settings for the user's own text in place (src/own_text.rs: scaled to the text, Chinese
   * read as it is written, full speed, every thread but a core for the page), remembering what was there for Undo. Coming
   * from a preset, the preset's example queries go too: they are about its own words.
   */
  async function applyOwnText() {
    const st = store.get();
    const file = st.corpusFile;
    const sample = file ? await file.slice(0, SAMPLE_CHARS).text() : st.corpus.slice(0, SAMPLE_CHARS);
    const bytes = file ? file.size : sample.length === st.corpus.length ? new Blob([st.corpus]).size : (st.corpus.length / sample.length) * new Blob([sample]).size;
    const own = await client.request({ type: 'ownTextSettings', sample, bytes });
    const settings = { ...own.settings, threads: ownTextThreads(store.get().threads, navigator.hardwareConcurrency || 1) };
    const now = store.get();
    if (now.handEdited) return;
    const first = now.ownText === null;
    const previous = now.ownText?.previous ?? { base: now.base, raw: now.raw, speedLevel: now.speedLevel, query: now.query, pairsText: now.pairsText, analogy: now.analogy };
    const tokens = own.tokens;
    store.update({
      base: settings,
      raw: rawFromSettings(settings),
      errors: {},
      ownText: { settings, previous, tokens },
      ...(first ? { query: '', pairsText: '', analogy: /** @type {[string, string, string]} */ (['', '', '']) } : {}),
    });
    setSpeed(SPEEDS.length - 1);
  }

  /** Undo: the settings and queries from before the own-text settings, for the user's text. */
  function undoOwnText() {
    const note = store.get().ownText;
    if (!note) return;
    const { previous } = note;
    retune = false;
    store.update({
      ownText: null,
      handEdited: true,
      base: previous.base,
      raw: previous.raw,
      errors: previous.base ? checkSettings(previous.raw, previous.base).errors : {},
      query: previous.query,
      pairsText: previous.pairsText,
      analogy: previous.analogy,
    });
    setSpeed(previous.speedLevel);
    scheduleLoad();
  }

  /**
   * The corpus became the user's: from a preset (unless a setting was changed by hand), or while
   * the page's own-text settings are in place, they are derived for it at the next load.
   * @param {boolean} fromPreset
   */
  function ownTextFor(fromPreset) {
    const st = store.get();
    if (!st.handEdited && (fromPreset || st.ownText !== null)) retune = true;
  }

  /** @param {string} name @param {string | boolean} value */
  function setField(name, value) {
    const st = store.get();
    if (!st.base) return;
    const raw = { ...st.raw, [name]: value };
    const { errors } = checkSettings(raw, st.base);
    store.update({ raw, errors });
    if (Object.keys(errors).length === 0) scheduleLoad();
  }

  /** The user's own text (typed, pasted or from a small file). @param {string} text */
  function setCorpus(text) {
    supersede();
    ownTextFor(store.get().preset !== 'custom');
    store.update({ corpus: text, corpusFile: null, preset: 'custom', replaced: false });
    scheduleLoad();
  }

  /**
   * A file replaces the corpus (see `ownTextFor` for its settings). A large one (or a large paste)
   * goes to the worker as it is, streamed there; the text box shows its start.
   * @param {File} file
   */
  async function openFile(file) {
    const mine = supersede();
    if (file.size <= LARGE_FILE_BYTES) {
      const decoder = new Utf8Stream();
      const text = decoder.decode(new Uint8Array(await file.arrayBuffer()));
      if (!mine()) return;
      setCorpus(text);
      store.update({ replaced: decoder.replaced });
      return;
    }
    const start = await preview(file);
    if (!mine()) return;
    ownTextFor(store.get().preset !== 'custom');
    store.update({ corpus: start, corpusFile: file, preset: 'custom', replaced: false });
    await loadNow();
  }

  /**
   * A paste of more than LARGE_FILE_BYTES (several chapters, a book) does not land in the text
   * box, where the browser alone would spend a long time laying it out: it goes the way a large
   * file goes.
   * @param {ClipboardEvent} e
   */
  function interceptLargePaste(e) {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    // Characters take one to three bytes in UTF-8: measure only what may be large.
    if (text.length * 3 <= LARGE_FILE_BYTES) return;
    const file = new File([text], `${translator(store.get().lang)('corpus.pasted')}.txt`, { type: 'text/plain' });
    if (file.size <= LARGE_FILE_BYTES) return;
    e.preventDefault();
    track(openFile(file));
  }

  /**
   * The start of a large file, for the text box: its whole lines, or, in a file of very long
   * lines, its whole words (the slice read may end inside a word or a character).
   * @param {File} file
   */
  async function preview(file) {
    const start = await file.slice(0, PREVIEW_BYTES).text();
    const line = start.lastIndexOf('\n');
    const space = start.search(/\s\S*$/);
    // Text without spaces (Chinese) is cut anywhere, but not inside a character.
    const shown = line >= 0 ? start.slice(0, line + 1) : space > 0 ? start.slice(0, space) : start.replace(/\ufffd+$/, '');
    return `${shown}…`;
  }

  return {
    choosePreset,
    restore,
    ready,
    scheduleLoad,
    loadNow,
    track,
    setField,
    setCorpus,
    openFile,
    interceptLargePaste,
    undoOwnText,
    /** A setting changed by hand is the user's: own-text settings no longer replace it. @param {string} name @param {string | boolean} value */
    editByHand(name, value) {
      store.update({ handEdited: true, ownText: null });
      retune = false;
      setField(name, value);
    },
    /** Vectors are being imported (app/vectors.js): they supersede any change of corpus under way. Returns whether this import is still the latest. */
    beginImport() {
      supersede();
      clearTimeout(loadTimer);
      loadTimer = undefined;
      showApplying();
      const seq = ++loadSeq;
      return () => seq === loadSeq;
    },
  };
}
