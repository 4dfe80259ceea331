import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatPrice } from '@/lib/format';
import type { Stats } from '../api/get-stats';
import { StatusChart } from './status-chart';

function Figure({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>
        <span className="figure__value">{value}</span>
        {note && <span className="muted">{note}</span>}
      </dd>
    </div>
  );
}

/** The store's figures; `alerts` (the live stock alerts) head the column beside the chart. */
export function Dashboard({ stats, alerts }: { stats: Stats; alerts?: ReactNode }) {
  return (
    <>
      <dl className="figures" aria-label="Store figures">
        <Figure label="Revenue" value={formatPrice(stats.orders.revenue)} note="all orders but cancelled ones" />
        <Figure label="Orders" value={stats.orders.total} />
        <Figure label="Today" value={`${stats.today.orders} orders`} note={formatPrice(stats.today.revenue)} />
        <Figure label="Books" value={stats.books.total} note={`${stats.books.lowStock} low on stock`} />
        <Figure label="Users" value={stats.users.total} note={`${stats.users.admins} ${stats.users.admins === 1 ? 'admin' : 'admins'}`} />
      </dl>
      <div className="dashboard-columns">
        <StatusChart byStatus={stats.orders.byStatus} />
        <div className="dashboard-aside">
          {alerts}
          <section aria-labelledby="low-stock-title">
            <h2 id="low-stock-title">Low on stock (≤ {stats.books.lowStockThreshold})</h2>
            {stats.books.lowStockBooks.length === 0 ? <p className="muted">None.</p> : (
              <ul className="low-stock">
                {stats.books.lowStockBooks.map((book) => (
                  <li key={book.id}><Link to={`/admin/books/${book.id}`}>{book.title}</Link> <span className="muted">{book.stock} left</span></li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
