import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Loading } from '@/components/ui/status';
import type { Role } from '@/types/api';
import { useSession } from '../api/session';

/** Shows its children to a signed-in user (of this role, if given); others go to the login page. */
export function RequireRole({ role, children }: { role?: Role; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <Loading label="Checking your session" />;
  if (session.status === 'signed-out') {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (role && session.user.role !== role) {
    return (
      <section className="notice">
        <h1>Not for your account</h1>
        <p>This page is for {role}s. <Link to="/">Back to the catalog</Link>.</p>
      </section>
    );
  }
  return children;
}
