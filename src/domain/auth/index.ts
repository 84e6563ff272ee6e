/** The public face of src/domain/auth: other folders and the rest of the app import only this. */
export * from './auth';
export * from './common-passwords';
