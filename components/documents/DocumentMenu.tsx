'use client';
/** Toolbar entry for documents: list, new, open/save JSON, templates. (Being implemented.) */
export function DocumentMenu() {
  return null;
}
