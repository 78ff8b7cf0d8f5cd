/** Plain PostgreSQL DDL for a generated schema of `n` tables (the canvas benchmark's input). */
export function generatedDdl(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const cols = [
      `  id serial PRIMARY KEY`,
      `  name varchar(120) NOT NULL`,
      `  code text UNIQUE`,
      `  amount numeric(12,2) DEFAULT 0`,
      `  active boolean NOT NULL DEFAULT true`,
      `  created_at timestamptz NOT NULL DEFAULT now()`,
      `  notes text`,
    ];
    // Each table references up to two earlier ones, like real schemas (a few hubs, many leaves).
    if (i > 0) cols.push(`  parent_id integer REFERENCES table_${Math.floor(i / 2)}(id)`);
    if (i > 2) cols.push(`  owner_id integer REFERENCES table_${i % 7}(id) ON DELETE CASCADE`);
    out.push(`CREATE TABLE table_${i} (\n${cols.join(',\n')}\n);`);
    if (i % 3 === 0) out.push(`CREATE INDEX table_${i}_name_idx ON table_${i} (name);`);
  }
  return out.join('\n\n') + '\n';
}
