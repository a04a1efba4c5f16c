/**
 * Spectral insists on file names for a ruleset and a document before it applies `overrides`, whose
 * `files` globs are relative to the ruleset's folder. Accord lints texts, not files, so both get a
 * fixed name in one folder: an override addresses every contract as `**`, or a part of it by
 * pointer (`**#/paths/~1legacy`). The names never reach a resolver that could read them.
 */
export const virtualSources = {
  ruleset: '/accord/ruleset.yaml',
  document: '/accord/contract.json',
} as const;
