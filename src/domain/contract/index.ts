/** The public face of src/domain/contract: other folders and the rest of the app import only this. */
export * from './contract';
export * from './contract-annual';
export * from './contract-auth';
export * from './contract-dashboard';
export * from './contract-updates';
export * from './queries';
export * from './updates';
export * from './measure-sort';
export * from './contract-result-review';
export * from './first-requests';
export * from './contract-backups';
