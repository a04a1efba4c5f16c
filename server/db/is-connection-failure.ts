// Socket-level failures of a connection to the database server, as node-postgres reports them, and
// the embedded database's connection staying busy past the wait bound.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ACCORD_EMBEDDED_DATABASE_BUSY']);
// Class 08 (connection exception), the server shutting down or starting, too many connections.
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
// node-postgres raises these as plain errors without a code.
const DRIVER_MESSAGES = ['Connection terminated', 'timeout exceeded when trying to connect', 'Query read timeout', 'is not queryable', 'Connection timeout'];

/**
 * Whether a failure means the database cannot be reached right now (down, frozen, restarting,
 * out of connections) rather than that this request was wrong: such a failure is worth retrying
 * and says nothing about the request. Drizzle wraps the driver's error as `cause`.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.includes(m))) return true;
  }
  return false;
}
