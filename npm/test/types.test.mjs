// wire.d.ts is what scripts/gen-types.mjs makes of the committed schema: short names from $defs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { generate } from '../scripts/gen-types.mjs';

const schema = JSON.parse(readFileSync(new URL('../../schema/notification.schema.json', import.meta.url)));
const committed = readFileSync(new URL('../wire.d.ts', import.meta.url), 'utf8');

test('wire.d.ts is in sync with schema/notification.schema.json (`npm run types` regenerates)', () => {
  assert.equal(generate(schema), committed);
});

test('one type per $defs key, named by the key, and Notification; no sentence names, no tuples', () => {
  const names = [...committed.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual(names, ['Notification', ...Object.keys(schema.$defs)]);
  assert.ok(names.every((n) => n.length <= 30), names.join(', '));
  assert.ok(committed.split('\n').length < 1500, 'the maxItems do not expand');
  assert.match(committed, /export type YesNo = "yes" \| "no";/);
  assert.match(committed, /discovered: EventTime;/);
  assert.match(committed, /contactPersons\??: ContactPerson\[\];/);
});

test('the generator follows a change of the schema', () => {
  const changed = structuredClone(schema);
  changed.$defs.YesNo.oneOf.push({ const: 'maybe' });
  changed.$defs.Extra = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
  const text = generate(changed);
  assert.match(text, /export type YesNo = "yes" \| "no" \| "maybe";/);
  assert.match(text, /export interface Extra \{\n {2}n: number;\n\}/);
  assert.notEqual(text, committed);
});
