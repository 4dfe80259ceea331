import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { ConnectionBadge } from '@/components/connection-badge';
import { ThemeToggle } from '@/components/theme-toggle';
import { Toaster } from '@/components/ui/toaster';
import { useLogout, useSession } from '@/features/auth/api/session';
import { reviewCart } from '@/features/cart/api/cart';
import { useLiveCart } from './live-cart';

/** The cart's link says how many copies it holds and whether a line needs attention. */
function CartLink() {
  // Loading the cart's books here keeps them live on every page: their changes reach the toasts.
  const { lines, books } = useLiveCart();
  const review = reviewCart(lines, books);
  const attention = review.lines.some((line) => line.problem);
  return (
    <NavLink to="/cart" aria-label={`Cart, ${review.count} ${review.count === 1 ? 'copy' : 'copies'}${attention ? ', needs attention' : ''}`}>
      Cart <span className="count">{review.count}</span>{attention && <span className="attention" aria-hidden="true">!</span>}
    </NavLink>
  );
}

function Account() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (session.status === 'restoring') return null;
  if (session.status === 'signed-out') {
    return (
      <div className="account">
        <NavLink to="/login">Log in</NavLink>
        <NavLink to="/signup" className="button button--small">Sign up</NavLink>
      </div>
    );
  }
  return (
    <div className="account">
      <span className="account__who">
        <span className="visually-hidden">Signed in as </span>
        <strong>{session.user.username}</strong> <span className={`role role--${session.user.role}`}>{session.user.role}</span>
      </span>
      <button type="button" className="button button--ghost button--small" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/') })}>
        Log out
      </button>
    </div>
  );
}

export function Layout() {
  const session = useSession();
  const role = session.status === 'signed-in' ? session.user.role : null;
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <Link to="/" className="brand">BookHub <span>Live</span></Link>
        <nav aria-label="Main">
          <NavLink to="/" end>Catalog</NavLink>
          <CartLink />
          {role === 'customer' && <NavLink to="/orders">My orders</NavLink>}
          {role === 'admin' && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <div className="site-header__tools">
          <ConnectionBadge />
          <ThemeToggle />
          <Account />
        </div>
      </header>
      {session.status === 'signed-out' && session.expired && (
        <p className="notice notice--warning banner" role="alert">Your session has ended. <Link to="/login">Log in again</Link> to continue.</p>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Toaster />
    </>
  );
}
