/** A message about an input or output, located where possible (1-based line and column). */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** A machine-readable code, e.g. `prisma/validate`, `sql/skipped`. */
  code?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
  return `${where}${d.severity}: ${d.message}`;
}

/** An error that carries located diagnostics; its message is the first one, on one line. */
export class DiagnosticError extends Error {
  constructor(public readonly diagnostics: Diagnostic[]) {
    super(diagnostics.length ? formatDiagnostic(diagnostics[0]).replace(/\n/g, ' ') : 'unknown error');
    this.name = 'DiagnosticError';
  }
}

/** The diagnostics of a failure: a DiagnosticError's own, or its message as one error. */
export function diagnosticsOf(e: unknown): Diagnostic[] {
  return e instanceof DiagnosticError ? e.diagnostics : [{ severity: 'error', message: (e as Error)?.message ?? String(e) }];
}
