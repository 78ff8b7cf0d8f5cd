import { describe, expect, it } from 'vitest';
import { freeSpot, type Rect } from './free-spot';

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('freeSpot', () => {
  const size = { width: 220, height: 100 };
  it('keeps the point when nothing is there, else takes the nearest free place', () => {
    expect(freeSpot([], { x: 500, y: 300 }, size)).toEqual({ x: 390, y: 250 });
    const taken: Rect[] = [{ x: 380, y: 240, width: 260, height: 160 }];
    const spot = freeSpot(taken, { x: 500, y: 300 }, size);
    expect(overlaps({ ...spot, ...size }, taken[0])).toBe(false);
    expect(Math.hypot(spot.x - 390, spot.y - 250)).toBeLessThan(400);
  });

  it('places one table after another without covering any, on a crowded canvas', () => {
    const rects: Rect[] = [];
    for (let i = 0; i < 40; i++) rects.push({ ...freeSpot(rects, { x: 0, y: 0 }, size), ...size });
    for (const [i, a] of rects.entries()) for (const b of rects.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });
});
