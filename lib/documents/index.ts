export * from './repository';
export * from './autosave';
export * from './session';
export * from './layout';
export * from './templates';
export { request, done, transact, openDatabase } from './idb';
