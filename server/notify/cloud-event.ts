/** A CloudEvents 1.0 event in structured mode: the whole event is the JSON body. */
export interface CloudEvent {
  specversion: '1.0';
  /** Unique per delivery and kept across its retries: receivers drop repeats by it. */
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

export function cloudEvent({ id, source, type, subject, time, data }: { id: string; source: string; type: string; subject?: string; time: Date; data: Record<string, unknown> }): CloudEvent {
  return { specversion: '1.0', id, source, type, ...(subject === undefined ? {} : { subject }), time: time.toISOString(), datacontenttype: 'application/json', data };
}
