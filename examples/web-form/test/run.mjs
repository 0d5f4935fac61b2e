// Browser test of the generated form: Debian's Chromium driven by playwright-core.
//
// Fills IMY's form as a person would and checks that conditional questions come and go, that nothing
// is pre-selected, that the crate's own messages (the `imy-breach` package) appear at the questions
// they concern in the page's language, Swedish or English, that the form's controls behave (a contact
// person row at the start, a time input, the UTC offset only in the fold hour, markings chosen from
// the answered questions), and that the submitted notification passes the Rust validator
// (`imy-breach validate`). On failure a screenshot is saved in test-results/. The last line reports
// "N passed, N failed".
//
// Needs the page built (`npm run build`, done by `npm test`) and the CLI built
// (`cargo build --features cli` at the crate root); IMY_BREACH_BIN overrides the binary's path.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { launch, serve } from './harness.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = join(HERE, '..', 'test-results');
const BIN = process.env.IMY_BREACH_BIN ?? join(HERE, '..', '..', '..', 'target', 'debug', 'imy-breach');

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// --- helpers -------------------------------------------------------------------------------------

const present = async (page, selector) => (await page.locator(selector).count()) > 0;

async function expectPresent(page, selector, yes, what) {
  // rjsf re-renders after each change: wait for the field to come or go (up to 2 s), then decide.
  await page.locator(selector).first().waitFor({ state: yes ? 'attached' : 'detached', timeout: 2000 }).catch(() => {});
  assert.equal(await present(page, selector), yes, `${what}: expected ${yes ? 'shown' : 'hidden'} (${selector})`);
}

/** Clicks the radio button with this label inside the question's group. */
async function answer(page, id, label) {
  const radios = page.locator(`input[type=radio][id^="${id}-"]`);
  const n = await radios.count();
  for (let i = 0; i < n; i++) {
    const r = radios.nth(i);
    const text = (await page.locator(`label:has(#${await r.getAttribute('id')})`).innerText()).trim();
    if (text === label) {
      await r.check();
      return;
    }
  }
  throw new Error(`no radio "${label}" for ${id}`);
}

async function add(page, arrayId) {
  await page.locator(`#${arrayId}`).locator('button.add-button').last().click();
}

async function submit(page) {
  await page.locator('button[type=submit]').click();
  // Either the document or rjsf's error list appears.
  await page.waitForSelector('#notification-json, .errors', { timeout: 2000 });
}

/** The error messages shown with the field (or group) of this id. */
async function errorsAt(page, id) {
  const group = page.locator(`#${id}`).first().locator('xpath=ancestor-or-self::*[contains(concat(" ", @class, " "), " form-group ")][1]');
  // Only the group's own list, not those of the fields inside a group.
  return (await group.locator(':scope > .error-detail li, :scope > div > .error-detail li').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

async function submittedJson(page) {
  const pre = page.locator('#notification-json');
  if ((await pre.count()) === 0) return null;
  return JSON.parse(await pre.innerText());
}

// --- tests ---------------------------------------------------------------------------------------

test('every question is shown with its Swedish label', async (page) => {
  const text = await page.locator('form').innerText();
  for (const label of [
    '1. Organisationens namn', '2. Organisationsnummer', '3. Organisationens postadress',
    '4. Er organisations interna referensnummer', '9. Den adress ni önskar bli kontaktad på',
    '10. När inträffade incidenten?', '11. När upptäckte ni incidenten?', '12. Pågår incidenten fortfarande?',
    '14. Om er anmälan kommer in senare än 72 timmar efter att ni upptäckte incidenten, beskriv varför.',
    '15. Vad har hänt vid incidenten?', '16. Kort beskrivning av incidenten', '17. Hur upptäckte ni incidenten?',
    '18. Varför inträffade incidenten enligt er uppfattning?', '19. Inom vilken sektor inträffade incidenten?',
    '20. Inom vilket verksamhetsområde inträffade incidenten?',
    '21. Gäller incidenten en personuppgiftsbehandling som hanteras av anlitade personuppgiftsbiträden eller underbiträden?',
    '23. Hur många registrerade har påverkats?', '24. Hur många uppgifter om de registrerade har påverkats totalt?',
    '25. Vilka grupper tillhör de registrerade?', '26. Vilken sorts personuppgifter har incidenten drabbat?',
    '27. Var personuppgifterna krypterade?', '28. Vad kan bli konsekvenserna av incidenten?',
    '29. Hur allvarlig bedömer ni att incidenten är?', '30. Hur har ni agerat efter incidenten?',
    '31. Har ni informerat de registrerade?',
    '36. Avser ni att komplettera er anmälan? Om ni ska komplettera anmälan så måste det ske skyndsamt',
    '37. Om ni anser att viss information i er anmälan bör omfattas av sekretess',
    'Personuppgiftsansvarig', 'Kontaktuppgifter för anmälan', 'Incidenten', 'Biträden',
    'Uppgifterna och de registrerade', 'Konsekvenser', 'Information till de registrerade',
    'Komplettering/eventuell sekretess', 'Skolelever i förskola, grundskola eller gymnasium', 'Kan inte ange för närvarande',
  ]) {
    assert.ok(text.includes(label), `label missing: ${label}`);
  }
  for (const label of ['5. Kontaktpersonens namn', '6. Kontaktpersonens roll', '7. Kontaktpersonens e-post', '8. Kontaktpersonens telefonnummer']) {
    assert.ok(text.includes(label), `label missing: ${label}`);
  }
});

test('no choice is pre-selected in an untouched form', async (page) => {
  // The form has choices to pre-select: radio buttons, checkboxes and selects.
  for (const kind of ['input[type=radio]', 'input[type=checkbox]', 'select']) {
    assert.ok((await page.locator(kind).count()) > 0, `no ${kind} in the form`);
  }
  assert.equal(await page.locator('input[type=radio]:checked').count(), 0, 'a radio button is checked');
  assert.equal(await page.locator('input[type=checkbox]:checked').count(), 0, 'a checkbox is checked');
  const selects = await page.locator('select').evaluateAll((els) => els.map((e) => [e.id, e.value]));
  for (const [id, value] of selects) assert.equal(value, '', `select ${id} has a value`);
  const texts = await page.locator('input:not([type=radio]):not([type=checkbox]):not([type=hidden]), textarea').evaluateAll((els) => els.filter((e) => e.value !== '').map((e) => e.id));
  assert.deepEqual(texts, [], 'fields filled in before anyone typed');
});

test('conditional questions appear and disappear with the answers', async (page) => {
  // 13 after 12 = Nej.
  await expectPresent(page, '#root_incident_ceased_date', false, 'question 13 before 12');
  await answer(page, 'root_incident_ongoing', 'Nej');
  await expectPresent(page, '#root_incident_ceased_date', true, 'question 13 after 12 = Nej');
  await answer(page, 'root_incident_ongoing', 'Ja');
  await expectPresent(page, '#root_incident_ceased_date', false, 'question 13 after 12 = Ja');
  // 22 after 21 = Ja.
  await expectPresent(page, '#root_processors_organisations', false, 'question 22 before 21');
  await answer(page, 'root_processors_involved', 'Ja');
  await expectPresent(page, '#root_processors_organisations', true, 'question 22 after 21 = Ja');
  await answer(page, 'root_processors_involved', 'Nej');
  await expectPresent(page, '#root_processors_organisations', false, 'question 22 after 21 = Nej');
  // 32 after 31 = Ja; 33 after 31 = Nej; 34 after 33 = Ja; 35 after 33 = Nej.
  const q = (id) => `[id^="root_dataSubjectInformation_${id}"]`;
  await expectPresent(page, q('informedOn'), false, 'question 32 before 31');
  await expectPresent(page, q('willInform'), false, 'question 33 before 31');
  await answer(page, 'root_dataSubjectInformation_informed', 'Ja');
  await expectPresent(page, q('informedOn'), true, 'question 32 after 31 = Ja');
  await expectPresent(page, q('willInform'), false, 'question 33 after 31 = Ja');
  await answer(page, 'root_dataSubjectInformation_informed', 'Nej');
  await expectPresent(page, q('informedOn'), false, 'question 32 after 31 = Nej');
  await expectPresent(page, q('willInform'), true, 'question 33 after 31 = Nej');
  await expectPresent(page, q('plannedOn'), false, 'question 34 before 33');
  await expectPresent(page, q('reasonNotInforming'), false, 'question 35 before 33');
  await answer(page, 'root_dataSubjectInformation_willInform', 'Ja');
  await expectPresent(page, q('plannedOn'), true, 'question 34 after 33 = Ja');
  await expectPresent(page, q('reasonNotInforming'), false, 'question 35 after 33 = Ja');
  await answer(page, 'root_dataSubjectInformation_willInform', 'Nej');
  await expectPresent(page, q('plannedOn'), false, 'question 34 after 33 = Nej');
  await expectPresent(page, q('reasonNotInforming'), true, 'question 35 after 33 = Nej');
  // The "Övrigt" comment of question 18.
  await expectPresent(page, '#root_incident_causeComment', false, 'comment 18 before Övrigt');
  await page.selectOption('#root_incident_cause', { label: 'Övrigt' });
  await expectPresent(page, '#root_incident_causeComment', true, 'comment 18 after Övrigt');
  await page.selectOption('#root_incident_cause', { label: 'Brister i organisatoriska rutiner' });
  await expectPresent(page, '#root_incident_causeComment', false, 'comment 18 after another cause');
});

test("a missing required answer gives the crate's Swedish message at the question, and no document", async (page) => {
  await page.fill('#root_controller_postalAddress_postcode', '123 45');
  await page.fill('#root_controller_postalAddress_city', 'Exempelstad');
  await submit(page);
  assert.equal(await submittedJson(page), null, 'a document was produced');
  const at = await errorsAt(page, 'root_controller_name');
  assert.deepEqual(at, ['Fråga 1 (Organisationens namn) måste besvaras.'], 'the crate message at question 1');
  const all = (await page.locator('.errors, .error-detail').allInnerTexts()).join('\n');
  // The crate speaks for the pointer: no Ajv wording there, and no English anywhere.
  assert.doesNotMatch(all, /borde ha den nödvändiga egenskapen '1\. /, `Ajv's message beside the crate's: ${all.slice(0, 300)}`);
  assert.doesNotMatch(all, /\bmust\b/, `English message shown: ${all.slice(0, 300)}`);
});

test('a filled-in notification is accepted by the Rust validator', async (page) => {
  // Personuppgiftsansvarig
  await page.fill('#root_controller_name', 'Exempelstads stadsdelsförvaltning');
  await page.fill('#root_controller_organisationNumber', '212000-0142');
  await page.fill('#root_controller_postalAddress_street', 'Box 100');
  await page.fill('#root_controller_postalAddress_postcode', '123 45');
  await page.fill('#root_controller_postalAddress_city', 'Exempelstad');
  await page.fill('#root_controller_postalAddress_country', 'Sverige');
  // Kontaktuppgifter: the first row is there from the start.
  await page.fill('#root_contactDetails_contactPersons_0_name', 'Karin Exempelsson');
  await page.fill('#root_contactDetails_contactPersons_0_role', 'Dataskyddsombud');
  await page.fill('#root_contactDetails_contactPersons_0_email', 'dataskyddsombud@exempelstad.se');
  await page.fill('#root_contactDetails_contactPersons_0_phone', '070-174 06 50');
  await page.fill('#root_contactDetails_correspondenceAddress_street', 'Box 100');
  await page.fill('#root_contactDetails_correspondenceAddress_postcode', '12345');
  await page.fill('#root_contactDetails_correspondenceAddress_city', 'Exempelstad');
  // Incidenten: dates and times, 12 = Nej with 13, a choice with Övrigt and its comment.
  await page.fill('#root_incident_occurred_date', '2025-03-27');
  await page.fill('#root_incident_occurred_time', '12:40');
  await page.fill('#root_incident_discovered_date', '2025-03-28');
  await page.fill('#root_incident_discovered_time', '09:15');
  await answer(page, 'root_incident_ongoing', 'Nej');
  await page.fill('#root_incident_ceased_date', '2025-03-28');
  await page.fill('#root_incident_ceased_time', '10:00');
  // Filed long after the 72 hours (the page counts them to now): question 14 is needed.
  await page.fill('#root_incident_lateReason', 'Anmälan lämnas i efterhand, som ett exempel.');
  await page.selectOption('#root_incident_nature', { label: 'Obehörigt röjande genom felaktigt utskick av mejl/brev/sms' });
  await page.fill('#root_incident_description', 'En beställning skickades till en falsk servicedeskadress i den globala adressboken.');
  await page.selectOption('#root_incident_discoveryMethod', { label: 'En anställd informerade oss' });
  await page.selectOption('#root_incident_cause', { label: 'Övrigt' });
  await page.fill('#root_incident_causeComment', 'En förfalskad adress i adressboken.');
  await page.selectOption('#root_incident_sector', { label: 'Offentlig sektor' });
  await page.selectOption('#root_incident_areaOfActivity', { label: 'Kommun eller region' });
  // Biträden: 21 = Ja and one processor.
  await answer(page, 'root_processors_involved', 'Ja');
  await add(page, 'root_processors_organisations');
  await page.fill('#root_processors_organisations_0_name', 'Exempel IT AB');
  await page.fill('#root_processors_organisations_0_organisationNumber', '556999-9997');
  // Uppgifterna och de registrerade
  await page.fill('#root_dataAndSubjects_subjectCount_exact', '1');
  await page.selectOption('#root_dataAndSubjects_recordCount_interval', { label: '1 - 10' });
  await page.getByLabel('Anställda hos den personuppgiftsansvarige').check();
  await page.getByLabel('Identifierande information (till exempel för- och efternamn)').check();
  await page.getByLabel('Kontaktinformation').check();
  await answer(page, 'root_dataAndSubjects_encrypted', 'Nej');
  // Konsekvenser: two actions.
  await page.getByLabel('Den registrerade förlorar kontrollen över de egna personuppgifterna').check();
  await page.selectOption('#root_consequences_severity', { label: '2. Mindre allvarlig' });
  await add(page, 'root_consequences_actions');
  await page.fill('#root_consequences_actions_0_date', '2025-03-28');
  await page.fill('#root_consequences_actions_0_time', '09:30');
  await page.fill('#root_consequences_actions_0_description', 'Ärendet anmäldes till leverantörens servicedesk.');
  await add(page, 'root_consequences_actions');
  await page.fill('#root_consequences_actions_1_date', '2025-03-28');
  await page.fill('#root_consequences_actions_1_time', '10:00');
  await page.fill('#root_consequences_actions_1_description', 'Den falska adressen togs bort ur adressboken.');
  // Information till de registrerade: 31 = Nej, 33 = Ja, 34.
  await answer(page, 'root_dataSubjectInformation_informed', 'Nej');
  await answer(page, 'root_dataSubjectInformation_willInform', 'Ja');
  await page.fill('#root_dataSubjectInformation_plannedOn', '2025-03-31');
  // Komplettering, and a marking chosen by the question's label.
  await answer(page, 'root_supplementAndConfidentiality_intendsToSupplement', 'Nej');
  await add(page, 'root_supplementAndConfidentiality_confidentialityMarkings');
  const marking = 'root_supplementAndConfidentiality_confidentialityMarkings_0';
  await page.selectOption(`#${marking}_pointer`, { label: 'Kontaktpersoner (nr 1) – 6. Kontaktpersonens roll' });
  await page.selectOption(`#${marking}_ground`, { label: 'Uppgift om vem som har lämnat anmälan' });
  await page.fill(`#${marking}_reason`, 'Rollen pekar ut den som anmälde.');

  await submit(page);
  const doc = await submittedJson(page);
  assert.ok(doc, `no document; errors: ${(await page.locator('.errors').allInnerTexts()).join(' | ')}`);
  assert.equal(doc.schemaVersion, '1.1');
  assert.equal(doc.incident.causeComment, 'En förfalskad adress i adressboken.');
  assert.equal(doc.consequences.actions.length, 2);
  assert.equal(doc.processors.organisations[0].name, 'Exempel IT AB');
  assert.equal(doc.supplementAndConfidentiality.confidentialityMarkings[0].pointer, '/contactDetails/contactPersons/0/role');

  const dir = mkdtempSync(join(tmpdir(), 'imy-form-'));
  const file = join(dir, 'notification.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  let out;
  try {
    out = execFileSync(BIN, ['validate', '--format', 'json', '--lang', 'sv', file], { encoding: 'utf8' });
  } catch (e) {
    throw new Error(`imy-breach validate exited ${e.status}: ${e.stdout}${e.stderr}`);
  }
  const result = JSON.parse(out);
  const errors = result.files[0].violations.filter((v) => v.severity === 'error');
  assert.deepEqual(errors, [], 'the Rust validator found errors');
});

test('a late notification without question 14 gets the crate message there', async (page) => {
  await page.fill('#root_incident_discovered_date', '2025-03-28');
  await submit(page);
  const at = (await errorsAt(page, 'root_incident_lateReason')).join('\n');
  assert.match(at, /^Fråga 14 \(Om er anmälan kommer in senare än 72 timmar/, `no crate message at 14: ${at}`);
  await page.fill('#root_incident_lateReason', 'Incidenten upptäcktes under en semesterperiod.');
  const after = await errorsAt(page, 'root_incident_lateReason');
  assert.deepEqual(after, [], 'the message stayed after question 14 was answered');
});

test('an e-mail address in a free text gets the crate warning there', async (page) => {
  await page.fill('#root_incident_description', 'Listan skickades till kim.exempel@example.org av misstag.');
  await submit(page);
  const at = (await errorsAt(page, 'root_incident_description')).join('\n');
  assert.match(at, /^Varning: Fråga 16 \(Kort beskrivning av incidenten\) innehåller en e-postadress/, `no crate warning at 16: ${at}`);
  assert.doesNotMatch(at, /kim\.exempel/, 'the message echoes the address');
});

test('a partly answered question 13 gives its own error and nothing spurious', async (page) => {
  await answer(page, 'root_incident_ongoing', 'Nej');
  await page.fill('#root_incident_ceased_time', '10:00');
  await submit(page);
  const all = (await page.locator('.errors, .error-detail').allInnerTexts()).join('\n');
  assert.doesNotMatch(all, /unevaluated|utvärderade/i, `spurious error: ${all.slice(0, 400)}`);
  assert.doesNotMatch(all, /\bmust\b/, `English message shown: ${all.slice(0, 300)}`);
  const at = (await errorsAt(page, 'root_incident_ceased')).join('\n');
  assert.ok(at.length > 0, 'no error at question 13');
});

test('the language switch swaps questions, interface strings and messages', async (page) => {
  await page.fill('#root_controller_postalAddress_city', 'Exempelstad');
  await page.click('#lang-en');
  await page.waitForSelector('text=1. Organisation name (the controller)');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.inputValue('#root_controller_postalAddress_city'), 'Exempelstad', 'the answers were lost');
  const form = await page.locator('form').innerText();
  assert.ok(form.includes('Contact person 1'), 'item title not in English');
  assert.ok(!form.includes('Kontaktperson'), 'Swedish left in the English page');
  assert.equal((await page.locator('button.add-button').first().innerText()).trim(), 'Add new');
  await submit(page);
  assert.deepEqual(await errorsAt(page, 'root_controller_name'), ['Question 1 (Organisation name (the controller)) must be answered.']);
  const all = (await page.locator('.errors, .error-detail').allInnerTexts()).join('\n');
  assert.doesNotMatch(all, /borde|måste/, `Swedish message in the English page: ${all.slice(0, 300)}`);
  await page.click('#lang-sv');
  await page.waitForSelector('text=1. Organisationens namn');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
});

test('one contact person row at the start, titled as the form', async (page) => {
  assert.equal(await page.locator('#root_contactDetails_contactPersons_0_name').count(), 1, 'no first row');
  assert.equal(await page.locator('#root_contactDetails_contactPersons_1_name').count(), 0, 'two rows at the start');
  let form = await page.locator('form').innerText();
  assert.ok(form.includes('Kontaktperson 1'), 'the row is not titled "Kontaktperson 1"');
  assert.doesNotMatch(form, /Kontaktpersoner-1/);
  await add(page, 'root_contactDetails_contactPersons');
  form = await page.locator('form').innerText();
  assert.ok(form.includes('Kontaktperson 2'), 'the second row is not titled "Kontaktperson 2"');
});

test('times are time inputs; the UTC offset is asked only in the fold hour', async (page) => {
  assert.equal(await page.getAttribute('#root_incident_occurred_time', 'type'), 'time');
  const offset = '#root_incident_occurred_utcOffset';
  await expectPresent(page, offset, false, 'offset before any time');
  await page.fill('#root_incident_occurred_date', '2025-10-26');
  await page.fill('#root_incident_occurred_time', '01:30');
  await expectPresent(page, offset, false, 'offset at 01:30 on the fold day');
  await page.fill('#root_incident_occurred_time', '02:30');
  await expectPresent(page, offset, true, 'offset at 02:30 on the fold day');
  await page.selectOption(offset, { label: '+02:00 (sommartid)' });
  await page.fill('#root_incident_occurred_date', '2025-10-19');
  await expectPresent(page, offset, false, 'offset at 02:30 a week before');
  // The hidden answer is gone from the data, not only from the page.
  await page.fill('#root_incident_occurred_date', '2025-10-26');
  await expectPresent(page, offset, true, 'offset back on the fold day');
  assert.equal(await page.inputValue(offset), '', 'the hidden offset was kept');
});

test('a confidentiality marking is chosen from the answered questions by their labels', async (page) => {
  await page.fill('#root_incident_description', 'Brandväggens regel 12 släppte igenom trafiken.');
  await page.fill('#root_contactDetails_contactPersons_0_email', 'karin@example.se');
  await add(page, 'root_supplementAndConfidentiality_confidentialityMarkings');
  const select = '#root_supplementAndConfidentiality_confidentialityMarkings_0_pointer';
  assert.equal(await page.evaluate((s) => document.querySelector(s).tagName, select), 'SELECT', 'the pointer is typed');
  const labels = await page.locator(`${select} option`).allInnerTexts();
  assert.ok(labels.includes('16. Kort beskrivning av incidenten'), `options: ${labels}`);
  assert.ok(labels.includes('Kontaktpersoner (nr 1) – 7. Kontaktpersonens e-post'), `options: ${labels}`);
  assert.ok(!labels.some((l) => l.startsWith('1. Organisationens namn')), 'an unanswered question is offered');
  assert.ok(!labels.some((l) => l.startsWith('15.')), 'an option question is offered');
  await page.selectOption(select, { label: '16. Kort beskrivning av incidenten' });
  assert.equal(await page.inputValue(select), '/incident/description');
  assert.ok((await page.locator('form').innerText()).includes('Sekretessmarkering 1'));
});

// --- runner --------------------------------------------------------------------------------------

if (!existsSync(BIN)) {
  console.error(`imy-breach binary not found at ${BIN}: run "cargo build --features cli" at the crate root first`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(RESULTS, { recursive: true });
const server = await serve();
const browser = await launch();
let passed = 0;
let failed = 0;
for (const { name, fn } of tests) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await page.goto(server.url);
    await page.waitForSelector('form');
    await fn(page);
    assert.deepEqual(pageErrors, [], 'errors in the page');
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    const shot = join(RESULTS, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
    console.log(`not ok - ${name}\n  ${String(e.stack ?? e).split('\n').join('\n  ')}\n  screenshot: ${shot}`);
  }
  await page.close();
}
await browser.close();
await server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
