/**
 * Facts a differ observed between two documents. A change never says whether it breaks anyone:
 * rules (`rules/`) judge changes. Operations are named by their key, e.g. `GET /orders/{id}`,
 * spelled as in the head document when the operation exists there.
 */
export type Change = PathChange | OperationChange | ParameterChange | RequestBodyChange | ResponseChange | SecurityChange | SchemaChange;

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/** Who writes the data: the client sends requests and reads responses. */
export type Direction = 'request' | 'response';
export type ParameterLocation = 'query' | 'path' | 'header' | 'cookie';

export type PathChange =
  | { kind: 'path.added'; path: string; operations: string[] }
  | { kind: 'path.removed'; path: string; operations: string[] };

export type OperationChange =
  | { kind: 'operation.added'; operation: string }
  | { kind: 'operation.removed'; operation: string }
  | { kind: 'operation.deprecated'; operation: string }
  | { kind: 'operation.reactivated'; operation: string };

type ParameterSite = { operation: string; location: ParameterLocation; name: string; pointer: string };
export type ParameterChange =
  | ({ kind: 'parameter.added'; required: boolean } & ParameterSite)
  | ({ kind: 'parameter.removed'; required: boolean } & ParameterSite)
  | ({ kind: 'parameter.became-required' } & ParameterSite)
  | ({ kind: 'parameter.became-optional' } & ParameterSite);

export type RequestBodyChange =
  | { kind: 'request-body.added'; operation: string; required: boolean; pointer: string }
  | { kind: 'request-body.removed'; operation: string; pointer: string }
  | { kind: 'request-body.became-required'; operation: string; pointer: string }
  | { kind: 'request-body.became-optional'; operation: string; pointer: string }
  | { kind: 'request-body.media-type.added'; operation: string; mediaType: string; pointer: string }
  | { kind: 'request-body.media-type.removed'; operation: string; mediaType: string; pointer: string };

type ResponseSite = { operation: string; status: string; pointer: string };
export type ResponseChange =
  | ({ kind: 'response.added' } & ResponseSite)
  | ({ kind: 'response.removed' } & ResponseSite)
  | ({ kind: 'response.media-type.added'; mediaType: string } & ResponseSite)
  | ({ kind: 'response.media-type.removed'; mediaType: string } & ResponseSite)
  | ({ kind: 'response.header.added'; name: string; required: boolean } & ResponseSite)
  | ({ kind: 'response.header.removed'; name: string; required: boolean } & ResponseSite)
  | ({ kind: 'response.header.became-required'; name: string } & ResponseSite)
  | ({ kind: 'response.header.became-optional'; name: string } & ResponseSite);

/**
 * An operation's `security` is a list of alternatives; a caller satisfies one of them. `schemes`
 * names the schemes of one alternative (empty: anonymous access).
 */
export type SecurityChange =
  | {
      kind: 'security-requirement.added';
      operation: string;
      schemes: string[];
      /** Every base alternative is still satisfied by some head alternative that asks no more of the caller. */
      existingCallersSatisfied: boolean;
    }
  | {
      kind: 'security-requirement.removed';
      operation: string;
      schemes: string[];
      /** Some head alternative asks for a subset of what this one asked, so its callers still qualify. */
      stillSatisfied: boolean;
    };

/** `'any'` when the schema does not constrain the type. 3.0 `nullable: true` appears as `'null'`. */
export type TypeSet = readonly string[] | 'any';

export type BoundKeyword =
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'minProperties'
  | 'maxProperties';

/** What an object accepts beyond its declared properties. */
export type AdditionalProperties = 'any' | 'schema' | 'none';

/**
 * Where a schema fact was seen. A shared schema is compared once per direction, so one fact lists
 * every operation that reaches it. `pointer` is in the head document, except for removals, which
 * point into the base.
 */
type SchemaSite = { direction: Direction; pointer: string; operations: string[] };
type PropertyFlags = { property: string; readOnly: boolean; writeOnly: boolean };

export type SchemaChange =
  | ({ kind: 'schema.type.changed'; from: TypeSet; to: TypeSet } & SchemaSite)
  | ({ kind: 'schema.format.changed'; from?: string; to?: string } & SchemaSite)
  | ({ kind: 'schema.enum.values-added'; values: unknown[] } & SchemaSite)
  | ({ kind: 'schema.enum.values-removed'; values: unknown[] } & SchemaSite)
  /** An enum where any value of the type was admitted before; `values` are the ones now admitted. */
  | ({ kind: 'schema.enum.added'; values: unknown[] } & SchemaSite)
  /** The enum is gone and any value of the type is admitted; `values` are the ones admitted before. */
  | ({ kind: 'schema.enum.removed'; values: unknown[] } & SchemaSite)
  | ({ kind: 'schema.property.added'; required: boolean } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.property.removed'; required: boolean } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.property.became-required' } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.property.became-optional' } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.additional-properties.narrowed'; from: AdditionalProperties; to: AdditionalProperties } & SchemaSite)
  | ({ kind: 'schema.additional-properties.widened'; from: AdditionalProperties; to: AdditionalProperties } & SchemaSite)
  | ({ kind: 'schema.bound.changed'; keyword: BoundKeyword; from?: number; to?: number; change: 'tightened' | 'loosened' } & SchemaSite)
  | ({ kind: 'schema.pattern.changed'; from?: string; to?: string } & SchemaSite)
  /** `from`/`to` are absent when there was or is no default. */
  | ({ kind: 'schema.default.changed'; from?: unknown; to?: unknown } & SchemaSite)
  | ({ kind: 'schema.read-only.changed'; from: boolean; to: boolean } & SchemaSite)
  | ({ kind: 'schema.write-only.changed'; from: boolean; to: boolean } & SchemaSite)
  | ({ kind: 'schema.variant.added'; keyword: 'oneOf' | 'anyOf'; variant: string } & SchemaSite)
  | ({ kind: 'schema.variant.removed'; keyword: 'oneOf' | 'anyOf'; variant: string } & SchemaSite);
