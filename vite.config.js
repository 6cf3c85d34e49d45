// Vite builds index.html + www/ into dist/. `base: './'` makes every asset URL relative, so the
// site works from any sub-path (a blog's /demos/word2vec/) and from disk, with no network.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
