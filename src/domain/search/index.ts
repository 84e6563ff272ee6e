/** The public face of src/domain/search: normalisation, query parsing, synonyms, ranking, highlighting. */
export * from './normalise';
export * from './stemmer';
export * from './synonyms';
export * from './query';
export * from './document';
export * from './rank';
export * from './highlight';
export * from './suggest';
