import { useState } from 'react';
import type { Book } from '@/types/api';

/** The cover, or a tidy tile with the title when there is none (or it fails to load). */
export function BookCover({ book, size = 'small' }: { book: Pick<Book, 'title' | 'coverUrl'>; size?: 'small' | 'large' }) {
  const [failed, setFailed] = useState(false);
  if (book.coverUrl && !failed) {
    return <img className={`cover cover--${size}`} src={book.coverUrl} alt={`Cover of ${book.title}`} loading="lazy" onError={() => setFailed(true)} />;
  }
  return (
    <div className={`cover cover--${size} cover--placeholder`} aria-hidden="true">
      <span>{book.title}</span>
    </div>
  );
}
