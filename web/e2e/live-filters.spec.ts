import type { Page, WebSocket } from '@playwright/test';
import { AdminApi, bookCard, expect, liveBadge, logIn, mongosh, stack, test, unique } from './support/stack';

// Screens that subscribe to exactly what they show (server-side filters on `books`): each still sees
// its own books change, and a list drops a book that leaves its filter, at once.

let api: AdminApi;
test.beforeAll(async () => { api = await AdminApi.open(); });
test.afterAll(async () => { await api.dispose(); });

const within2s = { timeout: 2_000 };

/** Loads `path` again in an open page and returns the live socket of that load, whose frames are kept. */
async function reopen(page: Page, path: string): Promise<{ socket: WebSocket; received: string[] }> {
  const opened = page.waitForEvent('websocket');
  await page.goto(path);
  const socket = await opened;
  const received: string[] = [];
  socket.on('framereceived', ({ payload }) => received.push(String(payload)));
  await expect(liveBadge(page)).toHaveText(/^Live/, { timeout: 15_000 });
  return { socket, received };
}

/** The filtered subscriptions a socket was opened with. */
function filtersOf(socket: WebSocket): { sub: string; filter: Record<string, unknown> }[] {
  return JSON.parse(new URL(socket.url()).searchParams.get('filter') ?? '[]');
}

test('a book page subscribes to its book, receives its change live, and nothing about other books', async ({ open }) => {
  const title = unique('Hyperion');
  const book = await api.createBook({ title, author: 'Dan Simmons', price: 1450, stock: 6 });
  const other = await api.createBook({ title: unique('Other'), price: 500 });
  const page = await open('/cart');
  const { socket, received } = await reopen(page, `/books/${book.id}`);
  await expect(page.getByRole('article', { name: title })).toContainText('€14.50');
  expect(filtersOf(socket)).toContainEqual({ sub: 'book', filter: { ids: [book.id] } });

  await api.patchBook(other.id, { price: 600 });
  await api.patchBook(book.id, { price: 1250 });

  await expect(page.getByRole('article', { name: title })).toContainText('€12.50', within2s);
  // Events come in stream order: the other book's change, made first, would have arrived first.
  expect(received.filter((frame) => frame.includes(other.id))).toEqual([]);
});

test('the cart sees a price change of a book in it', async ({ open }) => {
  const title = unique('Neuromancer');
  const book = await api.createBook({ title, author: 'William Gibson', price: 1100, stock: 5 });
  const page = await open(`/books/${book.id}`);
  await page.getByRole('button', { name: `Add “${title}” to cart` }).click();
  const { socket } = await reopen(page, '/cart');
  await expect(page.getByRole('listitem', { name: title })).toContainText('€11.00');
  expect(filtersOf(socket)).toContainEqual({ sub: 'cart', filter: { ids: [book.id] } });

  await api.patchBook(book.id, { price: 1350 });

  await expect(page.getByRole('listitem', { name: title })).toContainText('Price changed from €11.00 to €13.50', within2s);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Cart, 1 copy/ })).toBeVisible();
});

test('a catalogue page filtered by price drops a book whose price rises out of range, and takes it back', async ({ open }) => {
  const genre = unique('Shelf').replace(' ', '-');
  const cheap = await api.createBook({ title: unique('Cheap'), genre, price: 800, stock: 3 });
  const steady = await api.createBook({ title: unique('Steady'), genre, price: 900, stock: 3 });
  const page = await open('/');
  const { socket } = await reopen(page, `/?genre=${encodeURIComponent(genre)}&priceMax=10`);
  await expect(bookCard(page, cheap.title)).toContainText('€8.00');
  await expect(bookCard(page, steady.title)).toBeVisible();
  const count = page.getByRole('main').getByRole('status').filter({ hasText: /^\d+ books?\b/ });
  await expect(count).toHaveText(/^2 books\b/);
  expect(filtersOf(socket)).toContainEqual({ sub: 'catalog', filter: { genre: [genre], price: { max: 1000 } } });

  await api.patchBook(cheap.id, { price: 1500 });

  await expect(bookCard(page, cheap.title)).toHaveCount(0, within2s);
  await expect(count).toHaveText(/^1 book\b/, within2s);
  await expect(bookCard(page, steady.title)).toBeVisible();

  await api.patchBook(cheap.id, { price: 700 });
  await expect(bookCard(page, cheap.title)).toContainText('€7.00', within2s);
  await page.screenshot({ path: 'target/screenshots/live-filters-catalog.png' });
});

test('the admin dashboard shows a stock alert as a DBA’s change makes a book run low, then its restock', async ({ open }) => {
  const title = unique('Low');
  const book = await api.createBook({ title, price: 1000, stock: 10 });
  const page = await open();
  await logIn(page, stack.admin());
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Stock alerts' })).toBeVisible();
  await expect(liveBadge(page)).toHaveText(/^Live/, { timeout: 15_000 });
  const lowFigure = page.getByLabel('Store figures').getByText(/^\d+ low on stock$/);
  const lowBefore = Number((await lowFigure.textContent())?.split(' ')[0]);

  await mongosh(`db.books.updateOne({_id: ObjectId("${book.id}")}, {$set: {stock: 1}})`);

  const alerts = page.getByRole('list', { name: 'Stock alerts' });
  await expect(alerts.getByRole('listitem').first()).toHaveAccessibleName(`${title}: low on stock, 1 left`, within2s);
  await expect(lowFigure, 'the stats follow').toHaveText(`${lowBefore + 1} low on stock`);

  await mongosh(`db.books.updateOne({_id: ObjectId("${book.id}")}, {$set: {stock: 9}})`);

  await expect(alerts.getByRole('listitem').first()).toHaveAccessibleName(`${title}: restocked, 9 left`, within2s);
  await expect(alerts.getByRole('listitem').nth(1)).toHaveAccessibleName(`${title}: low on stock, 1 left`);
  await expect(lowFigure).toHaveText(`${lowBefore} low on stock`);
  await page.screenshot({ path: 'target/screenshots/live-filters-stock-alerts.png', fullPage: true });
});
