import { z } from 'zod';
import { COMPATIBILITY_MODES } from '../compat/index.js';
import { MAX_PAGE_SIZE, MAX_USAGE_DAYS } from '../registry/index.js';
import { VALIDITY_LEVELS } from '../spec/index.js';
import { instant } from './instant.js';

// Request shapes of the REST API. Strict objects: unknown fields are errors, so nobody can set an
// owner, an id or a timestamp by adding it to a body.
const name = z.string().trim().min(1).max(200);
const description = z.string().max(20_000);
const slugRef = z.string().min(1).max(64);
const tag = z.string().trim().min(1).max(64);
const lifecycle = z.enum(['draft', 'active', 'deprecated', 'retired']);
const kind = z.enum(['openapi', 'asyncapi']);
// Counted before the entries are parsed, so an oversized map costs nothing to refuse.
const ruleLevels = z
  .custom<object>((value) => typeof value !== 'object' || value === null || Object.keys(value).length <= 500, 'at most 500 rule levels')
  .pipe(z.record(z.string().max(100), z.enum(['error', 'warn', 'info', 'off'])));

export const teamCreate = z.strictObject({ slug: z.string(), name, description: description.optional() });
export const teamPatch = z.strictObject({ name: name.optional(), description: description.optional() });

export const systemCreate = z.strictObject({ slug: z.string(), name, team: slugRef, domain: slugRef, description: description.optional() });
export const systemPatch = z.strictObject({ name: name.optional(), team: slugRef.optional(), domain: slugRef.optional(), description: description.optional() });

export const contractCreate = z.strictObject({
  slug: z.string(),
  name,
  system: slugRef,
  kind: kind.optional(),
  lifecycle: lifecycle.optional(),
  compatibilityMode: z.enum(COMPATIBILITY_MODES).optional(),
  ruleLevels: ruleLevels.optional(),
  validity: z.enum(VALIDITY_LEVELS).optional(),
  description: description.optional(),
  tags: z.array(tag).max(50).optional(),
});
export const contractPatch = z.strictObject({
  name: name.optional(),
  system: slugRef.optional(),
  lifecycle: lifecycle.optional(),
  compatibilityMode: z.enum(COMPATIBILITY_MODES).optional(),
  ruleLevels: ruleLevels.optional(),
  validity: z.enum(VALIDITY_LEVELS).optional(),
  description: description.optional(),
  tags: z.array(tag).max(50).optional(),
});

export const publishBody = z.strictObject({ version: z.string().min(1).max(64), document: z.string() });
export const publishQuery = z.object({ version: z.string().min(1).max(64) });
// A check may be run at another validity level than the contract's: it publishes nothing.
export const checkBody = z.strictObject({ version: z.string().min(1).max(64).optional(), validity: z.enum(VALIDITY_LEVELS).optional(), document: z.string() });
export const checkQuery = z.object({ version: z.string().min(1).max(64).optional(), validity: z.enum(VALIDITY_LEVELS).optional() });
export const changelogQuery = z.strictObject({ format: z.enum(['json', 'markdown']).optional() });

export const subscriptionCreate = z.strictObject({
  consumer: slugRef,
  range: z.string().min(1).max(200),
  operations: z.array(z.string().min(1).max(1000)).min(1).max(1000),
  note: z.string().max(2000).optional(),
});
export const subscriptionDecision = z.strictObject({ note: z.string().max(2000).optional() }).optional();

export const environmentCreate = z.strictObject({ slug: z.string(), name, rank: z.number().int().min(0).max(1000).optional(), description: description.optional() });
export const environmentPatch = z.strictObject({ name: name.optional(), rank: z.number().int().min(0).max(1000).optional(), description: description.optional() });

/** A waiver names its finding from a recorded check, or by rule, operations and pointer. */
export const waiverCreate = z
  .strictObject({
    reason: z.string().trim().min(1).max(2000),
    expiresAt: instant(),
    check: z.uuid().optional(),
    fingerprint: z.string().max(64).optional(),
    rule: z.string().min(1).max(100).optional(),
    operations: z.array(z.string().min(1).max(1000)).max(1000).optional(),
    pointer: z.string().max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    const fromCheck = body.check !== undefined || body.fingerprint !== undefined;
    const described = body.rule !== undefined || body.operations !== undefined || body.pointer !== undefined;
    if (fromCheck && described) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'name the finding either by check and fingerprint or by rule and operations, not both' });
    else if (fromCheck && (body.check === undefined || body.fingerprint === undefined)) ctx.addIssue({ code: 'custom', path: [body.check === undefined ? 'check' : 'fingerprint'], message: 'check and fingerprint go together' });
    else if (!fromCheck && body.rule === undefined) ctx.addIssue({ code: 'custom', path: ['rule'], message: 'name the finding: check and fingerprint, or rule and operations' });
  });

export const deploymentCreate = z.strictObject({ environment: slugRef, version: z.string().min(1).max(64), address: z.string().min(1).max(2000).optional() });

const sunsetAt = instant();
const deprecationNote = z.string().max(2000).optional();
const operationKeys = z.array(z.string().min(1).max(1000)).min(1).max(1000);
export const deprecationCreate = z.strictObject({ sunsetAt, note: deprecationNote });
export const operationDeprecationCreate = z.strictObject({ operations: operationKeys, sunsetAt, note: deprecationNote });
export const operationDeprecationWithdraw = z.strictObject({ operations: operationKeys });

const page = { limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(), cursor: z.string().max(500).optional() };
const text = z.string().max(200).optional();

export const teamQuery = z.strictObject({ ...page, q: text });
export const systemQuery = z.strictObject({ ...page, team: text, domain: text, q: text });
export const contractQuery = z.strictObject({ ...page, team: text, system: text, domain: text, kind: kind.optional(), lifecycle: lifecycle.optional(), tag: text, q: text });
export const pageQuery = z.strictObject(page);
export const environmentQuery = z.strictObject({});
export const subscriptionQuery = z.strictObject({ ...page, status: z.enum(['requested', 'approved', 'rejected', 'revoked']).optional() });
export const waiverQuery = z.strictObject({ ...page, state: z.enum(['requested', 'active', 'expired', 'revoked']).optional() });
export const matrixQuery = z.strictObject({ contract: text, team: text, system: text });

// A ruleset name is a slug: it appears in URLs and in `--ruleset`, and cannot be `spectral:…`.
const rulesetName = z
  .string()
  .max(64)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'must be lowercase letters, digits and hyphens, starting and ending with a letter or digit');
// The loader's own limit; checked here too so an oversized text is refused before it is parsed.
const rulesetText = z.string().min(1).max(512 * 1024);
const assignmentScope = z.enum(['global', 'domain', 'team', 'contract']);

export const rulesetCreate = z.strictObject({ name: rulesetName, text: rulesetText, description: description.optional() });
export const rulesetUploadQuery = z.strictObject({ name: rulesetName, description: description.optional() });
export const rulesetQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });
export const rulesetAssignmentCreate = z.strictObject({
  scope: assignmentScope,
  target: z.string().max(64).optional(),
  lifecycle: z.enum(['draft', 'active', 'deprecated']).nullable().optional(),
  ruleset: rulesetName,
});
export const rulesetAssignmentQuery = z.strictObject({ ...page, scope: assignmentScope.optional(), target: text, ruleset: text });

// An instant in an audit query: a timestamp with offset, or a date meaning its midnight in UTC.
const auditInstant = instant({ dates: true });
export const auditQuery = z
  .strictObject({ ...page, targetType: text, targetId: text, actor: text, action: text, from: auditInstant.optional(), to: auditInstant.optional(), seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional() })
  .superRefine((query, ctx) => {
    if (query.targetId !== undefined && query.targetType === undefined) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'targetId needs targetType, e.g. targetType=contract' });
    if (query.from && query.to && query.from >= query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be later than from' });
  });
export const auditVerifyQuery = z.strictObject({});

// Event types are checked by the webhook service, which names each unknown one by pointer.
export const webhookCreate = z.strictObject({
  url: z.string().min(1).max(2000),
  events: z.array(z.string().min(1).max(100)).max(20).optional(),
  description: z.string().max(2000).optional(),
});

// Observed usage and usage-aware gating; can-i-deploy asks as a provider or as a consumer.
const usageConsumer = z.string().min(1).max(100);
export const usageQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(MAX_USAGE_DAYS).optional(), env: z.string().min(1).max(100).optional() });
export const usagePatch = z.strictObject({ gating: z.enum(['standard', 'usage-aware']).optional(), days: z.number().int().min(1).max(MAX_USAGE_DAYS).optional(), threshold: z.number().int().min(1).max(1_000_000_000).optional() });
export const exclusionCreate = z.strictObject({ consumer: usageConsumer, reason: z.string().trim().min(1, 'say why this consumer\'s traffic is not use').max(2000) });
export const exclusionWithdraw = z.strictObject({ consumer: usageConsumer });
export const canIDeployQuestion = z.union([z.strictObject({ contract: slugRef, version: z.string().min(1).max(64), environment: slugRef }), z.strictObject({ system: slugRef, environment: slugRef })]);

