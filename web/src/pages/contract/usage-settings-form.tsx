import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formatDate } from '../../components/lifecycle-badge.tsx';
import { refusalMessage } from '../../graphql/refusal-message.ts';
import { CONFIGURE_USAGE, EXCLUDE_USAGE_CONSUMER, INCLUDE_USAGE_CONSUMER, type Gating, type UsageSettingsData } from './usage-query.ts';

const GATING: Record<Gating, string> = {
  standard: 'Standard: every breaking change gates',
  usage_aware: 'Usage-aware: only breaking changes a consumer uses gate',
};

/** How checks weigh consumers' use; maintainers change it, everyone else reads it. */
export function UsageSettingsForm({ settings, maintainer, consumers }: { settings: UsageSettingsData; maintainer: boolean; consumers: string[] }) {
  const [saving, configure] = useMutation(CONFIGURE_USAGE);
  const [excluding, exclude] = useMutation(EXCLUDE_USAGE_CONSUMER);
  const [including, include] = useMutation(INCLUDE_USAGE_CONSUMER);
  const [saved, setSaved] = useState(false);
  const failure = saving.error ?? excluding.error ?? including.error;
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    const result = await configure({ contract: settings.contract, patch: { gating: form.get('gating') as Gating, days: Number(form.get('days')), threshold: Number(form.get('threshold')) } });
    setSaved(!result.error);
  }
  async function excludeConsumer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const result = await exclude({ contract: settings.contract, consumer: String(form.get('consumer')).trim(), reason: String(form.get('reason')).trim() });
    if (!result.error) target.reset();
  }
  const excludable = consumers.filter((c) => !settings.exclusions.some((e) => e.consumer === c));
  return (
    <div className="stack">
      {maintainer ? (
        <form key={`${settings.gating}-${settings.days}-${settings.threshold}`} className="usage-settings" onSubmit={save} aria-label="Usage-aware gating settings">
          <label>Gating
            <select name="gating" defaultValue={settings.gating}>
              {(Object.keys(GATING) as Gating[]).map((g) => <option key={g} value={g}>{GATING[g]}</option>)}
            </select>
          </label>
          <label>Look-back (days) <input name="days" type="number" min={1} max={400} required defaultValue={settings.days} /></label>
          <label>Threshold (requests that count as use) <input name="threshold" type="number" min={1} required defaultValue={settings.threshold} /></label>
          <button className="button primary" type="submit" disabled={saving.fetching}>{saving.fetching ? 'Saving…' : 'Save settings'}</button>
          {saved && <p role="status" className="alert ok">Saved: checks now use these settings.</p>}
        </form>
      ) : (
        <dl className="result-facts" aria-label="Usage-aware gating settings">
          <div><dt>Gating</dt><dd>{GATING[settings.gating]}</dd></div>
          <div><dt>Look-back</dt><dd>{settings.days} days</dd></div>
          <div><dt>Threshold</dt><dd>{settings.threshold} request{settings.threshold === 1 ? '' : 's'}</dd></div>
        </dl>
      )}
      <h3 className="small-heading">Excluded consumers <span className="count">{settings.exclusions.length}</span></h3>
      {settings.exclusions.length === 0 ? (
        <p className="muted small">Every consumer's traffic counts as use.</p>
      ) : (
        <ul className="plain-list rows">
          {settings.exclusions.map((e) => (
            <li key={e.consumer}>
              <div className="row-head">
                <strong>{e.consumer}</strong>
                {maintainer && <button type="button" className="button ghost" disabled={including.fetching} onClick={() => include({ contract: settings.contract, consumer: e.consumer })} aria-label={`Count ${e.consumer} again`}>Count again</button>}
              </div>
              <p className="small muted">“{e.reason}” · {e.createdBy}, {formatDate(e.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
      {maintainer && (
        <form className="inline-form" onSubmit={excludeConsumer} aria-label="Exclude a consumer">
          <label>Consumer
            <input name="consumer" required list="usage-consumers" autoComplete="off" />
            <datalist id="usage-consumers">{excludable.map((c) => <option key={c} value={c} />)}</datalist>
          </label>
          <label>Why its traffic is not use <input name="reason" required minLength={1} placeholder="uptime probe, not a client" /></label>
          <button className="button" type="submit" disabled={excluding.fetching}>Exclude</button>
        </form>
      )}
      {failure && <p role="alert" className="alert error">{refusalMessage(failure)}</p>}
    </div>
  );
}
