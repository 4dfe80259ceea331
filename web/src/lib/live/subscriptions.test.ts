import { describe, expect, it, vi } from 'vitest';
import { filterKey, filterParam, type Held, opsBetween, SubscriptionSet } from './subscriptions';

const held = (books: boolean, subs: Record<string, object> = {}): Held => ({ books, subs: new Map(Object.entries(subs)) });
const callbacks = () => ({ onLive: vi.fn(), onProblem: vi.fn() });

describe('filterKey', () => {
  it('is the same for equal filters whatever the order of fields and ids, and leaves out empty fields', () => {
    expect(filterKey({ ids: ['b2', 'b1'], price: { max: 1000, min: 0 } }))
      .toBe(filterKey({ price: { min: 0, max: 1000 }, ids: ['b1', 'b2', 'b1'], genre: undefined }));
    expect(filterKey({ ids: ['b1'] })).not.toBe(filterKey({ ids: ['b2'] }));
    expect(filterKey({ price: { max: 1000 } })).not.toBe(filterKey({ price: { min: 1000 } }));
  });
});

describe('filterParam', () => {
  it('is the JSON array of subscriptions the connect URL carries, or nothing', () => {
    expect(JSON.parse(filterParam([{ sub: 'cart', filter: { ids: ['b1'] } }, { sub: 'catalog', filter: {} }])!))
      .toEqual([{ sub: 'cart', filter: { ids: ['b1'] } }, { sub: 'catalog', filter: {} }]);
    expect(filterParam([])).toBeNull();
  });
});

describe('opsBetween', () => {
  it('subscribes what is new, replaces a changed filter with one frame, and unsubscribes last', () => {
    const ops = opsBetween(
      held(true, { cart: { ids: ['b1'] }, book: { ids: ['b9'] }, catalog: {} }),
      held(false, { cart: { ids: ['b1', 'b2'] }, catalog: {}, search: { genre: ['SF'] } }),
    );
    expect(ops).toEqual([
      { op: 'subscribe', topics: ['books'], sub: 'cart', filter: { ids: ['b1', 'b2'] } },
      { op: 'subscribe', topics: ['books'], sub: 'search', filter: { genre: ['SF'] } },
      { op: 'unsubscribe', sub: 'book' },
      { op: 'unsubscribe', topics: ['books'] },
    ]);
  });

  it('sends nothing for a filter that only changed its order', () => {
    expect(opsBetween(held(false, { cart: { ids: ['b1', 'b2'] } }), held(false, { cart: { ids: ['b2', 'b1'] } }))).toEqual([]);
  });

  it('subscribes the plain topic', () => {
    expect(opsBetween(held(false), held(true))).toEqual([{ op: 'subscribe', topics: ['books'] }]);
  });
});

describe('SubscriptionSet', () => {
  it('shares one subscription between screens holding the same id and filter, until the last lets go', () => {
    const set = new SubscriptionSet();
    const badge = set.hold('cart', { ids: ['b1'] }, callbacks());
    const page = set.hold('cart', { ids: ['b1'] }, callbacks());
    expect(set.wanted()).toEqual(held(false, { cart: { ids: ['b1'] } }));
    badge.release();
    expect(set.wanted()).toEqual(held(false, { cart: { ids: ['b1'] } }));
    page.release();
    expect(set.wanted()).toEqual(held(false));
  });

  it('gives a screen that holds a taken id with another filter a subscription of its own', () => {
    const set = new SubscriptionSet();
    set.hold('book', { ids: ['b1'] }, callbacks());
    set.hold('book', { ids: ['b2'] }, callbacks());
    expect([...set.wanted().subs]).toEqual([['book', { ids: ['b1'] }], ['book.2', { ids: ['b2'] }]]);
  });

  it('wants the plain topic while a screen holds it', () => {
    const set = new SubscriptionSet();
    const admin = set.hold('admin', null, callbacks());
    expect(set.wanted()).toEqual(held(true));
    admin.release();
    expect(set.wanted().books).toBe(false);
  });

  it('tells listeners of every change', () => {
    const set = new SubscriptionSet();
    const listener = vi.fn();
    set.subscribe(listener);
    set.hold('book', { ids: ['b1'] }, callbacks()).release();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('tells a holder it is live once the gateway holds its filter, once per filter', () => {
    const set = new SubscriptionSet();
    const cart = callbacks();
    set.hold('cart', { ids: ['b1', 'b2'] }, cart);

    set.confirm(held(false, { cart: { ids: ['b1'] } }));
    expect(cart.onLive).not.toHaveBeenCalled();
    set.confirm(held(false, { cart: { ids: ['b2', 'b1'] } }));
    set.confirm(held(false, { cart: { ids: ['b1', 'b2'] } }));
    expect(cart.onLive).toHaveBeenCalledTimes(1);
  });

  it('counts a holder live when the gateway reads every book for it', () => {
    const set = new SubscriptionSet();
    const book = callbacks();
    const admin = callbacks();
    set.hold('book', { ids: ['b1'] }, book);
    set.hold('admin', null, admin);

    set.confirm(held(false, { book: { ids: ['b1'] } }));
    expect(admin.onLive).not.toHaveBeenCalled();
    set.confirm(held(true));
    expect(book.onLive).toHaveBeenCalledTimes(1);
    expect(admin.onLive).toHaveBeenCalledTimes(1);
  });

  it('tells the holders of a refused filter, and asks for it no more until it changes', () => {
    const set = new SubscriptionSet();
    const catalog = callbacks();
    const hold = set.hold('catalog', { price: { min: 5, max: 1 } }, catalog);
    const problem = { sub: 'catalog', field: 'price.min', message: 'min is over max' };

    set.refuse(problem);

    expect(catalog.onProblem).toHaveBeenCalledWith(problem);
    expect(set.wanted()).toEqual(held(false));
    hold.release();
    const fixed = callbacks();
    set.hold('catalog', { price: { min: 1, max: 5 } }, fixed);
    expect(set.wanted()).toEqual(held(false, { catalog: { price: { min: 1, max: 5 } } }));
    set.confirm(held(false, { catalog: { price: { min: 1, max: 5 } } }));
    expect(fixed.onProblem).toHaveBeenCalledWith(null);
    expect(fixed.onLive).toHaveBeenCalledTimes(1);
  });
});
