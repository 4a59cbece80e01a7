export * from './ids';
export * from './calendar';
export * from './rules';
export * from './eligibility';
export * from './quarters';
export * from './reminders';
