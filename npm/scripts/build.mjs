// npm run build: builds the WebAssembly module from the crate (npm/crate, its own workspace) and
// copies it next to index.js. No prebuilt binary is downloaded.
import { execFileSync } from 'node:child_process';
import { copyFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
execFileSync('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--release', '--locked'], {
  cwd: `${root}crate`,
  stdio: 'inherit',
});
const built = `${root}crate/target/wasm32-unknown-unknown/release/imy_breach_wasm.wasm`;
copyFileSync(built, `${root}imy_breach.wasm`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`imy_breach.wasm: ${statSync(`${root}imy_breach.wasm`).size} bytes (built in ${seconds} s)`);
