import { command, CommandError, type Command } from '../command';
import { without } from './helpers';
import type { Id } from '../../schema/types';

/** Deletes a view and its place on the canvas. */
export function deleteView(viewId: Id): Command {
  return command('view/delete', 'Delete view', (doc) => {
    if (!doc.views[viewId]) throw new CommandError(`no view ${viewId}`);
    return { ...doc, views: without(doc.views, viewId), layout: { ...doc.layout, nodes: without(doc.layout.nodes, viewId) } };
  });
}
