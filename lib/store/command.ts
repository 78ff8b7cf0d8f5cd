import type { SchemaDocument } from '../schema/types';

/**
 * Every change to the document is a command: a pure function from document to document.
 * `mergeKey`: consecutive commands with the same key (e.g. one drag) form one undo step.
 */
export interface Command {
  type: string;
  label: string;
  mergeKey?: string;
  apply(doc: SchemaDocument): SchemaDocument;
}

export class CommandError extends Error {
  name = 'CommandError';
}

export function command(type: string, label: string, apply: Command['apply'], mergeKey?: string): Command {
  return { type, label, apply, mergeKey };
}
