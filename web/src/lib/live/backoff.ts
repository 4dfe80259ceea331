// When to try again after a connection failed, and what the badge says meanwhile.

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

const BASE_MS = 250;
const CAP_MS = 10_000;
/** Failed attempts in a row after which the badge says offline (the retries go on). */
export const OFFLINE_AFTER = 4;

/**
 * Delay before attempt number `failures` + 1: exponential from 250 ms to 10 s with "equal jitter"
 * (half fixed, half random), so a gateway that comes back is not hit by every client at once, and the
 * first retry, which goes to another gateway, is quick.
 */
export function reconnectDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function statusAfterFailures(failures: number, everLive: boolean, online: boolean): LiveStatus {
  if (!online || failures >= OFFLINE_AFTER) return 'offline';
  return everLive ? 'reconnecting' : 'connecting';
}
