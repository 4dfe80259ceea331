import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '@/lib/api-client';
import { book } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import type { Book } from '@/types/api';
import { type CartLine, reviewCart } from '../api/cart';
import { CartView } from './cart-view';

const dune = book({ title: 'Dune', price: 1299, stock: 1 });
const solaris = book({ title: 'Solaris', price: 999, stock: 5 });
const lines: CartLine[] = [dune, solaris].map((b) => ({ bookId: b.id, quantity: 1, title: b.title, author: b.author, price: b.price }));

function show(books: Map<string, Book | null>, props: Partial<Parameters<typeof CartView>[0]> = {}) {
  const onCheckout = vi.fn();
  renderWithApp(<CartView review={reviewCart(lines, books)} checkoutError={null} checkingOut={false} signedIn onCheckout={onCheckout} {...props} />);
  return onCheckout;
}

describe('CartView', () => {
  it('lists each book with its quantity and the total, and checks out', async () => {
    const onCheckout = show(new Map([[dune.id, dune], [solaris.id, solaris]]));
    expect(screen.getByRole('listitem', { name: 'Dune' })).toBeInTheDocument();
    expect(screen.getByLabelText('Quantity of Solaris')).toHaveValue(1);
    expect(screen.getByText('Total €22.98')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check out' }));
    expect(onCheckout).toHaveBeenCalledOnce();
  });

  it('says on its line that a book sold out or went away, and does not let the order go', () => {
    show(new Map<string, Book | null>([[dune.id, { ...dune, stock: 0 }], [solaris.id, null]]));
    expect(within(screen.getByRole('listitem', { name: 'Dune' })).getByRole('alert')).toHaveTextContent('Out of stock');
    expect(within(screen.getByRole('listitem', { name: 'Solaris' })).getByRole('alert')).toHaveTextContent('no longer sold');
    expect(screen.getByRole('button', { name: 'Check out' })).toBeDisabled();
  });

  it('shows a changed price on its line', () => {
    show(new Map([[dune.id, { ...dune, price: 899 }], [solaris.id, solaris]]));
    expect(within(screen.getByRole('listitem', { name: 'Dune' })).getByText('Price changed from €12.99 to €8.99')).toBeInTheDocument();
  });

  it('puts the api’s 409 on the line it names, keeping every line', () => {
    const conflict = new ProblemError(409, 'items[1].quantity: only 0 of "Solaris" in stock',
      [{ field: 'items[1].quantity', message: 'only 0 of "Solaris" in stock' }]);
    show(new Map([[dune.id, dune], [solaris.id, solaris]]), { checkoutError: conflict });
    expect(within(screen.getByRole('listitem', { name: 'Solaris' })).getByRole('alert'))
      .toHaveTextContent('Not ordered: only 0 of "Solaris" in stock.');
    expect(within(screen.getByRole('listitem', { name: 'Dune' })).queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('asks a visitor to log in before checking out', () => {
    show(new Map([[dune.id, dune], [solaris.id, solaris]]), { signedIn: false });
    expect(screen.queryByRole('button', { name: 'Check out' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login?next=/cart');
  });
});
