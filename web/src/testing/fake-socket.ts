/** A scripted WebSocket: what the connection sends is kept, what the gateway says is played in. */
export class FakeSocket {
  static opened: FakeSocket[] = [];
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: ((close: { code: number; reason: string }) => void) | null = null;
  closedByClient = false;
  readonly sent: string[] = [];

  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }

  send(text: string): void {
    this.sent.push(text);
  }

  close(): void {
    this.closedByClient = true;
  }

  receive(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  closeFromGateway(code: number, reason: string): void {
    this.onclose?.({ code, reason });
  }
}
