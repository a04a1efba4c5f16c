/** CloudEvents `time` in binary mode, as the MQTT, NATS, AMQP and Kafka bindings name the header. */
const CLOUDEVENTS_TIME_HEADERS = ['ce-time', 'ce_time', 'cloudevents:time', 'cloudevents_time'];

/**
 * When a message says it was sent, in epoch milliseconds: from the header the contract or
 * `--time-header` names, else CloudEvents `time` (binary mode: a header; structured mode: a member
 * of the JSON envelope). A header may hold an RFC 3339 time or epoch milliseconds.
 */
export function messageSentAt({ headers, body, timeHeader }: { headers: Record<string, string>; body: unknown; timeHeader?: string | undefined }): number | undefined {
  if (timeHeader !== undefined) {
    const named = headers[timeHeader.toLowerCase()];
    if (named !== undefined) return parseTime(named);
  }
  for (const name of CLOUDEVENTS_TIME_HEADERS) {
    if (headers[name] !== undefined) return parseTime(headers[name]);
  }
  // MQTT 5 binary mode carries the attributes as user properties without a prefix.
  if (headers.specversion !== undefined && headers.time !== undefined) return parseTime(headers.time);
  if (isEnvelope(body) && typeof body.time === 'string') return parseTime(body.time);
  return undefined;
}

export function isEnvelope(body: unknown): body is { specversion: string; time?: unknown; data?: unknown } {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && typeof (body as { specversion?: unknown }).specversion === 'string';
}

function parseTime(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d{10,16}(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  // Date.parse drops digits past milliseconds; CloudEvents producers often send microseconds.
  const fraction = /\.(\d{4,})/.exec(trimmed)?.[1];
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) return undefined;
  return fraction ? ms + Number(`0.${fraction.slice(3)}`) : ms;
}
