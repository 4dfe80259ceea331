import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginForm, SignupForm } from '@/features/auth/components/auth-forms';

/** Where to go after signing in: the page that sent the visitor here, if it is one of ours. */
function useNext(): () => void {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const next = search.get('next');
  return () => navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
}

export function LoginRoute() {
  const done = useNext();
  const [search] = useSearchParams();
  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      <LoginForm onDone={done} />
      <p>New here? <Link to={`/signup?${search}`}>Sign up</Link>.</p>
    </section>
  );
}

export function SignupRoute() {
  const done = useNext();
  const [search] = useSearchParams();
  return (
    <section className="narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">Sign up</h1>
      <SignupForm onDone={done} />
      <p>Have an account? <Link to={`/login?${search}`}>Log in</Link>.</p>
    </section>
  );
}
