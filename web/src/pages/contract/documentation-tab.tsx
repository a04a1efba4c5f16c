import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import type { Json } from '../../components/document-view/resolve-ref.ts';
import { VERSION_DOCUMENT, type ContractData } from './contract-query.ts';

// The renderer is the heaviest part of the catalog; the landing page does not pay for it.
const DocumentView = lazy(() => import('../../components/document-view/document-view.tsx'));

export function DocumentationTab({ contract }: { contract: ContractData }) {
  const [params, setParams] = useSearchParams();
  const versions = contract.versions.edges.map((e) => e.node.version);
  const version = params.get('version') ?? contract.latestVersion;
  const [{ data, fetching, error }] = useQuery({ query: VERSION_DOCUMENT, variables: { slug: contract.slug, version: version ?? '' }, pause: !version });
  if (!version) return <p className="empty-state">No version published yet. Maintainers can publish one from the Publish tab.</p>;
  const doc = data?.contract?.version;
  return (
    <div>
      <div className="toolbar">
        <label className="inline">
          Version
          <select value={version} onChange={(e) => setParams({ version: e.target.value }, { replace: true })}>
            {versions.map((v) => <option key={v} value={v}>{v}{v === contract.latestVersion ? ' (latest)' : ''}</option>)}
          </select>
        </label>
        {doc && <span className="muted">{doc.specKind === 'asyncapi' ? 'AsyncAPI' : doc.specVersion.startsWith('2.') ? 'Swagger' : 'OpenAPI'} {doc.specVersion}</span>}
        <a className="button" href={`/api/v1/contracts/${encodeURIComponent(contract.slug)}/versions/${encodeURIComponent(version)}/source`} download={`${contract.slug}-${version}.${doc?.sourceFormat === 'json' ? 'json' : 'yaml'}`}>Download source</a>
      </div>
      <QueryState fetching={fetching} error={error} what="the document" />
      {doc && (
        <Suspense fallback={<p className="loading" role="status">Loading the renderer…</p>}>
          <DocumentView document={doc.document as Json} />
        </Suspense>
      )}
    </div>
  );
}
