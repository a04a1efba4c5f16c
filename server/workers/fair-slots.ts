export interface FairSlots {
  /** Waits for a slot for `caller`'s task; resolves with the function that gives it back. */
  acquire(caller: string): Promise<() => void>;
  /** Whether a task acquired now would start at once. */
  free(): boolean;
}

interface Caller {
  running: number;
  waiting: (() => void)[];
}

/**
 * A fixed number of slots shared fairly between callers (people and API keys). A free slot goes to
 * the waiting caller with the fewest tasks running, and among equals to the one served longest ago,
 * so a caller with many tasks in flight never holds more than ceil(slots ÷ active callers) of them
 * while another waits, and a newcomer waits at most until the first running task ends. No slot
 * stays idle while anyone waits: alone, a caller may use them all.
 */
export function fairSlots({ slots }: { slots: number }): FairSlots {
  const callers = new Map<string, Caller>();
  // Callers with tasks waiting, least recently served first.
  const turn: string[] = [];
  let busy = 0;

  const dispatch = () => {
    while (busy < slots && turn.length > 0) {
      let chosen = 0;
      for (let i = 1; i < turn.length; i++) if (callers.get(turn[i]!)!.running < callers.get(turn[chosen]!)!.running) chosen = i;
      const [key] = turn.splice(chosen, 1) as [string];
      const caller = callers.get(key)!;
      const start = caller.waiting.shift()!;
      if (caller.waiting.length > 0) turn.push(key);
      busy++;
      caller.running++;
      start();
    }
  };

  const releaseFor = (key: string) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const caller = callers.get(key)!;
      busy--;
      caller.running--;
      if (caller.running === 0 && caller.waiting.length === 0) callers.delete(key);
      dispatch();
    };
  };

  return {
    acquire(key) {
      let caller = callers.get(key);
      if (!caller) callers.set(key, (caller = { running: 0, waiting: [] }));
      const started = new Promise<() => void>((resolve) => caller.waiting.push(() => resolve(releaseFor(key))));
      if (caller.waiting.length === 1) turn.push(key);
      dispatch();
      return started;
    },
    free: () => busy < slots && turn.length === 0,
  };
}
