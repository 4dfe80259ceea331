import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, NetworkError, ProblemError } from './api-client';
import { accessToken, sessionStore } from './session';

// The client's own rules, against scripted HTTP answers: which token it sends, when it refreshes,
// and what a failure becomes. (The real api is exercised by the end-to-end suite.)

const user = { id: 'u1', username: 'ada', email: 'ada@example.com', role: 'customer' as const };
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

let answers: ((request: Request) => Response)[];
let sent: Request[];

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const request = new Request(new URL(url, 'http://shop.test'), init);
    sent.push(request);
    const answer = answers.shift();
    if (!answer) throw new TypeError('no answer scripted');
    return answer(request);
  }));
  sessionStore.set({ status: 'signed-in', user, token: 'old' });
});

afterEach(() => vi.unstubAllGlobals());

describe('api', () => {
  it('sends the access token and reads the answer', async () => {
    answers = [() => json(200, { items: [] })];
    await expect(api('/orders')).resolves.toEqual({ items: [] });
    expect(sent[0].headers.get('Authorization')).toBe('Bearer old');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    answers = [() => json(401, {}), () => json(200, { token: 'new', user }), () => json(200, { ok: true })];
    await expect(api('/orders')).resolves.toEqual({ ok: true });
    expect(sent.map((request) => new URL(request.url).pathname)).toEqual(['/api/orders', '/api/auth/refresh', '/api/orders']);
    expect(sent[2].headers.get('Authorization')).toBe('Bearer new');
    expect(accessToken()).toBe('new');
  });

  it('signs out, saying the session ended, when the api has no refresh (404) or refuses it (401)', async () => {
    for (const refusal of [404, 401]) {
      sessionStore.set({ status: 'signed-in', user, token: 'old' });
      answers = [() => json(401, { detail: 'log in first' }, 'application/problem+json'), () => json(refusal, {})];
      await expect(api('/orders')).rejects.toMatchObject({ status: 401 });
      expect(sessionStore.get()).toEqual({ status: 'signed-out', expired: true });
    }
  });

  it('refreshes once for many requests refused at the same time', async () => {
    answers = [() => json(401, {}), () => json(401, {}), () => json(200, { token: 'new', user }), () => json(200, 1), () => json(200, 2)];
    await Promise.all([api('/orders'), api('/admin/stats')]);
    expect(sent.filter((request) => request.url.endsWith('/api/auth/refresh'))).toHaveLength(1);
  });

  it('never refreshes for a refused login: the password was wrong', async () => {
    answers = [() => json(401, { detail: 'password: wrong username or password', errors: [{ field: 'password', message: 'wrong username or password' }] }, 'application/problem+json')];
    const error = await api('/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).fieldMessage('password')).toBe('wrong username or password');
    expect(sent).toHaveLength(1);
  });

  it('turns a problem into a typed error with its fields, and a lost network into a NetworkError', async () => {
    answers = [() => json(409, { detail: 'isbn: is already in use', errors: [{ field: 'isbn', message: 'is already in use' }, { bad: 1 }] }, 'application/problem+json')];
    const conflict = await api('/books', { method: 'POST', body: {} }).catch((e: unknown) => e) as ProblemError;
    expect(conflict).toMatchObject({ status: 409, message: 'isbn: is already in use', fields: [{ field: 'isbn', message: 'is already in use' }] });

    answers = [() => { throw new TypeError('Failed to fetch'); }];
    await expect(api('/books')).rejects.toBeInstanceOf(NetworkError);
  });
});
