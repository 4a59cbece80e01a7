export * from './headers';
export * from './preview';
export * from './values';
export * from './vocab';
export * from './proposals';
export * from './matching';
