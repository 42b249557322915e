import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to a `serve` instance: requests must name a loopback Host (a DNS-rebinding page
 * cannot) and the WebSocket must carry this launch's token and, from a browser, our own Origin.
 */
export class AccessPolicy {
  readonly token = randomBytes(24).toString('base64url');
  private port = 0;

  setPort(port: number): void {
    this.port = port;
  }

  hostAllowed(request: IncomingMessage): boolean {
    return this.loopbackOrigins().includes(`http://${request.headers.host ?? ''}`);
  }

  /** Browsers always send Origin on a WebSocket; CLI and test clients send none. */
  originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || this.loopbackOrigins().includes(origin);
  }

  tokenValid(candidate: string | null): boolean {
    if (!candidate) return false;
    const expected = Buffer.from(this.token);
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private loopbackOrigins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }
}
