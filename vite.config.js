// Vite builds index.html + www/ into dist/. `base: './'` makes every asset URL relative, so the
// site works from any sub-path (a blog's /demos/word2vec/) and from disk, with no network.
//
// Both servers send the two headers that make the page cross-origin isolated, which browsers
// require before they share memory between workers: the demo then loads its threaded build
// (www/worker/engine.js). Hosts without them get the one-thread build.
import { defineConfig } from 'vite';

/** Cross-origin isolation: Cross-Origin-Opener-Policy + Cross-Origin-Embedder-Policy. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
});
