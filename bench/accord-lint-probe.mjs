// Child-process entry of the `lint` benchmark: `node bench/accord-lint-probe.mjs <ruleset.yaml> <document.json>`.
// Loads the ruleset as the CLI and the workers do (loadRuleset with the shipped texts), lints the
// document once with lintDocument and prints one JSON line: each finding as "<rule id> <JSON pointer>",
// so the benchmark can check that Spectral's CLI found the same, and where the time went.
// Plain JavaScript on the compiled dist/ on purpose: under tsx every process would pay about
// 0.2 s and 35 MB for the loader, which Spectral's CLI, the process it is compared with, does not.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintDocument, loadRuleset } from '../dist/server/lint/index.js';
import { readShippedRulesets } from '../dist/server/lint/read-shipped-rulesets.js';

const [rulesetFile, documentFile] = process.argv.slice(2);
if (!rulesetFile || !documentFile) {
  console.error('usage: accord-lint-probe.mjs <ruleset.yaml> <document.json>');
  process.exit(2);
}
const started = performance.now();
const shipped = readShippedRulesets(join(dirname(fileURLToPath(import.meta.url)), '..'));
const ruleset = loadRuleset(readFileSync(rulesetFile, 'utf8'), { source: rulesetFile, shipped });
const loaded = performance.now();
const findings = await lintDocument(readFileSync(documentFile, 'utf8'), ruleset);
const linted = performance.now();
const keys = findings.map((finding) => `${finding.id} ${finding.pointer ?? ''}`);
process.stdout.write(JSON.stringify({ keys, loadMs: loaded - started, lintMs: linted - loaded }) + '\n');
