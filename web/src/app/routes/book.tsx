import { Link, useParams } from 'react-router';
import { LiveProblem } from '@/components/live-problem';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { useBook } from '@/features/books/api/get-book';
import { bookKeys } from '@/features/books/api/keys';
import { BookDetails } from '@/features/books/components/book-details';
import { AddToCartButton } from '@/features/cart/components/add-to-cart-button';
import { useBookSubscription } from '@/lib/live/live-context';

export function BookRoute() {
  const { id = '' } = useParams();
  const book = useBook(id);
  const problem = useBookSubscription('book', { ids: [id] }, [bookKeys.detail(id)]);
  if (book.isPending) return <Loading label="Loading the book" />;
  if (book.isError) return <ErrorNotice error={book.error} onRetry={() => void book.refetch()} />;
  if (book.data === null) {
    return (
      <section className="notice">
        <h1>This book is not in the catalog</h1>
        <p>It may have been removed. <Link to="/">Back to the catalog</Link>.</p>
      </section>
    );
  }
  return (
    <>
      <p><Link to="/">← Catalog</Link></p>
      <LiveProblem problem={problem} />
      <BookDetails book={book.data} action={<AddToCartButton book={book.data} />} />
    </>
  );
}
