import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Order, OrderStatus, Page } from '@/types/api';
import { orderKeys } from './keys';

/** An order the api returned, written where a refetch would put it. */
function remember(client: QueryClient, order: Order): void {
  client.setQueryData(orderKeys.detail(order.id), order);
  client.setQueriesData<Page<Order>>({ queryKey: orderKeys.lists }, (page) =>
    page && { ...page, items: page.items.map((item) => (item.id === order.id ? order : item)) });
}

export function usePlaceOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: { bookId: string; quantity: number }[]) => api<Order>('/orders', { method: 'POST', body: { items } }),
    onSuccess: (order) => {
      client.setQueryData(orderKeys.detail(order.id), order);
      void client.invalidateQueries({ queryKey: orderKeys.lists });
    },
  });
}

export function useChangeOrderStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: OrderStatus }) =>
      api<Order>(`/orders/${encodeURIComponent(id)}/status`, { method: 'PATCH', body: { status } }),
    onSuccess: (order) => {
      remember(client, order);
      // A status filter may no longer hold for it.
      void client.invalidateQueries({ queryKey: orderKeys.lists });
    },
  });
}
