// The page's address as a link (share.js): written with `history.replaceState` (no new history
// entry) whenever persist.js says, and copied by "Copy link" with a note saying what it holds,
// or why the text could not travel in it.
//
// Chrome saves every form control's value into the history entry on each replaceState: the page's
// text boxes are autocomplete="off" (index.html), else each write copies the whole corpus (5–8 ms
// for 300 kB); the page restores its text from its saved work (persist.js), not from history.

import { checkSettings } from '../core/settings.js';
import { $ } from './dom.js';
import { packText, shareFragment } from './share.js';

/** @typedef {import('./state.js').AppState} AppState */

/** The state's fields the address holds: a change to any of them rewrites it. */
export const ADDRESS_KEYS = /** @type {const} */ (['preset', 'corpus', 'corpusFile', 'raw', 'base', 'userWords', 'query', 'pairsText', 'analogy', 'colourBy', 'speedLevel', 'lang', 'run', 'projection']);

/**
 * The writer of the address, and "Copy link". `write()` packs the user's text (once per text:
 * deflating is asynchronous) and then writes; `writeNow()` writes at once, without a text packed
 * since it last changed (as the page unloads, when nothing asynchronous finishes): the address
 * then says the text was too large, and the saved work, which has it, wins on the reload.
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {() => Promise<void>} flush  writes the address and the saved work together (persist.js)
 */
export function addressWriter(store, flush) {
  /** @type {{text: string, packed: string | null} | null} */
  let packedFor = null;
  /** @param {string | null} packed */
  const writeWith = (packed) => {
    const st = store.get();
    const fragment = shareFragment(st, st.base ? checkSettings(st.raw, st.base).settings : null, packed);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${fragment}`);
  };
  const own = () => store.get().preset === 'custom' && !store.get().corpusFile;
  /** The user's text packed, if it is the text shown now and has been packed. */
  const packed = () => (own() && packedFor?.text === store.get().corpus ? packedFor.packed : null);
  const writer = {
    async write() {
      const st = store.get();
      if (own() && packedFor?.text !== st.corpus) packedFor = { text: st.corpus, packed: await packText(st.corpus) };
      writeWith(packed());
    },
    writeNow() {
      writeWith(packed());
    },
  };
  $('share').addEventListener('click', async () => {
    await flush();
    const st = store.get();
    const tooLarge = st.preset === 'custom' && (st.corpusFile !== null || packedFor?.packed === null);
    let copied = false;
    try {
      await navigator.clipboard.writeText(location.href);
      copied = true;
    } catch {
      // No clipboard (an insecure origin, a refused permission): the address bar has the link.
    }
    store.update({ shareNote: tooLarge ? 'share.large' : copied ? 'share.copied' : 'share.shown' });
  });
  return writer;
}
