export * from './record';
export * from './money';
export * from './validators';
export * from './common';
export * from './claimant';
export * from './incident';
export * from './claim';
export * from './claim-file';
