/**
 * The embedded database did not get to a statement in time: another one held its single
 * connection for the whole wait. Like a pool that hands out no connection, it says nothing about
 * the statement that waited, so it is reported as the database being unavailable.
 */
export class EmbeddedDatabaseBusy extends Error {
  readonly code = 'ACCORD_EMBEDDED_DATABASE_BUSY';

  constructor(readonly waitedMs: number) {
    super(`the embedded database was busy for ${waitedMs} ms with another statement or transaction`);
    this.name = 'EmbeddedDatabaseBusy';
  }
}
