// Typechecked by `tsc --noEmit` in `npm test`: the declarations describe the API as used.
import { init, validate, deadlines, rules, ImyBreachError } from 'imy-breach';
import type { FileReport, Notification, EventTime, YesNo, Schedule } from 'imy-breach';

const discovered: EventTime = { date: '2025-03-28', time: '10:00' };
const ongoing: YesNo = 'no';
const doc: Notification = {
  schemaVersion: '1.0',
  controller: {
    name: 'Exempelkommunen',
    organisationNumber: '212000-0142',
    postalAddress: { street: 'Storgatan 1', postcode: '123 45', city: 'Exempelby' },
  },
  contactDetails: { contactPersons: [], correspondenceAddress: {} },
  incident: { discovered, ongoing, nature: 'loss_or_theft', description: 'En bärbar dator stals.' },
};

async function main(): Promise<void> {
  const imy = await init(new Uint8Array());
  const report: FileReport = imy.validate(doc, { lang: 'en', now: '2025-03-31T09:00:00+02:00' });
  const first: string | undefined = report.violations[0]?.message;
  const again: FileReport = validate(JSON.stringify(doc), { policy: 'legal' });
  const schedule: Schedule = deadlines(doc, { now: '2025-03-31T09:00:00+02:00', regimes: ['nis2'] });
  const codes: string[] = rules({ lang: 'sv' }).rules.map((r) => r.code);
  try {
    imy.render(doc, { format: 'markdown' });
  } catch (e) {
    if (e instanceof ImyBreachError && e.code === 'unreadable') console.log(e.violations.length);
  }
  console.log(first, again.valid, schedule.obligations[0]?.deadline, codes.length);
  // @ts-expect-error: `now` is required, the package has no clock
  deadlines(doc, {});
  // @ts-expect-error: not an option code
  const wrong: YesNo = 'maybe';
  console.log(wrong);
}
void main;
