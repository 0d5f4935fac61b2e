// Unit tests of the page's plain modules (node --test): the adapter from the crate's report to rjsf
// errors, and the fold hour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ajvPointer, ajvWhereCrateIsSilent, crateRules, errorSchema, tokens } from '../src/crate-rules.js';
import { isFoldHour } from '../src/fold-hour.js';

test('a JSON pointer becomes the error schema path of its question', () => {
  assert.deepEqual(tokens('/contactDetails/contactPersons/0/email'), ['contactDetails', 'contactPersons', '0', 'email']);
  assert.deepEqual(tokens('/a~1b/c~0d'), ['a/b', 'c~d']);
  assert.deepEqual(tokens(''), []);
  const schema = errorSchema([
    { pointer: '/incident/lateReason', severity: 'error', message: 'Fråga 14 måste besvaras.' },
    { pointer: '/incident/description', severity: 'warning', message: 'Fråga 16 innehåller en e-postadress.' },
    { pointer: '', severity: 'error', message: 'Dokumentet.' },
  ], 'Varning: ');
  assert.deepEqual(schema, {
    incident: { lateReason: { __errors: ['Fråga 14 måste besvaras.'] }, description: { __errors: ['Varning: Fråga 16 innehåller en e-postadress.'] } },
    __errors: ['Dokumentet.'],
  });
});

test("Ajv's errors are kept only where the crate is silent", () => {
  const ajv = [
    { name: 'required', property: '.controller.name' },
    { name: 'required', property: '.controller' },
    { name: 'pattern', property: '.contactDetails.correspondenceAddress.postcode' },
    { name: 'if', property: '.incident' },
  ];
  assert.equal(ajvPointer(ajv[0]), '/controller/name');
  const kept = ajvWhereCrateIsSilent(ajv, new Set(['/controller/name']));
  assert.deepEqual(kept.map(ajvPointer), ['/contactDetails/correspondenceAddress/postcode']);
});

test("the adapter passes the page's language and the moment, and tells errors from warnings", () => {
  const calls = [];
  const imy = {
    validate(text, options) {
      calls.push([JSON.parse(text), options]);
      return { readable: true, valid: true, errors: 0, warnings: 1, skipped: [],
        violations: [{ pointer: '/incident/description', code: 'email-in-text', severity: 'warning', message: 'Question 16 …' }] };
    },
  };
  const result = crateRules(imy)({ incident: { description: 'x' } }, 'en', new Date('2026-12-02T01:50:00Z'));
  assert.deepEqual(calls, [[{ incident: { description: 'x' } }, { lang: 'en', submittedAt: '2026-12-02T01:50:00.000Z' }]]);
  assert.equal(result.errors, false);
  assert.deepEqual(result.extraErrors, { incident: { description: { __errors: ['Warning: Question 16 …'] } } });
  assert.deepEqual([...result.pointers], ['/incident/description']);
  assert.equal(crateRules(null)({}, 'sv').extraErrors, undefined);
});

test('the fold hour is 02:00–02:59 on the last Sunday of October only', () => {
  assert.ok(isFoldHour('2025-10-26', '02:00'));
  assert.ok(isFoldHour('2025-10-26', '02:59'));
  assert.ok(isFoldHour('2024-10-27', '02:30'));
  assert.ok(!isFoldHour('2025-10-26', '01:59'));
  assert.ok(!isFoldHour('2025-10-26', '03:00'));
  assert.ok(!isFoldHour('2025-10-19', '02:30'), 'a Sunday, not the last');
  assert.ok(!isFoldHour('2025-03-30', '02:30'), 'the spring gap is no fold');
  assert.ok(!isFoldHour('2025-10-26', undefined));
});
