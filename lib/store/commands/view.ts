import { command, CommandError, type Command } from '../command';
import { without } from './helpers';
import type { Id } from '../../schema/types';
import { followEdit } from '../../sql/follow';

/** Deletes a view and its place on the canvas, with the views that read it (DROP VIEW ... CASCADE). */
export function deleteView(viewId: Id): Command {
  return command('view/delete', 'Delete view', (doc) => {
    if (!doc.views[viewId]) throw new CommandError(`no view ${viewId}`);
    return followEdit(doc, { ...doc, views: without(doc.views, viewId), layout: { ...doc.layout, nodes: without(doc.layout.nodes, viewId) } });
  });
}
