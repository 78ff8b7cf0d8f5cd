import { command, CommandError, type Command } from '../command';
import { without } from './helpers';
import type { Id, Relation } from '../../schema/types';

export function addRelation(relation: Relation): Command {
  return command('relation/add', 'Add relation', (doc) => {
    if (doc.relations[relation.id]) throw new CommandError(`relation id ${relation.id} already exists`);
    return { ...doc, relations: { ...doc.relations, [relation.id]: relation } };
  });
}

export function updateRelation(relationId: Id, patch: Partial<Relation>): Command {
  return command('relation/update', 'Edit relation', (doc) => {
    const r = doc.relations[relationId];
    if (!r) throw new CommandError(`no relation ${relationId}`);
    return { ...doc, relations: { ...doc.relations, [relationId]: { ...r, ...patch } as Relation } };
  });
}

export function deleteRelation(relationId: Id): Command {
  return command('relation/delete', 'Delete relation', (doc) => {
    if (!doc.relations[relationId]) throw new CommandError(`no relation ${relationId}`);
    return { ...doc, relations: without(doc.relations, relationId) };
  });
}
