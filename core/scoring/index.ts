export * from './evidence';
export * from './metrics';
export * from './period';
export * from './rules';
export * from './score';
export * from './templates';
