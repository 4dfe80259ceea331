import { type FormEvent, useState } from 'react';
import { TextField } from '@/components/ui/field';
import { ErrorNotice } from '@/components/ui/status';
import { ProblemError } from '@/lib/api-client';
import { useLogin, useSignup } from '../api/session';

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ProblemError ? error.fieldMessage(field) : undefined;
}

/** A failure that no field shows (the api unreachable, too many attempts) above the form. */
function FormError({ error, fields }: { error: unknown; fields: string[] }) {
  if (!error || fields.some((field) => fieldError(error, field))) return null;
  return <ErrorNotice error={error} />;
}

export function LoginForm({ onDone }: { onDone: () => void }) {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: onDone });
  };
  return (
    <form className="auth-form" onSubmit={submit} aria-label="Log in">
      <FormError error={login.error} fields={['username', 'password']} />
      <TextField label="Username or email" name="username" autoComplete="username" required value={username}
        onChange={(event) => setUsername(event.target.value)} error={fieldError(login.error, 'username')} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password}
        onChange={(event) => setPassword(event.target.value)} error={fieldError(login.error, 'password')} />
      <button type="submit" className="button" disabled={login.isPending}>{login.isPending ? 'Logging in…' : 'Log in'}</button>
    </form>
  );
}

export function SignupForm({ onDone }: { onDone: () => void }) {
  const signup = useSignup();
  const [form, setForm] = useState({ username: '', email: '', password: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signup.mutate({ ...form, username: form.username.trim(), email: form.email.trim() }, { onSuccess: onDone });
  };
  const field = (name: keyof typeof form) => ({
    name,
    value: form[name],
    error: fieldError(signup.error, name),
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });
  return (
    <form className="auth-form" onSubmit={submit} aria-label="Sign up">
      <FormError error={signup.error} fields={['username', 'email', 'password']} />
      <TextField label="Username" autoComplete="username" required hint="3 to 32 letters, digits, '_', '.' or '-'" {...field('username')} />
      <TextField label="Email" type="email" autoComplete="email" required {...field('email')} />
      <TextField label="Password" type="password" autoComplete="new-password" required hint="At least 8 characters" {...field('password')} />
      <button type="submit" className="button" disabled={signup.isPending}>{signup.isPending ? 'Signing up…' : 'Sign up'}</button>
    </form>
  );
}
