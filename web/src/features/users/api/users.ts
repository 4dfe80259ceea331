import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page, Role, User } from '@/types/api';

const usersKey = (page: number) => ['admin', 'users', page] as const;

export const getUsersQueryOptions = (page: number) =>
  queryOptions({
    queryKey: usersKey(page),
    queryFn: ({ signal }) => api<Page<User>>('/admin/users', { query: { page, size: 50 }, signal }),
    placeholderData: keepPreviousData,
  });

export function useUsers(page: number) {
  return useQuery(getUsersQueryOptions(page));
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      api<User>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { role } }),
    onSuccess: (user) => {
      client.setQueriesData<Page<User>>({ queryKey: ['admin', 'users'] }, (page) =>
        page && { ...page, items: page.items.map((item) => (item.id === user.id ? user : item)) });
      void client.invalidateQueries({ queryKey: ['admin', 'stats'] });
    },
  });
}
