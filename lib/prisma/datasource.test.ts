import { describe, expect, it } from 'vitest';
import { extensionsOfDatasource } from './datasource';

describe('datasource extensions', () => {
  it('reads names, map, schema and version', () => {
    const text = `datasource db {
  provider   = "postgresql"
  // extensions = [ignored]
  extensions = [pgvector(map: "vector", schema: "ext"), citext, uuidOssp(map: "uuid-ossp", version: "1.1")]
}`;
    expect(extensionsOfDatasource(text)).toEqual([
      { name: 'vector', schema: 'ext' },
      { name: 'citext' },
      { name: 'uuid-ossp', version: '1.1' },
    ]);
  });
  it('is empty without an extensions setting', () => {
    expect(extensionsOfDatasource('datasource db {\n  provider = "postgresql"\n}')).toEqual([]);
  });
});
