// What the page's screens ask the gateway for on the `books` topic: each mounted screen (the book
// page, the cart badge and the cart page, a catalogue page, the admin screens) holds a subscription
// while it is shown. This file turns the held set into what the gateway holds: the `filter` connect
// parameter (so a resume's replay is filtered by the same rule as live events) and the
// `subscribe` / `unsubscribe` ops that move it from one set to the next while connected.

/** An inclusive range; either bound may be missing. */
export interface Range {
  min?: number;
  max?: number;
}

/** A filter on `books` (docs/protocol.md): every field optional, all of them AND-ed; `{}` matches every book. */
export interface BookFilter {
  ids?: string[];
  genre?: string[];
  author?: string[];
  /** Cents. */
  price?: Range;
  stock?: Range;
  year?: Range;
}

/** One filtered subscription as the gateway names it: the client-chosen `sub` id and its filter. */
export interface FilteredSub {
  sub: string;
  filter: BookFilter;
}

/** What a connection holds on `books`: the plain topic (every book) and the filtered subscriptions by sub id. */
export interface Held {
  books: boolean;
  subs: Map<string, BookFilter>;
}

/** The gateway refused a subscription's filter (`bad_filter`): the field it names and why. */
export interface FilterProblem {
  sub: string;
  field?: string;
  message: string;
}

export type Op =
  | { op: 'subscribe'; topics: ['books'] }
  | { op: 'unsubscribe'; topics: ['books'] }
  | { op: 'subscribe'; topics: ['books']; sub: string; filter: BookFilter }
  | { op: 'unsubscribe'; sub: string };

/**
 * The gateway's default limits (`bookhub.gateway.filters.max-list-size`, `max-filter-size`,
 * `max-subscriptions-per-connection`). Subscriptions over them would be refused; the connection reads
 * every book instead, so the screens stay live (a cart of hundreds of books).
 */
export const FILTER_LIMITS = { listSize: 100, bytes: 3 * 1024, subscriptions: 10 };

export function withinLimits(subs: Map<string, BookFilter>): boolean {
  return subs.size <= FILTER_LIMITS.subscriptions && [...subs.values()].every((filter) =>
    [filter.ids, filter.genre, filter.author].every((list) => (list?.length ?? 0) <= FILTER_LIMITS.listSize)
    && new TextEncoder().encode(JSON.stringify(filter)).length <= FILTER_LIMITS.bytes);
}

/** One filter's text, the same for equal filters whatever the order of their fields or ids. */
export function filterKey(filter: BookFilter): string {
  return JSON.stringify(canonical(filter));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => typeof item === 'string') ? [...new Set(items as string[])].sort() : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value)
    .filter(([, field]) => field !== undefined && field !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, field]) => [name, canonical(field)]));
}

/** The `filter` connect parameter for these subscriptions, or null when there are none. */
export function filterParam(subs: FilteredSub[]): string | null {
  return subs.length === 0 ? null : JSON.stringify(subs.map(({ sub, filter }) => ({ sub, filter })));
}

/**
 * The ops that take a connection from what it holds to what is wanted. Subscribes come first, so a
 * book selected by both the old and the new set never falls into a gap between two frames; a changed
 * filter is one subscribe with the same sub id (the gateway replaces that subscription's filter).
 */
export function opsBetween(held: Held, wanted: Held): Op[] {
  const subscribes: Op[] = [];
  const unsubscribes: Op[] = [];
  if (wanted.books && !held.books) subscribes.push({ op: 'subscribe', topics: ['books'] });
  for (const [sub, filter] of wanted.subs) {
    const before = held.subs.get(sub);
    if (!before || filterKey(before) !== filterKey(filter)) subscribes.push({ op: 'subscribe', topics: ['books'], sub, filter });
  }
  for (const sub of held.subs.keys()) if (!wanted.subs.has(sub)) unsubscribes.push({ op: 'unsubscribe', sub });
  if (held.books && !wanted.books) unsubscribes.push({ op: 'unsubscribe', topics: ['books'] });
  return [...subscribes, ...unsubscribes];
}

/** What a screen's holder is told. */
export interface HolderCallbacks {
  /**
   * The gateway now holds a subscription that covers this holder's filter (confirmed by `welcome` or
   * `subscribed`): what the screen loaded before may have missed changes, and is refetched.
   */
  onLive(): void;
  /** The gateway refused the filter (the screen has no live updates), or null once it is held again. */
  onProblem(problem: FilterProblem | null): void;
}

export interface Hold {
  release(): void;
}

interface Holder {
  sub: string;
  /** Null: the plain `books` topic, every book. */
  filter: BookFilter | null;
  key: string;
  callbacks: HolderCallbacks;
  /** The filter key the gateway was last seen to cover for this holder. */
  liveKey: string | null;
}

/** The key of a plain-topic holder: no filter key looks like it (they are JSON objects). */
const PLAIN = 'books';

/**
 * The subscriptions the page's screens hold. Screens that hold the same sub id with the same filter
 * (the cart badge and the cart page) share one subscription; one that holds a sub id already held with
 * another filter gets its own (`<sub>.<n>`), so no screen ever changes another one's filter.
 */
export class SubscriptionSet {
  private readonly holders = new Map<number, Holder>();
  private readonly listeners = new Set<() => void>();
  private readonly refused = new Map<string, { key: string; problem: FilterProblem }>();
  private next = 1;

  /** `filter` null holds the plain `books` topic (`sub` then only names the holder). */
  hold(sub: string, filter: BookFilter | null, callbacks: HolderCallbacks): Hold {
    const token = this.next;
    this.next += 1;
    this.holders.set(token, { sub, filter, key: filter ? filterKey(filter) : PLAIN, callbacks, liveKey: null });
    this.changed();
    return {
      release: () => {
        if (this.holders.delete(token)) this.changed();
      },
    };
  }

  /** Called whenever the held set changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What the gateway should hold now (leaving out filters it refused, until they change). */
  wanted(): Held {
    const subs = new Map<string, BookFilter>();
    for (const { wire, holder } of this.placements()) {
      if (holder.filter && this.refused.get(wire)?.key !== holder.key) subs.set(wire, holder.filter);
    }
    return { books: [...this.holders.values()].some((holder) => holder.filter === null), subs };
  }

  /**
   * What the gateway holds, from its `welcome` or `subscribed` answer: each holder now covered (by the
   * plain topic, or by its own subscription with its filter) and not covered before is told it is live.
   */
  confirm(held: Held): void {
    for (const { wire, holder } of this.placements()) {
      const filter = held.subs.get(wire);
      const covered = held.books || (filter !== undefined && filterKey(filter) === holder.key);
      if (!covered || holder.liveKey === holder.key) continue;
      holder.liveKey = holder.key;
      if (this.refused.delete(wire)) holder.callbacks.onProblem(null);
      holder.callbacks.onLive();
    }
  }

  /** The gateway refused a subscription's filter: its holders are told; it is not asked for again until it changes. */
  refuse(problem: FilterProblem): void {
    for (const { wire, holder } of this.placements()) {
      if (wire !== problem.sub) continue;
      this.refused.set(wire, { key: holder.key, problem });
      holder.liveKey = null;
      holder.callbacks.onProblem(problem);
    }
  }

  /**
   * Each holder with the sub id it has on the wire: the first holder of an id names it, later ones
   * with the same filter share it, later ones with another filter get `<sub>.<n>`.
   */
  private placements(): { wire: string; holder: Holder }[] {
    const first = new Map<string, Holder>();
    return [...this.holders].map(([token, holder]) => {
      // The plain topic has no sub id: it is not in the filtered subscriptions' namespace.
      if (holder.filter === null) return { wire: '', holder };
      const owner = first.get(holder.sub);
      if (!owner) first.set(holder.sub, holder);
      return { wire: !owner || owner.key === holder.key ? holder.sub : `${holder.sub}.${token}`, holder };
    });
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}
