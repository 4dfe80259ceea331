import type { Session } from '@/types/api';
import { accessToken, sessionStore, tokenExpiry } from './session';

// The one way the app talks to the api: every URL is built here, every answer that is not a
// success becomes a typed error, and the access token is attached and renewed here.

export interface FieldProblem {
  field: string;
  message: string;
}

/** An RFC 9457 problem the api answered, with the fields it names. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ProblemError';
  }

  /** The message for one field (e.g. `price`, `items[1].quantity`), if the api named it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((problem) => problem.field === field)?.message;
  }
}

/** The api could not be reached, or did not answer in time. */
export class NetworkError extends Error {
  constructor(message = 'Cannot reach the server. Check your connection and try again.') {
    super(message);
    this.name = 'NetworkError';
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

const TIMEOUT_MS = 15_000;
/** Renew a token this close to its expiry before using it, rather than have a request refused. */
const EXPIRY_MARGIN_S = 30;

export function apiPath(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const renewable = !path.startsWith('/auth/') || path === '/auth/profile';
  const token = accessToken();
  if (renewable && token && (tokenExpiry(token) ?? Infinity) - EXPIRY_MARGIN_S < Date.now() / 1000) {
    await renewSession();
  }
  let response = await send(path, options);
  if (response.status === 401 && renewable && await renewOrSignOut()) {
    response = await send(path, options);
  }
  return parse<T>(response);
}

let renewing: Promise<boolean> | null = null;

/**
 * Trades the refresh cookie for a new access token (one request however many callers ask at once).
 * An api without refresh answers 404, an expired or revoked refresh 401: both mean "no session".
 */
export function renewSession(): Promise<boolean> {
  renewing ??= (async () => {
    try {
      const response = await oneTabAtATime(() => send('/auth/refresh', { method: 'POST' }));
      if (!response.ok) return false;
      const session = await response.json() as Partial<Session>;
      const current = sessionStore.get();
      const user = session.user ?? (current.status === 'signed-in' ? current.user : undefined);
      if (!session.token || !user) return false;
      sessionStore.set({ status: 'signed-in', user, token: session.token });
      return true;
    } finally {
      renewing = null;
    }
  })();
  return renewing;
}

/**
 * Renews the session once; when the api refuses, the session is over and the page shows itself
 * signed out. A lost network is thrown, not taken for a refusal.
 */
export async function renewOrSignOut(): Promise<boolean> {
  const renewed = await renewSession();
  if (!renewed && sessionStore.get().status === 'signed-in') {
    sessionStore.set({ status: 'signed-out', expired: true });
  }
  return renewed;
}

/**
 * Tabs share the refresh cookie, and the api rotates it on every use: two tabs refreshing with the
 * same cookie at once would look like a stolen token replayed, and the api would end the session. So
 * tabs take turns; the one that waited sends the cookie the other one's refresh just set.
 */
function oneTabAtATime<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request('bookhub-refresh', work) : work();
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(apiPath(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: withTimeout(options.signal),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new NetworkError('The server did not answer in time. Try again.');
    }
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
}

function withTimeout(signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  throw await problemOf(response);
}

async function problemOf(response: Response): Promise<ProblemError> {
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  let body: { detail?: unknown; title?: unknown; errors?: unknown } = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  const fields = Array.isArray(body.errors)
    ? body.errors.filter((e): e is FieldProblem => typeof e?.field === 'string' && typeof e?.message === 'string')
    : [];
  const message = typeof body.detail === 'string' ? body.detail
    : typeof body.title === 'string' ? body.title
    : `The server answered ${response.status} ${response.statusText}`.trim();
  return new ProblemError(response.status, message, fields, retryAfter);
}

/** A sentence for a person, whatever failed. */
export function describeError(error: unknown): string {
  if (error instanceof ProblemError) {
    if (error.status === 429 && error.retryAfterSeconds) {
      return `Too many attempts. Try again in ${error.retryAfterSeconds} s.`;
    }
    if (error.status >= 500) return 'The server had a problem. Try again in a moment.';
    const named = error.fields.filter((problem) => problem.field !== 'body');
    return named.length ? named.map((problem) => `${labelOf(problem.field)}: ${problem.message}`).join('; ') : error.message;
  }
  if (error instanceof NetworkError) return error.message;
  return 'Something went wrong. Try again.';
}

/** `coverUrl` → `Cover url`, `items[1].quantity` → `Items[1].quantity`. */
function labelOf(field: string): string {
  const spaced = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
