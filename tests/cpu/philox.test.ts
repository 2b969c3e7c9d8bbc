import { describe, expect, it } from 'vitest';
import { mulhi32, philox4x32 } from '../../src/cpu/philox.ts';
import { indexWords, seedKey, streamTag } from '../../src/model/stream.ts';

const hex = (words: Uint32Array) => [...words].map((w) => w.toString(16).padStart(8, '0'));

describe('philox4x32-10', () => {
  // Known-answer vectors from Random123 (kat_vectors, philox4x32 with 10 rounds).
  it('maps counter 0 under key 0 to the Random123 answer', () => {
    expect(hex(philox4x32(0, 0, 0, 0, 0, 0))).toEqual(['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']);
  });

  it('maps the all-ones counter and key to the Random123 answer', () => {
    const ones = 0xffffffff;
    expect(hex(philox4x32(ones, ones, ones, ones, ones, ones))).toEqual(['408f276d', '41c83b0e', 'a20bc7c6', '6d5451fd']);
  });

  it('maps the pi-digits counter and key to the Random123 answer', () => {
    const words = philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0);
    expect(hex(words)).toEqual(['d16cfe09', '94fdcceb', '5001e420', '24126ea1']);
  });

  it('computes the high word of 32×32-bit products exactly (checked with BigInt)', () => {
    const cases = [
      [0, 0],
      [1, 0xffffffff],
      [0xffffffff, 0xffffffff],
      [0xd2511f53, 0x9e3779b9],
      [0xcd9e8d57, 0x12345678],
      [0x8000_0000, 0x8000_0000],
    ];
    for (const [a, b] of cases) {
      expect(mulhi32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
    }
  });

  it('equals the BigInt product on 10⁵ pseudo-random pairs (the carries folded into the middle sums)', () => {
    let state = 0x2545f491;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      const a = next();
      const b = next();
      if (mulhi32(a, b) !== Number((BigInt(a) * BigInt(b)) >> 32n)) wrong++;
    }
    expect(wrong).toBe(0);
  });
});

describe('counter layout', () => {
  it('splits seeds and matrix indices into (lo, hi) words', () => {
    expect(seedKey(2 ** 40 + 7)).toEqual([7, 256]);
    expect(indexWords(2 ** 32 + 3)).toEqual([3, 1]);
  });

  it('gives every (ensemble, N) its own stream tag', () => {
    const tags = new Set([1, 2, 64, 4096].flatMap((n) => [streamTag(1, n), streamTag(2, n)]));
    expect(tags.size).toBe(8);
  });
});
