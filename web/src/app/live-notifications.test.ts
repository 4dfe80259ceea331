import { describe, expect, it } from 'vitest';
import { book } from '@/testing/data';
import { cartBookNote } from './live-notifications';

const dune = book({ title: 'Dune', author: 'Frank Herbert', price: 1299, stock: 0 });

describe('cartBookNote', () => {
  it('says a book is back in stock, naming it', () => {
    expect(cartBookNote(dune, { ...dune, stock: 3 }, dune.id)?.message).toBe('“Dune” by Frank Herbert is back in stock');
  });

  it('says a book sold out, its price changed, or it is gone', () => {
    const inStock = { ...dune, stock: 2 };
    expect(cartBookNote(inStock, dune, dune.id)?.message).toBe('“Dune” by Frank Herbert is now out of stock');
    expect(cartBookNote(inStock, { ...inStock, price: 999 }, dune.id)?.message).toBe('“Dune” by Frank Herbert now costs €9.99 (was €12.99)');
    expect(cartBookNote(inStock, null, dune.id)?.message).toBe('“Dune” by Frank Herbert is no longer sold');
  });

  it('stays quiet about changes a buyer does not care about, or cannot compare', () => {
    expect(cartBookNote({ ...dune, stock: 2 }, { ...dune, stock: 5 }, dune.id)).toBeUndefined();
    expect(cartBookNote(undefined, dune, dune.id)).toBeUndefined();
    expect(cartBookNote(null, null, dune.id)).toBeUndefined();
  });
});
