/** The public face of src/domain/plan: other folders and the rest of the app import only this. */
export * from './model';
export * from './status';
export * from './progress';
export * from './progress-history';
export * from './health';
export * from './deadline';
export * from './fiscal-year';
export * from './default-dates';
export * from './dates';
export * from './snapshot';
export * from './i18n';
export * from './public-comments';
export * from './test-fixtures';
export * from './expected';
export * from './source-text';
export * from './strategy-text';
export * from './tokyo2020';
