export * from './kst';
export * from './holidays';
