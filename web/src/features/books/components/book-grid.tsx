import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatPrice } from '@/lib/format';
import type { Book } from '@/types/api';
import { BookCover } from './book-cover';
import { StockBadge } from './stock-badge';

interface BookGridProps {
  books: Book[];
  /** What each card offers besides its link (add to cart, edit…), decided by the page. */
  action?: (book: Book) => ReactNode;
}

export function BookGrid({ books, action }: BookGridProps) {
  return (
    <ul className="book-grid" aria-label="Books">
      {books.map((book) => (
        <li key={book.id}>
          <article className="book-card" aria-labelledby={`book-${book.id}`}>
            <BookCover book={book} />
            <div className="book-card__body">
              <h3 id={`book-${book.id}`}>
                <Link to={`/books/${book.id}`}>{book.title}</Link>
              </h3>
              <p className="muted">{book.author}</p>
              <p className="book-card__meta">
                <span className="price">{formatPrice(book.price)}</span>
                <StockBadge stock={book.stock} />
              </p>
              {action?.(book)}
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
