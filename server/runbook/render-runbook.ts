import type { Contact, Dependency, Party, Runbook } from './runbook.js';

const MINUTE_MS = 60_000;

/** A duration as people say it: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function humanDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < MINUTE_MS) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)} %`);
const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value * 10) / 10} ms`);
const day = (at: Date | null) => (at === null ? '—' : at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
/** Table cells and inline text from the registry may hold Markdown of their own: shown as text. */
const text = (value: string) => value.replace(/([\\`*_[\]|<>])/g, '\\$1').replace(/\r?\n/g, ' ');
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function contactsOf(party: Party): string {
  const who = `**${text(party.team.name)}** (\`${party.team.slug}\`) owns **${text(party.system.name)}** (\`${party.system.slug}\`, domain ${text(party.system.domain)}).`;
  if (party.contacts === null) return `${who} Its members are listed on the team's page for those who may see them.`;
  if (party.contacts.length === 0) return `${who} The team has no members yet.`;
  const line = (c: Contact) => `- ${text(c.name)} <${c.email}> (${c.role})`;
  return [who, '', ...party.contacts.map(line)].join('\n');
}

function dependencies(title: string, items: Dependency[], side: 'provider' | 'consumer'): string {
  if (items.length === 0) return `### ${title}\n\nNone known.`;
  return [
    `### ${title}`,
    '',
    table(
      [side === 'provider' ? 'Provider' : 'Consumer', 'Contract', 'Declared', 'Range', 'Operations'],
      items.map((d) => [`\`${d[side]}\``, `\`${d.contract}\``, d.declared ? 'yes' : '**no: seen in traffic only**', d.range ?? '—', d.operations.length === 0 ? '—' : d.operations.map((o) => `\`${o}\``).join(', ')]),
    ),
  ].join('\n');
}

/** The runbook as Markdown: headings an on-call engineer scans, tables for what repeats. */
export function renderRunbook(r: Runbook): string {
  const c = r.contract;
  const title = r.edge ? `Runbook: ${text(r.edge.consumer.system.name)} → ${text(c.name)}` : `Runbook: ${text(c.name)}`;
  const parts: string[] = [
    `# ${title}`,
    '',
    `Contract \`${c.slug}\` (${c.kind ?? 'no version yet'}), ${c.lifecycle}${c.sunsetAt ? `, sunset ${day(c.sunsetAt)}` : ''}; latest version ${c.latestVersion ?? '—'}. Generated ${day(r.generatedAt)}.`,
  ];
  if (c.description) parts.push('', `> ${text(c.description)}`);

  parts.push('', '## Owners and how to reach them', '', '### Provider', '', contactsOf(r.provider));
  const dc = r.documentContact;
  if (dc) {
    const url = dc.url && /^https?:\/\//i.test(dc.url) ? ` ${dc.url}` : '';
    parts.push('', `The contract's document names ${[dc.name && text(dc.name), dc.email && `<${text(dc.email)}>`].filter(Boolean).join(' ') || 'a contact'}${url} (\`info.contact\`).`);
  }
  if (r.edge) {
    parts.push('', '### Consumer', '', contactsOf(r.edge.consumer));
    const s = r.edge.subscription;
    parts.push('', '## The integration', '');
    parts.push(s ? `Subscription \`${s.id}\` (${s.status}): range \`${s.range}\`, operations ${s.operations.map((o) => `\`${o}\``).join(', ') || '—'}.` : '**Undeclared**: no approved subscription names this use; it is known from traffic only. Ask the consumer to subscribe, so changes that break it are caught before they ship.');
    if (r.edge.live.length > 0) {
      parts.push(
        '',
        table(
          ['Environment', 'Requests', 'P95', 'Error rate', 'Open incidents', 'MTTR', 'Health', 'Last seen'],
          r.edge.live.map((l) => [l.environment, String(l.requests), ms(l.p95Ms), percent(l.errorRate), String(l.openIncidents), humanDuration(l.mttrMs), l.health, day(l.lastSeenAt)]),
        ),
      );
    }
  }

  parts.push('', '## Service level objectives', '');
  parts.push(r.slos.length === 0 ? 'No environment yet.' : table(['Environment', 'P95', 'Error rate', 'Window', 'Open after', 'Resolve after', 'Source'], r.slos.map((s) => [s.environment, ms(s.p95Ms), percent(s.errorRate), humanDuration(s.windowSeconds * 1000), `${s.openAfter} evaluations`, `${s.resolveAfter} evaluations`, s.source])));

  parts.push('', '## Deployed versions', '');
  parts.push(r.deployments.length === 0 ? 'Not deployed anywhere yet.' : table(['Environment', 'Version', 'Address', 'Deployed'], r.deployments.map((d) => [d.environment, d.version, `\`${d.address}\``, day(d.deployedAt)])));

  parts.push('', '## Dependencies', '', dependencies(`Upstream: what ${text(r.provider.system.name)} uses`, r.upstream, 'provider'), '', dependencies(`Downstream: who uses ${text(c.name)}`, r.downstream, 'consumer'));

  parts.push('', '## Recent incidents', '');
  parts.push(
    r.incidents.length === 0
      ? 'None.'
      : table(
          ['Opened', 'Environment', 'Objective', 'Duration', 'Worst', 'Consumers'],
          r.incidents.map((i) => [day(i.openedAt), i.environment, i.kind === 'latency' ? `P95 ≤ ${ms(i.threshold)}` : `errors ≤ ${percent(i.threshold)}`, i.resolvedAt ? humanDuration(i.durationMs) : '**open**', i.kind === 'latency' ? ms(i.worst) : percent(i.worst), i.consumers.map((x) => `\`${x}\``).join(', ') || '—']),
        ),
  );
  const o = r.recovery.overall;
  parts.push('', `MTTR from ${day(r.recovery.from)} to ${day(r.recovery.to)}: **${humanDuration(o.mttrMs)}** over ${o.incidents} resolved incident${o.incidents === 1 ? '' : 's'}.`);

  parts.push('', '## Open findings and waivers', '');
  parts.push(`Version ${r.findings.version ?? '—'}: ${r.findings.open.errors} open error${r.findings.open.errors === 1 ? '' : 's'}, ${r.findings.open.warnings} open warning${r.findings.open.warnings === 1 ? '' : 's'} no waiver excuses.`);
  if (r.findings.items.length > 0) parts.push('', table(['Level', 'Rule', 'Where', 'Message'], r.findings.items.map((f) => [f.level, `\`${f.rule}\``, f.pointer ? `\`${f.pointer}\`` : f.operations.map((x) => `\`${x}\``).join(', ') || '—', text(f.message)])));
  parts.push('', r.waivers.length === 0 ? 'No active waivers.' : table(['Rule', 'Reason', 'Expires'], r.waivers.map((w) => [`\`${w.rule}\``, text(w.reason), day(w.expiresAt)])));

  parts.push('', '## Alerts and dashboards', '');
  parts.push(r.monitoring.length === 0 ? 'No environment yet.' : r.monitoring.map((m) => `- ${m.environment}: [Prometheus alerting rules](${m.prometheusRules}), [Grafana dashboard](${m.grafanaDashboard})`).join('\n'));
  return parts.join('\n') + '\n';
}
