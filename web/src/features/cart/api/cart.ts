import type { Book } from '@/types/api';

// The cart's arithmetic against the catalog as it is now: each line is checked against its book's
// current state, which live events keep up to date.

export interface CartLine {
  bookId: string;
  quantity: number;
  title: string;
  author: string;
  /** Cents, as the book cost when it was put in the cart. */
  price: number;
}

export type LineProblem = 'deleted' | 'out-of-stock' | 'short';

export interface LineReview {
  line: CartLine;
  /** The book now; undefined while it loads, null when it no longer exists. */
  book: Book | null | undefined;
  unitPrice: number;
  subtotal: number;
  problem?: LineProblem;
  /** The price when the line was added, when the book's price has changed since. */
  priceWas?: number;
}

export interface CartReview {
  lines: LineReview[];
  /** Copies in the cart. */
  count: number;
  /** Cents: the lines that can be bought, at today's prices. */
  total: number;
  /** Every line can be bought as it stands. */
  canCheckout: boolean;
}

export function reviewLine(line: CartLine, book: Book | null | undefined): LineReview {
  const unitPrice = book ? book.price : line.price;
  const problem: LineProblem | undefined = book === null ? 'deleted'
    : book === undefined ? undefined
    : book.stock <= 0 ? 'out-of-stock'
    : book.stock < line.quantity ? 'short'
    : undefined;
  return {
    line,
    book,
    unitPrice,
    subtotal: problem === 'deleted' || problem === 'out-of-stock' ? 0 : unitPrice * line.quantity,
    problem,
    priceWas: book && book.price !== line.price ? line.price : undefined,
  };
}

export function reviewCart(lines: CartLine[], books: Map<string, Book | null | undefined>): CartReview {
  const reviewed = lines.map((line) => reviewLine(line, books.get(line.bookId)));
  return {
    lines: reviewed,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    total: reviewed.reduce((sum, review) => sum + review.subtotal, 0),
    canCheckout: reviewed.length > 0 && reviewed.every((review) => review.book !== undefined && !review.problem),
  };
}

/** The checkout request's items, in cart order: the api names a problem by that index (`items[i]`). */
export function orderItems(lines: CartLine[]): { bookId: string; quantity: number }[] {
  return lines.map(({ bookId, quantity }) => ({ bookId, quantity }));
}
