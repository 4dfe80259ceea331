import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type APIRequestContext, type BrowserContext, test as base, expect, type Locator, type Page, request } from '@playwright/test';

export { expect };

// The running stack, as the environment describes it (infra's WebAppIT sets these).

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through infra's WebAppIT, or see web/README.md`);
  return value;
}

export const stack = {
  webUrl: () => env('BOOKHUB_WEB_URL'),
  admin: () => ({ username: env('BOOKHUB_ADMIN_USERNAME'), password: env('BOOKHUB_ADMIN_PASSWORD') }),
  /** `push-gateway-1=4242,push-gateway-2=4243`: each gateway's name (as its welcome says) and process id. */
  gatewayPids: (): Map<string, number> =>
    new Map(env('BOOKHUB_GATEWAY_PIDS').split(',').map((pair) => {
      const [name, pid] = pair.split('=');
      return [name, Number(pid)] as const;
    })),
};

export interface BookFields {
  title: string;
  author: string;
  price: number;
  stock: number;
  isbn?: string;
  genre?: string;
}

export interface Book extends BookFields {
  id: string;
}

/** The api over HTTP as the stack's admin: test data is made this way, the checks go through the UI. */
export class AdminApi {
  private constructor(private readonly http: APIRequestContext) {}

  static async open(): Promise<AdminApi> {
    const anonymous = await request.newContext({ baseURL: stack.webUrl() });
    const login = await anonymous.post('/api/auth/login', { data: stack.admin() });
    expect(login.status(), await login.text()).toBe(200);
    const { token } = await login.json();
    await anonymous.dispose();
    return new AdminApi(await request.newContext({ baseURL: stack.webUrl(), extraHTTPHeaders: { Authorization: `Bearer ${token}` } }));
  }

  async createBook(fields: Partial<BookFields> = {}): Promise<Book> {
    const response = await this.http.post('/api/books', { data: { title: unique('Book'), author: 'E2E Author', price: 1299, stock: 4, ...fields } });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  }

  async patchBook(id: string, fields: Partial<BookFields>): Promise<void> {
    const response = await this.http.patch(`/api/books/${id}`, { data: fields });
    expect(response.status(), await response.text()).toBe(200);
  }

  async searchBooks(q: string): Promise<Book[]> {
    const response = await this.http.get('/api/books', { params: { q } });
    return (await response.json()).items;
  }

  async dispose(): Promise<void> {
    await this.http.dispose();
  }
}

export function unique(prefix: string): string {
  return `${prefix} ${Math.random().toString(36).slice(2, 10)}`;
}

/** A new customer account, made through the api; returns its credentials. */
export async function newCustomer(): Promise<{ username: string; password: string }> {
  const http = await request.newContext({ baseURL: stack.webUrl() });
  const username = unique('buyer').replace(' ', '');
  const password = 'correct-horse-battery';
  const response = await http.post('/api/auth/signup', { data: { username, email: `${username}@bookhub.test`, password } });
  expect(response.status(), await response.text()).toBe(201);
  await http.dispose();
  return { username, password };
}

/**
 * `open(path)`: a browser of its own (cookies, storage) on that page, with live updates flowing. Every
 * browser a test opens is closed when it ends, so no page stays connected into the next test.
 */
export const test = base.extend<{ open: (path?: string) => Promise<Page> }>({
  open: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (path = '/') => {
      const context = await browser.newContext({ baseURL: stack.webUrl() });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(path);
      await expect(liveBadge(page)).toHaveText(/^Live/, { timeout: 15_000 });
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export async function logIn(page: Page, credentials: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username or email').fill(credentials.username);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('banner')).toContainText(credentials.username);
  await expect(liveBadge(page)).toHaveText(/^Live/, { timeout: 15_000 });
}

/** The connection badge in the page's header. */
export function liveBadge(page: Page): Locator {
  return page.getByRole('banner').getByRole('status');
}

/** The card of one book in the catalog. */
export function bookCard(page: Page, title: string): Locator {
  return page.getByRole('list', { name: 'Books' }).getByRole('article', { name: title });
}

/** The real mongosh, as a DBA would run it. */
export async function mongosh(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)(env('BOOKHUB_MONGOSH'), [env('BOOKHUB_MONGO_URI'), '--quiet', '--norc', '--eval', script],
    { timeout: 60_000 });
  return stdout.trim();
}
