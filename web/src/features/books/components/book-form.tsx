import { type FormEvent, useState } from 'react';
import { TextAreaField, TextField } from '@/components/ui/field';
import { ErrorNotice } from '@/components/ui/status';
import { ProblemError } from '@/lib/api-client';
import { parsePrice } from '@/lib/format';
import type { Book } from '@/types/api';
import type { BookInput } from '../api/save-book';

const FIELDS = ['title', 'author', 'price', 'stock', 'genre', 'year', 'isbn', 'coverUrl', 'description'] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

function valuesOf(book?: Book): Values {
  return {
    title: book?.title ?? '',
    author: book?.author ?? '',
    price: book ? (book.price / 100).toFixed(2) : '',
    stock: book ? String(book.stock) : '',
    genre: book?.genre ?? '',
    year: book?.year === undefined ? '' : String(book.year),
    isbn: book?.isbn ?? '',
    coverUrl: book?.coverUrl ?? '',
    description: book?.description ?? '',
  };
}

/**
 * Reads what can only be read here (a price typed in euros, whole numbers); every other rule is the
 * api's, and its per-field problems are shown beside the same fields.
 */
function toInput(values: Values): { input?: BookInput; errors: Partial<Values> } {
  const errors: Partial<Values> = {};
  const price = parsePrice(values.price);
  if (values.price.trim() === '') errors.price = 'Enter a price';
  else if (price === null) errors.price = 'Enter a price in euros, e.g. 12.99';
  const whole = (name: 'stock' | 'year'): number | undefined => {
    const text = values[name].trim();
    if (text === '') return undefined;
    if (!/^-?\d+$/.test(text)) errors[name] = 'Enter a whole number';
    return Number(text);
  };
  const stock = whole('stock');
  if (stock === undefined) errors.stock = 'Enter how many copies are in stock';
  const year = whole('year');
  if (Object.keys(errors).length) return { errors };
  const optional = (name: FieldName) => values[name].trim() || undefined;
  return {
    errors,
    input: {
      title: values.title.trim(),
      author: values.author.trim(),
      price: price as number,
      stock: stock as number,
      genre: optional('genre'),
      year,
      isbn: optional('isbn'),
      coverUrl: optional('coverUrl'),
      description: optional('description'),
    },
  };
}

interface BookFormProps {
  book?: Book;
  saving: boolean;
  /** The api's answer to the last save, if it was a failure. */
  error: unknown;
  onSave: (input: BookInput) => void;
}

export function BookForm({ book, saving, error, onSave }: BookFormProps) {
  const [values, setValues] = useState(() => valuesOf(book));
  const [localErrors, setLocalErrors] = useState<Partial<Values>>({});
  const problem = error instanceof ProblemError ? error : null;
  const messageFor = (name: FieldName) => localErrors[name] ?? problem?.fieldMessage(name);
  const unplaced = error && !FIELDS.some((name) => problem?.fieldMessage(name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { input, errors } = toInput(values);
    setLocalErrors(errors);
    if (input) onSave(input);
  };

  const field = (name: FieldName) => ({
    name,
    value: values[name],
    error: messageFor(name),
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  return (
    <form className="book-form" onSubmit={submit} noValidate aria-label={book ? `Edit ${book.title}` : 'New book'}>
      {unplaced ? <ErrorNotice error={error} /> : null}
      {problem && !unplaced && <p className="notice notice--error" role="alert">Nothing was saved: fix the fields marked below.</p>}
      <div className="form-grid">
        <TextField label="Title" required {...field('title')} />
        <TextField label="Author" required {...field('author')} />
        <TextField label="Price (€)" inputMode="decimal" required {...field('price')} />
        <TextField label="Stock" inputMode="numeric" required {...field('stock')} />
        <TextField label="Genre" {...field('genre')} />
        <TextField label="Year" inputMode="numeric" {...field('year')} />
        <TextField label="ISBN" hint="10 or 13 digits; dashes allowed" {...field('isbn')} />
        <TextField label="Cover URL" type="url" {...field('coverUrl')} />
      </div>
      <TextAreaField label="Description" rows={4} {...field('description')} />
      <button type="submit" className="button" disabled={saving}>{saving ? 'Saving…' : book ? 'Save changes' : 'Create book'}</button>
    </form>
  );
}
