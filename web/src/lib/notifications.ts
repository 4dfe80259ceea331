import { createStore } from './store';

// Toasts for changes that matter to the viewer. A burst (a migration, a sale) must not bury the
// screen: past a few toasts in a short window, further ones are counted in one summary toast, and a
// toast with the key of one on screen (the same order, the same book) replaces it.

export type Tone = 'info' | 'success' | 'warning';

export interface Note {
  message: string;
  /** Notes with the same key replace each other: a second change of one book is one toast. */
  key: string;
  tone?: Tone;
}

export interface Toast extends Required<Note> {
  id: number;
  createdAt: number;
  /** How many notes a burst summary stands for. */
  count: number;
}

export const BURST_WINDOW_MS = 2_000;
export const BURST_SIZE = 3;
export const VISIBLE_MS = 6_000;
const MAX_VISIBLE = 4;
const BURST_KEY = 'burst';

export function pushToast(toasts: Toast[], note: Note, now: number, id: number): Toast[] {
  const same = toasts.find((toast) => toast.key === note.key);
  if (same) {
    return toasts.map((toast) => (toast === same ? { ...toast, message: note.message, tone: note.tone ?? 'info', createdAt: now } : toast));
  }
  const recent = toasts.filter((toast) => toast.key !== BURST_KEY && now - toast.createdAt < BURST_WINDOW_MS).length;
  if (recent >= BURST_SIZE) {
    const burst = toasts.find((toast) => toast.key === BURST_KEY);
    const count = (burst?.count ?? 0) + 1;
    const summary: Toast = {
      id: burst?.id ?? id, key: BURST_KEY, tone: 'info', createdAt: now, count,
      message: `…and ${count} more ${count === 1 ? 'change' : 'changes'}`,
    };
    return burst ? toasts.map((toast) => (toast === burst ? summary : toast)) : [...toasts, summary];
  }
  return [...toasts, { ...note, tone: note.tone ?? 'info', id, createdAt: now, count: 1 }].slice(-MAX_VISIBLE);
}

const toasts = createStore<Toast[]>([]);
let nextId = 1;

export const toastStore = {
  get: toasts.get,
  subscribe: toasts.subscribe,
  dismiss(id: number): void {
    toasts.set(toasts.get().filter((toast) => toast.id !== id));
  },
};

export function notify(note: Note): void {
  toasts.set(pushToast(toasts.get(), note, Date.now(), nextId++));
  setTimeout(() => toasts.set(toasts.get().filter((toast) => Date.now() - toast.createdAt < VISIBLE_MS)), VISIBLE_MS);
}
