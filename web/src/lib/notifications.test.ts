import { describe, expect, it } from 'vitest';
import { BURST_SIZE, BURST_WINDOW_MS, pushToast, type Toast } from './notifications';

const push = (toasts: Toast[], key: string, now: number, id = now) => pushToast(toasts, { key, message: key }, now, id);

describe('pushToast', () => {
  it('shows separate changes as separate toasts', () => {
    let toasts: Toast[] = [];
    toasts = push(toasts, 'a', 0);
    toasts = push(toasts, 'b', 10);
    expect(toasts.map((t) => t.message)).toEqual(['a', 'b']);
  });

  it('replaces a toast about the same thing instead of stacking it', () => {
    let toasts = push([], 'order:1', 0);
    toasts = pushToast(toasts, { key: 'order:1', message: 'shipped' }, 50, 2);
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ id: 0, message: 'shipped' });
  });

  it('counts a burst in one summary toast', () => {
    let toasts: Toast[] = [];
    for (let i = 0; i < BURST_SIZE + 40; i++) toasts = push(toasts, `book:${i}`, i, i);
    expect(toasts).toHaveLength(BURST_SIZE + 1);
    expect(toasts[BURST_SIZE].message).toBe('…and 40 more changes');
  });

  it('shows single toasts again once the burst is over', () => {
    let toasts: Toast[] = [];
    for (let i = 0; i < BURST_SIZE + 2; i++) toasts = push(toasts, `book:${i}`, i, i);
    toasts = push(toasts, 'later', BURST_WINDOW_MS + 100, 99);
    expect(toasts.at(-1)?.message).toBe('later');
  });
});
