import type { OrderStatus } from '@/types/api';

export interface OrderListParams {
  status?: OrderStatus;
  page: number;
}

/** The orders' query keys: the api lists "my orders" to a customer and all orders to an admin. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: ['orders', 'list'] as const,
  list: (params: OrderListParams) => ['orders', 'list', params] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
};

export const ORDERS_PAGE_SIZE = 20;

/** The statuses an order may move to from its current one (the api's rules). */
export function nextStatuses(status: OrderStatus): OrderStatus[] {
  switch (status) {
    case 'pending': return ['paid', 'cancelled'];
    case 'paid': return ['shipped', 'cancelled'];
    case 'shipped': return ['delivered'];
    default: return [];
  }
}
