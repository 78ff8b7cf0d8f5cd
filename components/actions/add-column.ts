import type { Action } from '@/lib/actions/registry';
import { createColumn } from '@/lib/schema/document';
import { addColumn } from '@/lib/store/commands';
import { memberNames } from '@/lib/store/commands/create-relation';
import type { EditorContext } from '@/components/editor/context';
import { selectedTableIds } from './helpers';

export const addColumnAction: Action<EditorContext> = {
  id: 'add-column',
  edits: true,
  label: 'Add column',
  group: 'Table',
  shortcuts: ['C'],
  enabled: (ctx) => selectedTableIds(ctx).length === 1,
  perform(ctx) {
    const [tableId] = selectedTableIds(ctx);
    if (!tableId) return ctx.ui().announce('Select a table first');
    const table = ctx.store.getState().document.tables[tableId];
    // Clear of its columns and its relation fields (a model's fields share one namespace).
    const taken = memberNames(ctx.store.getState().document, tableId);
    let name = 'column1';
    for (let i = 1; taken.has(name); i++) name = `column${i}`;
    const column = createColumn(name, 'String');
    ctx.store.getState().dispatch(addColumn(tableId, column));
    ctx.ui().showPanel('inspector');
    ctx.ui().announce(`Added column ${name} to ${table.name}`);
    // Let the inspector render, then focus the new column's name field.
    requestAnimationFrame(() => (document.querySelector(`[data-column-name="${column.id}"]`) as HTMLInputElement | null)?.select());
  },
};
