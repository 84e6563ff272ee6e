/** The public face of src/domain/report: other folders and the rest of the app import only this. */
export * from './report-model';
export * from './report-html';
export * from './report-markdown';
export * from './report-text';
export * from './report-charts';
export * from './markdown-escape';
export * from './report-print';
