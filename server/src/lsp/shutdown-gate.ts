/**
 * The LSP specification: after `shutdown`, every request errors with InvalidRequest and every notification but
 * `exit` is dropped. vscode-languageserver 10 does neither (it only remembers the shutdown for the exit code), so
 * the server would go on analysing and answering. The gate sits in front of all handlers as the connection's
 * message strategy.
 */
import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node';

/** Internal method a refused request is redirected to, so the connection answers it with our error. */
const REFUSED_METHOD = 'vigil/internal/refusedAfterShutdown';

export class ShutdownGate {
  private closed = false;

  /** Pass as `messageStrategy` to `createConnection`. */
  readonly messageStrategy: MessageStrategy = {
    handleMessage: (message, next) => {
      if (this.closed) {
        if (Message.isRequest(message)) {
          const refused: RequestMessage = { ...message, method: REFUSED_METHOD, params: { method: message.method } };
          return next(refused);
        }
        if (Message.isNotification(message) && message.method !== 'exit') return;
      }
      return next(message);
    },
  };

  /** Registers the handler that answers refused requests. */
  register(connection: Connection): void {
    connection.onRequest(REFUSED_METHOD, (p: { method?: unknown }) => {
      const method = typeof p?.method === 'string' ? p.method : 'request';
      return new ResponseError(ErrorCodes.InvalidRequest, `${method}: the server is shut down; only exit is accepted`);
    });
  }

  /** From the `shutdown` handler on, requests are refused. */
  close(): void {
    this.closed = true;
  }
}
