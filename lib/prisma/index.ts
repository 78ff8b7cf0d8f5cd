export { importPrisma, importPrismaSync, type ImportOptions } from './import';
export { exportPrisma, exportPrismaSync } from './export';
export { applyPrismaEdit, preparePrismaEdit } from './apply-edit';
export { applyValidPrismaEdit } from './apply-valid-edit';
export { validatePrisma, formatPrisma, setSchemaWasmLoader, type SchemaWasm } from './validate';
export { prismaFormat } from './format';
export type { PrismaTrivia } from './trivia';
