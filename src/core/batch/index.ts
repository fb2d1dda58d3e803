/** core/batch: many claims at once (issue 6). Pure: bytes and members in, members, pairs, tables and bytes out. */
export * from './types';
export * from './normalise';
export * from './items';
export * from './roster';
export * from './dedupe';
export * from './aggregate';
export * from './redact';
export * from './roster-export';
export * from './summary-pdf';
export * from './zip-stream';
export * from './resolve';
export * from './batch';
export * from './progress';
export * from './run';
