/** The public face of src/domain/dashboard: other folders and the rest of the app import only this. */
export * from './dashboard';
export * from './attention';
export * from './summary';
export * from './ministry-summary';
export * from './timeline';
export * from './series';
export * from './plan-progress';
export * from './forecast';
