// dossier's web UI in a real browser: playwright-core driving the system
// chromium. Run by crates/server/tests/browser/mod.rs against a live server:
//   BASE_URL=http://127.0.0.1:PORT TOKEN=… OUT_DIR=… node ui.mjs
// Exits non-zero on the first failed check, naming it.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const base = process.env.BASE_URL;
const token = process.env.TOKEN;
const outDir = process.env.OUT_DIR;
const withSeeds = process.env.WITH_SEEDS === '1';
assert.ok(base && token && outDir, 'BASE_URL, TOKEN and OUT_DIR must be set');

const profile = mkdtempSync(join(tmpdir(), 'dossier-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  javaScriptEnabled: true,
});
const page = context.pages()[0] ?? await context.newPage();
const problems = [];
page.on('dialog', async (dialog) => { problems.push(`a dialog opened: ${dialog.message()}`); await dialog.dismiss(); });
page.on('console', (message) => {
  if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP violation: ${message.text()}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    console.error(`FAIL ${name}\n${error.stack || error}`);
    await page.screenshot({ path: join(outDir, 'failure.png'), fullPage: true }).catch(() => {});
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    process.exit(1);
  }
}

async function post(body) {
  const response = await page.request.post(`${base}/api/articles`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, data: body,
  });
  assert.equal(response.status(), 200, await response.text());
  return response.json();
}

/** Landmarks, headings, language and labels every page must have. */
async function accessible() {
  assert.ok(await page.locator('html[lang]').count() === 1, 'html has a lang');
  assert.equal(await page.locator('main#main').count(), 1, 'one main landmark');
  assert.equal(await page.locator('header[role=banner]').count(), 1, 'a banner');
  assert.equal(await page.locator('h1').count(), 1, 'one h1');
  assert.equal(await page.getByLabel('Search articles').count(), 1, 'the search box is labelled');
  assert.equal(await page.locator('script').count(), 0, 'no script on any page');
}

await check('the story list shows stories, newest first, with a search box', async () => {
  await page.goto(`${base}/`);
  await accessible();
  assert.equal(await page.locator('h1').innerText(), 'Newest stories');
  assert.ok(await page.locator('.story-item').count() >= 3);
  await page.getByRole('link', { name: 'Most sources' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Stories with the most sources');
});

if (withSeeds) {
  await check('search finds the seed story and leads to its page', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Search articles').fill('"Simone Biles"');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=/);
    await accessible();
    const marks = await page.locator('.snippet mark').allInnerTexts();
    assert.deepEqual(marks.slice(0, 2), ['Simone', 'Biles']);
    await page.locator('#stories-heading + ul a').first().click();
    await page.waitForURL(/\/stories\/\d+$/);
  });

  await check('the seed story page shows both sources side by side, and its conflicts', async () => {
    await accessible();
    const id = page.url().split('/').pop();
    const story = await (await page.request.get(`${base}/api/stories/${id}`)).json();
    assert.equal(await page.locator('h1').innerText(), story.headline);
    assert.equal(await page.locator('#sources .source').count(), 2);
    assert.match(await page.locator('.story-head .meta').innerText(), /2024/);
    const texts = await page.locator('#sources .source').allInnerTexts();
    assert.ok(texts.some((t) => t.includes('Simon Biles')) && texts.some((t) => t.includes('Simone Biles')));
    // The conflicts section renders exactly what the API reports (none until
    // fact reconciliation lands; then "Simon Biles" / "Simone Biles").
    const conflicts = story.conflicts ?? [];
    assert.equal(await page.locator('#conflicts .conflict').count(), conflicts.length);
    for (const [n, conflict] of conflicts.entries()) {
      const shown = await page.locator('#conflicts .conflict').nth(n).innerText();
      for (const version of conflict.values) {
        assert.ok(shown.includes(String(version.value)), `${version.value} in ${shown}`);
        // Each version is shown with the sentence each source gives it in
        // (a spelling is written as it is in its sentence).
        const said = await page.locator('#conflicts .conflict').nth(n).locator('.evidence q').allInnerTexts();
        for (const evidence of version.evidence ?? []) assert.ok(said.includes(evidence.sentence), evidence.sentence);
        if (conflict.kind === 'name') {
          assert.ok(version.evidence.some((e) => e.sentence.includes(String(version.value))), `${version.value} in its evidence`);
        }
      }
    }
    if (conflicts.some((c) => c.values.some((v) => /Simone? Biles/.test(String(v.value))))) {
      const marks = await page.locator('#conflicts mark').allInnerTexts();
      assert.ok(marks.includes('Simon Biles') && marks.includes('Simone Biles'), marks.join(', '));
    }
    // A fact opens to the sentence each source states it in.
    const cruise = story.facts.find((f) => f.value === 'Tom Cruise');
    assert.ok(cruise && cruise.evidence.length === 2, JSON.stringify(cruise));
    const item = page.locator('#corroborated .fact', { has: page.locator('.value', { hasText: /^Tom Cruise$/ }) });
    assert.equal(await item.locator('.evidence q').first().isVisible(), false, 'closed until asked');
    await item.locator('summary').click();
    assert.deepEqual(await item.locator('.evidence q').allInnerTexts(), cruise.evidence.map((e) => e.sentence));
    await page.screenshot({ path: join(outDir, 'story.png'), fullPage: true });
  });
}

await check('an article posted through the API appears in the list, search and its story', async () => {
  const answer = await post(JSON.stringify({
    id: 'browser-osprey', source: 'estuary-news.example', title: 'Ospreys nest on the Brennick estuary for the first time',
    text: 'A pair of ospreys has nested on the Brennick estuary, the first recorded pair there.\n\nVolunteers guard the nest.',
    url: 'https://estuary-news.example/ospreys', published: '2099-01-02',
  }));
  assert.equal(answer.stored, 1);
  await page.goto(`${base}/`);
  assert.equal(await page.locator('.story-item h2').first().innerText(), 'Ospreys nest on the Brennick estuary for the first time');
  await page.goto(`${base}/search?q=ospreys`);
  assert.equal(await page.locator('.hit').count(), 1);
  await page.locator('.hit h3 a').click();
  await page.waitForURL(/\/articles\/browser-osprey$/);
  await accessible();
  assert.equal(await page.locator('h1').innerText(), 'Ospreys nest on the Brennick estuary for the first time');
  assert.equal(await page.locator('.body p').count(), 2);
  assert.equal(await page.getByRole('link', { name: 'Read the original' }).getAttribute('href'), 'https://estuary-news.example/ospreys');
  await page.locator('.kicker a').click();
  await page.waitForURL(/\/stories\/\d+$/);
  assert.equal(await page.locator('#sources .source').count(), 1);
});

await check('hostile fields render as inert text', async () => {
  const title = `Gulls <script>window.pwned=1</script> "seize' <img src=x onerror="window.pwned=2"> chips`;
  const answer = await post(JSON.stringify({
    id: 'browser-hostile', source: 'x" onmouseover="window.pwned=3', title,
    text: 'Gulls took <b>chips</b> <script>window.pwned=4</script> from walkers.\n\n<a href="javascript:window.pwned=5">click</a>',
    url: 'javascript:window.pwned=6', published: '2099-01-03',
  }));
  assert.equal(answer.stored, 1);
  for (const path of ['/', `/stories/${answer.records[0].story}`, '/articles/browser-hostile', '/search?q=gulls']) {
    await page.goto(`${base}${path}`);
    await accessible();
    assert.equal(await page.evaluate(() => window.pwned), undefined, `${path} ran injected code`);
    assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `${path} links a javascript: URL`);
    assert.equal(await page.locator('b, img, [onmouseover], [onerror]').count(), 0, `${path} has injected elements`);
    assert.ok((await page.locator('main').innerText()).includes('<script>'), `${path} shows the text as written`);
  }
  await page.goto(`${base}/articles/browser-hostile`);
  assert.equal(await page.locator('h1').innerText(), title);
});

await check('nothing tried to run or was blocked', async () => {
  assert.deepEqual(problems, []);
});

await context.close();
rmSync(profile, { recursive: true, force: true });
console.log('browser tests passed');
