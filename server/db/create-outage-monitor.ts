export interface OutageMonitor {
  /** Reports one piece of work refused because the database could not be reached. */
  refused(): void;
  close(): void;
}

export interface OutageMonitorOptions {
  /** Resolves when the database answers. */
  ping: () => Promise<void>;
  onOutage: () => void;
  onRecovery: (outage: { refused: number; durationMs: number }) => void;
  /** How often the database is tried while it is unreachable. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * Turns a stream of refusals during a database outage into two events: one when the first
 * refusal is seen, one when the database answers again (with how many were refused meanwhile).
 * An outage otherwise logs one error per request, each with its SQL, and buries the one line an
 * operator needs.
 */
export function createOutageMonitor({ ping, onOutage, onRecovery, intervalMs = 1000, now = Date.now }: OutageMonitorOptions): OutageMonitor {
  let outage: { since: number; refused: number; timer: NodeJS.Timeout } | undefined;
  let probing = false;
  const probe = async () => {
    if (!outage || probing) return;
    probing = true;
    try {
      await ping();
      const { since, refused, timer } = outage;
      clearInterval(timer);
      outage = undefined;
      onRecovery({ refused, durationMs: now() - since });
    } catch {
      // Still down; the next tick tries again.
    } finally {
      probing = false;
    }
  };
  return {
    refused() {
      if (outage) return void outage.refused++;
      const timer = setInterval(() => void probe(), intervalMs);
      timer.unref();
      outage = { since: now(), refused: 1, timer };
      onOutage();
    },
    close() {
      if (outage) clearInterval(outage.timer);
      outage = undefined;
    },
  };
}
