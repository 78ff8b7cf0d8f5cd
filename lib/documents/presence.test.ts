import { afterEach, describe, expect, it } from 'vitest';
import { watchPresence, type Presence } from './presence';

const open: Presence[] = [];
afterEach(() => open.splice(0).forEach((p) => p.dispose()));

/** Node's BroadcastChannel delivers between channels of one name, as tabs' do. */
function tab(name: string, seen: number[]) {
  const p = watchPresence(new BroadcastChannel('schemata-presence-test') as never, name, (n) => seen.push(n));
  open.push(p);
  return p;
}
const settle = () => new Promise((r) => setTimeout(r, 30));

describe('watchPresence', () => {
  it('counts the other tabs on the same document, as they open, switch and close', async () => {
    const seenA: number[] = [];
    const seenB: number[] = [];
    const a = tab('a', seenA);
    a.show('doc_1');
    await settle();
    const b = tab('b', seenB);
    await settle();
    expect(a.others).toBe(0);
    b.show('doc_1');
    await settle();
    expect([a.others, b.others]).toEqual([1, 1]);
    b.show('doc_2');
    await settle();
    expect([a.others, b.others]).toEqual([0, 0]);
    b.show('doc_1');
    await settle();
    expect(a.others).toBe(1);
    open.splice(open.indexOf(b), 1);
    b.dispose();
    await settle();
    expect(a.others).toBe(0);
    expect(seenA).toEqual([1, 0, 1, 0]);
  });

  it('learns of a tab that was there first', async () => {
    const a = tab('a', []);
    a.show('doc_1');
    await settle();
    const b = tab('b', []);
    b.show('doc_1');
    await settle();
    expect(b.others).toBe(1);
  });
});
