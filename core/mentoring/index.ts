export * from './booking';
export * from './eligibility';
export * from './followUps';
export * from './quiet';
export * from './stats';
export * from './time';
