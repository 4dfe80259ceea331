import { QueryClient } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequireRole } from '@/features/auth/components/require-role';
import { sessionStore } from '@/lib/session';
import { renderWithApp } from '@/testing/render';
import { createLiveHandlers } from './live-handlers';

// A demoted admin's open page, as the live connection reports the gateway's `revoked` error: the
// session is renewed with the role the account has now, and the admin pages go away without a reload.

const admin = { id: 'u1', username: 'ada', email: 'ada@example.com', role: 'admin' as const };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let refreshAnswer: () => Response;
let refreshes: number;

beforeEach(() => {
  refreshes = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (!url.endsWith('/api/auth/refresh')) throw new TypeError(`unexpected ${url}`);
    refreshes += 1;
    return refreshAnswer();
  }));
  sessionStore.set({ status: 'signed-in', user: admin, token: 'admin-token' });
});

afterEach(() => vi.unstubAllGlobals());

describe('a revoked topic', () => {
  it('renews the session once, and the admin page gives way to the role the account has now', async () => {
    refreshAnswer = () => json(200, { token: 'customer-token', expiresIn: 900, user: { ...admin, role: 'customer' } });
    const handlers = createLiveHandlers(new QueryClient());
    renderWithApp(<RequireRole role="admin"><h1>Dashboard</h1></RequireRole>);
    expect(screen.getByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();

    await act(async () => {
      handlers.onTopicError?.('admin', 'revoked');
      handlers.onTopicError?.('orders:u2', 'revoked');
    });

    expect(await screen.findByRole('heading', { name: 'Not for your account' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Dashboard' })).not.toBeInTheDocument();
    expect(sessionStore.get()).toMatchObject({ status: 'signed-in', token: 'customer-token', user: { role: 'customer' } });
    expect(refreshes).toBe(1);
  });

  it('signs the page out when the api refuses the renewal (the api revoked the refresh tokens with the demotion)', async () => {
    refreshAnswer = () => json(401, {});
    const handlers = createLiveHandlers(new QueryClient());

    await act(async () => handlers.onTopicError?.('admin', 'revoked'));

    await vi.waitFor(() => expect(sessionStore.get()).toEqual({ status: 'signed-out', expired: true }));
  });

  it('is not renewed for a topic refused as forbidden: that token never had the right', async () => {
    const handlers = createLiveHandlers(new QueryClient());

    await act(async () => handlers.onTopicError?.('admin', 'forbidden'));

    expect(refreshes).toBe(0);
    expect(sessionStore.get()).toMatchObject({ status: 'signed-in', token: 'admin-token' });
  });
});
