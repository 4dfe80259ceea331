import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import type { StockAlert } from '@/lib/live/frames';

/** The stock alerts as they happen, newest first: each book that ran low or came back, with its stock then. */
export function StockAlerts({ alerts }: { alerts: StockAlert[] }) {
  return (
    <section aria-labelledby="stock-alerts-title">
      <h2 id="stock-alerts-title">Stock alerts</h2>
      {alerts.length === 0 ? <p className="muted">None since this page opened: they appear here as books run low or are restocked.</p> : (
        <ol className="stock-alerts" aria-labelledby="stock-alerts-title">
          {alerts.map((alert) => {
            const low = alert.type === 'book:low-stock';
            return (
              <li key={alert.eventId} className={`stock-alert stock-alert--${low ? 'low' : 'restocked'}`}
                aria-label={`${alert.title}: ${low ? 'low on stock' : 'restocked'}, ${alert.stock} left`}>
                <span className="stock-alert__what">{low ? 'Low on stock' : 'Restocked'}</span>{' '}
                <Link to={`/admin/books/${alert.id}`}>{alert.title}</Link>{' '}
                <span className="muted">
                  {alert.stock} left (alert at ≤ {alert.threshold})
                  {alert.ts && <> · <time dateTime={alert.ts}>{formatDateTime(alert.ts)}</time></>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
