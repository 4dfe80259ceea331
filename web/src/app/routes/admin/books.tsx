import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Pagination } from '@/components/ui/pagination';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { readCatalogParams, writeCatalogParams } from '@/features/books/api/catalog-params';
import { useBooks } from '@/features/books/api/get-books';
import { useDeleteBook } from '@/features/books/api/save-book';
import { CatalogFilters } from '@/features/books/components/catalog-filters';
import { describeError } from '@/lib/api-client';
import { formatPrice } from '@/lib/format';
import type { Book } from '@/types/api';

export function AdminBooksRoute() {
  const [search, setSearch] = useSearchParams();
  const params = readCatalogParams(search);
  const books = useBooks(params);
  return (
    <section aria-labelledby="admin-books-title">
      <div className="title-row">
        <h1 id="admin-books-title">Books</h1>
        <Link to="/admin/books/new" className="button">New book</Link>
      </div>
      <CatalogFilters params={params} onChange={(next) => setSearch(writeCatalogParams(next))} />
      {books.isPending ? <Loading label="Loading books" />
        : books.isError && !books.data ? <ErrorNotice error={books.error} onRetry={() => void books.refetch()} />
        : (
          <>
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Books</caption>
                <thead>
                  <tr><th scope="col">Title</th><th scope="col">Author</th><th scope="col">Price</th><th scope="col">Stock</th><th scope="col">Actions</th></tr>
                </thead>
                <tbody>{books.data.items.map((book) => <BookRow key={book.id} book={book} />)}</tbody>
              </table>
            </div>
            <Pagination page={books.data.page} totalPages={books.data.totalPages}
              hrefFor={(page) => `?${writeCatalogParams({ ...params, page })}`} label="Book pages" />
          </>
        )}
    </section>
  );
}

function BookRow({ book }: { book: Book }) {
  const remove = useDeleteBook();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row"><Link to={`/books/${book.id}`}>{book.title}</Link></th>
      <td>{book.author}</td>
      <td>{formatPrice(book.price)}</td>
      <td>{book.stock}</td>
      <td>
        <div className="actions">
          <Link to={`/admin/books/${book.id}`} className="button button--small" aria-label={`Edit “${book.title}”`}>Edit</Link>
          {confirming ? (
            <>
              <button type="button" className="button button--small button--danger" disabled={remove.isPending}
                aria-label={`Really delete “${book.title}”`} onClick={() => remove.mutate(book.id)}>Really delete</button>
              <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>Keep</button>
            </>
          ) : (
            <button type="button" className="button button--small button--ghost" aria-label={`Delete “${book.title}”`} onClick={() => setConfirming(true)}>
              Delete
            </button>
          )}
        </div>
        {remove.error && <p className="field__error" role="alert">{describeError(remove.error)}</p>}
      </td>
    </tr>
  );
}
