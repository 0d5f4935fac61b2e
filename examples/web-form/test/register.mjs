// Browser test of the register's statistics page (`imy-breach register --stats --format html`):
// Debian's Chromium driven by playwright-core, with JavaScript disabled in the page.
//
// The page is written by the CLI from the two example records the counts were made for, the register
// fixtures (plus one
// record whose identifier is markup), served from a loopback server, and opened in Swedish and
// English. Checked: the month chart has one bar per month (January to April 2025) whose segments
// render with a height; the time-to-notify chart has one bar per notified breach, each rendered with
// a width, the late one reaching past the 72-hour line and the others short of it; the markup in
// the identifier is shown as text; and no request leaves the page (no external asset). No
// screenshot is compared. The last line reports "N passed, N failed".
//
// Needs the CLI built (`cargo build --features cli` at the crate root); IMY_BREACH_BIN overrides
// the binary's path.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const BIN = process.env.IMY_BREACH_BIN ?? join(ROOT, 'target', 'debug', 'imy-breach');
const MARKUP_ID = '<img src=x onerror=alert(1)>';

/** The page in `lang`, from the records and one extra record with a hostile identifier. */
function page(lang) {
  const dir = mkdtempSync(join(tmpdir(), 'imy-register-'));
  const record = JSON.parse(readFileSync(join(ROOT, 'tests/data/register/a-on-time.json'), 'utf8'));
  record.id = MARKUP_ID;
  writeFileSync(join(dir, 'markup.json'), JSON.stringify(record));
  const args = ['register', 'examples/records/not-notified-misdirected-letter.json', 'examples/records/notified-ransomware.json', 'tests/data/register', dir, '--stats', '--format', 'html', '--lang', lang];
  try {
    return execFileSync(BIN, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) {
    // Exit code 1: one fixture is invalid on purpose; the page is still written.
    if (e.status === 1 && e.stdout) return e.stdout;
    throw e;
  }
}

/** Serves one page at / on a free loopback port, counting every request. */
function serve(html) {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

async function checkPage(browser, lang) {
  const html = page(lang);
  const server = await serve(html);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const pageRequests = [];
  await context.route('**/*', (route) => {
    pageRequests.push(route.request().url());
    return route.request().url() === server.url ? route.continue() : route.abort();
  });
  const p = await context.newPage();
  try {
    await p.goto(server.url, { waitUntil: 'load' });
    assert.equal(await p.locator('html').getAttribute('lang'), lang);

    // The month chart: one bar per month from January to April 2025, each with rendered segments.
    const bars = p.locator('svg.months g.bar');
    assert.equal(await bars.count(), 4, 'one bar per month');
    const months = [];
    for (let i = 0; i < 4; i++) months.push(await bars.nth(i).getAttribute('data-month'));
    assert.deepEqual(months, ['2025-01', '2025-02', '2025-03', '2025-04']);
    const segments = p.locator('svg.months rect.segment');
    let total = 0;
    for (let i = 0; i < (await segments.count()); i++) {
      const box = await segments.nth(i).boundingBox();
      assert.ok(box && box.height > 0 && box.width > 0, `segment ${i} renders`);
      total += Number(await segments.nth(i).getAttribute('data-count'));
    }
    assert.equal(total, 10, 'every dated breach is in a bar (the examples, the fixtures and the extra record)');

    // The time-to-notify chart against the 72-hour line.
    const line = p.locator('svg.notify line.deadline-72h');
    assert.equal(await line.count(), 1, 'one 72-hour line');
    const lineBox = await line.boundingBox();
    assert.ok(lineBox && lineBox.height > 0, 'the line renders');
    const notified = p.locator('svg.notify rect.notify-bar');
    assert.equal(await notified.count(), 5, 'one bar per notified breach');
    for (let i = 0; i < 5; i++) {
      const bar = notified.nth(i);
      const box = await bar.boundingBox();
      assert.ok(box && box.width > 0, `bar ${i} renders`);
      const late = Number(await bar.getAttribute('data-minutes')) > 72 * 60;
      assert.equal((await bar.getAttribute('class')).includes('late'), late);
      const end = box.x + box.width;
      assert.ok(late ? end > lineBox.x + 1 : end < lineBox.x + 1, `bar ${i} against the line`);
    }
    assert.equal(await p.locator('svg.notify rect.late').count(), 1, 'one late notification');

    // Text from the records is text, never markup.
    assert.equal(await p.locator('img').count(), 0, 'no element from an identifier');
    assert.ok((await p.locator('svg.notify').textContent()).includes(MARKUP_ID));
    const heading = lang === 'sv' ? 'Incidenter per månad' : 'Breaches per month';
    assert.ok((await p.locator('h2').first().textContent()).startsWith(heading));

    // Nothing but the page itself was requested: no external asset.
    assert.deepEqual(pageRequests, [server.url]);
    assert.deepEqual(server.requests, ['/']);
  } finally {
    await context.close();
    await server.close();
  }
}

const browser = await launch();
let passed = 0;
let failed = 0;
for (const lang of ['sv', 'en']) {
  try {
    await checkPage(browser, lang);
    passed++;
    console.log(`ok - the statistics page (${lang})`);
  } catch (e) {
    failed++;
    console.log(`not ok - the statistics page (${lang}): ${e.stack ?? e}`);
  }
}
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
