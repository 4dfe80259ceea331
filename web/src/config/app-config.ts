import { queryOptions } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/**
 * What the page learns from the api at start: the push-gateways to connect to, as entries that
 * `gatewayUrl` turns into URLs on this page's own host and scheme (`/ws`, `:8081/ws`, or absolute).
 */
export interface AppConfig {
  gateways: string[];
}

export const getAppConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['config'],
    queryFn: ({ signal }) => api<AppConfig>('/config', { signal }),
    staleTime: Infinity,
    retry: true,
    retryDelay: (attempt) => Math.min(10_000, 1_000 * 2 ** attempt),
  });
