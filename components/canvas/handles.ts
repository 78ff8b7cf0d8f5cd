export const sourceHandleId = (columnId: string) => `${columnId}:s`;
export const targetHandleId = (columnId: string) => `${columnId}:t`;
export const TABLE_HANDLE = 'table';

/** The column id behind a handle id, or undefined for the table-level handles. */
export function columnOfHandle(handle: string | null | undefined): string | undefined {
  if (!handle || handle.startsWith(TABLE_HANDLE)) return undefined;
  return handle.replace(/:[st]$/, '');
}
