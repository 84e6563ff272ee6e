/** The public face of src/domain/seeds: other folders and the rest of the app import only this. */
export * from './seed-schema';
export * from './compile-seeds';
export * from './strategy-text-checks';
