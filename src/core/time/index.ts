export * from './kst';
export * from './holidays';
export * from './date-input';
