// Bundles the page with esbuild into dist/app.js, with the `imy-breach` package (the crate as
// WebAssembly, built in the repository's npm/ folder by its `npm run build`) and its .wasm beside it.
// IMY_BREACH_NPM overrides the package folder.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const npm = resolve(here, process.env.IMY_BREACH_NPM ?? '../../npm');
const wasm = resolve(npm, 'imy_breach.wasm');
if (!existsSync(wasm)) {
  console.error(`${wasm} not found: run "npm ci && npm run build" in ${npm} first`);
  process.exit(1);
}
mkdirSync(resolve(here, 'dist'), { recursive: true });
copyFileSync(wasm, resolve(here, 'dist', 'imy_breach.wasm'));

await build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  outfile: 'dist/app.js',
  format: 'esm',
  jsx: 'automatic',
  loader: { '.json': 'json' },
  // The page imports the package by its name, as your own form would after `npm install imy-breach`.
  alias: { 'imy-breach': resolve(npm, 'index.js') },
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  logLevel: 'warning',
});
