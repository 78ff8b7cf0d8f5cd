/**
 * Where to put a new node near a point without covering the nodes already there: the point itself
 * when it is free, else the nearest free place on a grid around it (the node's size plus a gap).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The top-left corner for a node of `size` whose centre wants to be at `centre`. */
export function freeSpot(rects: readonly Rect[], centre: { x: number; y: number }, size: { width: number; height: number }, gap = 40): { x: number; y: number } {
  const at = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  const free = (x: number, y: number) =>
    rects.every((r) => x + size.width + gap <= r.x || r.x + r.width + gap <= x || y + size.height + gap <= r.y || r.y + r.height + gap <= y);
  if (free(at.x, at.y)) return at;
  const stepX = size.width + gap;
  const stepY = Math.max(size.height, 120) + gap;
  // Rings of the grid around the point, nearest first within each ring.
  for (let ring = 1; ring <= 30; ring++) {
    const spots: { x: number; y: number; d: number }[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        spots.push({ x: at.x + i * stepX, y: at.y + j * stepY, d: (i * stepX) ** 2 + (j * stepY) ** 2 });
      }
    }
    spots.sort((a, b) => a.d - b.d);
    const spot = spots.find((s) => free(s.x, s.y));
    if (spot) return { x: spot.x, y: spot.y };
  }
  return at;
}
