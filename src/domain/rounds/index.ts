/** The public face of src/domain/rounds (issue 12): reporting rounds, their rows and notifications. */
export * from './rounds-contract';
export * from './notifications-contract';
export * from './rounds-rules';
export * from './mail-text';
