// Each function of the package on its own: what it returns, its options, its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as imy from '../node.js';
import { ImyBreach, ImyBreachError, init } from '../index.js';
import { read } from './helpers.mjs';

const ransomware = read('examples/ransomware.json').toString('utf8');
const late = JSON.parse(read('examples/ransomware.json'));
late.submittedAt = '2024-05-20T10:00:00+02:00';
delete late.incident.lateReason;

test('validate: the report of one document, its language, moment and policy', () => {
  assert.deepEqual(imy.validate(ransomware),
    { readable: true, valid: true, errors: 0, warnings: 0, violations: [], skipped: [] });
  const empty = imy.validate('{"schemaVersion":"1.0"}', { lang: 'en' });
  assert.equal(empty.valid, false);
  assert.equal(empty.errors, empty.violations.filter((v) => v.severity === 'error').length);
  const name = empty.violations.find((v) => v.pointer === '/controller/name');
  assert.equal(name.code, 'required');
  assert.match(name.message, /must be answered|must be/);
  assert.ok(empty.skipped.includes('future-date'), 'no moment: the rules that need it are skipped');
  const sv = imy.validate('{"schemaVersion":"1.0"}', { lang: 'sv-SE' });
  assert.deepEqual(imy.validate('{"schemaVersion":"1.0"}', { lang: 'EN' }), empty);
  assert.deepEqual(imy.validate('{"schemaVersion":"1.0"}', { lang: 'en_GB' }), empty);
  assert.notEqual(sv.violations[0].message, empty.violations[0].message);
  // Late without question 14: the moment comes from the document, from submittedAt, or from now.
  const lateReport = imy.validate(late, { lang: 'en' });
  assert.ok(lateReport.violations.some((v) => v.code === 'late-reason-required'
    && v.pointer === '/incident/lateReason'), JSON.stringify(lateReport.violations));
  const onTime = { ...late, submittedAt: undefined };
  const early = imy.validate(onTime, { submittedAt: '2024-05-14T10:00:00+02:00' });
  assert.ok(!early.violations.some((v) => v.code === 'late-reason-required'));
  const byNow = imy.validate(onTime, { now: '2024-05-20T10:00:00+02:00' });
  assert.ok(byNow.violations.some((v) => v.code === 'late-reason-required'));
  // Bytes and objects are documents too; not JSON is a readable, invalid document.
  assert.deepEqual(imy.validate(new TextEncoder().encode(ransomware)), imy.validate(ransomware));
  const broken = imy.validate('{');
  assert.equal(broken.readable, true);
  assert.equal(broken.violations[0].code, 'json-syntax');
});

test('validate: personal data in free text is found', () => {
  const doc = JSON.parse(ransomware);
  doc.incident.description += ' Skriv till anna.exempel@example.org.';
  const r = imy.validate(doc, { lang: 'en' });
  assert.ok(r.violations.some((v) => v.code === 'email-in-text' && v.pointer === '/incident/description'));
  assert.ok(!JSON.stringify(r).includes('anna.exempel@example.org'), 'messages never echo personal data');
});

test('options are checked', () => {
  const fails = (f, code, pattern) => assert.throws(f, (e) => e instanceof ImyBreachError
    && e.code === code && pattern.test(e.message));
  fails(() => imy.validate(ransomware, { submitedAt: 'x' }), 'options', /unknown field `submitedAt`/);
  fails(() => imy.validate(ransomware, { lang: 'de' }), 'options', /lang/);
  fails(() => imy.validate(ransomware, { lang: 'english' }), 'options', /lang/);
  fails(() => imy.validate(ransomware, { policy: 'fast' }), 'options', /policy/);
  fails(() => imy.validate(ransomware, { submittedAt: '2025-04-01 10:00' }), 'options', /submittedAt/);
  fails(() => imy.deadlines(ransomware, {}), 'options', /now is required/);
  fails(() => imy.deadlines(ransomware, { now: '2025-04-01T10:00:00Z', regimes: ['hipaa'] }), 'options', /regimes/);
  fails(() => imy.render(ransomware, { format: 'html' }), 'options', /format/);
  fails(() => imy.schema({ ui: true }), 'options', /form/);
  assert.throws(() => imy.validate(ransomware, 'en'), TypeError);
  assert.throws(() => imy.validate(42), TypeError);
});

test('deadlines: judged at the given moment, no clock', () => {
  const at = (now) => imy.deadlines(ransomware, { now });
  const s = at('2024-05-14T10:00:00+02:00');
  assert.equal(s.now, '2024-05-14T10:00:00+02:00');
  const gdpr = s.obligations[0];
  assert.equal(gdpr.regime, 'gdpr');
  assert.equal(gdpr.deadline, '2024-05-16T06:40:00+02:00');
  assert.deepEqual(at('2024-05-14T10:00:00+02:00'), s, 'the same moment, the same answer');
  const nis2 = imy.deadlines(ransomware, { now: '2024-05-14T10:00:00+02:00', regimes: ['nis2'] });
  assert.ok(nis2.obligations.some((o) => o.regime === 'nis2'));
  assert.ok(!s.obligations.some((o) => o.regime === 'nis2'));
  assert.throws(() => imy.deadlines('{"schemaVersion":"1.0","incident":{"discovered":{"date":"2024-13-01"}}}',
    { now: '2024-05-14T10:00:00Z' }), (e) => e.code === 'unreadable' && e.violations.length > 0);
  // 02:30 on the night summer time begins does not exist in Sweden: the document's fault.
  const gap = JSON.parse(ransomware);
  gap.incident.discovered = { date: '2025-03-30', time: '02:30' };
  assert.throws(() => imy.deadlines(gap, { now: '2025-04-01T10:00:00Z', lang: 'en' }),
    (e) => e.code === 'unreadable' && e.violations[0].pointer === '/incident/discovered'
      && e.violations[0].code === 'local-time-gap' && /02:30/.test(e.message));
});

test('render: text and Markdown, Swedish and English, a summary with now', () => {
  const sv = imy.render(ransomware);
  const en = imy.render(ransomware, { lang: 'en', format: 'markdown' });
  assert.match(sv, /Personuppgiftsansvarig/);
  assert.match(en, /^# Personal data breach notification/);
  assert.doesNotMatch(sv, /^#/);
  const summary = imy.render(ransomware, { lang: 'en', now: '2024-05-14T10:00:00+02:00' });
  assert.ok(summary.length > sv.length / 2 && summary !== imy.render(ransomware, { lang: 'en' }));
  assert.throws(() => imy.render('[]'), (e) => e.code === 'unreadable');
});

test('redact: contact persons and personal data in text masked, the rest kept', () => {
  const doc = JSON.parse(ransomware);
  doc.incident.description += ' Ring 070-174 06 05.';
  const { notification, markingProblems, rendered } = imy.redact(doc, { lang: 'en' });
  assert.equal(rendered, undefined);
  assert.deepEqual(markingProblems, []);
  assert.ok(!notification.incident.description.includes('070-174 06 05'));
  assert.match(notification.incident.description, /REDACTED/);
  assert.equal(notification.controller.name, doc.controller.name);
  assert.equal(imy.validate(notification).readable, true);
  const kept = imy.redact(doc, { keepPersonalDataInText: true, keepContactPersons: true });
  assert.match(kept.notification.incident.description, /070-174 06 05/);
  assert.match(imy.redact(doc, { format: 'markdown', lang: 'sv' }).rendered, /MASKERAT/);
});

test('schema: canonical, localized, the form profile and its uiSchema', () => {
  const canonical = imy.schema();
  const file = JSON.parse(readFileSync(new URL('../../schema/notification.schema.json', import.meta.url)));
  assert.deepEqual(canonical, file);
  assert.equal(imy.schema({ lang: 'sv' }).properties.controller.title, 'Personuppgiftsansvarig');
  assert.ok(imy.schema({ profile: 'form', lang: 'en' }).$defs);
  assert.ok(!('$defs' in imy.schema({ profile: 'form', ui: true })));
});

test('rules: the catalogue in both languages', () => {
  const en = imy.rules({ lang: 'en' });
  const sv = imy.rules();
  assert.equal(en.lang, 'en');
  assert.equal(sv.lang, 'sv');
  assert.equal(en.rules.length, sv.rules.length);
  const late = en.rules.find((r) => r.code === 'late-reason-required');
  assert.equal(late.needsSubmissionMoment, true);
  assert.notEqual(late.checks, sv.rules.find((r) => r.code === 'late-reason-required').checks);
  assert.ok(en.requiredAnswers.some((r) => r.pointer === '/controller/name'));
});

test('the versions of the package, the crate and the module agree', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url)));
  assert.equal(imy.version(), pkg.version);
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(/^version = "([^"]+)"/m.exec(cargo)[1], pkg.version, 'package.json follows the crate');
  const wasmCargo = readFileSync(new URL('../crate/Cargo.toml', import.meta.url), 'utf8');
  assert.equal(/^version = "([^"]+)"/m.exec(wasmCargo)[1], pkg.version);
});

test('the browser loader: bytes, a streamed Response, a compiled module; nothing before init', async () => {
  const bytes = readFileSync(new URL('../imy_breach.wasm', import.meta.url));
  const fromBytes = await init(bytes);
  assert.ok(fromBytes instanceof ImyBreach);
  const streamed = await init(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
  const module = await WebAssembly.compile(bytes);
  const compiled = await init(module);
  for (const api of [fromBytes, streamed, compiled]) {
    assert.deepEqual(api.validate(ransomware), imy.validate(ransomware));
  }
  await assert.rejects(init(new Response('nope', { status: 404 })), /HTTP 404/);
  // A fresh copy of the browser entry has no module until init.
  const fresh = await import(`../index.js?fresh=${Date.now()}`);
  assert.throws(() => fresh.validate(ransomware), /await init\(\)/);
});
