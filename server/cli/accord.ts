#!/usr/bin/env node
import module from 'node:module';
import v8 from 'node:v8';
import { ConfigError } from '../config-error.js';
import { EXIT, RejectedByAccord, ServerUnreachable, UsageError } from './cli-errors.js';
import { AccordError } from '../shared/index.js';

interface Command {
  run: (argv: string[]) => Promise<number>;
  help: string;
}

// Commands load on demand: `accord diff` in a CI job should not pay for the server's modules.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => import('./commands/serve.js').then((m) => ({ run: m.serve, help: m.serveHelp })),
  admin: async () => import('./commands/admin.js').then((m) => ({ run: m.admin, help: m.adminHelp })),
  contract: async () => import('./commands/contract.js').then((m) => ({ run: m.contract, help: m.contractHelp })),
  publish: async () => import('./commands/publish.js').then((m) => ({ run: m.publish, help: m.publishHelp })),
  subscribe: async () => import('./commands/subscribe.js').then((m) => ({ run: m.subscribe, help: m.subscribeHelp })),
  subscriptions: async () => import('./commands/subscriptions.js').then((m) => ({ run: m.subscriptions, help: m.subscriptionsHelp })),
  deploy: async () => import('./commands/deploy.js').then((m) => ({ run: m.deploy, help: m.deployHelp })),
  deployed: async () => import('./commands/deployed.js').then((m) => ({ run: m.deployed, help: m.deployedHelp })),
  'can-i-deploy': async () => import('./commands/can-i-deploy.js').then((m) => ({ run: m.canIDeploy, help: m.canIDeployHelp })),
  usage: async () => import('./commands/usage.js').then((m) => ({ run: m.usage, help: m.usageHelp })),
  key: async () => import('./commands/key.js').then((m) => ({ run: m.key, help: m.keyHelp })),
  webhook: async () => import('./commands/webhook.js').then((m) => ({ run: m.webhook, help: m.webhookHelp })),
  ruleset: async () => import('./commands/ruleset.js').then((m) => ({ run: m.ruleset, help: m.rulesetHelp })),
  import: async () => import('./commands/import.js').then((m) => ({ run: m.importContracts, help: m.importHelp })),
  ls: async () => import('./commands/ls.js').then((m) => ({ run: m.ls, help: m.lsHelp })),
  get: async () => import('./commands/get.js').then((m) => ({ run: m.get, help: m.getHelp })),
  diff: async () => import('./commands/diff.js').then((m) => ({ run: m.diff, help: m.diffHelp })),
  changelog: async () => import('./commands/changelog.js').then((m) => ({ run: m.changelog, help: m.changelogHelp })),
  lint: async () => import('./commands/lint.js').then((m) => ({ run: m.lint, help: m.lintHelp })),
  check: async () => import('./commands/check.js').then((m) => ({ run: m.check, help: m.checkHelp })),
  waiver: async () => import('./commands/waiver.js').then((m) => ({ run: m.waiver, help: m.waiverHelp })),
  deprecate: async () => import('./commands/deprecate.js').then((m) => ({ run: m.deprecate, help: m.deprecateHelp })),
  audit: async () => import('./commands/audit.js').then((m) => ({ run: m.audit, help: m.auditHelp })),
  listen: async () => import('./commands/listen.js').then((m) => ({ run: m.listen, help: m.listenHelp })),
  proxy: async () => import('./commands/proxy.js').then((m) => ({ run: m.proxy, help: m.proxyHelp })),
  probe: async () => import('./commands/probe.js').then((m) => ({ run: m.probe, help: m.probeHelp })),
  slo: async () => import('./commands/slo.js').then((m) => ({ run: m.slo, help: m.sloHelp })),
};

const usage = `accord — contract registry for OpenAPI and AsyncAPI

Usage: accord <command> [options]

Commands:
  serve          start the Accord server
  admin          create an administrator directly in the database (claim a new installation)
  contract       create, update or deprecate a contract
  publish        publish a version of a contract (--system creates the contract if need be)
  subscribe      request a subscription of a consumer system to operations of a contract
  subscriptions  list subscriptions to a contract; approve, reject or revoke one
  deploy         record that a version runs in an environment
  deployed       record a deployment from a pipeline (keeps the environment's address)
  can-i-deploy   may a contract version, or a consumer system, ship to an environment? (exit 0 yes, 1 no, 2 cannot tell)
  usage          who calls which operation of a contract; shadow consumers, silent subscriptions; usage-aware gating
  key            create, list and revoke API keys for pipelines
  webhook        create, list, disable, test webhooks of a system; rotate secrets; show deliveries
  ruleset        list, show and save policy rulesets; assign them where they apply
  import         import a folder of contracts
  ls             list contracts, teams, systems, versions, subscriptions, deployments
  get            show one contract, version, team, system or subscription
  diff           compare two documents (files, registry versions, git revisions): what breaks
  changelog      what changed in each version of a contract, or between two documents
  lint           check a document against a policy ruleset: shipped, a file, or one in the registry
  check          check a candidate document against a registered contract (CI gate)
  waiver         request, approve, revoke and list waivers of findings
  deprecate      deprecate a contract, a version or operations with a sunset date
  audit          verify the audit log's hash chain and list who changed what
  listen         check the messages on a broker against an AsyncAPI contract; report traffic
  proxy          a validating reverse proxy that reports live traffic of a contract to the registry
  probe          send checked requests to a contract's safe operations and report what they answer
  slo            objectives, live traffic, incidents and MTTR of a contract; its alert rules and dashboard

Client commands talk to --server or ACCORD_URL (default http://localhost:4000) and send
ACCORD_TOKEN as a bearer token when it is set. Every command takes --json and --help.
Exit codes: 0 ok, 1 rejected by Accord, 2 usage error or unreadable input, 3 server unreachable.`;

// Node 22.1 and later keep the compiled code of Accord's modules between runs, which a short
// command such as `accord diff` in CI pays for on every start; Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// Commands that read one or two documents once and exit. V8 hands a function to its optimizing
// compiler after a budget of work it sized for programs that keep running; these finish within a
// second or so, and compiling their many briefly hot functions cost more CPU time than the
// optimized code saved (the Stripe pair's `accord diff`: 0.88 → 0.73 s, medians of 7). A budget
// six times larger still optimizes the few loops that run for most of the command.
const ONE_PASS = new Set(['diff', 'changelog', 'lint', 'check', 'publish', 'import']);

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name && ONE_PASS.has(name)) v8.setFlagsFromString('--interrupt-budget=400000');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0] ? commands[rest[0]] : undefined;
    console.log(topic ? (await topic()).help : usage);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = commands[name];
  if (!load) throw new UsageError(`unknown command "${name}"\n\n${usage}`);
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const json = process.argv.includes('--json');
    const report = (code: number, problem: object, text: string) => {
      if (json) console.log(JSON.stringify({ error: problem }));
      console.error(text);
      process.exitCode = code;
    };
    if (error instanceof RejectedByAccord) {
      // Loaded here, not up front: a blocked publish's findings need the compatibility engine, which is not every command's to pay for.
      const { describeRefusal } = await import('./describe-refusal.js');
      report(EXIT.rejected, error.problem, describeRefusal(error.problem));
    } else if (error instanceof UsageError || error instanceof ConfigError) {
      report(EXIT.usage, { code: 'usage', detail: error.message }, `error: ${error.message}`);
    } else if (error instanceof AccordError) {
      // Commands that open the database themselves (serve, admin) meet Accord's domain errors directly.
      report(EXIT.rejected, { code: error.code, detail: error.message }, `error: ${error.code}: ${error.message}`);
    } else if (error instanceof ServerUnreachable) {
      report(EXIT.unreachable, { code: 'unreachable', detail: error.message }, `error: ${error.message}`);
    } else {
      console.error(error);
      process.exitCode = 70;
    }
  },
);
