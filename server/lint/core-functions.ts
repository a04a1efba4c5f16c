import type { RulesetFunction, RulesetFunctionWithValidator } from '@stoplight/spectral-core';
import { alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined as undefinedFunction, unreferencedReusableObject, xor } from '@stoplight/spectral-functions';

type CoreFunction = RulesetFunction<unknown, unknown> | RulesetFunctionWithValidator<unknown, unknown>;

/**
 * The functions a ruleset may name in `then.function`: Spectral's core functions, which only
 * inspect the value they are given. Custom JavaScript (`functions`, `functionsDir`) is refused,
 * because a ruleset uploaded to the registry must not run code on the server.
 */
export const coreFunctions: ReadonlyMap<string, CoreFunction> = new Map(
  Object.entries({ alphabetical, casing, defined, enumeration, falsy, length, or, pattern, schema, truthy, undefined: undefinedFunction, unreferencedReusableObject, xor }) as [string, CoreFunction][],
);
