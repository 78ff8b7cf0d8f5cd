/**
 * PostGIS runs on its own PGlite build (lib/pglite/postgis.ts). A script that creates it imports
 * whole, and the export builds the same catalog there. Before, its tables were refused ("type
 * geometry does not exist") and reported as skipped.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import { buildDdl, renderDdl } from '../ddl/builder';
import { postgresDialect } from '../ddl/postgres';
import { importPostgres } from './postgres';
import { importWithCatalog } from '../testing/import-catalog';
import { applyScript } from '../testing/setup-cache';
import { exportPrismaSync, validatePrisma } from '../../prisma';

const GIS = `CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE zone (
  id serial PRIMARY KEY,
  name text NOT NULL,
  area public.geometry(Polygon, 4326) NOT NULL,
  centre public.geography(Point, 4326),
  EXCLUDE USING gist (name WITH =, area WITH &&)
);
CREATE INDEX zone_area_idx ON zone USING gist (area);
CREATE VIEW zone_sizes AS SELECT id, public.ST_Area(area) AS size FROM zone;
`;

describe('PostGIS', () => {
  it('a script that creates PostGIS imports whole, and its export builds the same catalog', async () => {
    const { document, diagnostics, catalog: expected } = await importWithCatalog([{ path: 'zones.sql', text: GIS }]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const zone = Object.values(document.tables).find((t) => t.name === 'zone')!;
    expect(zone.columns.map((c) => [c.name, c.type.kind === 'Unsupported' ? c.type.unsupported : c.type.kind])).toEqual([
      ['id', 'Int'],
      ['name', 'String'],
      ['area', 'public.geometry(Polygon,4326)'],
      ['centre', 'public.geography(Point,4326)'],
    ]);
    expect(expected.extensions).toEqual(expect.arrayContaining(['postgis', 'btree_gist']));

    // The leading schemas and extensions may come from a kept data directory (see setup-cache.ts).
    const target = await applyScript(renderDdl(buildDdl(document, postgresDialect)), { extensions: expected.extensions });
    await target.exec('RESET ALL');
    const actual = await readCatalogSnapshot(target);
    await target.close();
    expect(diffCatalogs(expected, actual)).toEqual([]);

    const prisma = exportPrismaSync(document).files;
    expect(prisma[0].text).toContain('Unsupported("public.geometry(Polygon,4326)")');
    expect((await validatePrisma(prisma)).filter((d) => d.severity === 'error')).toEqual([]);
  }, 120_000);

  it('postgis_raster is skipped with its reason (once made, the build answers no query), tiger_geocoder gets fuzzystrmatch', async () => {
    const text = `CREATE EXTENSION postgis;
CREATE EXTENSION postgis_raster;
CREATE EXTENSION postgis_tiger_geocoder CASCADE;
CREATE TABLE tile (id int PRIMARY KEY, r raster);
CREATE TABLE place (id int PRIMARY KEY, at geometry(Point, 4326));
`;
    const { document, diagnostics } = await importPostgres([{ path: 'tiles.sql', text }]);
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['place']);
    const reported = diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.line, d.message]);
    expect(reported).toEqual([
      [2, expect.stringContaining('postgis_raster is not available')],
      [4, expect.stringContaining('type "raster" does not exist')],
    ]);
  }, 120_000);
});
