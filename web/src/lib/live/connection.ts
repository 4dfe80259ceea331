import { OFFLINE_AFTER, type LiveStatus, reconnectDelay, statusAfterFailures } from './backoff';
import { type LiveEvent, parseFrame } from './frames';
import { connectUrl } from './gateways';
import type { Position } from './position';

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

  constructor(
    private readonly gateways: string[],
    private subscription: Subscription,
    private readonly handlers: LiveHandlers,
    private readonly renewToken: () => Promise<boolean>,
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
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.retryNow);
    window.removeEventListener('offline', this.wentOffline);
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
    const socket = new WebSocket(connectUrl(gateway, this.subscription.topics, this.position, this.subscription.token));
    this.socket = socket;
    socket.onmessage = (message) => {
      if (socket === this.socket) this.receive(message.data);
    };
    socket.onclose = (close) => this.ended(socket, close.code, close.reason);
  }

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
        if (fresh) this.handlers.onResync();
        break;
      }
      case 'event':
        this.position = frame.position;
        this.handlers.onEvent(frame.event);
        break;
      case 'reset':
        this.position = frame.position ?? this.position;
        this.handlers.onResync();
        break;
      case 'error':
        if (frame.topic) this.handlers.onTopicError?.(frame.topic, frame.code);
        else console.warn(`gateway error ${frame.code}: ${frame.message}`);
        break;
      case 'malformed':
        console.warn(`ignored a frame from the gateway: ${frame.reason}`);
        break;
      default:
        break;
    }
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
