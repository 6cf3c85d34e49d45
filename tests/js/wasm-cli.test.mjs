// `npm run w2v` (the CLI compiled to wasm32-wasip1 with simd128, run by Node's WASI) writes the
// same files as the native `w2v` for the same flags and seed, byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildWasmCli, runWasmCli } from '../../scripts/w2v.mjs';
import { ROOT } from '../../scripts/toolchain.mjs';

const NATIVE = join(ROOT, 'target', 'release', 'w2v');
const dir = mkdtempSync(join(tmpdir(), 'w2v-cli-'));

before(() => {
  buildWasmCli();
  const r = spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'w2v'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(r.status, 0, 'native build');
  const corpus = spawnSync(NATIVE, ['preset', 'eat-drink', '-sentences', '1500'], { encoding: 'utf8' });
  writeFileSync(join(dir, 'corpus.txt'), corpus.stdout);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const modes = {
  'skip-gram + negative sampling, text': ['-cbow', '0', '-negative', '5'],
  'CBOW + hierarchical softmax, binary': ['-cbow', '1', '-hs', '1', '-negative', '0', '-binary', '1'],
  'skip-gram + full softmax, output vectors': ['-cbow', '0', '-softmax', '1', '-negative', '0', '-vectors', 'output'],
};

for (const [name, flags] of Object.entries(modes)) {
  test(`wasm and native write the same file: ${name}`, async () => {
    const common = ['train', '-train', join(dir, 'corpus.txt'), '-size', '16', '-window', '3', '-iter', '2', '-min-count', '1', '-seed', '11', '-quiet', '1', ...flags];
    const native = spawnSync(NATIVE, [...common, '-output', join(dir, 'native.vec')], { encoding: 'utf8' });
    assert.equal(native.status, 0, native.stderr);
    assert.equal(await runWasmCli([...common, '-output', join(dir, 'wasm.vec')]), 0);
    const a = readFileSync(join(dir, 'native.vec'));
    const b = readFileSync(join(dir, 'wasm.vec'));
    assert.ok(a.length > 100);
    assert.ok(a.equals(b), `${name}: the files differ`);
  });
}

test('the wasm CLI refuses more than one thread, with a message', async () => {
  const code = await runWasmCli(['train', '-train', join(dir, 'corpus.txt'), '-output', join(dir, 'x.vec'), '-threads', '2']);
  assert.notEqual(code, 0);
});
