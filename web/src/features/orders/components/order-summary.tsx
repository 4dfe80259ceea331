import { formatDateTime, formatPrice, shortId } from '@/lib/format';
import type { Order } from '@/types/api';
import { OrderStatusBadge } from './order-status';

/** One order: when, what, how much, and where it stands. */
export function OrderSummary({ order, headingLevel = 2 }: { order: Order; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="order" aria-labelledby={`order-${order.id}`}>
      <header className="order__header">
        <Heading id={`order-${order.id}`}>Order #{shortId(order.id)}</Heading>
        <OrderStatusBadge status={order.status} />
      </header>
      <p className="muted">Placed {formatDateTime(order.createdAt)}</p>
      <ul className="order__items">
        {order.items.map((item) => (
          <li key={item.bookId}>
            {item.quantity} × {item.title} <span className="muted">at {formatPrice(item.price)}</span>
          </li>
        ))}
      </ul>
      <p className="order__total">Total {formatPrice(order.total)}</p>
    </article>
  );
}
