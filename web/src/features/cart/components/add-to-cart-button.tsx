import type { Book } from '@/types/api';
import { cartStore, useCart } from '../api/cart-store';

export function AddToCartButton({ book }: { book: Book }) {
  const inCart = useCart().find((line) => line.bookId === book.id)?.quantity ?? 0;
  const soldOut = book.stock <= 0;
  return (
    <p className="add-to-cart">
      <button type="button" className="button button--small" disabled={soldOut} aria-label={`Add “${book.title}” to cart`} onClick={() => cartStore.add(book)}>
        {soldOut ? 'Sold out' : 'Add to cart'}
      </button>
      {inCart > 0 && <span className="muted">{inCart} in cart</span>}
    </p>
  );
}
