import type { LiveEdge, MeanTimeToRecover, Incident, Slo } from '../traffic/index.js';

/** Someone to reach about one end of an integration. */
export interface Contact {
  name: string;
  email: string;
  role: string;
}

export interface Party {
  system: { slug: string; name: string; domain: string; description: string };
  team: { slug: string; name: string; description: string };
  /** The team's maintainers, then members; null when the reader may not see who belongs to the team. */
  contacts: Contact[] | null;
}

export interface Dependency {
  contract: string;
  provider: string;
  consumer: string;
  /** An approved subscription names it; otherwise only traffic showed it. */
  declared: boolean;
  range: string | null;
  operations: string[];
}

export interface OpenFinding {
  rule: string;
  level: string;
  message: string;
  pointer: string | null;
  operations: string[];
}

/**
 * What a runbook tells an on-call engineer about a contract, or about one consumer's use of it
 * (`edge`): facts gathered from the registry and the traffic, rendered to Markdown apart.
 */
export interface Runbook {
  contract: { slug: string; name: string; kind: string | null; lifecycle: string; sunsetAt: Date | null; latestVersion: string | null; description: string };
  /** The contact the latest version's document names in `info.contact`, for readers who may not see the team's members. */
  documentContact: { name: string | null; email: string | null; url: string | null } | null;
  provider: Party;
  /** Set when the runbook is about one consumer's use of the contract. */
  edge: { consumer: Party; subscription: { id: string; range: string; operations: string[]; status: string } | null; live: LiveEdge[] } | null;
  deployments: { environment: string; version: string; address: string; deployedAt: Date }[];
  slos: Slo[];
  /** What the contract's provider uses (upstream) and who uses the contract (downstream). */
  upstream: Dependency[];
  downstream: Dependency[];
  incidents: Incident[];
  recovery: MeanTimeToRecover & { from: Date; to: Date };
  findings: { version: string | null; open: { errors: number; warnings: number }; items: OpenFinding[] };
  waivers: { id: string; rule: string; message: string; reason: string; expiresAt: Date }[];
  /** REST paths of the generated monitoring, per environment. */
  monitoring: { environment: string; prometheusRules: string; grafanaDashboard: string }[];
  generatedAt: Date;
}
