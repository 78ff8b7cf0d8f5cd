import { generatedDocument } from '../schema/schema.bench';
import { exportPrismaSync } from '../prisma';
const doc = generatedDocument(1000);
for (let i = 0; i < 15; i++) exportPrismaSync(doc);
