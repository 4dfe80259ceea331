import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Order, Page } from '@/types/api';
import { type OrderListParams, orderKeys, ORDERS_PAGE_SIZE } from './keys';

export function getOrders(params: OrderListParams, signal?: AbortSignal): Promise<Page<Order>> {
  return api<Page<Order>>('/orders', { query: { ...params, size: ORDERS_PAGE_SIZE }, signal });
}

export const getOrdersQueryOptions = (params: OrderListParams) =>
  queryOptions({
    queryKey: orderKeys.list(params),
    queryFn: ({ signal }) => getOrders(params, signal),
    placeholderData: keepPreviousData,
  });

export function useOrders(params: OrderListParams) {
  return useQuery(getOrdersQueryOptions(params));
}

export const getOrderQueryOptions = (id: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => api<Order>(`/orders/${encodeURIComponent(id)}`, { signal }),
  });

export function useOrder(id: string) {
  return useQuery(getOrderQueryOptions(id));
}
