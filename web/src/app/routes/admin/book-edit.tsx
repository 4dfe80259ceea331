import { Link, useNavigate, useParams } from 'react-router';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { useBook } from '@/features/books/api/get-book';
import { useSaveBook } from '@/features/books/api/save-book';
import { BookForm } from '@/features/books/components/book-form';
import type { Book } from '@/types/api';

function Editor({ book }: { book?: Book }) {
  const save = useSaveBook(book?.id);
  const navigate = useNavigate();
  return (
    <>
      {save.isSuccess && <p className="notice notice--success" role="status">Saved.</p>}
      <BookForm
        book={book}
        saving={save.isPending}
        error={save.error}
        onSave={(input) => save.mutate(input, {
          onSuccess: (saved) => { if (!book) navigate(`/admin/books/${saved.id}`, { replace: true }); },
        })}
      />
    </>
  );
}

export function BookEditRoute() {
  const { id } = useParams();
  return (
    <section aria-labelledby="book-edit-title">
      <p><Link to="/admin/books">← Books</Link></p>
      <h1 id="book-edit-title">{id ? 'Edit book' : 'New book'}</h1>
      {id ? <ExistingBook id={id} /> : <Editor />}
    </section>
  );
}

function ExistingBook({ id }: { id: string }) {
  const book = useBook(id);
  if (book.isPending) return <Loading label="Loading the book" />;
  if (book.isError) return <ErrorNotice error={book.error} onRetry={() => void book.refetch()} />;
  if (book.data === null) return <p className="notice">This book no longer exists.</p>;
  // Keyed by id: the form starts from the book it edits, and a live change does not overwrite typing.
  return <Editor key={id} book={book.data} />;
}
