import { createHash } from 'node:crypto';
import type { Db } from '../db/index.js';
import type { Traffic } from '../traffic/index.js';
import type { AccessPolicy, Actor, Clock } from '../shared/index.js';
import { createSpanMapper, type SpanMapper } from './create-span-mapper.js';
import { decodeTraceRequest, type OtlpEncoding } from './decode-trace-request.js';
import { deploymentsFingerprint, loadDeployedContracts } from './load-deployed-contracts.js';
import { spansToWindows } from './spans-to-windows.js';

export interface OtlpIngestDeps {
  db: Db;
  clock: Clock;
  access: AccessPolicy;
  traffic: Pick<Traffic, 'ingest'>;
  retentionDays: number;
}

/** What OTLP's ExportTraceServiceResponse carries back: spans refused and why, or a warning with none refused. */
export interface ExportOutcome {
  rejectedSpans: number;
  message: string;
  /** Spans counted as traffic of a deployed contract. */
  mappedSpans: number;
}

const DAY_MS = 86_400_000;
// The flush interval of `accord proxy`: objectives fed by spans are judged as often as by a proxy's windows.
const EVALUATION_INTERVAL_MS = 10_000;

/**
 * Receives OTLP trace exports: decodes them, maps their spans to deployed contracts and stores the
 * windows through the traffic ingest like any reporter's. Spans the caller may not report (a key
 * of another team), spans too old to keep and spans without ids are refused one by one, as OTLP's
 * partial success allows, so a Collector forwarding everything does not lose the rest of a batch.
 */
export function createOtlpIngest({ db, clock, access, traffic, retentionDays }: OtlpIngestDeps) {
  let cached: { fingerprint: string; mapSpan: SpanMapper } | undefined;
  let building: Promise<{ fingerprint: string; mapSpan: SpanMapper }> | undefined;

  /** The matchers of what is deployed now, rebuilt only when a deployment was recorded since. */
  const mapperNow = async (): Promise<SpanMapper> => {
    const fingerprint = await deploymentsFingerprint(db);
    if (cached?.fingerprint === fingerprint) return cached.mapSpan;
    // Concurrent batches after a change wait for one rebuild rather than each loading every document.
    building ??= loadDeployedContracts(db)
      .then((deployed) => (cached = { fingerprint, mapSpan: createSpanMapper(deployed) }))
      .finally(() => (building = undefined));
    return (await building).mapSpan;
  };

  return {
    async exportTraces({ body, encoding, actor }: { body: Uint8Array; encoding: OtlpEncoding; actor: Actor }): Promise<ExportOutcome> {
      const { spans, invalid } = decodeTraceRequest(body, encoding);
      const mapSpan = await mapperNow();
      const batchId = createHash('sha256').update(body).digest('hex');
      const oldestMs = clock.now().getTime() - retentionDays * DAY_MS;
      const outcome = spansToWindows({ spans, mapSpan, batchId, oldestMs });
      const rejected = [...outcome.rejected];
      if (invalid > 0) rejected.push({ spans: invalid, why: 'lack a trace id, span id, start or end time' });

      const permitted = new Map<string, boolean>();
      const windows = [];
      for (const w of outcome.windows) {
        let may = permitted.get(w.target.teamId);
        if (may === undefined) permitted.set(w.target.teamId, (may = await access.permits(db, actor, 'traffic.write', w.target.teamId)));
        if (may) windows.push(w);
        else rejected.push({ spans: w.spans, why: `are traffic of contract "${w.target.contract}", whose owning team this caller may not report traffic for (traffic:write)` });
      }
      if (windows.length > 0) await traffic.ingest(windows.map((w) => w.window), actor, (i) => `/windows/${i}`, { minEvaluationIntervalMs: EVALUATION_INTERVAL_MS });

      const notes = rejected.map((r) => `${r.spans} span${r.spans === 1 ? '' : 's'} refused: they ${r.why}`);
      if (outcome.unmatched > 0) notes.push(`${outcome.unmatched} server or messaging span${outcome.unmatched === 1 ? '' : 's'} matched no deployment (by host and port, or broker and destination) and were not counted`);
      return { rejectedSpans: rejected.reduce((sum, r) => sum + r.spans, 0), message: notes.join('; '), mappedSpans: windows.reduce((sum, w) => sum + w.spans, 0) };
    },
  };
}

export type OtlpIngest = ReturnType<typeof createOtlpIngest>;
