import type { Page } from '@playwright/test';
import { AdminApi, expect, liveBadge, logIn, stack, test } from './support/stack';

// The main screens in both themes at a desktop's and a phone's width, for a reviewer to look at:
// web/target/screenshots/<screen>-<theme>-<width>.png (not committed).

const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const themes = ['light', 'dark'] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of themes) {
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark')) await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [width, size] of Object.entries(widths)) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `target/screenshots/${name}-${theme}-${width}.png`, fullPage: false });
    }
  }
}

test('screenshots of the catalog, a book, the cart and the dashboard, light and dark, desktop and phone', async ({ open }) => {
  const api = await AdminApi.open();
  const books = [];
  for (const [title, author, price, stock] of [['The Left Hand of Darkness', 'Ursula K. Le Guin', 1150, 7], ['Kindred', 'Octavia E. Butler', 990, 2], ['Piranesi', 'Susanna Clarke', 1399, 0]] as const) {
    books.push(await api.createBook({ title, author, price, stock }));
  }
  const page = await open('/?sort=-createdAt');
  await expect(page.getByRole('article', { name: 'Piranesi' }).first()).toBeVisible();
  await shoot(page, 'catalog');

  await page.goto(`/books/${books[0].id}`);
  await expect(page.getByRole('heading', { name: 'The Left Hand of Darkness' })).toBeVisible();
  await page.getByRole('button', { name: 'Add “The Left Hand of Darkness” to cart' }).click();
  await shoot(page, 'book');

  await page.goto(`/books/${books[1].id}`);
  await page.getByRole('button', { name: 'Add “Kindred” to cart' }).click();
  await page.goto('/cart');
  await expect(page.getByRole('listitem', { name: 'Kindred' })).toBeVisible();
  await shoot(page, 'cart');

  await logIn(page, stack.admin());
  await page.goto('/admin');
  await expect(page.getByRole('figure')).toBeVisible();
  // A stock alert, so that the dashboard's live list shows one (7 copies down to 3: the threshold is 5),
  // made once the page is live: a new page's connection starts from the stream's end.
  await expect(liveBadge(page)).toHaveText(/^Live/, { timeout: 15_000 });
  await api.patchBook(books[0].id, { stock: 3 });
  await expect(page.getByRole('list', { name: 'Stock alerts' }).getByRole('listitem').first()).toContainText('The Left Hand of Darkness');
  await shoot(page, 'dashboard');

  await page.reload();
  await expect(page.locator('html'), 'the theme chosen last is remembered').toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await api.dispose();
});
