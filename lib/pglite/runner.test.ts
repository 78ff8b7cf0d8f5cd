import { describe, expect, it } from 'vitest';
import { bootPg } from './runner';

describe('bootPg', () => {
  it('from the second fresh boot on, later ones start from the data directory initdb made, not from one used', async () => {
    const seen: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const pg = await bootPg({ extensions: i === 3 ? ['pg_trgm'] : [] });
      const rows = await pg.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1");
      seen.push(rows.map((r) => r.relname));
      // What one caller makes is not in the next one's database.
      await pg.exec(`CREATE TABLE made_${i} (id int PRIMARY KEY)`);
      if (i === 3) {
        await pg.exec('CREATE EXTENSION pg_trgm');
        expect(await pg.query<{ s: number }>("SELECT similarity('schema', 'schemas') > 0.5 AS s")).toEqual([{ s: true }]);
      }
      await pg.close();
    }
    expect(seen).toEqual([[], [], [], []]);
  });
});
