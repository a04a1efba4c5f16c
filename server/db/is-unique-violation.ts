import { sqlStateOf } from './sql-state-of.js';

/** True when a database error is a unique-constraint violation (SQLSTATE 23505), on pg and PGlite alike. */
export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505';
