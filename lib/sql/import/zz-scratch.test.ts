import { it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { prismaIntrospect, prismaMigrateSql } from '../testing/prisma-engine';
const prisma = `datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id Int @id\n  bossId Int?\n  boss User? @relation("Boss", fields: [bossId], references: [id])\n  staff User[] @relation("Boss")\n  followers User[] @relation("Follows")\n  following User[] @relation("Follows")\n}\nmodel Post {\n  id Int @id\n  tags Tag[]\n  featured Tag[] @relation("Featured")\n}\nmodel Tag {\n  id Int @id\n  posts Post[]\n  featuredIn Post[] @relation("Featured")\n}\n`;
it('names', async () => {
  const sql = await prismaMigrateSql([{ path: 'schema.prisma', content: prisma }]);
  const pg = new PGlite();
  await pg.exec(sql);
  console.log(await prismaIntrospect(pg));
}, 60000);
