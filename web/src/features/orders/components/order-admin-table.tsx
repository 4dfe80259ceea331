import { useState } from 'react';
import { describeError } from '@/lib/api-client';
import { formatDateTime, formatPrice, shortId } from '@/lib/format';
import type { Order, OrderStatus } from '@/types/api';
import { useChangeOrderStatus } from '../api/change-orders';
import { nextStatuses } from '../api/keys';
import { OrderStatusBadge } from './order-status';

const ACTIONS: Record<OrderStatus, string> = {
  pending: 'Mark pending',
  paid: 'Mark paid',
  shipped: 'Mark shipped',
  delivered: 'Mark delivered',
  cancelled: 'Cancel order',
};

export function OrderAdminTable({ orders }: { orders: Order[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Orders, newest first</caption>
        <thead>
          <tr><th scope="col">Order</th><th scope="col">Placed</th><th scope="col">Items</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          {orders.map((order) => <OrderRow key={order.id} order={order} />)}
        </tbody>
      </table>
    </div>
  );
}

function OrderRow({ order }: { order: Order }) {
  const change = useChangeOrderStatus();
  const [asked, setAsked] = useState<OrderStatus | null>(null);
  const label = `order #${shortId(order.id)}`;
  return (
    <tr aria-label={`Order #${shortId(order.id)}`}>
      <th scope="row">#{shortId(order.id)}</th>
      <td>{formatDateTime(order.createdAt)}</td>
      <td>{order.items.map((item) => `${item.quantity} × ${item.title}`).join(', ')}</td>
      <td>{formatPrice(order.total)}</td>
      <td><OrderStatusBadge status={order.status} /></td>
      <td>
        <div className="actions">
          {nextStatuses(order.status).map((status) => (
            <button
              key={status}
              type="button"
              className={status === 'cancelled' ? 'button button--small button--danger' : 'button button--small'}
              disabled={change.isPending}
              aria-label={`${ACTIONS[status]}: ${label}`}
              onClick={() => {
                setAsked(status);
                change.mutate({ id: order.id, status });
              }}
            >
              {change.isPending && asked === status ? 'Saving…' : ACTIONS[status]}
            </button>
          ))}
        </div>
        {change.error && <p className="field__error" role="alert">{describeError(change.error)}</p>}
      </td>
    </tr>
  );
}
