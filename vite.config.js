// Vite builds index.html + www/ into dist/, with the embeddable element as dist/word2vec-demo.js. `base: './'` makes every asset URL relative, so the
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
  // Copied as they are into dist/: the example blog post, which loads the element as any post
  // would (one script tag, dist/word2vec-demo.js).
  publicDir: 'www/public',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    rollupOptions: {
      // The page, and <word2vec-demo> (www/widget/) at a fixed name for posts to load.
      input: { main: 'index.html', 'word2vec-demo': 'www/widget/word2vec-demo.js' },
      output: { entryFileNames: (chunk) => (chunk.name === 'word2vec-demo' ? 'word2vec-demo.js' : 'assets/[name]-[hash].js') },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', headers: ISOLATION_HEADERS },
});
