import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { QueryState } from '../query-state.tsx';
import { CAN_I_DEPLOY, ENVIRONMENTS, type CanIDeployData, type DeployAnswer } from './can-i-deploy-query.ts';

type Subject = { contract: string; versions: string[] } | { system: string; name: string };

const SAID: Record<DeployAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Cannot tell' };

/**
 * Asks whether a provider may deploy a version of its contract, or a consumer system may ship, to an
 * environment, and shows the answer with every reason. The question runs only when asked: it reads
 * deployments, subscriptions and traffic.
 */
export default function CanIDeployPanel({ subject, headingLevel = 2 }: { subject: Subject; headingLevel?: 2 | 3 }) {
  const [{ data: envs }] = useQuery({ query: ENVIRONMENTS });
  const environments = [...(envs?.environments ?? [])].sort((a, b) => b.rank - a.rank);
  const [asked, setAsked] = useState<{ version?: string; environment: string }>();
  const variables = 'contract' in subject ? { contract: subject.contract, version: asked?.version, environment: asked?.environment ?? '' } : { system: subject.system, environment: asked?.environment ?? '' };
  const [{ data, fetching, error }] = useQuery({ query: CAN_I_DEPLOY, variables, pause: !asked, requestPolicy: 'network-only' });
  const Heading = `h${headingLevel}` as const;
  const id = 'contract' in subject ? 'can-i-deploy-contract' : 'can-i-deploy-system';
  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setAsked({ environment: String(form.get('environment')), ...('contract' in subject && { version: String(form.get('version')) }) });
  }
  return (
    <section className="card can-i-deploy" aria-labelledby={id}>
      <Heading id={id}>Can I deploy?</Heading>
      <p className="muted small">
        {'contract' in subject
          ? 'Compares the version with the one deployed in the environment and checks every consumer that subscribes or was seen calling there.'
          : `Checks that every contract ${subject.name} subscribes to or was seen calling runs there at a version in its range that still offers what it uses.`}
      </p>
      <form className="inline-form" onSubmit={ask} aria-label={'contract' in subject ? 'Can this version be deployed' : `Can ${subject.name} ship`}>
        {'contract' in subject && (
          <label>Version
            <select name="version" defaultValue={subject.versions[0]}>{subject.versions.map((v) => <option key={v}>{v}</option>)}</select>
          </label>
        )}
        <label>{'contract' in subject ? 'To environment' : 'Ship to environment'}
          <select name="environment" defaultValue={environments[0]?.slug} key={environments.length}>{environments.map((e) => <option key={e.slug} value={e.slug}>{e.name}</option>)}</select>
        </label>
        <button className="button primary" type="submit" disabled={environments.length === 0 || fetching}>{fetching ? 'Asking…' : 'Ask'}</button>
      </form>
      <QueryState fetching={false} error={error} what="the answer" />
      {asked && data && <DeployAnswerView answer={data.canIDeploy} />}
    </section>
  );
}

function DeployAnswerView({ answer }: { answer: CanIDeployData }) {
  return (
    <div className="stack" role="status" aria-live="polite">
      <p className={`deploy-answer answer-${answer.answer}`}>
        <strong>{SAID[answer.answer]}</strong> <span>for {answer.environment}</span>
      </p>
      {answer.reasons.length > 0 && (
        <ul className="plain-list rows deploy-reasons" aria-label="Reasons">
          {answer.reasons.map((r, i) => (
            <li key={i}>
              <span className={`badge answer-${r.answer}`}>{SAID[r.answer]}</span>{' '}
              {(r.contract || r.consumer) && <span className="small muted">{[r.consumer, r.contract].filter(Boolean).join(' → ')}: </span>}
              {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
