/**
 * Facts a differ observed between two documents. A change never says whether it breaks anyone:
 * rules (`rules/`) judge changes. Operations are named by their key, e.g. `GET /orders/{id}`,
 * spelled as in the head document when the operation exists there.
 */
export type Change =
  | PathChange
  | OperationChange
  | ParameterChange
  | RequestBodyChange
  | ResponseChange
  | SecurityChange
  | SecuritySchemeChange
  | ServerUrlChange
  | WebhookChange
  | DocumentChange
  | SchemaChange
  | import('./asyncapi-change.js').AsyncApiChange;

export type ChangeKind = Change['kind'];
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/** Who writes the data: the client sends requests and reads responses. */
export type Direction = 'request' | 'response';
/** `querystring` (3.2) is the whole query string as one value, described by its `content`. */
export type ParameterLocation = 'query' | 'querystring' | 'path' | 'header' | 'cookie';

export type PathChange =
  | { kind: 'path.added'; path: string; operations: string[] }
  /**
   * `deprecated`: every operation under the path was deprecated; each then also appears as an
   * `operation.removed`, so its sunset is judged.
   */
  | { kind: 'path.removed'; path: string; operations: string[]; deprecated: boolean };

export type OperationChange =
  | { kind: 'operation.added'; operation: string }
  /** `sunsetPassed` is judged against `DiffOptions.now`; without it no sunset has passed. */
  | { kind: 'operation.removed'; operation: string; deprecated: boolean; sunset?: string; sunsetPassed: boolean }
  /**
   * `sunset` is the operation's `x-sunset`; `noticeDays` the whole days from `DiffOptions.now` to it
   * and `minimumNoticeDays` the caller's `minDeprecationDays`, each absent when unknown.
   */
  | { kind: 'operation.deprecated'; operation: string; sunset?: string; noticeDays?: number; minimumNoticeDays?: number }
  | { kind: 'operation.reactivated'; operation: string }
  /**
   * `x-sunset` moved; one disappearing counts as `later`. A sunset appearing (`set`) takes nothing
   * back from anyone, so only its notice matters: `noticeDays` and `minimumNoticeDays` as for
   * `operation.deprecated`. An operation deprecated in the same step reports its sunset there.
   */
  | { kind: 'operation.sunset-changed'; operation: string; from?: string; to?: string; moved: 'earlier' | 'later' | 'set'; noticeDays?: number; minimumNoticeDays?: number }
  | { kind: 'operation.id-changed'; operation: string; from?: string; to?: string };

/**
 * `direction` says who writes the parameter: `request` for operations clients call, `response` for
 * webhooks and callbacks, whose requests the API sends and clients' servers read. A parameter,
 * request body, response or header defined once and `$ref`'d from many operations yields one fact
 * naming all of them in `operations`, as shared schemas do.
 */
type ParameterSite = { operations: string[]; direction: Direction; location: ParameterLocation; name: string; pointer: string };
export type ParameterChange =
  | ({ kind: 'parameter.added'; required: boolean } & ParameterSite)
  /**
   * `deprecated`, `sunset` and `sunsetPassed` are what the base announced, as for
   * `operation.removed`: a deprecated parameter may go once its sunset has passed.
   */
  | ({ kind: 'parameter.removed'; required: boolean; deprecated: boolean; sunset?: string; sunsetPassed: boolean } & ParameterSite)
  | ({ kind: 'parameter.became-required' } & ParameterSite)
  | ({ kind: 'parameter.became-optional' } & ParameterSite)
  /** `sunset`, `noticeDays` and `minimumNoticeDays` as for `operation.deprecated`. */
  | ({ kind: 'parameter.deprecated'; sunset?: string; noticeDays?: number; minimumNoticeDays?: number } & ParameterSite)
  /** The parameter's `x-sunset` moved, as `operation.sunset-changed` says of an operation's. */
  | ({ kind: 'parameter.sunset-changed'; from?: string; to?: string; moved: 'earlier' | 'later' | 'set'; noticeDays?: number; minimumNoticeDays?: number } & ParameterSite);

/** `direction` as for parameters: who writes the body. */
type BodySite = { operations: string[]; direction: Direction; pointer: string };
export type RequestBodyChange =
  | ({ kind: 'request-body.added'; required: boolean } & BodySite)
  | ({ kind: 'request-body.removed' } & BodySite)
  | ({ kind: 'request-body.became-required' } & BodySite)
  | ({ kind: 'request-body.became-optional' } & BodySite)
  | ({ kind: 'request-body.media-type.added'; mediaType: string } & BodySite)
  | ({ kind: 'request-body.media-type.removed'; mediaType: string } & BodySite);

/** `direction` says who writes the response: `response` (the API) except in webhooks and callbacks. */
type ResponseSite = { operations: string[]; direction: Direction; status: string; pointer: string };
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
 * names the schemes of one alternative (empty: anonymous access). Each base alternative that is no
 * longer there is paired with what its callers now meet, so one change is one fact.
 */
export type SecurityChange =
  /** A new way to call the operation that no base alternative turned into. */
  | { kind: 'security-alternative.added'; operation: string; schemes: string[] }
  /** A base alternative is gone and no head alternative accepts its callers. */
  | { kind: 'security-alternative.removed'; operation: string; schemes: string[] }
  /** A base alternative now also asks for the schemes in `added`, and nothing else accepts its callers. */
  | { kind: 'security-requirement.added'; operation: string; schemes: string[]; added: string[] }
  /** A base alternative's callers are accepted by an alternative that no longer asks for `removed`. */
  | { kind: 'security-requirement.removed'; operation: string; schemes: string[]; removed: string[] }
  /** Scopes of one scheme, in an alternative that names the same schemes on both sides. */
  | { kind: 'security-scope.added'; operation: string; scheme: string; scopes: string[] }
  | { kind: 'security-scope.removed'; operation: string; scheme: string; scopes: string[] };

/**
 * A definition in `components.securitySchemes` changing how callers obtain or present credentials.
 * `operations` are those whose effective security names the scheme, in the head document.
 */
type SchemeSite = { scheme: string; pointer: string; operations: string[] };
export type SecuritySchemeChange =
  /** `type`, with the HTTP auth scheme for `http` (`http bearer`). */
  | ({ kind: 'security-scheme.type-changed'; from: string; to: string } & SchemeSite)
  /** Where an API key travels, as `header X-Api-Key`. */
  | ({ kind: 'security-scheme.api-key-moved'; from: string; to: string } & SchemeSite)
  | ({ kind: 'security-scheme.url-changed'; flow: string; url: 'authorizationUrl' | 'tokenUrl' | 'refreshUrl' | 'deviceAuthorizationUrl' | 'openIdConnectUrl'; from: string; to: string } & SchemeSite)
  | ({ kind: 'security-scheme.flow-added'; flow: string } & SchemeSite)
  | ({ kind: 'security-scheme.flow-removed'; flow: string } & SchemeSite);

/**
 * OpenAPI `servers` in effect for operations clients call (the operation's, else its path item's,
 * else the document's). `url` is the server as written; hosts and path prefixes are compared with
 * variables at their defaults. A side with no `servers` says nothing about where the API answers,
 * so it is not compared. `pointer` is in the head, except for removals.
 */
type ServerUrlSite = { url: string; pointer: string; operations: string[] };
export type ServerUrlChange =
  | ({ kind: 'server-url.added' } & ServerUrlSite)
  /** `othersRemain`: another base server of the same operations still answers in the head. */
  | ({ kind: 'server-url.removed'; othersRemain: boolean } & ServerUrlSite)
  /** The same host (or a relative URL on either side) under another path prefix. */
  | ({ kind: 'server-url.path-changed'; from: string; to: string } & ServerUrlSite)
  | ({ kind: 'server-url.scheme-changed'; from: string; to: string } & ServerUrlSite)
  /** `from`/`to` are absent when the variable had or has no default. */
  | ({ kind: 'server-variable.default-changed'; variable: string; from?: string; to?: string } & ServerUrlSite)
  | ({ kind: 'server-variable.enum.values-added'; variable: string; values: string[] } & ServerUrlSite)
  | ({ kind: 'server-variable.enum.values-removed'; variable: string; values: string[] } & ServerUrlSite);

/**
 * Webhooks (3.1) and callbacks: requests the API sends to servers its clients run. Webhooks are
 * keyed `webhook <name> <METHOD>`; callbacks `<owner key> callback <name> <expression> <METHOD>`.
 * A removal carries what the base announced, as `operation.removed` does: receivers told of a
 * sunset may stop expecting the request once it has passed.
 */
export type RemovalNotice = { deprecated: boolean; sunset?: string; sunsetPassed: boolean };
export type WebhookChange =
  | { kind: 'webhook.added'; operation: string; webhook: string }
  | ({ kind: 'webhook.removed'; operation: string; webhook: string } & RemovalNotice)
  | { kind: 'callback.added'; operation: string; owner: string; callback: string }
  | ({ kind: 'callback.removed'; operation: string; owner: string; callback: string } & RemovalNotice);

/**
 * What describes the document rather than the API (OpenAPI 3.2): its `$self` URI, the base that
 * its relative references resolve against, and the tag tree (`parent`) and tag `kind` that
 * documentation tools navigate by. A tag's `operations` are those it labels in the head; `from`
 * and `to` are absent where the value is.
 */
export type DocumentChange =
  | { kind: 'document.self-changed'; from?: string; to?: string; pointer: string; operations: string[] }
  | { kind: 'tag.parent-changed'; tag: string; from?: string; to?: string; pointer: string; operations: string[] }
  | { kind: 'tag.kind-changed'; tag: string; from?: string; to?: string; pointer: string; operations: string[] };

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
  /** Values of an `x-extensible-enum` (clients must tolerate ones they do not know) that the head gained or lost. */
  | ({ kind: 'schema.extensible-enum.values-added'; values: unknown[] } & SchemaSite)
  | ({ kind: 'schema.extensible-enum.values-removed'; values: unknown[] } & SchemaSite)
  /** A closed `enum` became an `x-extensible-enum`, or the reverse; `values` are the ones the head lists. */
  | ({ kind: 'schema.enum.became-extensible'; values: unknown[] } & SchemaSite)
  | ({ kind: 'schema.enum.became-closed'; values: unknown[] } & SchemaSite)
  | ({ kind: 'schema.property.added'; required: boolean } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.property.removed'; required: boolean } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.property.became-required' } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.property.became-optional' } & PropertyFlags & SchemaSite)
  | ({ kind: 'schema.additional-properties.narrowed'; from: AdditionalProperties; to: AdditionalProperties } & SchemaSite)
  | ({ kind: 'schema.additional-properties.widened'; from: AdditionalProperties; to: AdditionalProperties } & SchemaSite)
  | ({ kind: 'schema.bound.changed'; keyword: BoundKeyword; from?: number; to?: number; change: 'tightened' | 'loosened' } & SchemaSite)
  /** The patterns of several merged `allOf` members all apply; they read joined by ` and `. */
  | ({ kind: 'schema.pattern.changed'; from?: string; to?: string } & SchemaSite)
  /** `from`/`to` are absent when there was or is no default. */
  | ({ kind: 'schema.default.changed'; from?: unknown; to?: unknown } & SchemaSite)
  | ({ kind: 'schema.read-only.changed'; from: boolean; to: boolean } & SchemaSite)
  | ({ kind: 'schema.write-only.changed'; from: boolean; to: boolean } & SchemaSite)
  /**
   * An `allOf` member that brings `oneOf`/`anyOf` alternatives appeared or went: a value must now
   * (or no longer) match one of them. `member` is the target's name or `#<index>` inline. Other
   * members are merged, and what they change is reported keyword by keyword instead.
   */
  | ({ kind: 'schema.all-of.member-added'; member: string } & SchemaSite)
  | ({ kind: 'schema.all-of.member-removed'; member: string } & SchemaSite)
  /**
   * A `oneOf`/`anyOf` appeared beside a schema's other keywords, or went from there: a value must
   * now (or no longer) also match one of `variants`. A schema that becomes one alternative of a
   * union with nothing else beside it is instead paired with that alternative, the others being
   * variants added (and the reverse removed).
   */
  | ({ kind: 'schema.union.added'; keyword: 'oneOf' | 'anyOf'; variants: string[] } & SchemaSite)
  | ({ kind: 'schema.union.removed'; keyword: 'oneOf' | 'anyOf'; variants: string[] } & SchemaSite)
  | ({ kind: 'schema.variant.added'; keyword: 'oneOf' | 'anyOf'; variant: string } & SchemaSite)
  | ({ kind: 'schema.variant.removed'; keyword: 'oneOf' | 'anyOf'; variant: string } & SchemaSite)
  /** `replaced` when neither step is a multiple of the other. */
  | ({ kind: 'schema.multiple-of.changed'; from?: number; to?: number; change: 'tightened' | 'loosened' | 'replaced' } & SchemaSite)
  | ({ kind: 'schema.unique-items.changed'; from: boolean; to: boolean } & SchemaSite)
  /** The schema became `false`, which admits no value, or stopped being `false`. */
  | ({ kind: 'schema.false.added' } & SchemaSite)
  | ({ kind: 'schema.false.removed' } & SchemaSite)
  /** `not` is compared as written, without reasoning about what it excludes. */
  | ({ kind: 'schema.not.changed' } & SchemaSite)
  /** Patterns of `patternProperties` that appeared or disappeared. */
  | ({ kind: 'schema.pattern-properties.changed'; added: string[]; removed: string[] } & SchemaSite)
  /** `dependentRequired` (draft-07 `dependencies`): when `property` is present, `requires` must be too. */
  | ({ kind: 'schema.dependent-required.added'; property: string; requires: string[] } & SchemaSite)
  | ({ kind: 'schema.dependent-required.removed'; property: string; requires: string[] } & SchemaSite)
  | ({ kind: 'schema.string-content.changed'; keyword: 'contentMediaType' | 'contentEncoding'; from?: string; to?: string } & SchemaSite)
  | ({ kind: 'schema.discriminator.property-changed'; from: string; to: string } & SchemaSite)
  /** `value` is the discriminator value, `target` the schema it selects. */
  | ({ kind: 'schema.discriminator.mapping-added'; value: string; target: string } & SchemaSite)
  | ({ kind: 'schema.discriminator.mapping-removed'; value: string; target: string } & SchemaSite)
  /**
   * A JSON Schema 2020-12 applicator admits fewer values (`tightened`: it appeared, or its bound or
   * openness narrowed), more (`loosened`) or others (`replaced`: a condition rewritten, which is
   * compared as written). Subschemas both sides have are compared in turn, like properties.
   */
  | ({ kind: 'schema.constraint.changed'; keyword: ConstraintKeyword; change: 'tightened' | 'loosened' | 'replaced'; detail?: string } & SchemaSite);

/** `if` stands for an `if`/`then`/`else` triple; `dependentSchemas` names its property in `detail`. */
export type ConstraintKeyword = 'if' | 'dependentSchemas' | 'contains' | 'minContains' | 'maxContains' | 'unevaluatedProperties' | 'unevaluatedItems' | 'contentSchema';
