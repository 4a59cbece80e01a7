export * from './rules';
export * from './changes';
export * from './duplicates';
export * from './check';
