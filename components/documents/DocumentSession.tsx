'use client';
/** Restores the last open document on start and autosaves changes. (Being implemented.) */
export function DocumentSession() {
  return null;
}
