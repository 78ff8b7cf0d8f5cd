export * from './table';
export * from './column';
export * from './relation';
export * from './layout';
