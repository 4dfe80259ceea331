import { NavLink, Outlet } from 'react-router';
import { RequireRole } from '@/features/auth/components/require-role';

export function AdminLayout() {
  return (
    <RequireRole role="admin">
      <nav className="subnav" aria-label="Admin">
        <NavLink to="/admin" end>Dashboard</NavLink>
        <NavLink to="/admin/books">Books</NavLink>
        <NavLink to="/admin/orders">Orders</NavLink>
        <NavLink to="/admin/users">Users</NavLink>
      </nav>
      <Outlet />
    </RequireRole>
  );
}
