export { openDatabase, type Database, type DatabaseLocation, type Db, type Schema } from './open-database.js';
export * as tables from './schema.js';
export { isUniqueViolation } from './is-unique-violation.js';
export { storableJson } from './storable-json.js';
export { sqlStateOf } from './sql-state-of.js';
