import { AdminApi, bookCard, expect, logIn, mongosh, stack, test, unique } from './support/stack';

let api: AdminApi;
test.beforeAll(async () => { api = await AdminApi.open(); });
test.afterAll(async () => { await api.dispose(); });

test('an admin’s new price and stock reach a customer’s catalog, book page and cart within 2 s, without reload', async ({ open }) => {
  const title = unique('Dune');
  const book = await api.createBook({ title, author: 'Frank Herbert', price: 1299, stock: 4 });

  const catalog = await open(`/?q=${encodeURIComponent(title)}`);
  await expect(bookCard(catalog, title)).toContainText('€12.99');
  const bookPage = await catalog.context().newPage();
  await bookPage.goto(`/books/${book.id}`);
  await bookPage.getByRole('button', { name: `Add “${title}” to cart` }).click();
  const cart = await catalog.context().newPage();
  await cart.goto('/cart');
  await expect(cart.getByRole('listitem', { name: title })).toContainText('€12.99');
  for (const page of [bookPage, cart]) await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Live/);

  const admin = await open();
  await logIn(admin, stack.admin());
  await admin.goto(`/admin/books/${book.id}`);
  await admin.getByLabel('Price (€)').fill('9.99');
  await admin.getByLabel('Stock').fill('0');
  await admin.getByRole('button', { name: 'Save changes' }).click();

  const within2s = { timeout: 2_000 };
  await Promise.all([
    expect(bookCard(catalog, title)).toContainText('€9.99', within2s),
    expect(bookCard(catalog, title)).toContainText('Out of stock', within2s),
    expect(bookPage.getByRole('article', { name: title })).toContainText('€9.99', within2s),
    expect(bookPage.getByRole('button', { name: `Add “${title}” to cart` })).toBeDisabled(within2s),
    expect(cart.getByRole('listitem', { name: title }).getByRole('alert')).toHaveText(/Out of stock/, within2s),
    expect(cart.getByRole('listitem', { name: title })).toContainText('Price changed from €12.99 to €9.99', within2s),
  ]);
  await expect(cart.getByRole('button', { name: 'Check out' })).toHaveCount(0);
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
});

test('a book changed by a DBA in mongosh changes in the browser within 2 s', async ({ open }) => {
  const title = unique('Solaris');
  const book = await api.createBook({ title, author: 'Stanisław Lem', price: 1099, stock: 2 });
  const page = await open(`/books/${book.id}`);
  await expect(page.getByRole('article', { name: title })).toContainText('€10.99');

  await mongosh(`db.books.updateOne({_id: ObjectId("${book.id}")}, {$set: {price: 777, description: "Changed in mongosh"}})`);

  await expect(page.getByRole('article', { name: title })).toContainText('€7.77', { timeout: 2_000 });
  await expect(page.getByText('Changed in mongosh')).toBeVisible({ timeout: 2_000 });
});
