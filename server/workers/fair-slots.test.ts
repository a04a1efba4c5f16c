import { describe, expect, it } from 'vitest';
import { fairSlots } from './fair-slots.js';

/** Acquires a slot for `caller` and records, in `started`, when it was granted. */
function taker(slots: ReturnType<typeof fairSlots>, started: string[]) {
  return (caller: string, name: string) => slots.acquire(caller).then((release) => (started.push(name), release));
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('fair slots', () => {
  it('let a caller alone use every slot', async () => {
    const started: string[] = [];
    const take = taker(fairSlots({ slots: 2 }), started);
    void take('ci', 'a1');
    void take('ci', 'a2');
    void take('ci', 'a3');
    await settle();
    expect(started).toEqual(['a1', 'a2']);
  });

  it("give the first free slot to a newcomer rather than to the queue of a caller that holds them all", async () => {
    const started: string[] = [];
    const take = taker(fairSlots({ slots: 2 }), started);
    const first = take('slow', 's1');
    void take('slow', 's2');
    for (let i = 3; i <= 6; i++) void take('slow', `s${i}`);
    await settle();
    const newcomer = take('admin', 'n1');
    await settle();
    expect(started).toEqual(['s1', 's2']);
    (await first)();
    await newcomer;
    expect(started).toEqual(['s1', 's2', 'n1']);
  });

  it('take turns between callers with equally many tasks running', async () => {
    const started: string[] = [];
    const take = taker(fairSlots({ slots: 1 }), started);
    const releases = [take('a', 'a1'), take('a', 'a2'), take('a', 'a3'), take('b', 'b1'), take('b', 'b2'), take('c', 'c1')];
    for (let i = 0; i < 6; i++) {
      await settle();
      (await releases[['a1', 'a2', 'a3', 'b1', 'b2', 'c1'].indexOf(started.at(-1)!)]!)();
    }
    expect(started).toEqual(['a1', 'a2', 'b1', 'c1', 'a3', 'b2']);
  });

  it('never leave a slot idle while anyone waits, even a caller over its share', async () => {
    const started: string[] = [];
    const take = taker(fairSlots({ slots: 4 }), started);
    const held = [take('a', 'a1'), take('a', 'a2'), take('b', 'b1'), take('b', 'b2')];
    void take('a', 'a3');
    await settle();
    (await held[2]!)();
    await settle();
    expect(started).toEqual(['a1', 'a2', 'b1', 'b2', 'a3']);
  });
});
