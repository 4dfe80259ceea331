import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { LiveConnection, type LiveHandlers } from './connection';
import { SubscriptionSet } from './subscriptions';

// The connection's reactions to what a gateway says, against a scripted WebSocket: no gateway, no
// network, every socket the connection opens kept to be looked at.

const welcome = { type: 'welcome', gateway: 'gw-1', topics: ['admin', 'books'], lastEventId: '5-0' };
const adminSession = { topics: ['books', 'admin'], token: 'admin-token' };

let handlers: LiveHandlers & { onTopicError: Mock<(topic: string, code: string) => void> };
let renewToken: Mock<() => Promise<boolean>>;
let finishRenewal: (renewed: boolean) => void;
let connection: LiveConnection;

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  handlers = { onEvent: vi.fn(), onResync: vi.fn(), onTopicError: vi.fn<(topic: string, code: string) => void>() };
  renewToken = vi.fn<() => Promise<boolean>>(() => new Promise<boolean>((resolve) => { finishRenewal = resolve; }));
  connection = new LiveConnection(['ws://gw.test/ws'], adminSession, handlers, renewToken, new SubscriptionSet());
  connection.start();
  FakeSocket.opened[0].receive(welcome);
});

afterEach(() => {
  connection.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a right taken away', () => {
  it('a revoked topic goes to the handlers, whose renewed session decides the topics; the socket stays', () => {
    FakeSocket.opened[0].receive({ type: 'error', code: 'revoked', topic: 'admin', message: 'this account may no longer read admin' });

    expect(handlers.onTopicError).toHaveBeenCalledWith('admin', 'revoked');
    expect(FakeSocket.opened).toHaveLength(1);
    expect(FakeSocket.opened[0].closedByClient).toBe(false);
    expect(connection.getState()).toEqual({ status: 'live', gateway: 'gw-1' });
  });

  it('a revoked session (4403) renews first and reconnects once, with the session it then has, never with the dead token', async () => {
    FakeSocket.opened[0].closeFromGateway(4403, 'session_revoked');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(renewToken).toHaveBeenCalledTimes(1);
    expect(FakeSocket.opened).toHaveLength(1);

    // The api refused the renewal: the page is signed out, and its new subscription reconnects.
    finishRenewal(false);
    connection.update({ topics: ['books'], token: null });
    await vi.advanceTimersByTimeAsync(30_000);

    expect(FakeSocket.opened).toHaveLength(2);
    const url = new URL(FakeSocket.opened[1].url);
    expect(url.searchParams.get('topics')).toBe('books');
    expect(url.searchParams.has('access_token')).toBe(false);
    expect(url.searchParams.get('lastEventId')).toBe('5-0');
  });

  it('a revoked session whose renewal changed nothing retries after a backoff, not at once', async () => {
    FakeSocket.opened[0].closeFromGateway(4403, 'session_revoked');
    finishRenewal(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.opened).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.opened).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(FakeSocket.opened).toHaveLength(2);
  });
});
