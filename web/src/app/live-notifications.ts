import type { QueryClient } from '@tanstack/react-query';
import { bookKeys } from '@/features/books/api/keys';
import { cartStore } from '@/features/cart/api/cart-store';
import { statusLabel } from '@/features/orders/components/order-status';
import { formatPrice, shortId } from '@/lib/format';
import { type LiveEvent, stockAlertOf } from '@/lib/live/frames';
import { type Note, notify } from '@/lib/notifications';
import { sessionStore } from '@/lib/session';
import type { Book, Order } from '@/types/api';

// Which changes are worth a toast to whom: the books in your cart, your orders, and for admins
// new orders and stock alerts. Everything else just updates in place.

/** What a change to a book in the cart means to its buyer; nothing when it does not matter to them. */
export function cartBookNote(before: Book | null | undefined, after: Book | null, id: string): Note | undefined {
  const known = after ?? before;
  const name = known ? `“${known.title}” by ${known.author}` : 'A book in your cart';
  const key = `book:${id}`;
  if (after === null) return before === null ? undefined : { key, tone: 'warning', message: `${name} is no longer sold` };
  if (!before) return undefined;
  if (before.stock <= 0 && after.stock > 0) return { key, tone: 'success', message: `${name} is back in stock` };
  if (before.stock > 0 && after.stock <= 0) return { key, tone: 'warning', message: `${name} is now out of stock` };
  if (before.price !== after.price) {
    return { key, tone: 'info', message: `${name} now costs ${formatPrice(after.price)} (was ${formatPrice(before.price)})` };
  }
  return undefined;
}

function noteFor(client: QueryClient, event: LiveEvent): Note | undefined {
  const session = sessionStore.get();
  const role = session.status === 'signed-in' ? session.user.role : undefined;
  const id = String(event.data.id ?? '');
  switch (event.type) {
    case 'book:updated':
    case 'book:deleted': {
      if (!cartStore.get().some((line) => line.bookId === id)) return undefined;
      const before = client.getQueryData<Book | null>(bookKeys.detail(id));
      return cartBookNote(before, event.type === 'book:deleted' ? null : (event.data as unknown as Book), id);
    }
    case 'order:updated': {
      const order = event.data as unknown as Order;
      if (role !== 'customer') return undefined;
      return { key: `order:${id}`, tone: 'success', message: `Your order #${shortId(id)}: ${statusLabel(order.status).toLowerCase()}` };
    }
    case 'order:created': {
      const order = event.data as unknown as Order;
      return role === 'admin' ? { key: `order:${id}`, message: `New order #${shortId(id)}: ${formatPrice(order.total)}` } : undefined;
    }
    case 'book:low-stock':
    case 'book:restocked': {
      const alert = stockAlertOf(event);
      if (role !== 'admin' || !alert) return undefined;
      const low = alert.type === 'book:low-stock';
      const state = low ? `low on stock (${alert.stock} left)` : 'restocked';
      return { key: `stock:${id}`, tone: low ? 'warning' : 'success', message: `“${alert.title}” is ${state}` };
    }
    default:
      return undefined;
  }
}

/** Call before the event is applied to the cache: it compares with what the viewer saw. */
export function tellViewer(client: QueryClient, event: LiveEvent): void {
  const note = noteFor(client, event);
  if (note) notify(note);
}
