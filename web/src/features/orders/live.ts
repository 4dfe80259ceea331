import type { QueryClient } from '@tanstack/react-query';
import { patchPages, patchQuery } from '@/lib/live/cache';
import type { LiveEvent } from '@/lib/live/frames';
import type { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import type { Order, Page } from '@/types/api';
import { type OrderListParams, orderKeys } from './api/keys';

export function isOrderEvent(event: LiveEvent): boolean {
  return (event.type === 'order:created' || event.type === 'order:updated') && typeof event.data.id === 'string';
}

/**
 * A page of orders (newest first) after an order event, and whether it must be refetched to know
 * which orders it holds now. A new order goes on top of the first page; a changed one is replaced in
 * place, or removed when it no longer has the page's status.
 */
export function applyToOrderPage(page: Page<Order>, params: OrderListParams, event: LiveEvent): { page: Page<Order>; refetch: boolean } {
  const order = event.data as unknown as Order;
  const matches = params.status === undefined || order.status === params.status;
  const index = page.items.findIndex((item) => item.id === order.id);
  const morePages = page.totalItems > page.items.length;
  if (index >= 0) {
    if (matches) return { page: { ...page, items: page.items.map((item, i) => (i === index ? order : item)) }, refetch: false };
    return {
      page: { ...page, items: page.items.filter((item) => item.id !== order.id), totalItems: Math.max(0, page.totalItems - 1) },
      refetch: morePages,
    };
  }
  if (!matches) return { page, refetch: false };
  if (event.type === 'order:created' && params.page === 0) {
    const totalItems = page.totalItems + 1;
    return {
      page: { ...page, items: [order, ...page.items].slice(0, page.size), totalItems, totalPages: Math.ceil(totalItems / page.size) },
      refetch: false,
    };
  }
  // Created behind the first page, or changed into this page's status: only the api knows where it goes.
  return { page, refetch: event.type === 'order:created' || params.status !== undefined };
}

export function applyOrderEvent(client: QueryClient, event: LiveEvent, refetches: RefetchScheduler): void {
  const order = event.data as unknown as Order;
  patchQuery<Order>(client, orderKeys.detail(order.id), () => order);
  patchPages<Page<Order>, OrderListParams>(client, orderKeys.lists, refetches, (page, params) => applyToOrderPage(page, params, event));
}
