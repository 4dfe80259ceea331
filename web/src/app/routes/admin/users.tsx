import { useSearchParams } from 'react-router';
import { Pagination } from '@/components/ui/pagination';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { useCurrentUser } from '@/features/auth/api/session';
import { UserTable } from '@/features/users/components/user-table';
import { useUsers } from '@/features/users/api/users';

export function AdminUsersRoute() {
  const [search] = useSearchParams();
  const page = Math.max(0, Number(search.get('page')) || 0);
  const users = useUsers(page);
  const me = useCurrentUser();
  return (
    <section aria-labelledby="admin-users-title">
      <h1 id="admin-users-title">Users</h1>
      {users.isPending ? <Loading label="Loading users" />
        : users.isError && !users.data ? <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />
        : (
          <>
            <UserTable users={users.data.items} currentUserId={me?.id ?? ''} />
            <Pagination page={page} totalPages={users.data.totalPages} hrefFor={(p) => `?page=${p}`} label="User pages" />
          </>
        )}
    </section>
  );
}
