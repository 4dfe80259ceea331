import { formatPrice } from '@/lib/format';
import { ORDER_STATUSES } from '@/types/api';
import type { Stats } from '../api/get-stats';

/**
 * Orders and revenue by status as paired bars, each scaled to its own maximum. The same numbers
 * are in the table that follows, which is what screen readers get.
 */
export function StatusChart({ byStatus }: { byStatus: Stats['orders']['byStatus'] }) {
  const rows = ORDER_STATUSES.map((status) => ({ status, ...(byStatus[status] ?? { orders: 0, revenue: 0 }) }));
  const maxOrders = Math.max(1, ...rows.map((row) => row.orders));
  const maxRevenue = Math.max(1, ...rows.map((row) => row.revenue));
  return (
    <figure className="chart">
      <figcaption>Orders and revenue by status</figcaption>
      <svg viewBox="0 0 400 190" role="img" aria-labelledby="chart-summary" preserveAspectRatio="xMidYMid meet">
        <title id="chart-summary">
          {rows.map((row) => `${row.status}: ${row.orders} orders, ${formatPrice(row.revenue)}`).join('; ')}
        </title>
        {rows.map((row, i) => {
          const x = 10 + i * 78;
          const ordersHeight = (row.orders / maxOrders) * 128;
          const revenueHeight = (row.revenue / maxRevenue) * 128;
          return (
            <g key={row.status}>
              <rect className="chart__orders" x={x} y={150 - ordersHeight} width={28} height={ordersHeight} />
              <rect className="chart__revenue" x={x + 32} y={150 - revenueHeight} width={28} height={revenueHeight} />
              <text x={x + 30} y={168} textAnchor="middle">{row.status}</text>
              <text x={x + 14} y={145 - ordersHeight} textAnchor="middle" className="chart__value">{row.orders}</text>
            </g>
          );
        })}
      </svg>
      <p className="chart__legend" aria-hidden="true">
        <span className="chart__key chart__key--orders" /> orders <span className="chart__key chart__key--revenue" /> revenue
      </p>
      <table className="table table--compact">
        <thead><tr><th scope="col">Status</th><th scope="col">Orders</th><th scope="col">Revenue</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.status}><th scope="row">{row.status}</th><td>{row.orders}</td><td>{formatPrice(row.revenue)}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
