import { describe, expect, it } from 'vitest';
import { OFFLINE_AFTER, reconnectDelay, statusAfterFailures } from './backoff';

describe('reconnectDelay', () => {
  it('retries the next gateway quickly after a first failure', () => {
    expect(reconnectDelay(1, () => 0)).toBe(125);
    expect(reconnectDelay(1, () => 1)).toBe(250);
  });

  it('doubles with each further failure up to 10 s', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((failures) => reconnectDelay(failures, () => 1));
    expect(ceilings).toEqual([250, 500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });

  it('never waits less than half the ceiling, so retries do not hammer a gateway', () => {
    for (let failures = 1; failures < 12; failures++) {
      expect(reconnectDelay(failures, () => 0)).toBe(reconnectDelay(failures, () => 1) / 2);
    }
  });

  it('spreads clients that failed together over the window', () => {
    expect(reconnectDelay(5, () => 0.25)).toBe(2500);
    expect(reconnectDelay(5, () => 0.75)).toBe(3500);
  });
});

describe('statusAfterFailures', () => {
  it('says connecting before the first welcome, reconnecting after one', () => {
    expect(statusAfterFailures(1, false, true)).toBe('connecting');
    expect(statusAfterFailures(1, true, true)).toBe('reconnecting');
  });

  it('says offline after several failures in a row, or when the browser is offline', () => {
    expect(statusAfterFailures(OFFLINE_AFTER - 1, true, true)).toBe('reconnecting');
    expect(statusAfterFailures(OFFLINE_AFTER, true, true)).toBe('offline');
    expect(statusAfterFailures(1, true, false)).toBe('offline');
  });
});
