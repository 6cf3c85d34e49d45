// Vectors in and out of the page: the Export buttons (word2vec text and binary, the Projector's
// two TSV files, the plot as PNG and SVG, its coordinates as CSV) and "Import vectors" (word2vec,
// GloVe, fastText).
// Files are written and read in the worker, by the explorer module (src/bindings/wasm_explore.rs), and
// downloaded from here (download.js).

import { coordinatesCsv } from '../core/csv.js';
import { errorMessage } from '../core/errors.js';
import { translator } from '../core/i18n.js';
import { $, input } from './dom.js';
import { download, fileStem } from './download.js';
import { showingPast } from './replay.js';
import { plotData } from './state.js';

/** @typedef {import('./state.js').AppState} AppState */
/** @typedef {import('../core/protocol.js').VectorFileFormat} VectorFileFormat */

/** Vector files larger than this are refused before they are read (the page's memory). */
export const MAX_IMPORT_BYTES = 512e6;

/** @type {Record<VectorFileFormat, (stem: string) => string>} */
const EXPORT_NAMES = {
  text: (stem) => `${stem}.txt`,
  binary: (stem) => `${stem}.bin`,
  'vectors.tsv': (stem) => `${stem}-vectors.tsv`,
  'metadata.tsv': (stem) => `${stem}-metadata.tsv`,
};

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {import('../core/client.js').WorkerClient} client
 * @param {import('../views/plot/plot-canvas.js').EmbeddingPlot} plot
 * @param {{beginLoad: () => () => boolean, loaded: () => void}} hooks
 *   beginLoad: a new load supersedes any pending one (returns whether it is still the latest);
 *   loaded: new words arrived (queries and teaching views follow)
 */
export function setupVectors(store, client, plot, { beginLoad, loaded }) {
  /** The stem of exported files: the imported file's name, or the preset's. */
  function stem() {
    const st = store.get();
    return fileStem(st.vocab?.imported ?? `word2vec-${st.preset === 'custom' ? 'my-text' : st.preset}`);
  }

  /** Download the vectors as they are now in each of `formats`. @param {VectorFileFormat[]} formats */
  async function exportVectors(formats) {
    if (!store.get().vocab) return;
    store.update({ vectorsError: null });
    try {
      for (const format of formats) {
        const name = EXPORT_NAMES[format](stem());
        store.update({ exporting: name });
        const bytes = await client.request({ type: 'export', format });
        download(bytes, name, format === 'binary' ? 'application/octet-stream' : 'text/plain');
      }
    } catch (e) {
      store.update({ vectorsError: errorMessage(e) });
    } finally {
      store.update({ exporting: null });
    }
  }

  /**
   * Explore vectors from a file instead of the corpus's model: the worker reads it (with
   * progress) and pictures it; its problems (with their line or byte) come back as the status's
   * error.
   * @param {File} file
   */
  async function importVectors(file) {
    const t = translator(store.get().lang);
    if (file.size > MAX_IMPORT_BYTES) {
      store.update({ vectorsError: t('import.tooLarge', { name: file.name, mb: (file.size / 1e6).toFixed(0), max: MAX_IMPORT_BYTES / 1e6 }) });
      return;
    }
    const latest = beginLoad();
    store.update({ run: 'loading', importing: true, readProgress: 0, vectorsError: null });
    try {
      const vocab = await client.request({ type: 'importVectors', file, name: file.name });
      if (!latest()) return;
      store.update({ vocab, lossCurve: [], error: null, importing: false });
      loaded();
    } catch (e) {
      if (latest()) store.update({ vocab: null, snapshot: null, answers: null, lossCurve: [], run: 'error', error: errorMessage(e), importing: false });
    }
  }

  $('export-text').addEventListener('click', () => exportVectors(['text']));
  $('export-binary').addEventListener('click', () => exportVectors(['binary']));
  $('export-tsv').addEventListener('click', () => exportVectors(['vectors.tsv', 'metadata.tsv']));
  $('export-png').addEventListener('click', async () => {
    const png = await plot.png();
    if (png) download(png, `${stem()}.png`, 'image/png');
  });
  $('export-svg').addEventListener('click', async () => {
    const svg = await plot.svg();
    if (svg) download(svg, `${stem()}.svg`, 'image/svg+xml');
  });
  // What the plot shows, in the projection it is in (a moment of the history, if one is shown).
  $('export-csv').addEventListener('click', () => {
    const st = store.get();
    const shown = plotData(st);
    if (!shown || !st.snapshot) return;
    const frame = showingPast(st.history) ? st.history.frame : null;
    const what = frame ? `history-${frame.index}` : st.snapshot.projection;
    download(coordinatesCsv(shown.words, shown.coords), `${stem()}-${what}.csv`, 'text/csv');
  });
  input('import').addEventListener('change', () => {
    const file = input('import').files?.[0];
    if (file) importVectors(file);
    input('import').value = '';
  });
}
