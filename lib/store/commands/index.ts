export * from './table';
export * from './column';
export * from './relation';
export * from './layout';
export * from './enum';
export * from './constraints';
export * from './clipboard';
export * from './create-relation';
