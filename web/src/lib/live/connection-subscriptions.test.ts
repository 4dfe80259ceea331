import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '@/testing/fake-socket';
import { LiveConnection } from './connection';
import { type HolderCallbacks, SubscriptionSet } from './subscriptions';

// The screens' subscriptions on the wire, against a scripted WebSocket: what goes in the connect URL
// (with the resume position, so the replay is filtered as live events are), and the ops that follow
// the screens while connected.

let subscriptions: SubscriptionSet;
let connection: LiveConnection;
const customer = { topics: ['orders:u1'], token: 'jwt' };
const holder = () => ({ onLive: vi.fn<HolderCallbacks['onLive']>(), onProblem: vi.fn<HolderCallbacks['onProblem']>() });

const socket = (index = -1) => FakeSocket.opened.at(index)!;
const sent = (index = -1) => socket(index).sent.map((text) => JSON.parse(text)).filter((frame) => frame.op !== 'ping');
const params = (index = -1) => new URL(socket(index).url).searchParams;
const welcome = (topics: string[], lastEventId = 'e1:5-0') => socket().receive({ type: 'welcome', gateway: 'gw-1', topics, lastEventId });
/** Distinct book ids (ObjectId-like, 24 characters). */
const ids = (count: number) => Array.from({ length: count }, (_, index) => `665f1c2e9b1d4a0012${String(index).padStart(6, '0')}`);
/** Lets the connection send what the screens changed in this turn (it batches them). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  subscriptions = new SubscriptionSet();
  connection = new LiveConnection(['ws://gw.test/ws'], customer, { onEvent: vi.fn(), onResync: vi.fn() }, async () => true, subscriptions);
});

afterEach(() => {
  connection.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('connecting', () => {
  it('names the held filters in the URL and subscribes to nothing after welcome for them', async () => {
    subscriptions.hold('cart', { ids: ['b1', 'b2'] }, holder());
    subscriptions.hold('book', { ids: ['b3'] }, holder());
    connection.start();

    expect(params().get('topics')).toBe('orders:u1');
    expect(JSON.parse(params().get('filter')!)).toEqual([
      { sub: 'cart', filter: { ids: ['b1', 'b2'] } }, { sub: 'book', filter: { ids: ['b3'] } },
    ]);
    welcome(['orders:u1']);
    await settle();
    expect(sent()).toEqual([]);
  });

  it('reconnects with the filters held then and the position, so the replay is filtered by the same rule', async () => {
    subscriptions.hold('book', { ids: ['b3'] }, holder());
    connection.start();
    welcome(['orders:u1']);
    socket().receive({ id: '7-0', epoch: 'e1', type: 'book:updated', topic: 'books', data: { id: 'b3' } });
    const catalog = subscriptions.hold('catalog', { price: { max: 1000 } }, holder());
    await settle();

    socket().closeFromGateway(1012, 'draining');

    expect(params().get('lastEventId')).toBe('e1:7-0');
    expect(JSON.parse(params().get('filter')!)).toEqual([
      { sub: 'book', filter: { ids: ['b3'] } }, { sub: 'catalog', filter: { price: { max: 1000 } } },
    ]);
    catalog.release();
  });

  it('names the plain topic when a screen holds it, and leaves the filter out when none is held', () => {
    subscriptions.hold('admin', null, holder());
    connection.start();
    expect(params().get('topics')).toBe('books,orders:u1');
    expect(params().has('filter')).toBe(false);
  });

  it('drops the plain topic a gateway started with when no screen wants it', async () => {
    connection.update({ topics: [], token: null });
    connection.start();
    expect(params().has('topics')).toBe(false);
    welcome(['books']);
    await settle();
    expect(sent()).toEqual([{ op: 'unsubscribe', topics: ['books'] }]);
  });

  it('reads every book instead when the filters would make a URL the gateway refuses', async () => {
    const cart = holder();
    subscriptions.hold('cart', { ids: ids(90) }, cart);
    subscriptions.hold('book', { ids: ids(90) }, holder());
    connection.start();

    expect(params().get('topics')).toBe('books,orders:u1');
    expect(params().has('filter')).toBe(false);
    welcome(['books', 'orders:u1']);
    await settle();
    expect(sent()).toEqual([]);
    expect(cart.onLive).toHaveBeenCalledTimes(1);
  });
});

describe('while connected', () => {
  beforeEach(() => {
    connection.start();
    welcome(['orders:u1']);
  });

  it('subscribes a screen that mounts, and tells it it is live once the gateway answers', async () => {
    const book = holder();
    subscriptions.hold('book', { ids: ['b1'] }, book);
    await settle();

    expect(sent()).toEqual([{ op: 'subscribe', topics: ['books'], sub: 'book', filter: { ids: ['b1'] } }]);
    expect(book.onLive).not.toHaveBeenCalled();
    socket().receive({ type: 'subscribed', topics: ['orders:u1'], subs: [{ sub: 'book', filter: { ids: ['b1'] } }] });
    expect(book.onLive).toHaveBeenCalledTimes(1);
  });

  it('changes a filter with one frame, and sends what the screens changed in one turn together', async () => {
    const first = subscriptions.hold('catalog', { price: { max: 1000 } }, holder());
    const badge = subscriptions.hold('cart', { ids: ['b1'] }, holder());
    await settle();
    socket().sent.length = 0;

    first.release();
    subscriptions.hold('catalog', { price: { max: 2000 } }, holder());
    badge.release();
    subscriptions.hold('cart', { ids: ['b1', 'b2'] }, holder());
    await settle();

    expect(sent()).toEqual([
      { op: 'subscribe', topics: ['books'], sub: 'catalog', filter: { price: { max: 2000 } } },
      { op: 'subscribe', topics: ['books'], sub: 'cart', filter: { ids: ['b1', 'b2'] } },
    ]);
  });

  it('unsubscribes a screen that unmounts', async () => {
    const book = subscriptions.hold('book', { ids: ['b1'] }, holder());
    await settle();
    book.release();
    await settle();
    expect(sent().at(-1)).toEqual({ op: 'unsubscribe', sub: 'book' });
  });

  it('reads every book instead while the screens hold more subscriptions than a connection may', async () => {
    const holds = Array.from({ length: 11 }, (_, index) => subscriptions.hold(`book${index}`, { ids: ids(1) }, holder()));
    await settle();
    expect(sent()).toEqual([{ op: 'subscribe', topics: ['books'] }]);
    holds[10].release();
    await settle();
    expect(sent()).toHaveLength(12);
    expect(sent().at(-1)).toEqual({ op: 'unsubscribe', topics: ['books'] });
  });

  it('logs a refused filter, tells its screen, keeps the others and does not ask for it again', async () => {
    const catalog = holder();
    subscriptions.hold('catalog', { price: { min: 2000, max: 1000 } }, catalog);
    subscriptions.hold('cart', { ids: ['b1'] }, holder());
    await settle();
    const problem = { type: 'error', code: 'bad_filter', sub: 'catalog', field: 'price.min', message: 'min is greater than max' };
    socket().receive(problem);

    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('catalog'));
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('price.min'));
    expect(catalog.onProblem).toHaveBeenCalledWith({ sub: 'catalog', field: 'price.min', message: 'min is greater than max' });
    subscriptions.hold('book', { ids: ['b2'] }, holder());
    await settle();
    expect(sent().filter((op) => op.sub === 'catalog')).toHaveLength(1);
    expect(sent().filter((op) => op.op === 'unsubscribe')).toEqual([]);
    expect(socket().closedByClient).toBe(false);
  });

  it('reads every book instead while a filter is over the gateway’s limits (a cart of 101 books), and back', async () => {
    const cart = holder();
    const big = subscriptions.hold('cart', { ids: ids(101) }, cart);
    await settle();
    expect(sent()).toEqual([{ op: 'subscribe', topics: ['books'] }]);
    socket().receive({ type: 'subscribed', topics: ['books', 'orders:u1'], subs: [] });
    expect(cart.onLive).toHaveBeenCalledTimes(1);

    big.release();
    subscriptions.hold('cart', { ids: ids(100) }, holder());
    await settle();
    expect(sent().slice(1)).toEqual([
      { op: 'subscribe', topics: ['books'], sub: 'cart', filter: { ids: ids(100) } },
      { op: 'unsubscribe', topics: ['books'] },
    ]);
  });
});
