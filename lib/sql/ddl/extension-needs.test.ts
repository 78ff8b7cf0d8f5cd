/** The export says when the DDL needs an extension it does not create; PostgreSQL judges that it does. */
import { describe, expect, it } from 'vitest';
import { importPrismaSync } from '../../prisma';
import { bootCachedPg } from '../../pglite/snapshot-node';
import { buildDdl, renderDdl } from './builder';
import { postgresDialect } from './postgres';

const schema = (datasourceExtra: string) => `generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["postgresqlExtensions"]
}

datasource db {
  provider = "postgresql"${datasourceExtra}
}

model User {
  id    String @id @default(dbgenerated("uuid_generate_v4()")) @db.Uuid
  email String @unique @db.Citext
  name  String

  @@index([name(ops: raw("gin_trgm_ops"))], type: Gin)
}
`;

const ddlOf = (text: string) => buildDdl(importPrismaSync([{ path: 'schema.prisma', text }]).document, postgresDialect);

describe('extensions the DDL needs', () => {
  it('are named when the schema does not create them, and PostgreSQL refuses that DDL', async () => {
    const r = ddlOf(schema(''));
    const missing = r.diagnostics.filter((d) => d.code === 'sql/extension-missing').map((d) => d.message);
    expect(missing).toHaveLength(3);
    expect(missing.join('\n')).toMatch(/User\.email \(citext\) needs the citext extension/);
    expect(missing.join('\n')).toMatch(/User index \(gin_trgm_ops\) needs the pg_trgm extension/);
    expect(missing.join('\n')).toMatch(/User\.id \(default uuid_generate_v4\(\)\) needs the uuid-ossp extension/);
    const pg = await bootCachedPg({ extensions: ['citext', 'pg_trgm', 'uuid-ossp'] });
    try {
      await expect(pg.exec(renderDdl(r))).rejects.toThrow(/does not exist/);
    } finally {
      await pg.close();
    }
  }, 60_000);

  it('are not named when the datasource creates them, and the DDL runs', async () => {
    const r = ddlOf(schema('\n  extensions = [citext, pg_trgm, uuid_ossp(map: "uuid-ossp")]'));
    expect(r.diagnostics.filter((d) => d.code === 'sql/extension-missing')).toEqual([]);
    const pg = await bootCachedPg({ extensions: ['citext', 'pg_trgm', 'uuid-ossp'] });
    try {
      await pg.exec(renderDdl(r));
    } finally {
      await pg.close();
    }
  }, 60_000);
});
