import type { Contract, PublishResult } from '../../registry/index.js';
import type { AccordClient } from '../accord-client.js';
import { bundleDocument } from '../bundle-document.js';
import { RejectedByAccord, UsageError } from '../cli-errors.js';
import { findImportUnits, type ImportUnit } from '../find-import-units.js';
import { clientFrom, clientOptions, parseCommandArgs } from '../parse-command-args.js';
import { progressBar } from '../progress-bar.js';
import { plural } from '../../shared/index.js';

export const importHelp = `accord import <dir> [--system <slug>] [--lifecycle draft|active] [--ref-root DIR] [--server URL] [--json]

Imports a folder of contracts: every document file directly in <dir> is one contract (named after
the file), every sub-folder is one contract (named after the folder) with either one file per
version (1.0.0.yaml, 1.1.0.yaml) or one entry document (openapi.yaml, asyncapi.yaml, …) whose
relative $refs are bundled from anywhere under --ref-root (default: the enclosing git work tree,
or the current directory). Contracts that do not exist yet are created for --system. Re-running
an import is idempotent: versions already published with the same content are left unchanged.
Exit code 1 when any contract failed.`;

type Outcome = 'published' | 'unchanged' | 'failed';
interface ItemResult {
  contract: string;
  file: string;
  version: string | null;
  outcome: Outcome;
  createdContract?: boolean;
  error?: { code: string; detail: string };
}

export async function importContracts(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...clientOptions, system: { type: 'string', short: 's' }, lifecycle: { type: 'string' }, 'ref-root': { type: 'string' } });
  if (values.help) return void console.log(importHelp), 0;
  const [dir, ...extra] = positionals;
  if (!dir || extra.length > 0) throw new UsageError('expected exactly one folder\n\n' + importHelp);
  if (values.lifecycle && !['draft', 'active'].includes(values.lifecycle)) throw new UsageError('--lifecycle must be draft or active');
  const units = await findImportUnits(dir);
  if (units.length === 0) throw new UsageError(`no contract documents found in ${dir}: import reads .yaml, .yml and .json files with a top-level openapi, swagger or asyncapi field`);
  const client = clientFrom(values);
  const started = performance.now();
  const total = units.reduce((n, u) => n + Math.max(1, u.versions.length), 0);
  const bar = progressBar(values.json ? 0 : total);
  const results: ItemResult[] = [];
  for (const unit of units) {
    if (unit.problem) {
      results.push({ contract: unit.contract, file: '', version: null, outcome: 'failed', error: { code: 'ambiguous-folder', detail: unit.problem } });
      continue;
    }
    const refRoot = values['ref-root'];
    const created = await ensureContract(client, unit, { system: values.system, lifecycle: values.lifecycle, refRoot }).catch((error: unknown) => error);
    if (created instanceof Error) {
      for (const v of unit.versions) results.push({ contract: unit.contract, file: v.file, version: v.version, outcome: 'failed', error: describe(created) });
      bar.update(results.length, unit.contract);
      continue;
    }
    for (const [i, v] of unit.versions.entries()) {
      bar.update(results.length, `${unit.contract} ${v.version ?? ''}`);
      results.push({ ...(await publishOne(client, unit.contract, v, refRoot)), ...(i === 0 && created ? { createdContract: true } : {}) });
    }
  }
  bar.done();
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const summary = {
    contracts: units.length,
    createdContracts: results.filter((r) => r.createdContract).length,
    published: count('published'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
  if (values.json) {
    console.log(JSON.stringify({ summary, results }));
  } else {
    for (const r of results.filter((x) => x.outcome === 'failed')) console.error(`✗ ${r.contract} (${r.file}): ${r.error?.code}: ${r.error?.detail}`);
    console.log(
      `Imported ${plural(summary.contracts, 'contract')} in ${summary.seconds} s: ${plural(summary.published, 'version')} published, ${summary.unchanged} unchanged, ` +
        `${summary.failed} failed; ${plural(summary.createdContracts, 'contract')} created.`,
    );
  }
  return summary.failed > 0 ? 1 : 0;
}

/** Returns true when the contract had to be created. */
async function ensureContract(client: AccordClient, unit: ImportUnit, { system, lifecycle, refRoot }: { system?: string; lifecycle?: string; refRoot?: string }): Promise<boolean> {
  try {
    await client.request<Contract>('GET', `/contracts/${encodeURIComponent(unit.contract)}`);
    return false;
  } catch (error) {
    if (!(error instanceof RejectedByAccord) || error.problem.status !== 404) throw error;
    if (!system) throw new RejectedByAccord({ ...error.problem, detail: `contract "${unit.contract}" does not exist; pass --system <slug> to create it` });
  }
  const first = await bundleDocument(unit.versions[0]!.file, { refRoot });
  await client.request('POST', '/contracts', { body: { slug: unit.contract, name: first.info.title ?? unit.contract, system, ...(lifecycle ? { lifecycle } : {}) } });
  return true;
}

async function publishOne(client: AccordClient, contract: string, v: { file: string; version: string | null }, refRoot: string | undefined): Promise<ItemResult> {
  const base = { contract, file: v.file, version: v.version };
  try {
    const bundled = await bundleDocument(v.file, { refRoot });
    const version = v.version ?? bundled.info.version;
    if (!version) return { ...base, outcome: 'failed', error: { code: 'missing-version', detail: 'the document has no info.version' } };
    const { status } = await client.request<PublishResult['version']>('POST', `/contracts/${encodeURIComponent(contract)}/versions`, { body: { version, document: bundled.text } });
    return { ...base, version, outcome: status === 201 ? 'published' : 'unchanged' };
  } catch (error) {
    return { ...base, outcome: 'failed', error: describe(error) };
  }
}

function describe(error: unknown): { code: string; detail: string } {
  if (error instanceof RejectedByAccord) return { code: error.problem.code, detail: error.problem.detail };
  if (error instanceof UsageError) return { code: 'unreadable-input', detail: error.message };
  throw error;
}
