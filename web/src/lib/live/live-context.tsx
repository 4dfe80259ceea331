import { createContext, type ReactNode, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { LiveConnection, type LiveHandlers, type LiveState, type Subscription } from './connection';
import { gatewayUrl } from './gateways';

const LiveContext = createContext<LiveConnection | null>(null);

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

/** Runs the page's one live connection once the gateways are known, and follows the session. */
export function LiveProvider({ gateways, subscription, handlers, renewToken, children }: LiveProviderProps) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  const latest = useRef(subscription);
  latest.current = subscription;
  const entries = gateways?.join(',');

  useEffect(() => {
    if (entries === undefined) return undefined;
    const urls = entries.split(',').filter(Boolean).map((entry) => gatewayUrl(entry, window.location));
    const live = new LiveConnection(urls, latest.current, handlers, renewToken);
    live.start();
    setConnection(live);
    return () => live.stop();
  }, [entries, handlers, renewToken]);

  useEffect(() => {
    connection?.update(subscription);
  }, [connection, subscription]);

  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

export function useLiveState(): LiveState {
  const connection = useContext(LiveContext);
  return useSyncExternalStore(connection?.subscribe ?? noConnection, connection?.getState ?? (() => CONNECTING));
}
