import { NavLink, Outlet } from 'react-router';
import { RequireRole } from '@/features/auth/components/require-role';
import { bookKeys } from '@/features/books/api/keys';
import { statsKey } from '@/features/dashboard/api/get-stats';
import { useBookSubscription } from '@/lib/live/live-context';

function AdminScreens() {
  // The admin screens read the plain `books` topic: the books table and the edit form show any book,
  // and the dashboard's figures count every book, so no filter would select less.
  useBookSubscription('admin', 'all', [bookKeys.all, statsKey]);
  return (
    <>
      <nav className="subnav" aria-label="Admin">
        <NavLink to="/admin" end>Dashboard</NavLink>
        <NavLink to="/admin/books">Books</NavLink>
        <NavLink to="/admin/orders">Orders</NavLink>
        <NavLink to="/admin/users">Users</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

export function AdminLayout() {
  return (
    <RequireRole role="admin">
      <AdminScreens />
    </RequireRole>
  );
}
