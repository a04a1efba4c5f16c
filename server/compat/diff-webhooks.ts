import type { DiffContext } from './diff-context.js';
import { diffPathItem } from './diff-path-item.js';
import { pathItems } from './path-items.js';
import { removalNoticeOf } from './removal-notice-of.js';

/**
 * 3.1 webhooks, keyed `webhook <name> <METHOD>` as the spec module indexes them. The API sends
 * their requests, so their parts are judged with directions flipped.
 */
export function diffWebhooks(context: DiffContext): void {
  const from = pathItems(context.base, context.base.webhooks, '/webhooks');
  const to = pathItems(context.head, context.head.webhooks, '/webhooks');
  for (const webhook of new Set([...from.keys(), ...to.keys()])) {
    diffPathItem(context, {
      base: from.get(webhook),
      head: to.get(webhook),
      sender: 'api',
      keyOf: (method) => `webhook ${webhook} ${method}`,
      onAdded: (operation) => context.changes.push({ kind: 'webhook.added', operation, webhook }),
      onRemoved: (operation, side) => context.changes.push({ kind: 'webhook.removed', operation, webhook, ...removalNoticeOf(side.operation, context.options.now) }),
    });
  }
}
