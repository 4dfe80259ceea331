import { type Position, resumeParams } from './position';

/** The parts of the page's own location that a gateway URL is built from. */
export interface PageLocation {
  protocol: string;
  hostname: string;
  host: string;
}

/**
 * A gateway's WebSocket URL from one entry of the configured list: `/ws` (this page's own origin,
 * e.g. a load balancer in front of every gateway), `:8081/ws` (this page's host on another port,
 * as the local stack runs them), or an absolute `ws(s)://` / `http(s)://` URL. The scheme follows
 * the page's: `wss:` under HTTPS.
 */
export function gatewayUrl(entry: string, page: PageLocation): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  if (/^wss?:\/\//.test(entry)) return entry;
  if (/^https?:\/\//.test(entry)) return entry.replace(/^http/, 'ws');
  if (entry.startsWith(':')) return `${scheme}//${page.hostname}${entry}`;
  return `${scheme}//${page.host}${entry.startsWith('/') ? '' : '/'}${entry}`;
}

export function connectUrl(gateway: string, topics: string[], position: Position | null, token: string | null): string {
  const url = new URL(gateway);
  url.searchParams.set('topics', topics.join(','));
  for (const [name, value] of Object.entries(resumeParams(position))) url.searchParams.set(name, value);
  if (token) url.searchParams.set('access_token', token);
  return url.toString();
}
