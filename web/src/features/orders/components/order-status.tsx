import type { OrderStatus } from '@/types/api';

const LABELS: Record<OrderStatus, string> = {
  pending: 'Pending payment',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

export function statusLabel(status: OrderStatus): string {
  return LABELS[status] ?? status;
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`status status--${status}`}>{statusLabel(status)}</span>;
}
