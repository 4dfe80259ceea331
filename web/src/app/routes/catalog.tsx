import { Link, useSearchParams } from 'react-router';
import { Pagination } from '@/components/ui/pagination';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { LiveProblem } from '@/components/live-problem';
import { catalogFilter, readCatalogParams, writeCatalogParams } from '@/features/books/api/catalog-params';
import { useBooks } from '@/features/books/api/get-books';
import { bookKeys } from '@/features/books/api/keys';
import { BookGrid } from '@/features/books/components/book-grid';
import { CatalogFilters } from '@/features/books/components/catalog-filters';
import { AddToCartButton } from '@/features/cart/components/add-to-cart-button';
import { useBookSubscription } from '@/lib/live/live-context';

export function CatalogRoute() {
  const [search, setSearch] = useSearchParams();
  const params = readCatalogParams(search);
  const books = useBooks(params);
  const problem = useBookSubscription('catalog', catalogFilter(params), [bookKeys.list(params)]);
  const hrefFor = (page: number) => `?${writeCatalogParams({ ...params, page })}`;
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Catalog</h1>
      <CatalogFilters params={params} onChange={(next) => setSearch(writeCatalogParams(next))} />
      <LiveProblem problem={problem} />
      {books.isPending ? <Loading label="Loading books" />
        : books.isError && !books.data ? <ErrorNotice error={books.error} onRetry={() => void books.refetch()} />
        : (
          <>
            {books.isError && <ErrorNotice error={books.error} onRetry={() => void books.refetch()} />}
            <p className="muted" role="status">
              {books.data.totalItems === 0 ? 'No books match.' : `${books.data.totalItems} ${books.data.totalItems === 1 ? 'book' : 'books'}`}
              {search.size > 0 && <> · <Link to="/">Clear search and filters</Link></>}
            </p>
            <BookGrid books={books.data.items} action={(book) => <AddToCartButton book={book} />} />
            <Pagination page={books.data.page} totalPages={books.data.totalPages} hrefFor={hrefFor} label="Catalog pages" />
          </>
        )}
    </section>
  );
}
