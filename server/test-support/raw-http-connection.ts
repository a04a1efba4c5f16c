import { connect } from 'node:net';

export interface RawHttpConnection {
  /** Sends bytes as they are; rejects with the socket's error. */
  write(data: string | Uint8Array): Promise<void>;
  /** Writes `totalBytes` of filler in 1 MiB chunks (HTTP/1.1 chunks when `chunked`), as fast as the socket takes them. */
  writeFiller(totalBytes: number, options?: { chunked?: boolean }): Promise<void>;
  /** Resolves with everything received so far once it contains `text`; rejects if the connection closes first. */
  receivedUntil(text: string): Promise<string>;
  /** Settles when the connection has closed: everything received, and the error that broke it, if one did. */
  closed: Promise<{ received: string; error?: NodeJS.ErrnoException }>;
  destroy(): void;
}

/**
 * A TCP connection to an HTTP server that writes exactly what a test says, when it says, and
 * records every byte and error, for what fetch hides: `Expect: 100-continue`, bodies written while
 * the answer arrives, resets.
 */
export async function openRawHttpConnection(url: string): Promise<RawHttpConnection> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  let error: NodeJS.ErrnoException | undefined;
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    for (const wake of waiters) wake();
  });
  socket.on('error', (e) => (error ??= e));
  const closed = new Promise<{ received: string; error?: NodeJS.ErrnoException }>((resolve) =>
    socket.once('close', () => {
      for (const wake of waiters) wake();
      resolve({ received, ...(error ? { error } : {}) });
    }),
  );
  const write = (data: string | Uint8Array) => new Promise<void>((resolve, reject) => void socket.write(data, (e) => (e ? reject(e) : resolve())));
  return {
    write,
    async writeFiller(totalBytes, { chunked = false } = {}) {
      const chunk = Buffer.alloc(2 ** 20, 'a');
      for (let sent = 0; sent < totalBytes; sent += chunk.length) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        await write(chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece);
      }
    },
    receivedUntil(text) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.includes(text)) resolve(received);
          else if (socket.closed) reject(new Error(`the connection closed before "${text}" arrived; received: ${received.slice(0, 200)}`));
          else return;
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    closed,
    destroy: () => socket.destroy(),
  };
}

/** The last HTTP response in `text` (after any `100 Continue`): status, lower-cased headers, body. */
export function parseRawResponse(text: string): { status: number; headers: Record<string, string>; body: string } {
  const start = text.lastIndexOf('HTTP/1.1 ');
  const headEnd = text.indexOf('\r\n\r\n', start);
  const [statusLine, ...lines] = text.slice(start, headEnd).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine!.split(' ')[1]), headers, body: Buffer.from(text.slice(headEnd + 4), 'latin1').toString('utf8') };
}
