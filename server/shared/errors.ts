/**
 * Domain errors. They carry a stable kebab-case `code` and, where the input was at fault, the JSON
 * pointers of what was wrong. They know nothing about HTTP: `http/problem.ts` owns the mapping.
 */
export interface Issue {
  /** JSON pointer (RFC 6901) into the input that was at fault, when there is one. */
  pointer?: string;
  message: string;
  code?: string;
  line?: number;
  column?: number;
}

export class AccordError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
    /** Domain facts a caller needs to act on the error, e.g. the findings that blocked a publish. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Something named in the request does not exist. */
export class NotFound extends AccordError {
  constructor(what: string) {
    super('not-found', `${what} was not found`);
  }
}

/** The request is well-formed but clashes with the current state (duplicates, immutability, order). */
export class Conflict extends AccordError {}

/** The request itself is wrong: a field is missing, malformed or refers to something unusable. */
export class InvalidInput extends AccordError {
  constructor(message: string, issues: readonly Issue[] = [], code = 'invalid-input') {
    super(code, message, issues);
  }
}

/** An uploaded contract document was refused by safe ingest; `code` names the first reason. */
export class DocumentRejected extends AccordError {}

/** Accord cannot take the work right now (a queue is full); the same request may succeed later. */
export class Unavailable extends AccordError {}

/** A publish the compatibility check refused; `details` holds the check's report. */
export class PublishBlocked extends AccordError {
  constructor(message: string, details: Readonly<Record<string, unknown>>) {
    super('publish-blocked', message, [], details);
  }
}
