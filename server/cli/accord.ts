#!/usr/bin/env node
import { ConfigError } from '../config.js';
import { EXIT, RejectedByAccord, ServerUnreachable, UsageError } from './cli-errors.js';
import { check, checkHelp } from './commands/check.js';
import { diff, diffHelp } from './commands/diff.js';
import { get, getHelp } from './commands/get.js';
import { importContracts, importHelp } from './commands/import.js';
import { ls, lsHelp } from './commands/ls.js';
import { publish, publishHelp } from './commands/publish.js';
import { serve, serveHelp } from './commands/serve.js';

const commands: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  serve: { run: serve, help: serveHelp },
  publish: { run: publish, help: publishHelp },
  import: { run: importContracts, help: importHelp },
  ls: { run: ls, help: lsHelp },
  get: { run: get, help: getHelp },
  diff: { run: diff, help: diffHelp },
  check: { run: check, help: checkHelp },
};

const usage = `accord — contract registry for OpenAPI and AsyncAPI

Usage: accord <command> [options]

Commands:
  serve      start the Accord server
  publish    publish a version of a contract
  import     import a folder of contracts
  ls         list contracts, teams, systems, versions, subscriptions, deployments
  get        show one contract, version, team, system or subscription
  diff       compare two contract documents offline and report breaking changes
  check      check a candidate document against a registered contract (CI gate)

Client commands talk to --server or ACCORD_URL (default http://localhost:4000) and send
ACCORD_TOKEN as a bearer token when it is set. Every command takes --json and --help.
Exit codes: 0 ok, 1 rejected by Accord, 2 usage error or unreadable input, 3 server unreachable.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(rest[0] && commands[rest[0]] ? commands[rest[0]]!.help : usage);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n\n${usage}`);
  return command.run(rest);
}

/** A blocked publish carries the findings that blocked it; list the ones that did. */
function blockingFindings(problem: Record<string, unknown>): string {
  const findings = Array.isArray(problem.findings) ? (problem.findings as { id: string; level: string; message: string; accepted?: string }[]) : [];
  const blocking = findings.filter((f) => f.level === 'error' && !f.accepted);
  return blocking.map((f) => `\n  ${f.id}  ${f.message}`).join('');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const json = process.argv.includes('--json');
    const report = (code: number, problem: object, text: string) => {
      if (json) console.log(JSON.stringify({ error: problem }));
      console.error(text);
      process.exitCode = code;
    };
    if (error instanceof RejectedByAccord) {
      const p = error.problem;
      const details = (p.errors ?? []).slice(0, 10).map((e) => `\n  ${e.pointer ?? ''} ${e.detail}`).join('') + blockingFindings(p);
      report(EXIT.rejected, p, `error: ${p.code}: ${p.detail}${details}`);
    } else if (error instanceof UsageError || error instanceof ConfigError) {
      report(EXIT.usage, { code: 'usage', detail: error.message }, `error: ${error.message}`);
    } else if (error instanceof ServerUnreachable) {
      report(EXIT.unreachable, { code: 'unreachable', detail: error.message }, `error: ${error.message}`);
    } else {
      console.error(error);
      process.exitCode = 70;
    }
  },
);
