export { createOutbox, type Outbox, type OutboxOptions } from './create-outbox.js';
export { startDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './start-delivery-worker.js';
export { createWebhooks, type Webhooks, type WebhooksDeps } from './create-webhooks.js';
export { verifyWebhookSignature, type VerifyOptions } from './verify-webhook-signature.js';
export { webhookSignature } from './webhook-signature.js';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-event-types.js';
export type { CloudEvent } from './cloud-event.js';
export type * from './webhook-types.js';
