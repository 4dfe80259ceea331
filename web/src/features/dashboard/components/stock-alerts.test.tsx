import { QueryClient } from '@tanstack/react-query';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveHandlers } from '@/app/live-handlers';
import { stockAlertOf } from '@/lib/live/frames';
import { event } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { stockAlerts, useStockAlerts } from '../api/stock-alerts';
import { StockAlerts } from './stock-alerts';

// The dashboard's stock alerts as the live connection feeds them: `admin` events in, a list newest first out.

function LiveAlerts() {
  return <StockAlerts alerts={useStockAlerts()} />;
}

const alert = (type: string, title: string, stock: number, id = '9-0') =>
  event(type, { id: `book-${title}`, title, stock, threshold: 3 }, { id, topic: 'admin' });

afterEach(() => {
  stockAlerts.clear();
  vi.restoreAllMocks();
});

describe('stock alerts', () => {
  it('lists each alert as it arrives, newest first, and a replayed one once', () => {
    const handlers = createLiveHandlers(new QueryClient());
    renderWithApp(<LiveAlerts />);
    expect(screen.getByText(/None since this page opened/)).toBeInTheDocument();

    act(() => {
      handlers.onEvent(alert('book:low-stock', 'Dune', 2, '10-0'));
      handlers.onEvent(alert('book:restocked', 'Solaris', 8, '11-0'));
      handlers.onEvent(alert('book:restocked', 'Solaris', 8, '11-0'));
    });

    const items = within(screen.getByRole('list', { name: 'Stock alerts' })).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Solaris: restocked, 8 left',
      'Dune: low on stock, 2 left',
    ]);
    expect(within(items[1]).getByRole('link', { name: 'Dune' })).toHaveAttribute('href', '/admin/books/book-Dune');
    expect(items[1]).toHaveTextContent('2 left (alert at ≤ 3)');
  });

  it('keeps the newest 20', () => {
    for (let index = 1; index <= 25; index += 1) stockAlerts.record(stockAlertOf(alert('book:low-stock', `Book ${index}`, 1, `${index}-0`))!);
    expect(stockAlerts.get()).toHaveLength(20);
    expect(stockAlerts.get()[0].title).toBe('Book 25');
    expect(stockAlerts.get()[19].title).toBe('Book 6');
  });

  it('ignores book changes and alerts without their fields', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handlers = createLiveHandlers(new QueryClient());
    renderWithApp(<LiveAlerts />);
    act(() => {
      handlers.onEvent(event('book:updated', { id: 'b1', title: 'Dune', stock: 2, threshold: 3 }));
      handlers.onEvent(event('book:low-stock', { id: 'b1', stock: 2 }, { topic: 'admin' }));
    });
    expect(screen.queryByRole('list', { name: 'Stock alerts' })).not.toBeInTheDocument();
  });
});
