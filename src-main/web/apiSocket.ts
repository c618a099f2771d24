import type { RawData, WebSocket } from 'ws';
import { encodeBinaryResult, type HostMessage } from '../core/api/protocol';
import { ApiSession } from '../node/api/session';
import type { Router } from '../node/api/router';
import { parseClientMessage } from './clientMessages';

/**
 * One browser connection: requests in, progress and replies out. A frame the
 * protocol forbids (over the size limit, bad UTF-8, reserved bits or
 * opcodes, unmasked) makes `ws` close the socket with the matching status
 * code (1009, 1007, 1002) and then emit `error`; without a listener that
 * error would end the host.
 */
export function serveApiSocket(ws: WebSocket, router: Router): void {
  const session = new ApiSession(router);
  const post = (m: HostMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  ws.on('error', () => {
    // The close frame with the reason's status code is already on its way; the host carries on.
    session.close();
  });
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const msg = isBinary ? null : parseClientMessage(data.toString());
    if (!msg || 'error' in msg) {
      post({ type: 'error', id: msg?.id ?? 0, error: { code: 'bad-request', message: msg?.error ?? 'Messages must be JSON text.' } });
      return;
    }
    if (msg.type === 'cancel') {
      session.cancel(msg.id);
      return;
    }
    session
      .request(msg.id, msg.method, msg.input, (progress) => post({ type: 'progress', id: msg.id, progress }))
      .then((reply) => {
        if (!reply.ok) return post({ type: 'error', id: msg.id, error: reply.error });
        if (reply.result instanceof Uint8Array) {
          if (ws.readyState === ws.OPEN) ws.send(encodeBinaryResult(msg.id, reply.result));
          return;
        }
        post({ type: 'result', id: msg.id, result: reply.result });
      })
      .catch((e: unknown) =>
        // A result that cannot be sent (e.g. not serializable) fails its call, not the host.
        post({ type: 'error', id: msg.id, error: { code: 'internal', message: `The host could not send the result of ${msg.method}: ${(e as Error)?.message ?? String(e)}` } }),
      );
  });
  ws.on('close', () => session.close());
}
