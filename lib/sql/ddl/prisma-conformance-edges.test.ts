/**
 * Prisma schemas beyond the corpus, each about one rule of Prisma Migrate's SQL: our PostgreSQL DDL,
 * applied in PGlite, must build the catalog Prisma's own SQL (schema-engine-wasm, offline) builds.
 */
import { describe, expect, it } from 'vitest';
import { diffCatalogs, readCatalogSnapshot } from '../../pglite/catalog';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { importPrisma } from '../../prisma';
import { prismaMigrateSql } from '../testing/prisma-engine';
import { buildDdl, renderDdl } from './builder';
import { postgresDialect } from './postgres';

const CASES: Record<string, string> = {
  'enum list defaults by their mapped values': `
enum Color {
  RED  @map("red")
  BLUE
}
model D {
  id Int     @id
  c  Color[] @default([RED, BLUE])
}`,
  'implicit many-to-many tables with long names, cut to 63 bytes as Prisma cuts them': `
model AVeryLongModelNameForTheFirstSideOfRelation {
  id Int @id
  bs AnotherVeryLongModelNameForTheSecondSideOfIt[]
  cs C[] @relation("this_is_a_very_long_relation_name_that_goes_on_and_on_forever_x")
}
model AnotherVeryLongModelNameForTheSecondSideOfIt {
  id Int @id
  as AVeryLongModelNameForTheFirstSideOfRelation[]
}
model C {
  id Int @id
  as AVeryLongModelNameForTheFirstSideOfRelation[] @relation("this_is_a_very_long_relation_name_that_goes_on_and_on_forever_x")
}`,
  'long names with multibyte characters, cut in UTF-8 bytes': `
model A {
  id   Int @id
  val  Int @map("çolumn_ñame_with_àccents_éééééééééééééééé")
  val2 Int
  @@map("tâble_ñame_with_mültibyte_çhäracters_long_ënough")
  @@index([val])
  @@unique([val, val2])
}
model B {
  id Int @id
  @@map("ééééé_table_name_that_is_just_under_the_limit_charsxxxx")
}`,
  'literal defaults: times, bytes in base64, dbgenerated(), floats kept as written': `
model T {
  id Int        @id
  k  DateTime   @db.Time(3) @default("1970-01-01T10:11:12.345Z")
  l  DateTime   @db.Timetz(3) @default("1970-01-01T10:11:12.345+02:00")
  m  DateTime[] @db.Time(3) @default(["1970-01-01T10:11:12.345Z"])
  b  Bytes      @default("AQID")
  d  Bytes[]    @default(["aGVsbG8="])
  a  String     @default(dbgenerated())
  f  Float      @default(1.0)
  g  Float      @default(0.1234567890123456789)
  h  Float      @db.Real @default(2.50)
}`,
  'BRIN operator classes Prisma names (minmax, timestamptz, timetz, varbit are one word in PostgreSQL)': `
model M {
  id Int      @id
  a  Int
  b  Float
  c  DateTime @db.Timestamptz(6)
  d  DateTime @db.Timetz(6)
  e  String   @db.VarBit(8)
  @@index([a(ops: Int4MinMaxOps), b(ops: Float8MinMaxMultiOps), c(ops: TimestampTzBloomOps), d(ops: TimeTzMinMaxOps), e(ops: VarBitMinMaxOps)], type: Brin)
}`,
  'relationMode = "prisma" (and its old name referentialIntegrity): no foreign keys, implicit many-to-many tables included': `
model A {
  id Int @id
  cs C[]
  bs B[]
}
model C {
  id Int @id
  as A[]
}
model B {
  id  Int @id
  aId Int
  a   A   @relation(fields: [aId], references: [id])
  @@index([aId])
}`,
  "partial indexes: a field's @unique with where: raw(...), and where in Prisma's object form": `
model P {
  id      Int       @id
  email   String    @unique(where: raw("id > 0"))
  active  Boolean
  deleted DateTime? @map("deleted_at")
  status  String
  score   Int
  @@index([email], where: { active: true })
  @@index([score], where: { deleted: null }, map: "p_score_live")
  @@index([status], where: { status: "open", score: { not: null } }, map: "p_status_open")
}`,
};

/** The datasource settings and generator a case needs besides the provider. */
const SETTINGS: Record<string, { datasource?: string; generator?: string }> = {
  'relationMode = "prisma" (and its old name referentialIntegrity): no foreign keys, implicit many-to-many tables included': { datasource: 'relationMode = "prisma"' },
  "partial indexes: a field's @unique with where: raw(...), and where in Prisma's object form": { generator: 'generator client {\n  provider        = "prisma-client-js"\n  previewFeatures = ["partialIndexes"]\n}\n' },
};

describe('Prisma conformance beyond the corpus: our PostgreSQL DDL vs Prisma Migrate', () => {
  const variants = Object.entries(CASES).flatMap(([name, body]) =>
    name.startsWith('relationMode') ? [[name, body], [`${name}: referentialIntegrity`, body]] : [[name, body]],
  );
  it.for(variants)('%s', async ([name, body]) => {
    const settings = SETTINGS[name.replace(/: referentialIntegrity$/, '')] ?? {};
    const datasource = name.endsWith('referentialIntegrity') ? 'referentialIntegrity = "prisma"' : settings.datasource ?? '';
    const text = `${settings.generator ?? ''}datasource db {\n  provider = "postgresql"\n  ${datasource}\n}\n${body}\n`;
    const oracle = await bootCachedPg();
    await oracle.exec(await prismaMigrateSql([{ path: 'schema.prisma', content: text }], oracle.db));
    const expected = await readCatalogSnapshot(oracle);
    await oracle.close();
    const { document } = await importPrisma([{ path: 'schema.prisma', text }]);
    const ours = await bootCachedPg();
    await ours.exec(renderDdl(buildDdl(document, postgresDialect)));
    const actual = await readCatalogSnapshot(ours);
    await ours.close();
    expect(Object.keys(expected.tables).length).toBeGreaterThan(0);
    expect(diffCatalogs(expected, actual)).toEqual([]);
  });
});
