import { Link } from 'react-router';
import { ErrorNotice } from '@/components/ui/status';
import { ProblemError } from '@/lib/api-client';
import { formatPrice } from '@/lib/format';
import type { CartReview, LineReview } from '../api/cart';
import { cartStore } from '../api/cart-store';

interface CartViewProps {
  review: CartReview;
  /** The last checkout's failure: a problem naming `items[i]` is shown on line i. */
  checkoutError: unknown;
  checkingOut: boolean;
  signedIn: boolean;
  onCheckout: () => void;
}

const PROBLEMS = {
  deleted: 'This book is no longer sold. Remove it to check out.',
  'out-of-stock': 'Out of stock. Remove it to check out.',
  short: (stock: number) => `Only ${stock} left. Lower the quantity to check out.`,
};

function lineProblem(review: LineReview): string | undefined {
  if (review.problem === 'short') return PROBLEMS.short(review.book?.stock ?? 0);
  return review.problem && PROBLEMS[review.problem];
}

function checkoutProblem(error: unknown, index: number): string | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  const message = error.fieldMessage(`items[${index}].quantity`) ?? error.fieldMessage(`items[${index}].bookId`);
  return message && `Not ordered: ${message}.`;
}

export function CartView({ review, checkoutError, checkingOut, signedIn, onCheckout }: CartViewProps) {
  const placedOnLine = review.lines.some((_, index) => checkoutProblem(checkoutError, index));
  return (
    <section aria-labelledby="cart-title">
      <h1 id="cart-title">Your cart</h1>
      {review.lines.length === 0 ? (
        <p>Your cart is empty. <Link to="/">Browse the catalog</Link>.</p>
      ) : (
        <>
          <ul className="cart-lines" aria-label="Cart items">
            {review.lines.map((line, index) => (
              <CartLineRow key={line.line.bookId} review={line} checkoutProblem={checkoutProblem(checkoutError, index)} />
            ))}
          </ul>
          <div className="cart-summary">
            <p>
              <span>{review.count} {review.count === 1 ? 'copy' : 'copies'}</span>{' '}
              <strong aria-label={`Total ${formatPrice(review.total)}`}>Total {formatPrice(review.total)}</strong>
            </p>
            {checkoutError && !placedOnLine ? <ErrorNotice error={checkoutError} /> : null}
            {signedIn ? (
              <button type="button" className="button" disabled={!review.canCheckout || checkingOut} onClick={onCheckout}>
                {checkingOut ? 'Placing order…' : 'Check out'}
              </button>
            ) : (
              <p><Link to="/login?next=/cart">Log in</Link> or <Link to="/signup?next=/cart">sign up</Link> to check out.</p>
            )}
            {signedIn && !review.canCheckout && <p className="muted">Some lines need your attention before you can check out.</p>}
          </div>
        </>
      )}
    </section>
  );
}

function CartLineRow({ review, checkoutProblem }: { review: LineReview; checkoutProblem?: string }) {
  const { line, book } = review;
  const problem = checkoutProblem ?? lineProblem(review);
  const title = book?.title ?? line.title;
  return (
    <li className={problem ? 'cart-line cart-line--problem' : 'cart-line'} aria-label={title}>
      <div className="cart-line__what">
        <Link to={`/books/${line.bookId}`}>{title}</Link>
        <span className="muted">{book?.author ?? line.author}</span>
        {review.priceWas !== undefined && (
          <span className="flag flag--price">Price changed from {formatPrice(review.priceWas)} to {formatPrice(review.unitPrice)}</span>
        )}
        {problem && <span className="flag flag--problem" role="alert">{problem}</span>}
      </div>
      <label className="cart-line__quantity">
        <span>Quantity</span>
        <input
          type="number"
          min={1}
          max={999}
          value={line.quantity}
          aria-label={`Quantity of ${title}`}
          onChange={(event) => {
            const quantity = Number(event.target.value);
            if (Number.isInteger(quantity) && quantity >= 1) cartStore.setQuantity(line.bookId, quantity);
          }}
        />
      </label>
      <span className="cart-line__price">{formatPrice(review.subtotal)}</span>
      <button type="button" className="button button--ghost" aria-label={`Remove ${title}`} onClick={() => cartStore.remove(line.bookId)}>
        Remove
      </button>
    </li>
  );
}
