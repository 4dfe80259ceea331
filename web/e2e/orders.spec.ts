import type { Page } from '@playwright/test';
import { AdminApi, expect, logIn, newCustomer, stack, test, unique } from './support/stack';

let api: AdminApi;
test.beforeAll(async () => { api = await AdminApi.open(); });
test.afterAll(async () => { await api.dispose(); });

async function addToCart(page: Page, bookId: string, title: string): Promise<void> {
  await page.goto(`/books/${bookId}`);
  await page.getByRole('button', { name: `Add “${title}” to cart` }).click();
  await expect(page.getByText('1 in cart')).toBeVisible();
}

test('a customer signs up, checks out two books, and sees each status an admin sets, live', async ({ open }) => {
  const [first, second] = [unique('Emma'), unique('Persuasion')];
  const books = [await api.createBook({ title: first, price: 800 }), await api.createBook({ title: second, price: 650 })];

  const customer = await open();
  const username = unique('reader').replace(' ', '');
  await customer.getByRole('link', { name: 'Sign up' }).click();
  await customer.getByLabel('Username').fill(username);
  await customer.getByLabel('Email').fill(`${username}@bookhub.test`);
  await customer.getByLabel('Password').fill('correct-horse-battery');
  await customer.getByRole('button', { name: 'Sign up' }).click();
  await expect(customer.getByRole('banner')).toContainText(`${username} customer`);

  await addToCart(customer, books[0].id, first);
  await addToCart(customer, books[1].id, second);
  await customer.getByRole('link', { name: /^Cart, 2 copies/ }).click();
  await expect(customer.getByText('Total €14.50')).toBeVisible();
  await customer.getByRole('button', { name: 'Check out' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Thank you! Your order is placed.' })).toBeVisible();
  const orderHeading = customer.getByRole('heading', { name: /^Order #/ });
  const orderName = (await orderHeading.textContent()) ?? '';

  await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).click();
  const order = customer.getByRole('article', { name: orderName });
  await expect(order).toContainText('Pending payment');
  await expect(order).toContainText(`1 × ${first}`);

  const admin = await open();
  await logIn(admin, stack.admin());
  await admin.goto('/admin/orders');
  const label = orderName.replace('Order ', 'order ');
  await admin.getByRole('button', { name: `Mark paid: ${label}` }).click();
  await expect(order).toContainText('Paid', { timeout: 2_000 });
  await admin.getByRole('button', { name: `Mark shipped: ${label}` }).click();
  await expect(order).toContainText('Shipped', { timeout: 2_000 });
  await expect(customer.getByRole('region', { name: 'Notifications' })).toContainText('shipped');
});

test('two customers race for the last copy: one gets the order, the other a clear 409 on that line, cart intact', async ({ open }) => {
  const title = unique('Last Copy');
  const book = await api.createBook({ title, stock: 1 });
  const buyers: Page[] = [];
  for (const credentials of [await newCustomer(), await newCustomer()]) {
    const page = await open();
    await logIn(page, credentials);
    await addToCart(page, book.id, title);
    await page.goto('/cart');
    await expect(page.getByRole('button', { name: 'Check out' })).toBeEnabled();
    buyers.push(page);
  }

  // Both click at the same moment: a pointer click waits for the page to be still, and meanwhile the
  // first order's live stock change may already disable the other's button (the race lost before it began).
  await Promise.all(buyers.map((page) => page.getByRole('button', { name: 'Check out' }).evaluate((button: HTMLElement) => button.click())));

  const placed = buyers.map((page) => page.getByRole('status').filter({ hasText: 'Thank you! Your order is placed.' }));
  await expect.poll(async () => (await Promise.all(placed.map((p) => p.count()))).join()).toMatch(/^(1,0|0,1)$/);
  const loser = (await placed[0].count()) === 1 ? buyers[1] : buyers[0];
  const line = loser.getByRole('listitem', { name: title });
  // The api's 409 on that line, or, when the winner's live stock change arrived first, the line's own notice.
  await expect(line.getByRole('alert')).toHaveText(new RegExp(`^(Not ordered: only 0 of "${title}" in stock\\.|Out of stock\\. Remove it to check out\\.)$`));
  await expect(loser.getByRole('list', { name: 'Cart items' }).getByRole('listitem')).toHaveCount(1);
});
