import { describeError } from '@/lib/api-client';

/** Something is loading: said to screen readers too, never without end (every request times out). */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </p>
  );
}

/** A failure near what it concerns, in words, with a way to try again where that can help. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && <button type="button" className="button button--small" onClick={onRetry}>Try again</button>}
    </div>
  );
}
