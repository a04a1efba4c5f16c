// Every table Accord owns, gathered for drizzle-kit and for typed queries; each module keeps its own.
export * from '../registry/registry.tables.js';
export * from '../audit/audit.tables.js';
export * from '../auth/auth.tables.js';
export * from '../notify/notify.tables.js';
