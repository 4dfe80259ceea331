import { useLiveState } from '@/lib/live/live-context';

const LABELS = { connecting: 'Connecting', live: 'Live', reconnecting: 'Reconnecting', offline: 'Offline' } as const;

const EXPLANATIONS = {
  connecting: 'Connecting to live updates',
  live: 'Changes appear as they happen',
  reconnecting: 'Live updates paused; reconnecting, nothing will be missed',
  offline: 'Live updates unavailable; still retrying. The page still works.',
} as const;

export function ConnectionBadge() {
  const { status, gateway } = useLiveState();
  const explanation = gateway && status === 'live' ? `${EXPLANATIONS.live} (via ${gateway})` : EXPLANATIONS[status];
  return (
    <p className={`badge badge--${status}`} role="status" title={explanation} data-gateway={status === 'live' ? gateway : undefined}>
      <span className="badge__dot" aria-hidden="true" />
      {LABELS[status]}
      <span className="visually-hidden">: {explanation}</span>
    </p>
  );
}
