import { createColumn, createDocument, createTable, validateDocument, serializeDocument, parseDocument } from './index';
import type { BenchCase } from '../bench/types';
import type { SchemaDocument } from './types';

/** A generated document of `n` tables with 8 columns each and a foreign key chain. */
export function generatedDocument(n: number): SchemaDocument {
  const doc = createDocument({ name: `generated ${n}` });
  let prev: string | undefined;
  let prevPk: string | undefined;
  for (let i = 0; i < n; i++) {
    const t = createTable(`table_${i}`);
    const id = createColumn('id', 'Int', undefined, { default: { kind: 'function', name: 'autoincrement', args: [] } });
    t.columns.push(id);
    for (let j = 0; j < 6; j++) t.columns.push(createColumn(`field_${j}`, j % 2 ? 'String' : 'Int', undefined, { nullable: j > 3 }));
    const fk = createColumn('parent_id', 'Int', undefined, { nullable: true });
    t.columns.push(fk);
    t.primaryKey = { columns: [{ column: id.id }] };
    doc.tables[t.id] = t;
    doc.layout.nodes[t.id] = { x: (i % 30) * 320, y: Math.floor(i / 30) * 360 };
    if (prev && prevPk) {
      const rid = `rel_${i}x`;
      doc.relations[rid] = { id: rid, kind: 'foreign-key', from: { table: t.id, columns: [fk.id] }, to: { table: prev, columns: [prevPk] } };
    }
    prev = t.id;
    prevPk = id.id;
  }
  return doc;
}

const big = generatedDocument(1000);
const text = serializeDocument(big);

export const cases: BenchCase[] = [
  { name: 'schema: validate 1,000 tables', size: '1,000 tables', run: () => validateDocument(big) },
  { name: 'schema: parse+migrate+validate JSON, 1,000 tables', size: `${(text.length / 1e6).toFixed(1)} MB`, run: () => parseDocument(text) },
];
