// `npm start`: install what is missing, build, and serve the demo on localhost (prints the URL).
import { build } from './build.mjs';
import { ensureChromium, exitWith, run, step } from './toolchain.mjs';

try {
  // For the screenshots (scripts/screenshots.mjs): the browser and a CJK font, when root.
  ensureChromium({ required: false });
  build();
  step('serving dist/ (Ctrl-C stops)');
  const port = process.env.PORT ?? '5173';
  run('npx', ['--no-install', 'vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort']);
} catch (e) {
  exitWith('npm start', e);
}
