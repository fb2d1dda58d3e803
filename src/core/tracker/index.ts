export * from './today';
export * from './deadlines';
export * from './gap';
export * from './next-steps';
export * from './submissions';
export * from './escalation';
export * from './sent-packet';
export * from './association';
