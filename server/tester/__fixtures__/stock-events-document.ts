/**
 * A small AsyncAPI 3.0 contract for listener tests, its addresses under a prefix of the test's own so
 * that tests running at once on one broker never hear each other. `separator` is `/` for MQTT and
 * `.` for NATS subjects and AMQP routing keys.
 */
export function stockEventsDocument({ prefix, separator, exchange }: { prefix: string; separator: '/' | '.'; exchange?: string }) {
  const address = (...levels: string[]) => [prefix, ...levels].join(separator);
  const amqp = exchange ? { bindings: { amqp: { is: 'routingKey', exchange: { name: exchange, type: 'topic' } } } } : {};
  return {
    asyncapi: '3.0.0',
    info: { title: 'Stock events', version: '1.0.0' },
    channels: {
      stockAdjusted: {
        address: address('stock', '{storeId}', 'adjusted'),
        parameters: { storeId: {} },
        messages: { stockAdjusted: { $ref: '#/components/messages/StockAdjusted' } },
        ...amqp,
      },
      stockCounted: {
        address: address('stock', 'counted'),
        messages: { countStarted: { $ref: '#/components/messages/CountStarted' }, countClosed: { $ref: '#/components/messages/CountClosed' } },
        ...amqp,
      },
    },
    operations: {
      publishStockAdjusted: { action: 'send', channel: { $ref: '#/channels/stockAdjusted' } },
      publishStockCounted: { action: 'send', channel: { $ref: '#/channels/stockCounted' } },
    },
    components: {
      messages: {
        StockAdjusted: {
          name: 'StockAdjusted',
          headers: { type: 'object', properties: { 'x-store-region': { type: 'string', enum: ['north', 'south'] } } },
          payload: { $ref: '#/components/schemas/StockAdjusted' },
        },
        CountStarted: { name: 'CountStarted', payload: { type: 'object', required: ['countId', 'startedAt'], properties: { countId: { type: 'string' }, startedAt: { type: 'string', format: 'date-time' } } } },
        CountClosed: { name: 'CountClosed', payload: { type: 'object', required: ['countId', 'lines'], properties: { countId: { type: 'string' }, lines: { type: 'integer', minimum: 0 } } } },
      },
      schemas: {
        StockAdjusted: {
          type: 'object',
          required: ['sku', 'quantityDelta'],
          properties: { sku: { type: 'string', pattern: '^[A-Z0-9-]+$' }, quantityDelta: { type: 'integer' }, password: { type: 'string' } },
        },
      },
    },
  };
}

/** A payload StockAdjusted accepts. */
export const validAdjustment = { sku: 'SKU-1', quantityDelta: -2 };
