/** Test fixtures for the document format. */

/** A document as Schemata format 1 saved it: positions and colours lived on tables. */
export const V1_DOCUMENT = {
  format: 'schemata',
  version: 1,
  id: 'doc_old',
  name: 'Old',
  settings: { provider: 'postgresql' },
  namespaces: {},
  tables: {
    tbl_a: {
      id: 'tbl_a',
      name: 'Account',
      position: { x: 10, y: 20 },
      color: '#ff0000',
      columns: [{ id: 'col_a', name: 'id', type: { kind: 'Int' }, nullable: false }],
      primaryKey: { columns: [{ column: 'col_a' }] },
      indexes: [],
      checks: [],
    },
    tbl_b: { id: 'tbl_b', name: 'Other', columns: [], indexes: [], checks: [] },
  },
  enums: {},
  relations: {},
  layout: { nodes: {} },
};
