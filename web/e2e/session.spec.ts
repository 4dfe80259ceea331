import { expect, liveBadge, logIn, mongosh, newCustomer, test } from './support/stack';

test('a session the api no longer accepts drops to signed out cleanly, and private pages ask to log in', async ({ open }) => {
  const page = await open();
  await logIn(page, await newCustomer());

  // What an expired or revoked session looks like to the page at its next load: cookies the api refuses
  // (a valid refresh cookie alone would get the page a new access token, and rightly so).
  const cookies = await page.context().cookies();
  await page.context().addCookies(cookies.map((cookie) => ({ ...cookie, value: 'not-a-valid-token' })));
  await page.goto('/orders');

  await expect(page).toHaveURL(/\/login\?next=%2Forders$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an admin demoted in mongosh loses the admin pages without a reload, and goes on as a customer', async ({ open }) => {
  const account = await newCustomer();
  await mongosh(`db.users.updateOne({username: '${account.username}'}, {$set: {role: 'admin'}})`);
  const page = await open();
  await logIn(page, account);
  await page.getByRole('banner').getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await mongosh(`db.users.updateOne({username: '${account.username}'}, {$set: {role: 'customer'}})`);

  // The gateway drops the admin topic, the page renews its session and gets the customer it is now.
  await expect(page.getByRole('heading', { name: 'Not for your account' })).toBeVisible({ timeout: 5_000 });
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText(account.username);
  await expect(liveBadge(page)).toHaveText(/^Live/);
});
