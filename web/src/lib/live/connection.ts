import { OFFLINE_AFTER, type LiveStatus, reconnectDelay, statusAfterFailures } from './backoff';
import { type LiveEvent, parseFrame } from './frames';
import { connectUrl } from './gateways';
import type { Position } from './position';
import { type Held, opsBetween, type SubscriptionSet, withinLimits } from './subscriptions';

export interface LiveState {
  status: LiveStatus;
  /** The gateway's name while live. */
  gateway?: string;
}

export interface LiveHandlers {
  /** A change on one of the subscribed topics, in stream order, each once. */
  onEvent(event: LiveEvent): void;
  /**
   * What was loaded may have missed changes: the first connection (data loaded before it was
   * subscribed) or a `sync:reset` (history lost). Refetch, then apply events as they come.
   */
  onResync(): void;
  /**
   * A topic was refused (`unauthorized`, `forbidden`) or taken away (`revoked`: the account lost the
   * right): the connection goes on with the others.
   */
  onTopicError?(topic: string, code: string): void;
}

/** The session's part of what the page reads: its plain topics (`orders:<you>`, `admin`) and its token. */
export interface Subscription {
  topics: string[];
  token: string | null;
}

/** Gateway close codes that ask for a different reaction than "back off and retry" (docs/protocol.md). */
const DRAINING = 1012;
const POLICY = 1008;
/** The account was disabled or deleted: the token is dead, and reconnecting with it is pointless. */
const REVOKED = 4403;
/** Ping the gateway this often; a connection that answers nothing until the next ping is dead. */
const PING_INTERVAL_MS = 20_000;
/**
 * Longer connect URLs would be refused by the gateway (its request line is at most 4 KiB, the token
 * included): such a connection reads every book instead of its filters.
 */
const MAX_CONNECT_URL = 3_500;

/**
 * One WebSocket to one of the configured gateways at a time. On any loss it moves to the next
 * gateway and resumes from the last event it applied, so no change is missed or applied twice.
 */
export class LiveConnection {
  private state: LiveState = { status: 'connecting' };
  private readonly listeners = new Set<() => void>();
  private socket: WebSocket | null = null;
  private position: Position | null = null;
  private gatewayIndex: number;
  private failures = 0;
  private everLive = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private awaitingPong = false;
  private stopped = true;
  /** What the gateway holds on `books` for the current socket; null until its `welcome`. */
  private held: Held | null = null;
  /** What the current socket was opened with. */
  private openedWith: Held = { books: false, subs: new Map() };
  /** This socket reads every book: the screens' filters did not fit in its connect URL. */
  private plainOnly = false;
  private flushQueued = false;
  private unsubscribeSet: (() => void) | undefined;

  constructor(
    private readonly gateways: string[],
    private subscription: Subscription,
    private readonly handlers: LiveHandlers,
    private readonly renewToken: () => Promise<boolean>,
    private readonly subscriptions: SubscriptionSet,
  ) {
    // Clients spread over the gateways; after a failure each moves on to the next one.
    this.gatewayIndex = Math.floor(Math.random() * gateways.length);
  }

  getState = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.retryNow);
    window.addEventListener('offline', this.wentOffline);
    this.unsubscribeSet = this.subscriptions.subscribe(this.queueFlush);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.retryNow);
    window.removeEventListener('offline', this.wentOffline);
    this.unsubscribeSet?.();
    clearTimeout(this.retryTimer);
    this.drop();
  }

  /** New topics or token (sign-in, sign-out, refresh): reconnect with them, resuming where it was. */
  update(subscription: Subscription): void {
    const same = subscription.token === this.subscription.token
      && subscription.topics.join() === this.subscription.topics.join();
    this.subscription = subscription;
    if (!same && !this.stopped) this.retryNow();
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    // One socket at a time, whoever asks (a retry, a new token, the browser back online).
    this.drop();
    if (this.stopped) return;
    if (this.gateways.length === 0) {
      this.setState({ status: 'offline' });
      return;
    }
    const gateway = this.gateways[this.gatewayIndex % this.gateways.length];
    this.plainOnly = false;
    let url = this.urlFor(gateway);
    if (url.length > MAX_CONNECT_URL) {
      console.warn(`the screens' filters make a connect URL of ${url.length} characters: this connection reads every book`);
      this.plainOnly = true;
      url = this.urlFor(gateway);
    }
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (message) => {
      if (socket === this.socket) this.receive(message.data);
    };
    socket.onclose = (close) => this.ended(socket, close.code, close.reason);
  }

  private urlFor(gateway: string): string {
    const wanted = this.wanted();
    this.openedWith = wanted;
    const topics = this.subscription.topics.filter((topic) => topic !== 'books');
    if (wanted.books) topics.unshift('books');
    const subs = [...wanted.subs].map(([sub, filter]) => ({ sub, filter }));
    return connectUrl(gateway, topics, this.position, this.subscription.token, subs);
  }

  /** What the gateway should hold on `books`: the screens' subscriptions, or every book when they do not fit. */
  private wanted(): Held {
    const wanted = this.subscriptions.wanted();
    if (this.plainOnly || !withinLimits(wanted.subs)) return { books: true, subs: new Map() };
    return { books: wanted.books || this.subscription.topics.includes('books'), subs: wanted.subs };
  }

  private queueFlush = (): void => {
    // The screens that change together (a page and the cart badge, in one render) cost one batch of frames.
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(this.flush);
  };

  /** Sends the ops that take the gateway from what it holds to what the screens want now. */
  private flush = (): void => {
    this.flushQueued = false;
    const socket = this.socket;
    if (!socket || !this.held) return;
    const wanted = this.wanted();
    opsBetween(this.held, wanted).forEach((op) => socket.send(JSON.stringify(op)));
    this.held = wanted;
  };

  private receive(data: unknown): void {
    this.awaitingPong = false;
    const frame = parseFrame(data);
    switch (frame.kind) {
      case 'welcome': {
        const fresh = this.position === null;
        this.position = frame.position ?? this.position;
        this.failures = 0;
        this.everLive = true;
        this.setState({ status: 'live', gateway: frame.gateway });
        this.startPinging();
        // The filters went in the URL; the plain topic is as the gateway says (named neither topics
        // nor filters, it starts with `books`).
        this.held = { books: frame.topics.includes('books'), subs: this.openedWith.subs };
        this.subscriptions.confirm(this.held);
        this.flush();
        if (fresh) this.handlers.onResync();
        break;
      }
      case 'subscribed':
        this.subscriptions.confirm({ books: frame.topics.includes('books'), subs: frame.subs });
        break;
      case 'event':
        this.position = frame.position;
        this.handlers.onEvent(frame.event);
        break;
      case 'reset':
        this.position = frame.position ?? this.position;
        this.handlers.onResync();
        break;
      case 'error':
        if (frame.sub !== undefined) this.refused(frame.sub, frame.code, frame.field, frame.message);
        else if (frame.topic) this.handlers.onTopicError?.(frame.topic, frame.code);
        else console.warn(`gateway error ${frame.code}: ${frame.message}`);
        break;
      case 'malformed':
        console.warn(`ignored a frame from the gateway: ${frame.reason}`);
        break;
      default:
        break;
    }
  }

  /** A subscription the gateway refused (`bad_filter`, or over its limits): a developer's mistake, said in full. */
  private refused(sub: string, code: string, field: string | undefined, message: string): void {
    console.error(`the gateway refused subscription "${sub}" (${code}${field ? `, field ${field}` : ''}): ${message}`);
    this.held?.subs.delete(sub);
    this.subscriptions.refuse({ sub, ...(field ? { field } : {}), message });
  }

  private ended(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket || this.stopped) return;
    this.drop();
    this.gatewayIndex += 1;
    if (code === POLICY && reason === 'token_expired') {
      // A fresh token, then straight back: the gap is replayed from the last id.
      void this.renewToken().catch(() => false).finally(() => this.connect());
      return;
    }
    if (code === REVOKED) {
      // Renew first: the api refuses a disabled or deleted account, the page signs out, and the new
      // session's update() reconnects without a token. The retry only covers a session that did not
      // change; nothing reconnects with the dead token at once, so there is no storm of refusals.
      void this.renewToken().catch(() => false).finally(() => {
        if (!this.socket) this.retryLater();
      });
      return;
    }
    if (code === DRAINING) {
      this.connect();
      return;
    }
    this.retryLater();
  }

  private retryLater(): void {
    if (this.stopped) return;
    this.failures += 1;
    this.setState({ status: statusAfterFailures(this.failures, this.everLive, navigator.onLine) });
    this.retryTimer = setTimeout(() => this.connect(), reconnectDelay(this.failures));
  }

  private startPinging(): void {
    clearInterval(this.pingTimer);
    this.awaitingPong = false;
    this.pingTimer = setInterval(() => {
      const socket = this.socket;
      if (!socket) return;
      if (this.awaitingPong) {
        // Silent since the last ping: the network is gone without a close. Do not wait for the
        // browser to notice; treat it as closed now.
        this.ended(socket, 1006, 'no pong');
        return;
      }
      this.awaitingPong = true;
      socket.send(JSON.stringify({ op: 'ping' }));
    }, PING_INTERVAL_MS);
  }

  private drop(): void {
    clearInterval(this.pingTimer);
    this.held = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onmessage = null;
      socket.onclose = null;
      socket.close();
    }
  }

  private retryNow = (): void => {
    if (!this.stopped) this.connect();
  };

  private wentOffline = (): void => {
    this.failures = Math.max(this.failures, OFFLINE_AFTER);
    this.setState({ status: 'offline' });
  };

  private setState(state: LiveState): void {
    if (state.status === this.state.status && state.gateway === this.state.gateway) return;
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}
