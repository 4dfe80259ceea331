import { describeError } from '@/lib/api-client';
import type { User } from '@/types/api';
import { useChangeRole } from '../api/users';

export function UserTable({ users, currentUserId }: { users: User[]; currentUserId: string }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr><th scope="col">Username</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          {users.map((user) => <UserRow key={user.id} user={user} isMe={user.id === currentUserId} />)}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ user, isMe }: { user: User; isMe: boolean }) {
  const change = useChangeRole();
  const next = user.role === 'admin' ? 'customer' : 'admin';
  const action = next === 'admin' ? 'Make admin' : 'Make customer';
  return (
    <tr>
      <th scope="row">{user.username}{isMe && <span className="muted"> (you)</span>}</th>
      <td>{user.email}</td>
      <td><span className={`role role--${user.role}`}>{user.role}</span></td>
      <td>
        <button
          type="button"
          className="button button--small"
          disabled={change.isPending}
          aria-label={`${action}: ${user.username}`}
          onClick={() => change.mutate({ id: user.id, role: next })}
        >
          {action}
        </button>
        {change.isSuccess && <p className="muted" role="status">{isMe ? 'Your' : 'Their'} current session keeps its old role until it is renewed.</p>}
        {change.error && <p className="field__error" role="alert">{describeError(change.error)}</p>}
      </td>
    </tr>
  );
}
