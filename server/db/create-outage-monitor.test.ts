import { describe, expect, it } from 'vitest';
import { createOutageMonitor } from './create-outage-monitor.js';

describe('createOutageMonitor', () => {
  it('reports an outage once, and its end once with how many were refused meanwhile', async () => {
    let up = false;
    const events: string[] = [];
    let recovered!: () => void;
    const done = new Promise<void>((resolve) => (recovered = resolve));
    const monitor = createOutageMonitor({
      ping: async () => {
        if (!up) throw new Error('down');
      },
      onOutage: () => events.push('outage'),
      onRecovery: ({ refused }) => {
        events.push(`recovered after ${refused} refused`);
        recovered();
      },
      intervalMs: 10,
    });
    for (let i = 0; i < 5; i++) monitor.refused();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual(['outage']);
    up = true;
    await done;
    monitor.refused();
    expect(events).toEqual(['outage', 'recovered after 5 refused', 'outage']);
    monitor.close();
  });
});
