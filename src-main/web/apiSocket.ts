import type { RawData, WebSocket } from 'ws';
import { describeBytes, encodeBinaryResult, type HostMessage } from '../core/api/protocol';
import { ApiSession } from '../node/api/session';
import type { Router } from '../node/api/router';
import { parseClientMessage } from './clientMessages';

/** Requests one socket may have running at once; the renderer keeps a handful. */
export const MAX_REQUESTS_IN_FLIGHT = 64;

/**
 * Replies a socket may hold unread by its client before the host gives up
 * on it. Checked before each send, so one reply larger than this still goes
 * out to a client that reads.
 */
export const MAX_BUFFERED_BYTES = 64 * 2 ** 20;

/** RFC 6455 §7.4.1: the endpoint received a message that violates its policy. */
const POLICY_VIOLATION = 1008;

/**
 * One browser connection: requests in, progress and replies out. A frame the
 * protocol forbids (over the size limit, bad UTF-8, reserved bits or
 * opcodes, unmasked) makes `ws` close the socket with the matching status
 * code (1009, 1007, 1002) and then emit `error`; without a listener that
 * error would end the host.
 *
 * What one client can make the host hold is bounded: at most
 * MAX_REQUESTS_IN_FLIGHT requests run at once (more are refused at once),
 * and a client that leaves more than MAX_BUFFERED_BYTES of replies unread is
 * closed with 1008 and its running requests cancelled.
 */
export function serveApiSocket(ws: WebSocket, router: Router): void {
  const session = new ApiSession(router);
  let inFlight = 0;
  let givenUp = false;

  const giveUp = () => {
    givenUp = true;
    session.close();
    // The close frame waits behind the unread replies; ws destroys the socket if the client never answers it.
    ws.close(POLICY_VIOLATION, `The client is not reading its replies: over ${describeBytes(MAX_BUFFERED_BYTES)} wait unsent.`);
  };
  const send = (data: string | Uint8Array) => {
    if (givenUp || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return giveUp();
    ws.send(data);
  };
  const post = (m: HostMessage) => send(JSON.stringify(m));

  ws.on('error', () => {
    // The close frame with the reason's status code is already on its way; the host carries on.
    session.close();
  });
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (givenUp) return;
    const msg = isBinary ? null : parseClientMessage(data.toString());
    if (!msg || 'error' in msg) {
      post({ type: 'error', id: msg?.id ?? 0, error: { code: 'bad-request', message: msg?.error ?? 'Messages must be JSON text.' } });
      return;
    }
    if (msg.type === 'cancel') {
      session.cancel(msg.id);
      return;
    }
    if (inFlight >= MAX_REQUESTS_IN_FLIGHT) {
      post({
        type: 'error',
        id: msg.id,
        error: { code: 'bad-request', message: `Refused ${msg.method}: too many requests in flight (${MAX_REQUESTS_IN_FLIGHT}); wait for replies before sending more.` },
      });
      return;
    }
    inFlight++;
    session
      .request(msg.id, msg.method, msg.input, (progress) => post({ type: 'progress', id: msg.id, progress }))
      .then((reply) => {
        if (!reply.ok) return post({ type: 'error', id: msg.id, error: reply.error });
        if (reply.result instanceof Uint8Array) return send(encodeBinaryResult(msg.id, reply.result));
        post({ type: 'result', id: msg.id, result: reply.result });
      })
      .catch((e: unknown) =>
        // A result that cannot be sent (e.g. not serializable) fails its call, not the host.
        post({ type: 'error', id: msg.id, error: { code: 'internal', message: `The host could not send the result of ${msg.method}: ${(e as Error)?.message ?? String(e)}` } }),
      )
      .finally(() => inFlight--);
  });
  ws.on('close', () => session.close());
}
