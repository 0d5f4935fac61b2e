// Shared by the tests: the repository's paths, the corpus and the CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI built by `cargo build --all-features` (or IMY_BREACH_CLI). */
export const cli = process.env.IMY_BREACH_CLI ?? `${repo}target/debug/imy-breach`;

/** Every document of the corpus (tests/data/valid, tests/data/invalid, tests/data/records), the examples
 * (notifications, records, supplements, phased filings), as paths. */
export function corpus() {
  const docs = [];
  for (const dir of ['tests/data/valid', 'tests/data/invalid', 'tests/data/records', 'examples',
    'examples/records', 'examples/supplements', 'examples/phased']) {
    if (!existsSync(`${repo}${dir}`)) continue;
    for (const name of readdirSync(`${repo}${dir}`).sort()) {
      if (name.endsWith('.json') && !name.endsWith('.expected.json')) docs.push(`${dir}/${name}`);
    }
  }
  return docs;
}

export const read = (path) => readFileSync(`${repo}${path}`);

/** Runs the CLI in the repository; its standard output, whatever the exit code. */
export function run(...args) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`cargo build --all-features\` first`);
  try {
    return execFileSync(cli, args, { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    if (typeof e.status === 'number' && e.status <= 1) return e.stdout;
    throw e;
  }
}
