/** The public face of src/domain/routes: other folders and the rest of the app import only this. */
export * from './routes';
export * from './routes-write';
export * from './routes-annual';
export * from './routes-oidc';
export * from './routes-rounds';
export * from './routes-ops';
