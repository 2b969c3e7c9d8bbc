import { describe, expect, it } from 'vitest';
import { cooperative } from '../src/cooperative.ts';

describe('cooperative', () => {
  it('lets a timer run during a long loop of awaited work', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const cooperate = cooperative(5);
    const until = performance.now() + 50;
    while (performance.now() < until && !fired) await cooperate();
    expect(fired).toBe(true);
  });
  it('returns at once, without yielding, inside its slice', async () => {
    const cooperate = cooperative(60_000);
    expect(await cooperate()).toBe(false);
  });
});
