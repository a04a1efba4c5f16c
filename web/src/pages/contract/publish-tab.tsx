import { type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { formatSeenAt } from '../../components/format-seen-at.ts';
import { FindingList, type ListedFinding } from '../../components/finding-list.tsx';
import { UsageExplanation, type UsageVerdictData } from '../../components/usage-explanation.tsx';
import { usageSummary } from '../../components/usage-summary.ts';
import { refusalCode, refusalMessage } from '../../graphql/refusal-message.ts';
import { PUBLISH_VERSION, type ContractData } from './contract-query.ts';
import { useMaintainer } from './use-maintainer.ts';

interface AffectedConsumer {
  consumer: string;
  range: string;
  operations: string[];
  breaking: number;
}

interface ObservedConsumer {
  consumer: string;
  team: string | null;
  declared: boolean;
  operations: string[];
  requests: number;
  lastSeenAt: string;
}

interface Blocked {
  findings?: ListedFinding[];
  affectedConsumers?: AffectedConsumer[];
  observedConsumers?: ObservedConsumer[];
  usage?: UsageVerdictData | null;
}

/** A new version from a maintainer; a blocked publish shows what it would break and for whom. */
export function PublishTab({ contract }: { contract: ContractData }) {
  const { me, maintainer } = useMaintainer(contract.team.slug);
  const [{ fetching, error, data }, publish] = useMutation(PUBLISH_VERSION);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await publish({ input: { contract: contract.slug, version: String(form.get('version')).trim(), document: String(form.get('document')) } });
  }
  if (!me) return <p className="empty-state"><Link to={`/sign-in?next=${encodeURIComponent(`/contracts/${contract.slug}/publish`)}`}>Sign in</Link> to publish a version.</p>;
  if (!maintainer) return <p className="empty-state">Only maintainers of {contract.team.name} publish versions of this contract.</p>;
  const blocked = refusalCode(error) === 'publish-blocked' ? (error!.graphQLErrors[0]!.extensions as Blocked) : undefined;
  return (
    <div className="stack">
      <form className="card stack" onSubmit={submit} aria-labelledby="publish-title">
        <h2 id="publish-title">Publish a version</h2>
        <label>Version <input name="version" required placeholder="2.1.0" pattern="\d+\.\d+\.\d+.*" /></label>
        <label>Document (YAML or JSON) <textarea name="document" required rows={16} spellCheck={false} /></label>
        <button className="button primary" type="submit" disabled={fetching}>{fetching ? 'Checking…' : 'Check and publish'}</button>
      </form>
      {data && <p role="status" className="alert ok">{data.publishVersion.created ? `Published ${data.publishVersion.version.version}.` : `${data.publishVersion.version.version} was already published with this content.`}</p>}
      {data && data.publishVersion.version.findings.length > 0 && (
        <section aria-labelledby="published-findings">
          <h3 id="published-findings">Findings it was published with</h3>
          <UsageExplanation usage={{ ...data.publishVersion.version.contract.usageSettings, explanation: usageSummary(data.publishVersion.version.findings) }} />
          <FindingList findings={data.publishVersion.version.findings} />
        </section>
      )}
      {error && (
        <section role="alert" aria-labelledby="publish-refused" className="stack">
          <h3 id="publish-refused" className="alert error">{blocked ? 'Publish blocked: ' : 'Not published: '}{refusalMessage(error)}</h3>
          {blocked?.usage && <UsageExplanation usage={blocked.usage} />}
          {blocked?.affectedConsumers && blocked.affectedConsumers.length > 0 && (
            <div>
              <h3>Consumers it would break</h3>
              <ul>{blocked.affectedConsumers.map((c) => <li key={c.consumer}><strong>{c.consumer}</strong> ({c.range}) uses <span className="mono">{c.operations.join(', ')}</span></li>)}</ul>
            </div>
          )}
          {blocked?.observedConsumers && blocked.observedConsumers.length > 0 && (
            <div>
              <h3>Seen calling what it changes</h3>
              <ul>{blocked.observedConsumers.map((c) => <li key={c.consumer}><strong>{c.consumer}</strong> (team {c.team ?? 'unknown'}{c.declared ? ', subscribed' : ', no subscription'}): {c.requests.toLocaleString('en-GB')} requests to <span className="mono">{c.operations.join(', ')}</span>, last seen {formatSeenAt(c.lastSeenAt)}</li>)}</ul>
            </div>
          )}
          {blocked?.findings && <FindingList findings={blocked.findings.map((f) => ({ ...f, rule: f.rule ?? (f as { id?: string }).id ?? 'finding', operations: f.operations ?? [] }))} />}
        </section>
      )}
    </div>
  );
}
