import { describe, expect, it } from 'vitest';
import { bootPg, provideTemplate } from './runner';

const tables = async (pg: Awaited<ReturnType<typeof bootPg>>) =>
  (await pg.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1")).map((r) => r.relname);

describe('bootPg', () => {
  it('without a source, from the second fresh boot on, later ones start from the data directory initdb made, not from one used', async () => {
    provideTemplate('main', { get: () => Promise.reject(new Error('no file')), drop() {} });
    const seen: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const pg = await bootPg({ extensions: i === 3 ? ['pg_trgm'] : [] });
      seen.push(await tables(pg));
      // What one caller makes is not in the next one's database.
      await pg.exec(`CREATE TABLE made_${i} (id int PRIMARY KEY)`);
      if (i === 3) {
        await pg.exec('CREATE EXTENSION pg_trgm');
        expect(await pg.query<{ s: boolean }>("SELECT similarity('schema', 'schemas') > 0.5 AS s")).toEqual([{ s: true }]);
      }
      await pg.close();
    }
    expect(seen).toEqual([[], [], [], []]);
  });

  it('a source gives the template from the first boot; one that fails to load (truncated) is dropped and initdb runs', async () => {
    const maker = await bootPg({ initdb: true });
    await maker.exec('CREATE TABLE from_source (id int)');
    const dir = await maker.snapshot();
    await maker.close();
    provideTemplate('main', { get: async () => dir, drop() {} });
    const pg = await bootPg();
    expect(await tables(pg)).toEqual(['from_source']);
    await pg.close();

    let dropped = 0;
    provideTemplate('main', { get: async () => dir.slice(0, 4096), drop: () => dropped++ });
    const fresh = await bootPg();
    expect(await tables(fresh)).toEqual([]);
    expect(dropped).toBe(1);
    await fresh.close();
  });
});
