export * from './command';
export * from './store';
export * from './commands';
