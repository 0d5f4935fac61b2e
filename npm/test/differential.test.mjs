// The package and the CLI give the same answers for the same input: every document of the corpus
// and every example, with the same options, through `validate`; the other commands on the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as imy from '../node.js';
import { corpus, read, run } from './helpers.mjs';

const docs = corpus();

const cases = [
  { name: 'defaults', cli: [], options: {} },
  { name: 'English, a submission moment, the legal policy',
    cli: ['--lang', 'en', '--submitted-at', '2025-04-01T10:00:00+02:00', '--policy', 'legal'],
    options: { lang: 'en', submittedAt: '2025-04-01T10:00:00+02:00', policy: 'legal' } },
];

test('the corpus is there: notifications, breach records, supplements, phased filings', () => {
  assert.ok(docs.length > 70, `only ${docs.length} documents`);
  for (const dir of ['tests/data/records/', 'examples/records/', 'examples/supplements/', 'examples/phased/']) {
    assert.ok(docs.filter((d) => d.startsWith(dir)).length >= 2, dir);
  }
});

for (const c of cases) {
  test(`validate: the package's report equals the CLI's on ${docs.length} documents (${c.name})`, () => {
    const { files } = JSON.parse(run('validate', '--format', 'json', ...c.cli, ...docs));
    assert.equal(files.length, docs.length);
    let invalid = 0;
    for (const [i, path] of docs.entries()) {
      const { file, ...expected } = files[i];
      assert.equal(file, path);
      const report = imy.validate(read(path), c.options);
      assert.deepEqual(report, expected, path);
      invalid += report.valid ? 0 : 1;
    }
    assert.ok(invalid > 30, `the corpus has invalid documents (${invalid})`);
  });
}

// The other commands take notifications: the examples less the records and supplements.
const examples = docs.filter((d) => d.startsWith('examples/') && !/^examples\/(records|supplements)\//.test(d));
const now = '2025-04-01T10:00:00+02:00';

test('deadlines, render, redact equal the CLI on the examples', () => {
  assert.ok(examples.length >= 4);
  for (const path of examples) {
    const text = read(path);
    assert.deepEqual(
      imy.deadlines(text, { now, regimes: ['nis2', 'dora'], policy: 'legal' }),
      JSON.parse(run('deadline', path, '--now', now, '--regime', 'nis2', '--regime', 'dora',
        '--policy', 'legal', '--format', 'json')),
      path,
    );
    assert.equal(imy.render(text, { lang: 'en', format: 'markdown' }),
      run('render', path, '--lang', 'en', '--format', 'markdown'), path);
    assert.equal(imy.render(text, { lang: 'sv', now }), run('render', path, '--summary', '--now', now), path);
    assert.deepEqual(imy.redact(text, { lang: 'en' }).notification,
      JSON.parse(run('redact', path, '--lang', 'en')), path);
    assert.equal(imy.redact(text, { format: 'text', keepContactPersons: true }).rendered,
      run('redact', path, '--format', 'text', '--keep-contact-persons'), path);
  }
});

test('schema and rules equal the CLI', () => {
  assert.deepEqual(imy.schema(), JSON.parse(run('schema')));
  assert.deepEqual(imy.schema({ lang: 'en' }), JSON.parse(run('schema', '--lang', 'en')));
  assert.deepEqual(imy.schema({ profile: 'form', lang: 'en' }),
    JSON.parse(run('schema', '--profile', 'form', '--lang', 'en')));
  assert.deepEqual(imy.schema({ profile: 'form', ui: true }),
    JSON.parse(run('schema', '--profile', 'form', '--ui')));
  assert.deepEqual(imy.rules({ lang: 'en' }), JSON.parse(run('rules', '--lang', 'en', '--format', 'json')));
  assert.deepEqual(imy.rules(), JSON.parse(run('rules', '--format', 'json')));
});

test('a document over 1 MiB: the same code, pointer and severity (the CLI, which stops reading, says "more than")', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const big = `{"schemaVersion":"1.0","incident":{"description":"${'a'.repeat(1_100_000)}"}}`;
  const path = `${mkdtempSync(`${tmpdir()}/imy-breach-`)}/big.json`;
  writeFileSync(path, big);
  const { files: [{ file, ...cli }] } = JSON.parse(run('validate', '--format', 'json', '--lang', 'en', path));
  const pkg = imy.validate(big, { lang: 'en' });
  const strip = (r) => ({ ...r, violations: r.violations.map(({ message, ...v }) => v) });
  assert.deepEqual(strip(pkg), strip(cli));
  assert.equal(pkg.violations[0].code, 'document-too-large');
  assert.match(pkg.violations[0].message, /1100053 bytes/);
});
