import type { Request, RequestHandler, Response } from 'express';

/**
 * A response sent before the request body has arrived (a refusal from the headers, a body over its
 * limit) ends the connection: keeping it open would mean reading the rest of a body nobody wants,
 * however long. But a socket closed with unread data makes the kernel answer with a reset, and a
 * client still writing its body then fails with ECONNRESET or EPIPE before it reads the answer.
 * So such a response says `Connection: close`, and what the client still writes is read and
 * discarded (never kept) until the body ends, `maxDrainBytes` have been discarded, or `maxDrainMs`
 * have passed; only then is the socket closed. (Not half-closed before: many clients stop writing
 * when the server's side ends, and fail on the body they were still sending.)
 */
export function closeUnreadBody({ maxDrainBytes = 64 * 2 ** 20, maxDrainMs = 10_000 }: { maxDrainBytes?: number; maxDrainMs?: number } = {}): RequestHandler {
  return (req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (bodyPending(req)) {
        res.setHeader('Connection', 'close');
        drainBeforeClosing(req, { maxDrainBytes, maxDrainMs });
      }
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    next();
  };
}

const bodyPending = (req: Request) => !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0);

/**
 * Node ends a `Connection: close` response with `socket.destroySoon()`, which closes the socket as
 * soon as the response is written, unread body or not. For this one socket, that step waits for
 * the body instead, within the bounds.
 */
function drainBeforeClosing(req: Request, { maxDrainBytes, maxDrainMs }: { maxDrainBytes: number; maxDrainMs: number }): void {
  const socket = req.socket;
  const closeWhenWritten = socket.destroySoon.bind(socket);
  socket.destroySoon = () => {
    if (req.readableEnded) return closeWhenWritten();
    const deadline = setTimeout(() => socket.destroy(), maxDrainMs).unref();
    socket.once('close', () => clearTimeout(deadline));
    let drained = 0;
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > maxDrainBytes) socket.destroy();
    });
    req.once('end', closeWhenWritten);
    req.resume();
  };
}
