import { AdminApi, expect, logIn, stack, test, unique } from './support/stack';

test('a bad price and a taken ISBN are said beside their fields, and nothing is written', async ({ open }) => {
  const api = await AdminApi.open();
  const taken = '9780441013593';
  if ((await api.searchBooks(taken)).length === 0) await api.createBook({ isbn: taken });
  const title = unique('Never Saved');

  const admin = await open();
  await logIn(admin, stack.admin());
  await admin.goto('/admin/books/new');
  await admin.getByLabel('Title').fill(title);
  await admin.getByLabel('Author').fill('Nobody');
  await admin.getByLabel('Price (€)').fill('-5');
  await admin.getByLabel('Stock').fill('3');
  await admin.getByRole('button', { name: 'Create book' }).click();
  await expect(admin.getByLabel('Price (€)')).toHaveAccessibleDescription('must be greater than or equal to 0');
  await expect(admin.getByLabel('Price (€)')).toHaveAttribute('aria-invalid', 'true');

  await admin.getByLabel('Price (€)').fill('12.50');
  await admin.getByLabel('ISBN').fill('978-0-441-01359-3');
  await admin.getByRole('button', { name: 'Create book' }).click();
  await expect(admin.getByLabel('ISBN')).toHaveAccessibleDescription(/is already in use/);
  await expect(admin.getByLabel('Price (€)')).not.toHaveAttribute('aria-invalid');
  await expect(admin.getByRole('alert')).toContainText('Nothing was saved');

  expect(await api.searchBooks(title)).toEqual([]);
  await api.dispose();
});
