import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { LiveProvider, useBookSubscription } from './live-context';

// A screen's subscription through the provider, against a scripted gateway: held while mounted,
// changed with its filter, let go on unmount; what it shows is refetched once the gateway holds it.

const fetched: string[] = [];
const noHandlers = { onEvent: vi.fn(), onResync: vi.fn() };
const renew = async () => true;
const session = { topics: [], token: null };

function BookScreen({ id }: { id: string }) {
  const book = useQuery({ queryKey: ['books', 'detail', id], queryFn: async () => { fetched.push(id); return { id }; } });
  const problem = useBookSubscription('book', { ids: [id] }, [['books', 'detail', id]]);
  return <p>{book.data?.id}{problem && ` refused: ${problem.field}`}</p>;
}

/** A catalogue page whose search is not part of its filter. */
function ListScreen({ search }: { search: string }) {
  const books = useQuery({ queryKey: ['books', 'list', search], queryFn: async () => { fetched.push(search); return search; } });
  useBookSubscription('catalog', { genre: ['SF'] }, [['books', 'list', search]]);
  return <p>{books.data}</p>;
}

let client: QueryClient;

/** The app around a screen (none: the screen unmounted, the connection still running). */
function around(shown: ReactNode) {
  return (
    <QueryClientProvider client={client}>
      <LiveProvider gateways={['ws://gw.test/ws']} subscription={session} handlers={noHandlers} renewToken={renew}>
        {shown}
      </LiveProvider>
    </QueryClientProvider>
  );
}

const app = (id: string | null) => around(id && <BookScreen id={id} />);
const list = (search: string) => around(<ListScreen search={search} />);

const renderScreen = (id: string) => render(app(id));

const socket = () => FakeSocket.opened.at(-1)!;
const ops = () => socket().sent.map((text) => JSON.parse(text));

beforeEach(() => {
  fetched.length = 0;
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
});

afterEach(() => vi.unstubAllGlobals());

describe('useBookSubscription', () => {
  it('connects with the screen’s filter and refetches what it shows once the gateway holds it', async () => {
    renderScreen('b1');
    await screen.findByText('b1');
    await waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    expect(JSON.parse(new URL(socket().url).searchParams.get('filter')!)).toEqual([{ sub: 'book', filter: { ids: ['b1'] } }]);
    expect(fetched).toEqual(['b1']);

    act(() => socket().receive({ type: 'welcome', gateway: 'gw-1', topics: [], lastEventId: 'e1:1-0' }));

    await waitFor(() => expect(fetched).toEqual(['b1', 'b1']));
  });

  it('moves to a new filter with one frame, refetches only the new book, and lets the old one go stale', async () => {
    const view = renderScreen('b1');
    await waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    act(() => socket().receive({ type: 'welcome', gateway: 'gw-1', topics: [], lastEventId: 'e1:1-0' }));
    await waitFor(() => expect(fetched).toEqual(['b1', 'b1']));

    view.rerender(app('b2'));
    await screen.findByText('b2');
    await waitFor(() => expect(ops()).toEqual([{ op: 'subscribe', topics: ['books'], sub: 'book', filter: { ids: ['b2'] } }]));
    expect(client.getQueryState(['books', 'detail', 'b1'])?.isInvalidated).toBe(true);

    act(() => socket().receive({ type: 'subscribed', topics: [], subs: [{ sub: 'book', filter: { ids: ['b2'] } }] }));
    await waitFor(() => expect(fetched).toEqual(['b1', 'b1', 'b2', 'b2']));

    view.rerender(app(null));
    expect(client.getQueryState(['books', 'detail', 'b2'])?.isInvalidated).toBe(true);
  });

  it('covers a query shown later under a filter already held (another search, another page) from its first load', async () => {
    const view = render(list('q=a'));
    await waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    act(() => socket().receive({ type: 'welcome', gateway: 'gw-1', topics: [], lastEventId: 'e1:1-0' }));
    await waitFor(() => expect(fetched).toEqual(['q=a', 'q=a']));

    view.rerender(list('q=b'));
    await screen.findByText('q=b');

    expect(ops()).toEqual([]);
    expect(fetched).toEqual(['q=a', 'q=a', 'q=b']);
    expect(client.getQueryState(['books', 'list', 'q=a'])?.isInvalidated).toBe(true);
    view.rerender(app(null));
    expect(client.getQueryState(['books', 'list', 'q=b'])?.isInvalidated).toBe(true);
  });

  it('unsubscribes on unmount', async () => {
    const view = renderScreen('b1');
    await waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    act(() => socket().receive({ type: 'welcome', gateway: 'gw-1', topics: [], lastEventId: 'e1:1-0' }));

    view.rerender(app(null));

    await waitFor(() => expect(ops()).toEqual([{ op: 'unsubscribe', sub: 'book' }]));
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it('returns the gateway’s refusal, for the screen to say that it is not live', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderScreen('b1');
    await waitFor(() => expect(FakeSocket.opened).toHaveLength(1));
    act(() => {
      socket().receive({ type: 'welcome', gateway: 'gw-1', topics: [], lastEventId: 'e1:1-0' });
      socket().receive({ type: 'error', code: 'bad_filter', sub: 'book', field: 'ids', message: 'too many ids' });
    });
    expect(await screen.findByText('b1 refused: ids')).toBeInTheDocument();
  });
});
