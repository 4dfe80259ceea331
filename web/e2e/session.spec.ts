import { expect, logIn, newCustomer, test } from './support/stack';

test('a session the api no longer accepts drops to signed out cleanly, and private pages ask to log in', async ({ open }) => {
  const page = await open();
  await logIn(page, await newCustomer());

  // What an expired or revoked session looks like to the page at its next load: an access cookie and a
  // refresh cookie that the api both refuse (with a valid refresh cookie the page would rightly renew).
  const cookies = await page.context().cookies();
  await page.context().addCookies(cookies.map((cookie) => ({ ...cookie, value: 'not-a-valid-token' })));
  await page.goto('/orders');

  await expect(page).toHaveURL(/\/login\?next=%2Forders$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
