import { Link } from 'react-router';

interface PaginationProps {
  page: number;
  totalPages: number;
  /** The link to a page (numbered from 0): the page number lives in the URL. */
  hrefFor: (page: number) => string;
  label: string;
}

export function Pagination({ page, totalPages, hrefFor, label }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 0 ? <Link to={hrefFor(page - 1)} rel="prev">← Previous</Link> : <span aria-hidden="true" />}
      <span aria-current="page">Page {page + 1} of {totalPages}</span>
      {page + 1 < totalPages ? <Link to={hrefFor(page + 1)} rel="next">Next →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
