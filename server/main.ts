import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { parse } from 'yaml';
import type { ServerConfig } from './config.js';
import { createOutageMonitor, isConnectionFailure, openDatabase } from './db/index.js';
import { createApp, untilReady } from './http/index.js';
import { createRegistry, DEFAULT_RULESET, isRegistryEmpty, seedRegistry } from './registry/index.js';
import { packageRoot, systemClock, type Clock } from './shared/index.js';
import { createWorkers } from './workers/index.js';
import { readShippedRulesets } from './lint/read-shipped-rulesets.js';
import { createServer } from 'node:http';
import type { RequestHandler } from 'express';
import { createAccessPolicy, createAuth, createAuthenticator, createIdentity, createRateLimiter, createSetupClaim, ensureBootstrapKey, localAuthSecret } from './auth/index.js';
import { sealAuditLog } from './audit/index.js';
import { createOutbox, createWebhooks, startDeliveryWorker, type DeliveryWorker } from './notify/index.js';
import { createTraffic, readObservedUsage, startTrafficSweep, type TrafficSweep } from './traffic/index.js';
import { createRunbooks } from './runbook/index.js';

/** Accord's own API description, parsed on first request: it is not needed to start serving. */
let apiDocument: Promise<object> | undefined;
const loadApiDocument = () => (apiDocument ??= readFile(join(packageRoot(), 'specs', 'accord-api.yaml'), 'utf8').then((text) => parse(text) as object));

const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Something built when it is first used. GraphQL (Yoga, graphql-js, graphql-armor) and the OTLP
 * ingest (protobuf.js, the tester's matchers and HTTP client) are a large part of the server's
 * module graph, and starting should not wait for what no request needs yet.
 */
function onFirstUse<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () =>
    (built ??= build().catch((error: unknown) => {
      // Not cached: one failed load (a file being replaced mid-deploy) must not fail every later use.
      built = undefined;
      throw error;
    }));
}

/** A handler built when its first request arrives (see `onFirstUse`). */
function onFirstRequest(build: () => Promise<RequestHandler>): RequestHandler {
  const handler = onFirstUse(build);
  return (req, res, next) => void handler().then((ready) => ready(req, res, next), next);
}

export interface RunningServer {
  url: string;
  log: Logger;
  close(): Promise<void>;
}

/**
 * The composition root: configuration → database (migrated) → worker pool → registry → HTTP.
 * Nothing else creates long-lived singletons.
 */
export async function startServer(
  config: ServerConfig,
  log: Logger = pino({ level: config.logLevel }),
  // A test moves `clock` forward to see what time does to the data, e.g. traffic leaving a look-back.
  // Tests also run the worker threads from a bundle of their sources (see `bundleCli`).
  { onQuery, clock = systemClock, workerModule }: { onQuery?: (statement: string) => void; clock?: Clock; workerModule?: URL } = {},
): Promise<RunningServer> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const at = performance.now();
    try {
      return await work();
    } finally {
      phases[name] = Math.round(performance.now() - at);
    }
  };
  // Opened before listening: a second process on the same embedded database is refused here,
  // before it could take a port or answer anyone.
  const database = await phase('open-database', () => openDatabase(config.database, { timeouts: config.databaseTimeouts, ...(onQuery && { onQuery }), onIdleClientError: (err) => (isConnectionFailure(err) ? outages.refused() : log.warn({ err: err.message }, 'database connection lost while idle')) }));
  const outages = createOutageMonitor({
    ping: database.ping,
    onOutage: () => log.error('the database cannot be reached; requests that need it are answered 503 database-unavailable until it returns'),
    onRecovery: ({ refused, durationMs }) => log.warn({ refused, durationMs }, 'the database answers again'),
  });
  const workers = createWorkers({
    limits: { maxBytes: config.maxDocumentBytes },
    timeoutMs: config.parseTimeoutMs,
    threads: config.parseThreads,
    ...(workerModule && { workerModule }),
    onWorkerError: (err) => log.error({ err }, 'worker thread failed'),
  });
  // Listening comes first, with every request answered until the app is ready (orchestrators
  // probe during start-up); with an ephemeral port the address is only known now, and sign-in
  // cookies and origin checks need it when no public URL is configured.
  const gate = untilReady();
  const listening = createServer(gate.listener);
  // Without this listener Node answers `Expect: 100-continue` itself, before any route has looked
  // at the request; the routes send it only for a body they will read (see requestBody).
  listening.on('checkContinue', gate.listener);
  let deliveries: DeliveryWorker | undefined;
  let sweep: TrafficSweep | undefined;
  try {
    listening.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => listening.once('listening', resolve).once('error', reject));
    // Requests carrying large documents may be slow to arrive; do not let a stalled client hold a socket forever.
    listening.requestTimeout = 120_000;
    const { port } = listening.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    database.describe?.({ url });
    const publicUrl = config.auth.publicUrl ?? url;
    await phase('migrate', () => database.migrate());
    // Links the audit events written before the chain existed, before anything can append to it.
    const { sealed } = await phase('seal-audit-log', () => database.exclusively(() => sealAuditLog(database.db)));
    if (sealed > 0) log.info({ sealed }, 'sealed the audit events written before the hash chain');
    const access = createAccessPolicy();
    // Events land in the outbox inside each change's transaction; the worker, started once the
    // server is ready, is woken by them and sends.
    const outbox = createOutbox({ clock, source: config.auth.publicUrl ?? 'urn:accord', onEnqueued: () => deliveries?.wake() });
    const shippedRulesets = readShippedRulesets();
    const registry = createRegistry({ db: database.db, clock, specs: workers.specs, checker: workers.checker, linter: workers.linter, shippedRulesets, compatibility: config.compatibility, waiverMaxDays: config.waiverMaxDays, access, emit: outbox.emit, observedUsage: readObservedUsage });
    if (config.seed) {
      await phase('seed', () =>
        database.exclusively(async () => {
          if (!(await isRegistryEmpty(database.db))) return;
          const seeded = await seedRegistry(registry);
          log.info(seeded, 'seeded the example contracts');
        }),
      );
    }
    // Without a configured public URL on a loopback address, a browser may call it localhost,
    // 127.0.0.1 or [::1]: all three are this server, and pages from any of them may write.
    const loopback = !config.auth.publicUrl && ['127.0.0.1', 'localhost', '::1'].includes(config.host);
    const trustedOrigins = [...config.auth.trustedOrigins, ...(loopback ? ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`) : [])];
    const secret = config.auth.secret ?? (await localAuthSecret((config.database as { dataDir: string }).dataDir));
    const auth = createAuth(database.db, clock, { publicUrl, secret, trustedOrigins, signUp: config.auth.signUp, ...(config.auth.oidc && { oidc: config.auth.oidc }), log: (level, message) => log[level]({ component: 'auth' }, message) });
    const bootstrap = await phase('bootstrap-key', () => ensureBootstrapKey(database.db, clock, config.auth.bootstrapToken));
    if (bootstrap === 'revoked') log.warn('ACCORD_BOOTSTRAP_TOKEN names an API key that was revoked; it stays revoked');
    const setup = await createSetupClaim({ db: database.db, auth, clock, administered: bootstrap === 'created' || bootstrap === 'present' });
    if (setup.token) log.warn({ setupToken: setup.token }, `no administrator yet: claim this installation by POSTing {"token", "email", "name", "password"} to ${publicUrl}/api/v1/setup with this setup token, or with \`accord admin create\``);
    const minute = 60_000;
    const identity = createIdentity({ db: database.db, clock, access, auth, apiKeyMaxDays: config.auth.apiKeyMaxDays });
    const webhooks = createWebhooks({ db: database.db, clock, access, outbox, allowPrivate: config.webhooks.allowPrivate });
    const traffic = createTraffic({ db: database.db, clock, access, emit: outbox.emit, defaultSlo: config.traffic.defaultSlo, retentionDays: config.traffic.retentionDays });
    const runbooks = createRunbooks({ registry, traffic, identity, clock });
    const otlp = onFirstUse(async () => (await import('./otlp/index.js')).createOtlpIngest({ db: database.db, clock, access, traffic, retentionDays: config.traffic.retentionDays }));
    const limits = { signIn: createRateLimiter({ limit: config.auth.rateLimits.signIn, windowMs: minute }), publish: createRateLimiter({ limit: config.auth.rateLimits.publish, windowMs: minute }) };
    const app = createApp({
      registry,
      identity,
      setup,
      signInMethods: { singleSignOn: config.auth.oidc ? { name: config.auth.oidc.name } : null },
      webhooks,
      traffic,
      runbooks,
      graphql: onFirstRequest(async () => (await import('./graphql/index.js')).createGraphql({ registry, identity, webhooks, traffic, runbooks, anonymousRead: config.auth.anonymousRead, introspection: config.graphql.introspection, limits, layouter: workers.layouter, log })),
      auth,
      authenticate: createAuthenticator({ db: database.db, auth, clock }),
      anonymousRead: config.auth.anonymousRead,
      trustedOrigins: new Set([new URL(publicUrl).origin, ...trustedOrigins]),
      limits,
      trustProxy: config.auth.trustProxy,
      log,
      ping: database.ping,
      onDatabaseUnavailable: outages.refused,
      apiDocument: loadApiDocument,
      maxDocumentBytes: config.maxDocumentBytes,
      webRoot: join(packageRoot(), 'dist', 'web'),
      otlp: { exportTraces: async (request) => (await otlp()).exportTraces(request) },
    });
    gate.open(app);
    const { allowPrivate, pollIntervalMs, maxAttempts, retryBaseMs, retryMaxMs, timeoutMs, retentionDays } = config.webhooks;
    deliveries = startDeliveryWorker({ db: database.db, clock, log, allowPrivate, pollIntervalMs, maxAttempts, retry: { baseMs: retryBaseMs, maxMs: retryMaxMs }, timeoutMs, retentionDays, onDatabaseUnavailable: outages.refused });
    sweep = startTrafficSweep({ traffic, intervalMs: config.traffic.sweepIntervalMs, log, onDatabaseUnavailable: outages.refused, isConnectionFailure });
    log.info({ url, database: database.kind, ms: Math.round(performance.now() - started), phases }, 'Accord is ready');
    let closing = false;
    const defaultRuleset = shippedRulesets[DEFAULT_RULESET];
    if (config.warmWorkers && defaultRuleset !== undefined) {
      workers.warmUp({ name: DEFAULT_RULESET, text: defaultRuleset }, shippedRulesets).catch((err: unknown) => {
        if (!closing) log.warn({ err }, 'could not warm up the worker threads; the first document will load them');
      });
    }
    return {
      url,
      log,
      async close() {
        closing = true;
        // close() waits for every open connection: in-flight requests get a moment to finish,
        // then whatever is left (a keep-alive socket mid-request, a stalled upload) is cut.
        const closed = new Promise<void>((resolve) => listening.close(() => resolve()));
        const grace = setTimeout(() => listening.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(grace);
        // Before the database closes: the deliveries being sent still record their outcome.
        await deliveries?.close();
        await sweep?.close();
        outages.close();
        await workers.close();
        await database.close();
      },
    };
  } catch (error) {
    listening.close();
    listening.closeAllConnections();
    await deliveries?.close();
    await sweep?.close();
    outages.close();
    await workers.close();
    await database.close();
    throw error;
  }
}
