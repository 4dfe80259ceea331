import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { event, order, page } from '@/testing/data';
import type { Order, Page } from '@/types/api';
import { nextStatuses, orderKeys } from './api/keys';
import { applyOrderEvent, applyToOrderPage } from './live';

describe('applyToOrderPage', () => {
  it('puts a new order on top of the first page, keeping the page size', () => {
    const older = Array.from({ length: 20 }, () => order());
    const placed = order();
    const next = applyToOrderPage(page(older, { totalItems: 20 }), { page: 0 }, event('order:created', placed));
    expect(next.page.items[0]).toEqual(placed);
    expect(next.page.items).toHaveLength(20);
    expect(next.page).toMatchObject({ totalItems: 21, totalPages: 2 });
    expect(next.refetch).toBe(false);
  });

  it('refetches a later page for a new order, since everything shifts', () => {
    const next = applyToOrderPage(page([order()], { page: 1, totalItems: 21 }), { page: 1 }, event('order:created', order()));
    expect(next.refetch).toBe(true);
  });

  it('moves a listed order to its new status in place', () => {
    const mine = order({ status: 'paid' });
    const next = applyToOrderPage(page([mine]), { page: 0 }, event('order:updated', { ...mine, status: 'shipped' }));
    expect(next.page.items[0].status).toBe('shipped');
    expect(next.refetch).toBe(false);
  });

  it('drops an order from a status filter it left, and refetches one it entered', () => {
    const paid = order({ status: 'paid' });
    const left = applyToOrderPage(page([paid]), { status: 'paid', page: 0 }, event('order:updated', { ...paid, status: 'shipped' }));
    expect(left.page.items).toEqual([]);
    expect(left.page.totalItems).toBe(0);

    const entered = applyToOrderPage(page([]), { status: 'shipped', page: 0 }, event('order:updated', { ...paid, status: 'shipped' }));
    expect(entered.refetch).toBe(true);
  });

  it('ignores a new order of another status', () => {
    const next = applyToOrderPage(page([]), { status: 'paid', page: 0 }, event('order:created', order({ status: 'pending' })));
    expect(next).toEqual({ page: page([]), refetch: false });
  });
});

describe('applyOrderEvent', () => {
  it('updates an order’s own entry and the lists that hold it', () => {
    const client = new QueryClient();
    const mine = order();
    client.setQueryData(orderKeys.detail(mine.id), mine);
    client.setQueryData(orderKeys.list({ page: 0 }), page([mine]));

    applyOrderEvent(client, event('order:updated', { ...mine, status: 'paid' }), new RefetchScheduler(client, 300, 2_000));

    expect(client.getQueryData<Order>(orderKeys.detail(mine.id))?.status).toBe('paid');
    expect(client.getQueryData<Page<Order>>(orderKeys.list({ page: 0 }))?.items[0].status).toBe('paid');
    client.clear();
  });
});

describe('nextStatuses', () => {
  it('follows the api’s transitions', () => {
    expect(nextStatuses('pending')).toEqual(['paid', 'cancelled']);
    expect(nextStatuses('paid')).toEqual(['shipped', 'cancelled']);
    expect(nextStatuses('shipped')).toEqual(['delivered']);
    expect(nextStatuses('delivered')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
  });
});
