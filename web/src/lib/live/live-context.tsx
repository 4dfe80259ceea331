import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { LiveConnection, type LiveHandlers, type LiveState, type Subscription } from './connection';
import { gatewayUrl } from './gateways';
import { type BookFilter, type FilterProblem, filterKey, SubscriptionSet } from './subscriptions';

interface Live {
  connection: LiveConnection | null;
  subscriptions: SubscriptionSet;
}

const LiveContext = createContext<Live | null>(null);

const CONNECTING: LiveState = { status: 'connecting' };
const noConnection = () => () => {};

interface LiveProviderProps {
  /** The configured gateway entries; undefined while the configuration loads. */
  gateways: string[] | undefined;
  subscription: Subscription;
  handlers: LiveHandlers;
  renewToken: () => Promise<boolean>;
  children: ReactNode;
}

/** Runs the page's one live connection once the gateways are known, and follows the session and the screens. */
export function LiveProvider({ gateways, subscription, handlers, renewToken, children }: LiveProviderProps) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  // Screens hold their subscriptions here whether or not a connection runs yet: it starts with them.
  const [subscriptions] = useState(() => new SubscriptionSet());
  const latest = useRef(subscription);
  latest.current = subscription;
  const entries = gateways?.join(',');

  useEffect(() => {
    if (entries === undefined) return undefined;
    const urls = entries.split(',').filter(Boolean).map((entry) => gatewayUrl(entry, window.location));
    const live = new LiveConnection(urls, latest.current, handlers, renewToken, subscriptions);
    live.start();
    setConnection(live);
    return () => live.stop();
  }, [entries, handlers, renewToken, subscriptions]);

  useEffect(() => {
    connection?.update(subscription);
  }, [connection, subscription]);

  const live = useMemo(() => ({ connection, subscriptions }), [connection, subscriptions]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLiveState(): LiveState {
  const connection = useContext(LiveContext)?.connection;
  return useSyncExternalStore(connection?.subscribe ?? noConnection, connection?.getState ?? (() => CONNECTING));
}

/**
 * Keeps what a screen shows live while it is mounted: holds a subscription to `books` with this
 * filter (`'all'`: the plain topic, every book; undefined: nothing, e.g. an empty cart), changes it
 * when the filter changes, and lets it go on unmount. `queryKeys` are the queries the screen shows
 * through it: once the gateway holds the subscription they are refetched (what was loaded before may
 * have missed changes), except those an earlier filter of this screen already covered; once it lets
 * go they are marked stale, so the next screen that shows them loads them again. Returns the
 * gateway's refusal of the filter, if any: the screen then has no live updates and should say so.
 */
export function useBookSubscription(sub: string, filter: BookFilter | 'all' | undefined, queryKeys: readonly QueryKey[]): FilterProblem | null {
  const subscriptions = useContext(LiveContext)?.subscriptions;
  const client = useQueryClient();
  const [problem, setProblem] = useState<FilterProblem | null>(null);
  const key = filter === undefined || filter === 'all' ? filter : filterKey(filter);
  const current = useRef({ filter, queryKeys });
  current.current = { filter, queryKeys };
  // The queries this screen's subscription covers, by their JSON, and whether the gateway holds it.
  const covered = useRef(new Map<string, QueryKey>());
  const live = useRef(false);

  useEffect(() => {
    const { filter: held } = current.current;
    if (!subscriptions || held === undefined) return undefined;
    live.current = false;
    const hold = subscriptions.hold(sub, held === 'all' ? null : held, {
      onLive() {
        const now = new Map(current.current.queryKeys.map((queryKey) => [JSON.stringify(queryKey), queryKey]));
        for (const [text, queryKey] of now) {
          if (!covered.current.has(text)) void client.invalidateQueries({ queryKey });
        }
        covered.current = now;
        live.current = true;
      },
      onProblem(refusal) {
        setProblem(refusal);
        if (!refusal) return;
        live.current = false;
        letGo(client, covered.current);
        covered.current = new Map();
      },
    });
    return () => hold.release();
  }, [subscriptions, client, sub, key]);

  const keysText = JSON.stringify(queryKeys);
  useEffect(() => {
    const now = new Map(current.current.queryKeys.map((queryKey) => [JSON.stringify(queryKey), queryKey]));
    // Queries this screen no longer shows leave its cover (a catalogue page left for another) ...
    const left = new Map([...covered.current].filter(([text]) => !now.has(text)));
    letGo(client, left);
    // ... and those it shows now under a filter the gateway already holds (another search with the
    // same filters, another page) are covered from their first load.
    covered.current = live.current ? now : new Map([...covered.current].filter(([text]) => now.has(text)));
  }, [client, keysText]);

  useEffect(() => () => letGo(client, covered.current), [client]);

  return problem;
}

/** Queries no longer kept live: marked stale (not refetched now), so they load again when next shown. */
function letGo(client: QueryClient, queries: Map<string, QueryKey>): void {
  queries.forEach((queryKey) => void client.invalidateQueries({ queryKey, refetchType: 'none' }));
}
