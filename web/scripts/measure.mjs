// Figures for web/README.md, against a running stack (not part of the test suite):
//   the bundle's size gzipped, time to the first catalog render, and the time from an admin's save to
//   another browser showing it (p50/p95 over 50 saves).
// Usage (after `mvn -pl web package` and with a stack up, e.g. ./bookhub start):
//   BOOKHUB_WEB_URL=http://127.0.0.1:8080 BOOKHUB_ADMIN_USERNAME=… BOOKHUB_ADMIN_PASSWORD=… node scripts/measure.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const base = process.env.BOOKHUB_WEB_URL ?? 'http://127.0.0.1:8080';
const admin = { username: process.env.BOOKHUB_ADMIN_USERNAME, password: process.env.BOOKHUB_ADMIN_PASSWORD };
const SAVES = Number(process.env.SAVES ?? 50);
const LOADS = Number(process.env.LOADS ?? 10);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) => `[${values.map(Math.round).join(", ")}] p50 ${Math.round(percentile(values, 50))} ms, p95 ${Math.round(percentile(values, 95))} ms, max ${Math.round(Math.max(...values))} ms (n=${values.length})`;

function bundleSizes() {
  const dir = 'target/classes/static/assets';
  const files = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const entry = readFileSync('target/classes/static/index.html', 'utf8');
  let firstLoad = 0;
  for (const { name, bytes } of files) {
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const initial = entry.includes(name);
    if (initial) firstLoad += gzip;
    console.log(`  ${name.padEnd(28)} ${kb(bytes.length).padStart(10)}  gzip ${kb(gzip).padStart(9)}${initial ? '  (first load)' : '  (admin pages, loaded on demand)'}`);
  }
  console.log(`  first load, gzip: ${kb(firstLoad)}`);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  console.log('Bundle:');
  bundleSizes();

  // Each load in a fresh context: an empty cache, like a first visit. The time is the page's own clock
  // (from navigation start) at the first animation frame with a book card on screen.
  const firstRender = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => document.querySelector('ul[aria-label="Books"] article') && performance.now(), null, { polling: 'raf', timeout: 20_000 });
    firstRender.push(await handle.jsonValue());
    await context.close();
  }
  console.log(`Time to first catalog render (cold cache, from navigation start): ${summary(firstRender)}`);

  const adminContext = await browser.newContext({ baseURL: base });
  const adminPage = await adminContext.newPage();
  const login = await adminPage.request.post('/api/auth/login', { data: admin });
  if (login.status() !== 200) throw new Error(`cannot log in as admin: ${login.status()} ${await login.text()}`);
  const { token } = await login.json();
  const created = await adminPage.request.post('/api/books', {
    headers: { Authorization: `Bearer ${token}` },
    data: { title: `Latency probe ${Date.now()}`, author: 'Measure', price: 1000, stock: 10 },
  });
  const book = await created.json();

  await adminPage.goto('/login');
  await adminPage.getByLabel('Username or email').fill(admin.username);
  await adminPage.getByLabel('Password').fill(admin.password);
  await adminPage.getByRole('button', { name: 'Log in' }).click();
  await adminPage.getByRole('button', { name: 'Log out' }).waitFor();
  await adminPage.goto(`/admin/books/${book.id}`);

  const viewer = await (await browser.newContext({ baseURL: base })).newPage();
  await viewer.goto(`/books/${book.id}`);
  await viewer.getByRole('banner').getByRole('status').getByText('Live').waitFor();

  const latencies = [];
  for (let i = 1; i <= SAVES; i++) {
    const price = `${10 + i}.00`;
    await adminPage.getByLabel('Price (€)').fill(price);
    // The viewer notes the wall-clock time of the first mutation that shows the new price (the
    // observer is in place before the save is clicked).
    await viewer.evaluate((expected) => {
      window.shown = new Promise((resolve) => {
        const seen = () => document.querySelector('#book-title')?.closest('article')?.textContent?.includes(expected);
        const observer = new MutationObserver(() => {
          if (seen()) {
            observer.disconnect();
            resolve(Date.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    }, `€${price}`);
    const saved = Date.now();
    await adminPage.getByRole('button', { name: 'Save changes' }).click();
    latencies.push((await viewer.evaluate(() => window.shown)) - saved);
  }
  console.log(`Admin save → other browser shows it: ${summary(latencies)}`);
} finally {
  await browser.close();
}
