import { ActionRegistry } from '@/lib/actions/registry';
import type { EditorContext } from '@/components/editor/context';
import { undoAction } from './undo';
import { redoAction } from './redo';
import { addTableAction } from './add-table';
import { addColumnAction } from './add-column';
import { deleteSelectionAction } from './delete-selection';
import { copyAction, duplicateAction, pasteAction } from './clipboard';
import { clearSelectionAction, selectAllAction } from './select-all';
import { autoLayoutAction, autoLayoutKeepAction } from './auto-layout';
import { fitViewAction, toggleDarkAction, zoomToSelectionAction } from './view';
import { exportAction, helpAction, importAction, searchAction } from './dialogs';
import { addNoteAction, collapseAction, groupAction, ungroupAction } from './layout-actions';

/** Every editor action. Constructing the registry throws if two shortcuts clash. */
export const ACTIONS = [
  undoAction,
  redoAction,
  addTableAction,
  addColumnAction,
  deleteSelectionAction,
  copyAction,
  pasteAction,
  duplicateAction,
  selectAllAction,
  clearSelectionAction,
  collapseAction,
  addNoteAction,
  groupAction,
  ungroupAction,
  autoLayoutAction,
  autoLayoutKeepAction,
  fitViewAction,
  zoomToSelectionAction,
  toggleDarkAction,
  searchAction,
  importAction,
  exportAction,
  helpAction,
];

export const actionRegistry = new ActionRegistry<EditorContext>(ACTIONS);
