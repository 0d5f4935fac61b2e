// Differential check: Ajv (JSON Schema 2020-12, formats on) against the Rust validator.
//
// Every example and every corpus document (tests/data/valid, tests/data/invalid) is validated by Ajv
// against the canonical schema, and by `imy-breach validate`. On every rule the schema expresses
// (`inSchema` in `imy-breach rules --format json`) the verdicts must agree: Ajv rejects a document
// exactly when the Rust validator reports an error from such a rule, and every such Rust error has an
// Ajv error at the same JSON pointer or below it (Ajv reports a missing member at its parent object;
// the pointer used here is the parent's plus the missing member, as the Rust side reports it; a
// missing object also accounts for the answers inside it). Documents that are not JSON at
// all are left to the Rust side (Ajv cannot read them), and so are rules the schema cannot express.
// The last line reports "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = process.env.IMY_BREACH_BIN ?? join(ROOT, 'target', 'debug', 'imy-breach');
if (!existsSync(BIN)) {
  console.error(`imy-breach binary not found at ${BIN}: run "cargo build --features cli" first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'notification.schema.json'), 'utf8'));
// Strict about unknown keywords and formats. `strictTypes` is off: the conditions (`if`/`then`/`else`)
// carry `required` or `minimum` without repeating the `type` their parent already fixes, which is
// valid JSON Schema (Ajv's own default only logs it).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
// The schema's own annotation keywords (`x-…`); everything else stays strict.
const annotations = new Set();
(function collect(v) {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) {
      if (k.startsWith('x-')) annotations.add(k);
      else collect(c);
    }
  }
})(schema);
ajv.addVocabulary([...annotations]);
addFormats(ajv);
const validate = ajv.compile(schema);

const rules = JSON.parse(execFileSync(BIN, ['rules', '--format', 'json', '--lang', 'en'], { encoding: 'utf8' })).rules;
const inSchema = new Set(rules.filter((r) => r.inSchema).map((r) => r.code));
if (inSchema.size === 0) throw new Error('no rule is marked as expressed by the schema');

const files = [];
const collect = (dir, keep) => {
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.json') && !name.endsWith('.expected.json') && keep(name)) files.push(join(dir, name));
  }
};
collect(join(ROOT, 'examples'), () => true);
collect(join(ROOT, 'tests', 'data', 'valid'), () => true);
collect(join(ROOT, 'tests', 'data', 'invalid'), () => true);
// The fuzzer's findings: member names with `/` and `~`, bytes that are not UTF-8, deep nesting.
collect(join(ROOT, 'tests', 'data', 'fuzz'), () => true);

// One run of the Rust validator over every file; exit status 1 just means some are invalid.
let out;
try {
  out = execFileSync(BIN, ['validate', '--format', 'json', '--lang', 'en', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
} catch (e) {
  if (e.status !== 1) throw e;
  out = e.stdout;
}
const rust = new Map(JSON.parse(out).files.map((f) => [f.file, f]));

let passed = 0;
let failed = 0;
let notJson = 0;
for (const file of files) {
  const rel = file.slice(ROOT.length);
  const r = rust.get(file);
  if (!r) {
    failed++;
    console.log(`not ok - ${rel}: no result from the Rust validator`);
    continue;
  }
  let doc;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)));
    // The Rust reader refuses some JSON that Node reads (nesting deeper than its limit): then
    // there is no document to compare either.
    if (r.violations.some((v) => v.code === 'json-syntax')) throw new Error('not JSON for the Rust reader');
  } catch {
    // Not JSON: Ajv has nothing to say; the Rust side must reject it as such.
    notJson++;
    const codes = r.violations.map((v) => v.code);
    if (codes.includes('json-syntax')) passed++;
    else {
      failed++;
      console.log(`not ok - ${rel}: not JSON, but the Rust validator reported ${JSON.stringify(codes)}`);
    }
    continue;
  }
  const ajvRejects = !validate(doc);
  const member = (e) => e.params.missingProperty ?? e.params.additionalProperty ?? e.params.unevaluatedProperty;
  // A member name as a JSON pointer token (RFC 6901), as the Rust side writes it.
  const token = (name) => String(name).replaceAll('~', '~0').replaceAll('/', '~1');
  const ajvErrors = (validate.errors ?? []).map((e) => ({
    pointer: member(e) === undefined ? e.instancePath : `${e.instancePath}/${token(member(e))}`,
    missing: e.keyword === 'required',
  }));
  // Same place, or below it; or a missing member that contains it (an absent object lacks its answers).
  const matches = (v) => (a) =>
    a.pointer === v.pointer || a.pointer.startsWith(`${v.pointer}/`) || (a.missing && v.pointer.startsWith(`${a.pointer}/`));
  const schemaErrors = r.violations.filter((v) => v.severity === 'error' && inSchema.has(v.code));
  const rustRejects = schemaErrors.length > 0;
  const unmatched = schemaErrors.filter((v) => !ajvErrors.some(matches(v)));
  if (ajvRejects === rustRejects && unmatched.length === 0) {
    passed++;
  } else {
    failed++;
    const where = unmatched.length ? `; no Ajv error at ${unmatched.map((v) => v.pointer).join(', ')}` : '';
    console.log(`not ok - ${rel}: Ajv ${ajvRejects ? 'rejects' : 'accepts'}, Rust ${rustRejects ? 'rejects' : 'accepts'}${where}`);
    if (ajvRejects) console.log(`  Ajv: ${ajv.errorsText(validate.errors, { separator: '\n  Ajv: ' })}`);
    for (const v of schemaErrors) console.log(`  Rust: ${v.pointer} [${v.code}] ${v.message}`);
  }
}
// The form profiles (what the web form renders): every example and valid document passes them, and
// a partly answered question 13 (a time, no date) fails only where it is incomplete: no "must NOT
// have unevaluated properties" beside the real error.
for (const lang of ['sv', 'en']) {
  const name = `notification.form.${lang}.schema.json`;
  const profile = JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'));
  const pajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  const keys = new Set();
  (function collect(v) {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) (k.startsWith('x-') ? keys.add(k) : collect(c));
  })(profile);
  pajv.addVocabulary([...keys]);
  addFormats(pajv);
  const check = pajv.compile(profile);
  const valid = files.filter((f) => !f.includes('/invalid/') && !f.includes('/fuzz/'));
  const refused = valid.filter((f) => !check(JSON.parse(readFileSync(f, 'utf8'))));
  const report = (ok, what) => {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? 'ok' : 'not ok'} - ${name}: ${what}`);
  };
  report(refused.length === 0, `accepts the ${valid.length} examples and valid documents${refused.length ? `; refuses ${refused.map((f) => f.slice(ROOT.length)).join(', ')}` : ''}`);
  const base = JSON.parse(readFileSync(join(ROOT, 'examples', 'misdirected-email.json'), 'utf8'));
  const partly = structuredClone(base);
  partly.incident.ongoing = 'no';
  partly.incident.ceased = { time: '10:00' };
  const rejected = !check(partly);
  const messages = (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  report(rejected && messages.some((m) => m.startsWith('/incident/ceased')) && !messages.some((m) => m.includes('unevaluated')),
    `a partly answered question 13 fails at /incident/ceased only: ${JSON.stringify(messages)}`);
  partly.incident.ceased = { date: '2025-03-28', time: '10:00' };
  report(check(partly), 'question 13 with a date and a time passes');
  partly.incident.ongoing = 'yes';
  report(!check(partly), 'question 13 is refused where question 12 is "Ja"');
}
console.log(`${files.length} documents (${notJson} not JSON); schema-expressed rules: ${inSchema.size}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
