import type { ReactNode } from 'react';
import { formatDateTime, formatPrice } from '@/lib/format';
import type { Book } from '@/types/api';
import { BookCover } from './book-cover';
import { StockBadge } from './stock-badge';

export function BookDetails({ book, action }: { book: Book; action?: ReactNode }) {
  return (
    <article className="book-details" aria-labelledby="book-title">
      <BookCover book={book} size="large" />
      <div>
        <h1 id="book-title">{book.title}</h1>
        <p className="lead">by {book.author}</p>
        <p className="book-details__buy">
          <span className="price price--large" aria-label={`Price ${formatPrice(book.price)}`}>{formatPrice(book.price)}</span>
          <StockBadge stock={book.stock} />
        </p>
        {action}
        {book.description && <p className="book-details__description">{book.description}</p>}
        <dl className="facts">
          {book.genre && (<><dt>Genre</dt><dd>{book.genre}</dd></>)}
          {book.year !== undefined && (<><dt>Year</dt><dd>{book.year}</dd></>)}
          {book.isbn && (<><dt>ISBN</dt><dd>{book.isbn}</dd></>)}
          <dt>Copies in stock</dt><dd>{book.stock}</dd>
          {book.updatedAt && (<><dt>Last changed</dt><dd>{formatDateTime(book.updatedAt)}</dd></>)}
        </dl>
      </div>
    </article>
  );
}
