// The page's address as a link (share.js): kept up to date a moment after the state changes
// (`history.replaceState`, no new history entry), and copied by "Copy link" with a note saying
// what it holds, or why the text could not travel in it.

import { checkSettings } from '../settings.js';
import { $ } from './dom.js';
import { packText, shareFragment } from './share.js';

/** @typedef {import('./state.js').AppState} AppState */

/** A pause after the last change before the address is written. */
const SHARE_DELAY_MS = 400;

/**
 * From now on, keep the address's fragment in step with the state (a moment after it changes),
 * so the address is always a link to what is shown. The user's text is packed once per text.
 * @param {import('../store.js').Store<AppState>} store
 */
export function keepSharing(store) {
  /** @type {{text: string, packed: string | null} | null} */
  let packedFor = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const write = async () => {
    const st = store.get();
    let packed = null;
    if (st.preset === 'custom' && !st.corpusFile) {
      if (packedFor?.text !== st.corpus) packedFor = { text: st.corpus, packed: await packText(st.corpus) };
      packed = packedFor.packed;
    }
    const now = store.get();
    const fragment = shareFragment(now, now.base ? checkSettings(now.raw, now.base).settings : null, packed);
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${fragment}`);
  };
  const KEYS = /** @type {const} */ (['preset', 'corpus', 'corpusFile', 'raw', 'base', 'query', 'pairsText', 'analogy', 'colourBy', 'speedLevel', 'lang', 'run', 'projection']);
  store.subscribe((st, prev) => {
    if (KEYS.some((k) => st[k] !== prev[k])) {
      clearTimeout(timer);
      timer = setTimeout(write, SHARE_DELAY_MS);
    }
  });
  write();
  $('share').addEventListener('click', async () => {
    clearTimeout(timer);
    await write();
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
}
