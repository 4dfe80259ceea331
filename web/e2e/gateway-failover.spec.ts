import { AdminApi, bookCard, expect, liveBadge, stack, test, unique } from './support/stack';

test('a killed gateway: the badge says reconnecting, then live on the other one, and changes made meanwhile appear', async ({ open }) => {
  const api = await AdminApi.open();
  const title = unique('Failover');
  const book = await api.createBook({ title, price: 1000 });
  const page = await open(`/?q=${encodeURIComponent(title)}`);
  await expect(bookCard(page, title)).toContainText('€10.00');

  // What the badge says, each time it changes, recorded in the page: "reconnecting" may last only as
  // long as one retry, shorter than a look from outside could be sure to catch.
  await page.evaluate(() => {
    const badge = document.querySelector('header [role="status"]') as HTMLElement;
    const seen: string[] = [];
    (window as unknown as { badgeHistory: string[] }).badgeHistory = seen;
    new MutationObserver(() => seen.push(badge.className)).observe(badge, { attributes: true, childList: true, subtree: true });
  });
  const first = await liveBadge(page).getAttribute('data-gateway');
  const pid = stack.gatewayPids().get(first ?? '');
  expect(pid, `the gateway the page is on (${first}) has a known process`).toBeDefined();

  process.kill(pid as number, 'SIGKILL');
  await api.patchBook(book.id, { price: 2000 });

  const anotherGateway = new RegExp(`^(?!${first}$).+`);
  await expect(liveBadge(page)).toHaveAttribute('data-gateway', anotherGateway, { timeout: 10_000 });
  await expect(liveBadge(page)).toHaveText(/^Live/);
  const history = await page.evaluate(() => (window as unknown as { badgeHistory: string[] }).badgeHistory);
  expect(history).toContain('badge badge--reconnecting');
  expect(history.indexOf('badge badge--reconnecting')).toBeLessThan(history.lastIndexOf('badge badge--live'));
  await expect(bookCard(page, title)).toContainText('€20.00');
  await api.dispose();
});
