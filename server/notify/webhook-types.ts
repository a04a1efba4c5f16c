/** Where a system's team hears about its contracts and subscriptions. */
export interface WebhookEndpoint {
  id: string;
  /** The system whose events the endpoint receives, by slug. */
  system: string;
  url: string;
  /** Event types received, by short name (`version.published`); empty means all. */
  events: string[];
  description: string;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
}

/** An endpoint as answered on creation and rotation: the only times its secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface WebhookEndpointInput {
  url: string;
  events?: string[];
  description?: string;
}

export interface WebhookAttempt {
  at: Date;
  /** The receiver's HTTP status; null when no answer came (refused, unreachable, timed out). */
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One event sent, or to be sent, to one endpoint, with every attempt so far. */
export interface WebhookDelivery {
  id: string;
  /** The CloudEvents `id`, sent as `webhook-id`; the same on every retry. */
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  /** The CloudEvent exactly as sent. */
  event: unknown;
  /** Oldest first. */
  attemptLog: WebhookAttempt[];
}
