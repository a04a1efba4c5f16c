import { NavLink, useParams } from 'react-router';
import { useMe } from '../../graphql/me.ts';
import { AuditSection } from './audit-section.tsx';
import { PeopleSection } from './people-section.tsx';
import { RulesetsSection } from './rulesets-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

const SECTIONS = [
  { path: '', title: 'People and teams', Section: PeopleSection },
  { path: 'rulesets', title: 'Rulesets', Section: RulesetsSection },
  { path: 'webhooks', title: 'Webhooks', Section: WebhooksSection },
  { path: 'audit', title: 'Audit log', Section: AuditSection },
] as const;

/** Administration: who may do what, which rules apply where, where events go, and who did what. */
export function AdminPage() {
  const { me, fetching } = useMe();
  const { section = '' } = useParams();
  if (!me) return fetching ? <p className="loading" role="status">Loading…</p> : <p className="alert warn">Sign in as an administrator to see this page.</p>;
  if (me.role !== 'admin') return <p className="alert warn">Administration is for administrators; you are signed in as {me.name}.</p>;
  const current = SECTIONS.find((s) => s.path === section) ?? SECTIONS[0];
  return (
    <div className="page admin-page">
      <header className="page-head">
        <h1>Administration</h1>
      </header>
      <nav aria-label="Administration" className="tabs">
        {SECTIONS.map((s) => <NavLink key={s.path} to={s.path ? `/admin/${s.path}` : '/admin'} end className="tab">{s.title}</NavLink>)}
      </nav>
      <current.Section />
    </div>
  );
}
