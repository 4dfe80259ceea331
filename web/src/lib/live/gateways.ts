import { type Position, resumeParams } from './position';
import { type FilteredSub, filterParam } from './subscriptions';

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

/**
 * The connect URL: the plain topics, the filtered subscriptions on `books` (so a resume's replay is
 * filtered by the same rule as the live events) and the position to resume from. Without topics the
 * parameter is left out (the gateway then starts with `books`, which the connection drops after
 * `welcome` if no screen wants it).
 */
export function connectUrl(gateway: string, topics: string[], position: Position | null, token: string | null,
  subs: FilteredSub[] = []): string {
  const url = new URL(gateway);
  if (topics.length > 0) url.searchParams.set('topics', topics.join(','));
  const filter = filterParam(subs);
  if (filter) url.searchParams.set('filter', filter);
  for (const [name, value] of Object.entries(resumeParams(position))) url.searchParams.set(name, value);
  if (token) url.searchParams.set('access_token', token);
  return url.toString();
}
