import { useSyncExternalStore } from 'react';
import { toastStore } from '@/lib/notifications';

/** The toasts, in a polite live region that is always in the page, so additions are read out. */
export function Toaster() {
  const toasts = useSyncExternalStore(toastStore.subscribe, toastStore.get);
  return (
    <section className="toaster" aria-label="Notifications">
      <ol role="status" aria-live="polite">
        {toasts.map((toast) => (
          <li key={toast.id} className={`toast toast--${toast.tone}`}>
            <span>{toast.message}</span>
            <button type="button" className="toast__close" aria-label={`Dismiss: ${toast.message}`} onClick={() => toastStore.dismiss(toast.id)}>
              ×
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
