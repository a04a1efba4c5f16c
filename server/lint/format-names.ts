import type { Format } from '@stoplight/spectral-core';
import { aas2, aas2_0, aas2_1, aas2_2, aas2_3, aas2_4, aas2_5, aas2_6, aas3, aas3_0, aas3_1, oas2, oas3, oas3_0, oas3_1, oas3_2 } from '@stoplight/spectral-formats';

/**
 * The names a ruleset may use in `formats`, as Spectral's own ruleset files spell them. Spectral's
 * CLI accepts `aas3` but not `asyncapi3` for AsyncAPI 3, so both spellings are known here, and the
 * shipped rulesets use the one both tools read.
 */
export const formatNames: ReadonlyMap<string, Format> = new Map<string, Format>([
  ['oas2', oas2],
  ['oas3', oas3],
  ['oas3.0', oas3_0],
  ['oas3.1', oas3_1],
  ['oas3.2', oas3_2],
  ['asyncapi2', aas2],
  ['aas2', aas2],
  ['asyncapi2.0', aas2_0],
  ['asyncapi2.1', aas2_1],
  ['asyncapi2.2', aas2_2],
  ['asyncapi2.3', aas2_3],
  ['asyncapi2.4', aas2_4],
  ['asyncapi2.5', aas2_5],
  ['asyncapi2.6', aas2_6],
  ['asyncapi3', aas3],
  ['aas3', aas3],
  ['asyncapi3.0', aas3_0],
  ['asyncapi3.1', aas3_1],
]);
