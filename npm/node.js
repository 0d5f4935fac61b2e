// The Node entry of imy-breach: the same API as index.js, with the module read from the package's
// folder at import, so that the top-level functions work at once.
import { readFile } from 'node:fs/promises';
import { init } from './index.js';

export * from './index.js';

await init(await readFile(new URL('./imy_breach.wasm', import.meta.url)));
