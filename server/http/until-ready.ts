import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { AccordError } from '../shared/index.js';
import { problemOf } from './problem.js';

export interface StartingGate {
  /** The server's request listener from the moment it listens. */
  listener: RequestListener;
  /** Hands every later request to the app. */
  open(app: RequestListener): void;
}

/**
 * Answers every request while the server starts: the port is open before migrations, seeding and
 * the auth stack are done, and orchestrators probe exactly then. Liveness says the process is up,
 * everything else is a 503 with `Retry-After`, so nothing waits on a socket that nobody serves.
 */
export function untilReady({ retryAfterSeconds = 2 } = {}): StartingGate {
  let app: RequestListener | undefined;
  const starting = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"starting"}');
    const problem = problemOf(new AccordError('starting', 'Accord is starting; try again in a moment'), path);
    // The body of a write is not read: close the connection rather than drain an upload.
    res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': String(retryAfterSeconds), connection: 'close' }).end(JSON.stringify(problem));
  };
  return {
    listener: (req, res) => (app ?? starting)(req, res),
    open(ready) {
      app = ready;
    },
  };
}
