import type { BookFilter } from '@/lib/live/subscriptions';
import type { Book } from '@/types/api';

// The catalog's search, filters, sort and page, as the URL holds them (prices in euros there, so a
// link reads naturally) and as the api wants them (prices in cents).

export const SORTS = {
  title: 'Title, A–Z',
  author: 'Author, A–Z',
  price: 'Price, lowest first',
  '-price': 'Price, highest first',
  '-year': 'Year, newest first',
  '-createdAt': 'Recently added',
} as const;
export type Sort = keyof typeof SORTS;

export const PAGE_SIZE = 20;

export interface CatalogParams {
  q: string;
  genre: string;
  yearFrom?: number;
  yearTo?: number;
  /** Cents. */
  priceMin?: number;
  /** Cents. */
  priceMax?: number;
  inStock?: boolean;
  sort: Sort;
  page: number;
}

function integer(value: string | null): number | undefined {
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function cents(value: string | null): number | undefined {
  return value !== null && /^\d{1,7}(\.\d{1,2})?$/.test(value) ? Math.round(Number(value) * 100) : undefined;
}

/** Values that cannot be read are left out, as if absent: a mangled link still shows a catalog. */
export function readCatalogParams(search: URLSearchParams): CatalogParams {
  const sort = search.get('sort') ?? 'title';
  const inStock = search.get('inStock');
  return {
    q: search.get('q')?.trim() ?? '',
    genre: search.get('genre')?.trim() ?? '',
    yearFrom: integer(search.get('yearFrom')),
    yearTo: integer(search.get('yearTo')),
    priceMin: cents(search.get('priceMin')),
    priceMax: cents(search.get('priceMax')),
    inStock: inStock === 'true' ? true : inStock === 'false' ? false : undefined,
    sort: sort in SORTS ? (sort as Sort) : 'title',
    page: integer(search.get('page')) ?? 0,
  };
}

export function writeCatalogParams(params: CatalogParams): URLSearchParams {
  const search = new URLSearchParams();
  const put = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== '') search.set(name, String(value));
  };
  put('q', params.q);
  put('genre', params.genre);
  put('yearFrom', params.yearFrom);
  put('yearTo', params.yearTo);
  put('priceMin', params.priceMin === undefined ? undefined : params.priceMin / 100);
  put('priceMax', params.priceMax === undefined ? undefined : params.priceMax / 100);
  put('inStock', params.inStock);
  if (params.sort !== 'title') put('sort', params.sort);
  if (params.page > 0) put('page', params.page);
  return search;
}

/** `GET /api/books` parameters. */
export function catalogQuery(params: CatalogParams) {
  return { ...params, size: PAGE_SIZE };
}

/** Whether the api would list this book for these filters (the same rules as its search). */
export function matchesCatalog(book: Book, params: CatalogParams): boolean {
  if (params.q) {
    const text = params.q.toLowerCase();
    const isbnText = params.q.replace(/[- ]/g, '').toUpperCase();
    const inText = book.title?.toLowerCase().includes(text) || book.author?.toLowerCase().includes(text);
    const inIsbn = isbnText !== '' && (book.isbn ?? '').toUpperCase().includes(isbnText);
    if (!inText && !inIsbn) return false;
  }
  if (params.genre && book.genre !== params.genre) return false;
  if (!within(book.year, params.yearFrom, params.yearTo)) return false;
  if (!within(book.price, params.priceMin, params.priceMax)) return false;
  if (params.inStock !== undefined && (book.stock > 0) !== params.inStock) return false;
  return true;
}

function within(value: number | undefined, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  return value !== undefined && (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** The book fields whose change can move a book into, out of, or within a list with these params. */
export function fieldsThatPlace(params: CatalogParams): Set<string> {
  const fields = new Set<string>([params.sort.replace(/^-/, '')]);
  if (params.q) ['title', 'author', 'isbn'].forEach((field) => fields.add(field));
  if (params.genre) fields.add('genre');
  if (params.yearFrom !== undefined || params.yearTo !== undefined) fields.add('year');
  if (params.priceMin !== undefined || params.priceMax !== undefined) fields.add('price');
  if (params.inStock !== undefined) fields.add('stock');
  return fields;
}

/**
 * The live subscription a catalogue page holds: its genre, year, price and stock filters, which the
 * gateway can judge. A free-text search cannot be said as a filter, so it is left out: the page then
 * receives every change within its other filters (every book, when it has none) and keeps what the
 * search matches, as `matchesCatalog` does. Subscribing to the ids on the page instead would miss a
 * book that is created or renamed into the search, and the page would go stale.
 */
export function catalogFilter(params: CatalogParams): BookFilter {
  const filter: BookFilter = {};
  if (params.genre) filter.genre = [params.genre];
  const year = range(params.yearFrom, params.yearTo);
  if (year) filter.year = year;
  const price = range(params.priceMin, params.priceMax);
  if (price) filter.price = price;
  if (params.inStock !== undefined) filter.stock = params.inStock ? { min: 1 } : { max: 0 };
  return filter;
}

function range(min: number | undefined, max: number | undefined): BookFilter['price'] {
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}
