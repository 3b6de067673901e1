// The API contract lives with the feature on the server; the tab and the server import the same schemas.
export * from '../../../bot/src/features/directory/directory-api.js';
