import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { OrderStatus } from '@/types/api';

export interface Totals {
  orders: number;
  /** Cents. */
  revenue: number;
}

export interface Stats {
  books: { total: number; lowStockThreshold: number; lowStock: number; lowStockBooks: { id: string; title: string; stock: number }[] };
  users: { total: number; admins: number; customers: number };
  orders: { total: number; revenue: number; byStatus: Record<OrderStatus, Totals> };
  today: Totals;
}

export const statsKey = ['admin', 'stats'] as const;

export const getStatsQueryOptions = () =>
  queryOptions({
    queryKey: statsKey,
    queryFn: ({ signal }) => api<Stats>('/admin/stats', { signal }),
  });

export function useStats() {
  return useQuery(getStatsQueryOptions());
}
