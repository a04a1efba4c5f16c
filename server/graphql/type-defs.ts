/**
 * Accord's GraphQL schema, SDL first: the schema is the contract the catalog UI and architects'
 * tools are written against, so it is written down as one. `specs/accord.graphql` is its printed
 * form, and a test fails when the two differ.
 */
export const typeDefs = /* GraphQL */ `
  # Named, because the registry's own Subscription (a consumer's use of a contract) is an object type.
  schema {
    query: Query
    mutation: Mutation
    subscription: Live
  }

  "An instant, as an ISO 8601 string in UTC."
  scalar DateTime
  "Any JSON value: documents, reports and summaries whose shape belongs to the engine that wrote them."
  scalar JSON

  enum ContractKind {
    openapi
    asyncapi
  }
  enum Lifecycle {
    draft
    active
    deprecated
    retired
  }
  enum Validity {
    full
    syntax
    none
  }
  enum CompatibilityMode {
    BACKWARD
    BACKWARD_TRANSITIVE
    FORWARD
    FORWARD_TRANSITIVE
    FULL
    FULL_TRANSITIVE
    NONE
  }
  enum SubscriptionStatus {
    requested
    approved
    rejected
    revoked
  }
  enum WaiverState {
    requested
    active
    expired
    revoked
  }
  enum TeamRole {
    maintainer
    member
  }
  enum PersonRole {
    admin
    user
  }
  enum Level {
    error
    warn
    info
  }
  enum Verdict {
    pass
    warn
    fail
  }
  enum AssignmentScope {
    global
    domain
    team
    contract
  }
  enum AssignmentStage {
    draft
    active
    deprecated
  }
  "Registry events a subscription can follow, named as webhooks name them."
  enum RegistryEventType {
    VERSION_PUBLISHED
    CONTRACT_DEPRECATED
    SUBSCRIPTION_REQUESTED
    SUBSCRIPTION_APPROVED
    SUBSCRIPTION_REJECTED
    SUBSCRIPTION_REVOKED
    CHECK_FAILED
  }

  "Something that happened to a contract, as the registry recorded it."
  type RegistryEvent {
    "Stable, whichever instance delivers it."
    id: ID!
    type: RegistryEventType!
    "The contract's slug."
    contract: String!
    at: DateTime!
    "The version published, or deprecated, or checked."
    version: String
    "The subscription requested or decided."
    subscription: ID
    "The failing check."
    check: ID
    "What the change recorded about itself: a publish's findings summary, a deprecation's sunset, a decision's from and to."
    data: JSON!
  }

  type PageInfo {
    hasNextPage: Boolean!
    "Pass as \`after\` for the next page; cursors stay valid when rows are inserted before or after them."
    endCursor: String
  }

  type Team {
    slug: String!
    name: String!
    description: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    systems(first: Int, after: String): SystemConnection!
    "Members of the team, with their email addresses: for its members and administrators only."
    members: [Member!]!
    "API keys acting for the team, without their secrets: for its maintainers and administrators only."
    apiKeys(includeRevoked: Boolean = false): [ApiKey!]!
    governance: Governance!
  }

  type Member {
    team: String!
    userId: ID!
    email: String!
    name: String!
    role: TeamRole!
    createdAt: DateTime!
  }

  type Person {
    id: ID!
    email: String!
    name: String!
    role: PersonRole!
    createdAt: DateTime!
  }

  type System {
    slug: String!
    name: String!
    team: Team!
    domain: String!
    description: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    "The contracts the system provides."
    contracts(first: Int, after: String): ContractConnection!
    "The system's subscriptions as a consumer."
    subscriptions(status: SubscriptionStatus, first: Int, after: String): SubscriptionConnection!
    "Webhook endpoints: configuration of the owning team, for its maintainers and administrators only."
    webhooks: [Webhook!]!
    "The runbook of this system's use of a contract, as Markdown: both ends, the subscription, the edge's traffic and incidents."
    runbook(contract: String!): String!
  }

  type Contract {
    slug: String!
    name: String!
    kind: ContractKind
    system: System!
    team: Team!
    domain: String!
    lifecycle: Lifecycle!
    compatibilityMode: CompatibilityMode!
    "How strictly its versions must follow their specification's schema: full refuses schema errors, syntax reports them as warnings, none does not look."
    validity: Validity!
    "Rule levels overridden for this contract, by rule id."
    ruleLevels: JSON!
    description: String!
    tags: [String!]!
    sunsetAt: DateTime
    "The newest stable version's number, or the newest pre-release when there is no stable one."
    latestVersion: String
    latest: Version
    version(version: String!): Version
    versions(first: Int, after: String): VersionConnection!
    "Systems with an approved subscription."
    consumers: [System!]!
    subscriptions(status: SubscriptionStatus, first: Int, after: String): SubscriptionConnection!
    deprecations: Deprecations!
    checks(first: Int, after: String): CheckConnection!
    waivers(state: WaiverState, first: Int, after: String): WaiverConnection!
    deployments(first: Int, after: String): DeploymentConnection!
    "Who called which operation over the last days (the contract's look-back unless given), shadow consumers and silent subscriptions."
    usage(days: Int, environment: String): ContractUsage!
    "How checks weigh consumers' use: the gating mode, look-back, threshold and excluded consumers."
    usageSettings: UsageSettings!
    scorecard: Scorecard!
    ruleset: EffectiveRuleset!
    changelog: [ChangelogEntry!]!
    "Live traffic in one environment over from..to, or over the \`last\` stretch (\`15m\`, \`24h\`, \`7d\`); the last hour when neither is given."
    traffic(environment: String!, from: DateTime, to: DateTime, last: String): TrafficReport!
    "Incidents, newest first: opened when an objective was breached, resolved when it held again."
    incidents(environment: String, open: Boolean, first: Int = 20): [Incident!]!
    "Mean time to recover over the incidents resolved in from..to (the last 30 days when not given)."
    meanTimeToRecover(environment: String, from: DateTime, to: DateTime): MeanTimeToRecover!
    "The service level objective in one environment: its own, or the installation default."
    slo(environment: String!): Slo!
    "The contract's runbook as Markdown: owners, objectives, dependencies, deployments, incidents, findings, alert rules."
    runbook: String!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  "How much traffic there was and how it fared. Errors are 5xx answers and transport failures; violations are counted apart."
  type TrafficFigures {
    requests: Int!
    errors: Int!
    "errors / requests; null without requests."
    errorRate: Float
    p50Ms: Float
    p95Ms: Float
    p99Ms: Float
    violations: Int!
    "Requests that matched no operation of the version."
    undocumented: Int!
  }

  type OperationTraffic {
    operation: String!
    documented: Boolean!
    figures: TrafficFigures!
  }

  type ConsumerTraffic {
    "The system (or API key, or \`unknown\`) the traffic came from."
    consumer: String!
    figures: TrafficFigures!
  }

  type TrafficPoint {
    "The end of the step."
    at: DateTime!
    figures: TrafficFigures!
  }

  type TrafficSeries {
    stepSeconds: Int!
    points: [TrafficPoint!]!
  }

  type TrafficReport {
    contract: String!
    environment: String!
    from: DateTime!
    to: DateTime!
    "raw: every window; hourly: rollups, with raw windows for hours not rolled up yet."
    resolution: String!
    totals: TrafficFigures!
    operations: [OperationTraffic!]!
    consumers: [ConsumerTraffic!]!
    series: TrafficSeries!
    slo: Slo!
  }

  enum SloKind {
    latency
    errors
  }

  type Slo {
    contract: String!
    environment: String!
    "The P95 latency the traffic must stay at or under."
    p95Ms: Float!
    "The share of requests (0..1) that may fail."
    errorRate: Float!
    windowSeconds: Int!
    openAfter: Int!
    resolveAfter: Int!
    "default: the contract set none here and the installation's default applies."
    source: String!
    updatedAt: DateTime
    updatedBy: String
    "Prometheus alerting rules generated from the objective (multi-window burn rate), as a REST path."
    prometheusRulesUrl: String!
    "A Grafana dashboard generated from the objective, as a REST path."
    grafanaDashboardUrl: String!
  }

  type Incident {
    id: ID!
    contract: String!
    environment: String!
    kind: SloKind!
    openedAt: DateTime!
    resolvedAt: DateTime
    open: Boolean!
    "Null while open."
    durationMs: Float
    threshold: Float!
    "The worst value while open: P95 in ms, or the error rate."
    worst: Float!
    "The consumers whose own traffic breached the objective."
    consumers: [String!]!
  }

  type Recovery {
    incidents: Int!
    "Mean duration from breach to recovery; null without resolved incidents."
    mttrMs: Float
    totalMs: Float!
  }

  type EnvironmentRecovery {
    environment: String!
    recovery: Recovery!
  }

  type EdgeRecovery {
    environment: String!
    consumer: String!
    provider: String!
    recovery: Recovery!
  }

  type MeanTimeToRecover {
    from: DateTime!
    to: DateTime!
    overall: Recovery!
    environments: [EnvironmentRecovery!]!
    edges: [EdgeRecovery!]!
  }

  enum EdgeHealth {
    healthy
    breaching
    unknown
  }

  "How a consumer → provider edge fared in the landscape's environment and period."
  type EdgeLiveness {
    environment: String!
    figures: TrafficFigures!
    lastSeenAt: DateTime
    "Open incidents the consumer's traffic breached, or that named nobody."
    openIncidents: Int!
    mttrMs: Float
    "The contract's objective in the environment."
    sloP95Ms: Float!
    sloErrorRate: Float!
    health: EdgeHealth!
  }

  type Version {
    contract: Contract!
    version: String!
    specKind: ContractKind!
    specVersion: String!
    title: String!
    contentHash: String!
    sizeBytes: Int!
    operationCount: Int!
    publishedAt: DateTime!
    publishedBy: String!
    deprecatedAt: DateTime
    sunsetAt: DateTime
    deprecationNote: String
    operations: [Operation!]!
    "The findings the version was published with."
    findings: [Finding!]!
    "The normalised document."
    document: JSON!
    "The document exactly as published."
    source: String!
    sourceFormat: String!
  }

  type Operation {
    "Stable across versions: \`GET /orders/{id}\`, \`send orders.created\`."
    key: String!
    kind: String!
    method: String
    path: String
    channel: String
    action: String
    operationId: String
    summary: String
    deprecated: Boolean!
    tags: [String!]!
  }

  type Finding {
    "The rule's stable id."
    rule: String!
    level: Level!
    message: String!
    why: String
    source: String
    operation: String
    operations: [String!]!
    pointer: String
    fingerprint: String
    "Why the finding does not gate, when it does not."
    accepted: String
    "The consumers the finding reaches: declared by an approved subscription, observed in traffic, or both."
    consumers: [FindingConsumer!]!
    "The whole finding as the engine reported it."
    details: JSON!
  }

  type FindingConsumer {
    consumer: String!
    "The owning team of the consumer system; null when traffic names a consumer the registry does not know."
    team: String
    declared: Boolean!
    "Requests to the operations over the contract's look-back; null when not observed."
    requests: Float
    lastSeenAt: DateTime
    operations: [String!]!
  }

  type ObservedConsumer {
    consumer: String!
    team: String
    declared: Boolean!
    operations: [String!]!
    requests: Float!
    lastSeenAt: DateTime!
  }

  "The usage settings a check was judged under, and under usage-aware gating why it passes or whom it fails for."
  type UsageVerdict {
    gating: UsageGating!
    days: Int!
    threshold: Int!
    explanation: String
  }

  type FindingSummary {
    error: Int!
    warn: Int!
    info: Int!
  }

  type Subscription {
    id: ID!
    contract: Contract!
    consumer: System!
    "The semver range of versions the consumer uses."
    range: String!
    operations: [String!]!
    status: SubscriptionStatus!
    note: String!
    requestedBy: String!
    decidedBy: String
    decidedAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type Environment {
    slug: String!
    name: String!
    rank: Int!
    description: String!
  }

  type Deployment {
    id: ID!
    contract: Contract!
    environment: Environment!
    version: String!
    address: String!
    deployedAt: DateTime!
    deployedBy: String!
  }

  type Check {
    id: ID!
    contract: Contract!
    version: String
    contentHash: String!
    verdict: Verdict!
    failed: Boolean!
    summary: FindingSummary!
    mode: CompatibilityMode!
    comparedWith: [String!]!
    findings: [Finding!]!
    semver: JSON!
    affectedConsumers: JSON!
    "Consumers seen in traffic calling operations the findings reach."
    observedConsumers: [ObservedConsumer!]!
    usage: UsageVerdict
    createdAt: DateTime!
    createdBy: String!
  }

  type Comparison {
    contract: Contract!
    from: String!
    to: String!
    "stored: the findings \`to\` was published with against \`from\`; fresh: checked now."
    source: String!
    verdict: Verdict!
    summary: FindingSummary!
    findings: [Finding!]!
  }

  type Waiver {
    id: ID!
    contract: Contract!
    rule: String!
    fingerprint: String!
    operations: [String!]!
    pointer: String
    message: String!
    reason: String!
    state: WaiverState!
    expiresAt: DateTime!
    requestedBy: String!
    decidedBy: String
    decidedAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type Ruleset {
    name: String!
    description: String!
    shipped: Boolean!
    version: Int
    createdAt: DateTime
    createdBy: String
    text: String!
  }

  type RulesetAssignment {
    id: ID!
    scope: AssignmentScope!
    target: String!
    lifecycle: AssignmentStage
    ruleset: String!
    createdAt: DateTime!
    createdBy: String!
    updatedAt: DateTime!
  }

  type EffectiveRuleset {
    ruleset: String!
    version: Int
    text: String!
    assignment: JSON
  }

  type Scorecard {
    contract: String!
    team: String!
    domain: String!
    lifecycle: Lifecycle!
    latestVersion: String
    ruleset: JSON!
    rules: JSON!
    open: OpenFindings!
    waivers: WaiverCounts!
    clean: Boolean!
  }

  type OpenFindings {
    errors: Int!
    warnings: Int!
  }

  type WaiverCounts {
    active: Int!
    expiringSoon: Int!
  }

  type RuleFailure {
    rule: String!
    contracts: Int!
  }

  type GovernanceSummary {
    "The team or domain summed up; empty for the whole registry."
    name: String!
    contracts: Int!
    published: Int!
    clean: Int!
    cleanShare: Float!
    open: OpenFindings!
    waivers: WaiverCounts!
    topFailingRules: [RuleFailure!]!
  }

  type Governance {
    summary: GovernanceSummary!
    "One row per team, for the whole registry; empty when scoped to a team or domain."
    teams: [GovernanceSummary!]!
    "One row per domain, for the whole registry; empty when scoped to a team or domain."
    domains: [GovernanceSummary!]!
    "The contracts' scorecards when scoped to a team or domain; ask \`contracts { scorecard }\` for the whole registry."
    scorecards: [Scorecard!]!
    "Published contracts that are not clean, most open errors first, then most warnings (each with its \`scorecard\`)."
    worst(first: Int = 10): [Contract!]!
    "Active waivers in scope, the soonest to expire first."
    expiringWaivers(first: Int = 10): [Waiver!]!
  }

  type Deprecations {
    contract: String!
    lifecycle: Lifecycle!
    sunsetAt: DateTime
    versions: JSON!
    operations: JSON!
  }

  type ChangelogEntry {
    version: String!
    previous: String
    publishedAt: DateTime!
    publishedBy: String!
    breaking: [Finding!]!
    deprecations: [Finding!]!
    additions: [Finding!]!
    changes: [Finding!]!
    documentationOnly: Boolean!
  }

  type Webhook {
    id: ID!
    system: String!
    url: String!
    events: [String!]!
    description: String!
    active: Boolean!
    createdBy: String!
    createdAt: DateTime!
    disabledAt: DateTime
    deliveries(first: Int, after: String): WebhookDeliveryConnection!
  }

  type WebhookDelivery {
    id: ID!
    eventId: String!
    eventType: String!
    status: String!
    attempts: Int!
    nextAttemptAt: DateTime
    lastAttemptAt: DateTime
    lastStatus: Int
    lastError: String
    deliveredAt: DateTime
    createdAt: DateTime!
    event: JSON!
    attemptLog: JSON!
  }

  "A webhook as answered when created or its secret rotated: the only times the secret is shown."
  type WebhookWithSecret {
    webhook: Webhook!
    secret: String!
  }

  type AuditEvent {
    id: ID!
    seq: Int!
    at: DateTime!
    actor: String!
    action: String!
    targetType: String!
    targetId: String!
    summary: JSON
    requestId: String
    prevHash: String
    hash: String
  }

  "An API key's metadata; the key itself is shown once, when created."
  type ApiKey {
    id: ID!
    name: String!
    team: String
    prefix: String!
    scopes: [String!]!
    createdBy: String!
    createdAt: DateTime!
    expiresAt: DateTime
    revokedAt: DateTime
    lastUsedAt: DateTime
  }

  type CreatedApiKey {
    apiKey: ApiKey!
    key: String!
  }

  type Me {
    kind: String!
    user: MeUser
    apiKey: JSON
  }

  type MeUser {
    id: ID!
    email: String!
    name: String!
    role: PersonRole!
    memberships: JSON!
  }

  type LandscapeEdge {
    "The subscription's id for a declared edge; \`observed:<contract>:<consumer>\` for one only traffic shows."
    id: ID!
    "The approved subscription; null for an edge only traffic shows."
    subscription: Subscription
    contract: Contract!
    provider: System!
    consumer: System!
    "The subscribed version range; null for an edge only traffic shows."
    range: String
    "The operations of the contract the consumer uses: subscribed ones, else those seen in traffic."
    operations: [String!]!
    "An approved subscription declares it."
    declared: Boolean!
    "Traffic showed it in the landscape's environment and period; false when no environment was chosen."
    observed: Boolean!
    "Figures and health in the chosen environment; null when no environment was chosen."
    live: EdgeLiveness
  }

  """One value of a catalog facet and how many contracts it would match."""
  type FacetCount {
    value: String!
    """What a person reads: the team's name for a team, else the value."""
    label: String!
    count: Int!
  }

  """
  Counts per facet value for a catalog search; each facet ignores its own filter, so the other values stay choosable.
  """
  type ContractFacets {
    domain: [FacetCount!]!
    team: [FacetCount!]!
    kind: [FacetCount!]!
    lifecycle: [FacetCount!]!
    tag: [FacetCount!]!
  }

  "Where one system stands in a landscape; counted over the landscape's own edges."
  type LandscapeSystem {
    system: System!
    "Distinct systems that use this one."
    fanIn: Int!
    "Distinct systems this one uses."
    fanOut: Int!
    "The index in the landscape's cycles of the one this system is part of."
    cycle: Int
    "The index in the landscape's point-to-point clusters of the one this system is part of."
    cluster: Int
  }

  type Point {
    x: Float!
    y: Float!
  }

  type SystemBox {
    system: String!
    x: Float!
    y: Float!
    width: Float!
    height: Float!
  }

  type DomainBox {
    domain: String!
    x: Float!
    y: Float!
    width: Float!
    height: Float!
  }

  "An edge's line from its consumer's box to its provider's, through its bends."
  type EdgeRoute {
    "The edge's id."
    edge: ID!
    "The subscription's id for a declared edge."
    subscription: ID
    points: [Point!]!
  }

  "Positions laid out on the server, all relative to the top left corner of the drawing."
  type LandscapeLayout {
    width: Float!
    height: Float!
    systems: [SystemBox!]!
    "A box around the systems of each domain."
    domains: [DomainBox!]!
    edges: [EdgeRoute!]!
  }

  "The last event of an intact audit chain: anchor its hash elsewhere to notice a rewrite of the whole chain."
  type AuditHead {
    seq: Int!
    id: ID!
    at: DateTime!
    hash: String!
  }

  type AuditVerification {
    ok: Boolean!
    "Events that verified; on a break, those before it."
    events: Int!
    head: AuditHead
    "Where the chain first breaks: seq, id, reason (gap, unsealed, link-mismatch, hash-mismatch), expected and found."
    firstBroken: JSON
  }

  type Landscape {
    "The domain the landscape was drawn around, if chosen."
    domain: String
    "The team the landscape was drawn around, if chosen."
    team: String
    "The chosen systems, then the systems outside the choice at the far end of an edge."
    nodes: [System!]!
    "The environment whose traffic the landscape shows, if chosen."
    environment: String
    "How many days of traffic the edges were observed over."
    days: Int!
    "Approved subscriptions that start or end at a chosen system and, with an environment, the consumer → provider edges its traffic showed."
    edges: [LandscapeEdge!]!
    "Fan-in, fan-out, cycle and cluster of each node, in the order of nodes."
    systems: [LandscapeSystem!]!
    "Systems that depend on each other in a circle (or one that uses itself), by slug: none of them can change alone."
    cycles: [[String!]!]!
    "Three or more systems joined by direct OpenAPI calls into a mesh (more connected pairs than a chain or star), by slug."
    pointToPointClusters: [[String!]!]!
    "The drawing, laid out on the server and cached by the landscape's content."
    layout: LandscapeLayout!
  }

  type PublishResult {
    "False when the same version with the same content was already published."
    created: Boolean!
    version: Version!
  }

  type RulesetSaved {
    created: Boolean!
    ruleset: Ruleset!
  }

  type MembershipSaved {
    created: Boolean!
    member: Member!
  }

  type ContractEdge {
    cursor: String!
    node: Contract!
  }
  type ContractConnection {
    edges: [ContractEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type SystemEdge {
    cursor: String!
    node: System!
  }
  type SystemConnection {
    edges: [SystemEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type TeamEdge {
    cursor: String!
    node: Team!
  }
  type TeamConnection {
    edges: [TeamEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type VersionEdge {
    cursor: String!
    node: Version!
  }
  type VersionConnection {
    edges: [VersionEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type SubscriptionEdge {
    cursor: String!
    node: Subscription!
  }
  type SubscriptionConnection {
    edges: [SubscriptionEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type CheckEdge {
    cursor: String!
    node: Check!
  }
  type CheckConnection {
    edges: [CheckEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type WaiverEdge {
    cursor: String!
    node: Waiver!
  }
  type WaiverConnection {
    edges: [WaiverEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type DeploymentEdge {
    cursor: String!
    node: Deployment!
  }
  type DeploymentConnection {
    edges: [DeploymentEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type AuditEventEdge {
    cursor: String!
    node: AuditEvent!
  }
  type AuditEventConnection {
    edges: [AuditEventEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type WebhookDeliveryEdge {
    cursor: String!
    node: WebhookDelivery!
  }
  type WebhookDeliveryConnection {
    edges: [WebhookDeliveryEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type PersonEdge {
    cursor: String!
    node: Person!
  }
  type PersonConnection {
    edges: [PersonEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type RulesetAssignmentEdge {
    cursor: String!
    node: RulesetAssignment!
  }
  type RulesetAssignmentConnection {
    edges: [RulesetAssignmentEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type Query {
    "Who is asking: a person, an API key, or nobody."
    me: Me!
    contracts(first: Int, after: String, search: String, domain: String, team: String, system: String, kind: ContractKind, lifecycle: Lifecycle, tag: String): ContractConnection!
    """How the contracts a search matches spread over domains, teams, kinds, lifecycles and tags."""
    contractFacets(search: String, domain: String, team: String, system: String, kind: ContractKind, lifecycle: Lifecycle, tag: String): ContractFacets!
    contract(slug: String!): Contract
    systems(first: Int, after: String, search: String, domain: String, team: String): SystemConnection!
    system(slug: String!): System
    teams(first: Int, after: String, search: String): TeamConnection!
    team(slug: String!): Team
    subscription(id: ID!): Subscription
    waiver(id: ID!): Waiver
    check(contract: String!, id: ID!): Check
    environments: [Environment!]!
    "Where each contract runs now: the newest deployment per contract and environment."
    deployments(environment: String, contract: String, team: String, system: String): [Deployment!]!
    "Where contracts stand against their policy rulesets: the whole registry, or one team or domain."
    governance(team: String, domain: String): Governance!
    rulesets: [Ruleset!]!
    ruleset(name: String!, version: Int): Ruleset
    rulesetAssignments(first: Int, after: String, scope: AssignmentScope, target: String, ruleset: String): RulesetAssignmentConnection!
    "What changed between two published versions: the stored findings, or a fresh check."
    compare(contract: String!, from: String!, to: String!): Comparison!
    """
    The systems of a domain, a team, both or the whole registry, and the approved subscriptions between them and
    their neighbours; with an environment, also the edges observed in its traffic over the last \`days\`, each with its health.
    """
    landscape(domain: String, team: String, environment: String, days: Int = 7): Landscape!
    "The audit log, newest first: administrators only."
    audit(first: Int, after: String, targetType: String, targetId: String, actor: String, action: String, from: DateTime, to: DateTime): AuditEventConnection!
    "Whether the audit log's hash chain holds from its first event to its last: administrators only."
    auditVerification: AuditVerification!
    "People: administrators only."
    people(first: Int, after: String): PersonConnection!
    webhook(id: ID!): Webhook
    "Whether a provider may deploy a contract version (contract, version) or a consumer system may ship (system) to an environment, and why."
    canIDeploy(contract: String, version: String, system: String, environment: String!): CanIDeploy!
  }

  "standard gates every breaking change; usage-aware only those a declared or observed consumer uses."
  enum UsageGating {
    standard
    usage_aware
  }
  type UsageExclusion {
    consumer: String!
    reason: String!
    createdAt: DateTime!
    createdBy: String!
  }
  type UsageSettings {
    contract: String!
    gating: UsageGating!
    days: Int!
    threshold: Int!
    exclusions: [UsageExclusion!]!
  }
  input UsagePatch {
    gating: UsageGating
    days: Int
    threshold: Int
  }
  type OperationUsage {
    operation: String!
    consumer: String!
    requests: Float!
    lastSeenAt: DateTime!
    environments: [String!]!
    "An approved subscription of the consumer names the operation."
    declared: Boolean!
  }
  type ShadowConsumer {
    consumer: String!
    team: String
    operations: [String!]!
    requests: Float!
    lastSeenAt: DateTime!
  }
  type SilentSubscription {
    subscription: ID!
    consumer: String!
    team: String!
    range: String!
    operations: [String!]!
  }
  type ExcludedUsage {
    consumer: String!
    reason: String!
    requests: Float!
  }
  type ContractUsage {
    contract: String!
    environment: String
    days: Int!
    threshold: Int!
    from: DateTime!
    to: DateTime!
    operations: [OperationUsage!]!
    "Seen calling the contract at least threshold times without an approved subscription."
    shadowConsumers: [ShadowConsumer!]!
    "Approved, and not seen calling the contract in the look-back."
    silentSubscriptions: [SilentSubscription!]!
    excluded: [ExcludedUsage!]!
  }
  enum DeployAnswer {
    yes
    no
    unknown
  }
  type DeployReason {
    answer: DeployAnswer!
    contract: String
    consumer: String
    message: String!
  }
  type CanIDeploy {
    answer: DeployAnswer!
    environment: String!
    reasons: [DeployReason!]!
  }

  "A person an administrator adds, with a first password they should change on first sign-in."
  input PersonInput {
    email: String!
    name: String!
    password: String!
    role: PersonRole
  }

  input TeamInput {
    slug: String!
    name: String!
    description: String
  }
  input TeamPatch {
    name: String
    description: String
  }
  input SystemInput {
    slug: String!
    name: String!
    team: String!
    domain: String!
    description: String
  }
  input SystemPatch {
    name: String
    team: String
    domain: String
    description: String
  }
  input ContractInput {
    slug: String!
    name: String!
    system: String!
    kind: ContractKind
    lifecycle: Lifecycle
    compatibilityMode: CompatibilityMode
    ruleLevels: JSON
    validity: Validity
    description: String
    tags: [String!]
  }
  input ContractPatch {
    name: String
    system: String
    lifecycle: Lifecycle
    compatibilityMode: CompatibilityMode
    ruleLevels: JSON
    validity: Validity
    description: String
    tags: [String!]
  }
  input PublishVersionInput {
    contract: String!
    version: String!
    "The contract document as text, YAML or JSON."
    document: String!
  }
  input RunCheckInput {
    contract: String!
    version: String
    "This check's validity level instead of the contract's."
    validity: Validity
    document: String!
  }
  input DeprecateContractInput {
    contract: String!
    sunsetAt: DateTime!
    note: String
  }
  input DeprecateVersionInput {
    contract: String!
    version: String!
    sunsetAt: DateTime!
    note: String
  }
  input DeprecateOperationsInput {
    contract: String!
    operations: [String!]!
    sunsetAt: DateTime!
    note: String
  }
  input UndeprecateOperationsInput {
    contract: String!
    operations: [String!]!
  }
  input RequestSubscriptionInput {
    contract: String!
    consumer: String!
    range: String!
    operations: [String!]!
    note: String
  }
  "Name the finding by a recorded check and its fingerprint, or by rule, operations and pointer."
  input RequestWaiverInput {
    contract: String!
    reason: String!
    expiresAt: DateTime!
    check: ID
    fingerprint: String
    rule: String
    operations: [String!]
    pointer: String
  }
  input RecordDeploymentInput {
    contract: String!
    environment: String!
    "A published version, or \`latest\`."
    version: String!
    "Required for the contract's first deployment in the environment; otherwise the address stays."
    address: String
  }
  input EnvironmentInput {
    slug: String!
    name: String!
    rank: Int
    description: String
  }
  input EnvironmentPatch {
    name: String
    rank: Int
    description: String
  }
  input ApiKeyInput {
    name: String!
    team: String
    scopes: [String!]!
    expiresAt: DateTime
  }
  input WebhookInput {
    url: String!
    events: [String!]
    description: String
  }
  input RulesetInput {
    name: String!
    text: String!
    description: String
  }
  input RulesetAssignmentInput {
    scope: AssignmentScope!
    target: String
    lifecycle: AssignmentStage
    ruleset: String!
  }

  type Mutation {
    createTeam(input: TeamInput!): Team!
    updateTeam(slug: String!, patch: TeamPatch!): Team!
    createSystem(input: SystemInput!): System!
    updateSystem(slug: String!, patch: SystemPatch!): System!
    createContract(input: ContractInput!): Contract!
    updateContract(slug: String!, patch: ContractPatch!): Contract!
    publishVersion(input: PublishVersionInput!): PublishResult!
    runCheck(input: RunCheckInput!): Check!
    deprecateContract(input: DeprecateContractInput!): Deprecations!
    deprecateVersion(input: DeprecateVersionInput!): Deprecations!
    deprecateOperations(input: DeprecateOperationsInput!): Deprecations!
    undeprecateOperations(input: UndeprecateOperationsInput!): Deprecations!
    requestSubscription(input: RequestSubscriptionInput!): Subscription!
    approveSubscription(id: ID!, note: String): Subscription!
    rejectSubscription(id: ID!, note: String): Subscription!
    revokeSubscription(id: ID!, note: String): Subscription!
    requestWaiver(input: RequestWaiverInput!): Waiver!
    approveWaiver(id: ID!): Waiver!
    revokeWaiver(id: ID!): Waiver!
    createEnvironment(input: EnvironmentInput!): Environment!
    updateEnvironment(slug: String!, patch: EnvironmentPatch!): Environment!
    recordDeployment(input: RecordDeploymentInput!): Deployment!
    configureUsage(contract: String!, patch: UsagePatch!): UsageSettings!
    excludeUsageConsumer(contract: String!, consumer: String!, reason: String!): UsageSettings!
    includeUsageConsumer(contract: String!, consumer: String!): UsageSettings!
    saveRuleset(input: RulesetInput!): RulesetSaved!
    assignRuleset(input: RulesetAssignmentInput!): RulesetAssignment!
    unassignRuleset(id: ID!): RulesetAssignment!
    "Administrators: add a person who signs in with email and password (POST /users)."
    createPerson(input: PersonInput!): Person!
    "Administrators: make a person an administrator or take it away (PATCH /users/{user})."
    setPersonRole(id: ID!, role: PersonRole!): Person!
    putTeamMember(team: String!, email: String!, role: TeamRole!): MembershipSaved!
    removeTeamMember(team: String!, userId: ID!): Member!
    createApiKey(input: ApiKeyInput!): CreatedApiKey!
    revokeApiKey(id: ID!): ApiKey!
    createWebhook(system: String!, input: WebhookInput!): WebhookWithSecret!
    disableWebhook(id: ID!): Webhook!
    rotateWebhookSecret(id: ID!): WebhookWithSecret!
    testWebhook(id: ID!): WebhookDelivery!
  }

  "Live updates, over server-sent events: POST /graphql with Accept: text/event-stream."
  type Live {
    """
    Registry events from now on, of one contract and of some types when named. Read from what the
    registry records with each change, so changes made through any instance sharing the database arrive.
    """
    registryEvents(contract: String, types: [RegistryEventType!]): RegistryEvent!
  }
`;
