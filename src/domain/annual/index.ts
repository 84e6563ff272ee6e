/** The public face of src/domain/annual: other folders and the rest of the app import only this. */
export * from './annual-plan';
export * from './annual-export';
export * from './annual-import';
export * from './csv';
