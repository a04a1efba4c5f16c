export { openDatabase, defaultDatabaseTimeouts, type DatabaseTimeouts, type Database, type DatabaseLocation, type Db } from './open-database.js';
export { isUniqueViolation } from './is-unique-violation.js';
export { storableJson } from './storable-json.js';
export { sqlStateOf } from './sql-state-of.js';
export { DataDirectoryInUse, type DataDirectoryHolder } from './lock-data-directory.js';
export { isConnectionFailure } from './is-connection-failure.js';
export { createOutageMonitor, type OutageMonitor } from './create-outage-monitor.js';
