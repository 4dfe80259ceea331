import type { CatalogParams } from './catalog-params';

/** The books' query keys: every page and filter of the catalog under `list`, each book under `detail`. */
export const bookKeys = {
  all: ['books'] as const,
  lists: ['books', 'list'] as const,
  list: (params: CatalogParams) => ['books', 'list', params] as const,
  detail: (id: string) => ['books', 'detail', id] as const,
};
