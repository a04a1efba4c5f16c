import { memo, useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { QueryState } from '../../components/query-state.tsx';
import { ContractResult } from './contract-result.tsx';
import { FacetPanel } from './facet-panel.tsx';
import { CONTRACT_FACETS, SEARCH_CONTRACTS, type ContractResult as Result, type SearchFilters } from './search-query.ts';
import { useSettled } from './use-settled.ts';

export const FACETS = ['domain', 'team', 'kind', 'lifecycle', 'tag'] as const;
const PAGE_SIZE = 30;
/**
 * How long the shown results must stay the same before their facet counts are asked for. While a
 * person types, each letter's counts would be out of date before they arrived, and on one
 * database they would queue ahead of the next letter's results, or run beside them.
 */
const FACETS_AFTER_MS = 200;

// A render for a new letter in the box, or for results still on their way, changes neither the
// list nor the counts: rendering them again only delays the results the person is waiting for.
const ResultList = memo(function ResultList({ results }: { results: Result[] }) {
  return <ul className="result-list">{results.map((contract) => <ContractResult key={contract.slug} contract={contract} />)}</ul>;
});
const Facets = memo(FacetPanel);

/** The URL is the search: `?q=stock&domain=retail` can be bookmarked and shared. */
function filtersOf(params: URLSearchParams): SearchFilters {
  const filters: SearchFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.search = q;
  for (const facet of FACETS) {
    const value = params.get(facet);
    if (value) filters[facet] = value;
  }
  return filters;
}

/** The landing page: results change as you type. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  // The box keeps its own text: waiting for the URL to round-trip through the router lost keystrokes.
  const [text, setText] = useState(params.get('q') ?? '');
  const filters = useDeferredValue(useMemo(() => filtersOf(params), [params]));
  const [{ data, fetching, error, operation }] = useQuery({ query: SEARCH_CONTRACTS, variables: { first: PAGE_SIZE, ...filters } });
  // The counts follow the list on screen: asked for only once the list answers, so on a busy
  // server they never hold back the list a person is waiting for, and they always describe it.
  const { first: _first, ...shown } = operation?.variables ?? { first: PAGE_SIZE };
  // Settled: the list on screen has stayed the same, with no newer search on its way, for a moment.
  const shownKey = JSON.stringify(shown);
  const settled = useSettled(data && !fetching ? shownKey : null, FACETS_AFTER_MS) === shownKey;
  const [{ data: facets }] = useQuery({ query: CONTRACT_FACETS, variables: shown, pause: !settled });
  const results = useMemo(() => data?.contracts.edges.map((edge) => edge.node) ?? [], [data]);

  const clear = () => setParams(params.get('q') ? { q: params.get('q')! } : {}, { replace: true });
  const filtered = FACETS.some((facet) => params.get(facet));

  const client = useClient();
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // Asked here rather than when the deferred render's effects run, a frame or two later: the
    // query below then finds the same operation under way, or its answer in the cache.
    void client.query(SEARCH_CONTRACTS, { first: PAGE_SIZE, ...filtersOf(next) }).toPromise();
    setParams(next, { replace: true });
  };
  // The facet panel keeps one handler for its whole life, so a letter typed does not render it again.
  const latestUpdate = useRef(update);
  useLayoutEffect(() => {
    latestUpdate.current = update;
  });
  const choose = useCallback((facet: string, value: string) => latestUpdate.current(facet, value), []);

  return (
    <div className="search-page">
      <section className="hero">
        <h1>Find an API or event stream</h1>
        <p className="muted">Every contract between your systems: who owns it, who uses it, and whether it keeps its promises.</p>
        <form role="search" className="search-box" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="catalog-search" className="visually-hidden">Search contracts</label>
          <input id="catalog-search" type="search" placeholder="Search by name, slug, description or tag…" value={text} onChange={(event) => { setText(event.target.value); update('q', event.target.value); }} autoFocus autoComplete="off" />
        </form>
      </section>
      <div className="search-layout">
        <Facets facets={facets?.contractFacets} chosen={filters} onChoose={choose} />
        {/* data-search names the text the shown results answer, so a harness can tell a settled list from one still on its way. */}
        <section className="results" aria-labelledby="results-heading" data-search={data ? (operation?.variables.search ?? '') : undefined}>
          <h2 id="results-heading" className="results-count" aria-live="polite">
            {data ? `${data.contracts.totalCount} contract${data.contracts.totalCount === 1 ? '' : 's'}` : 'Contracts'}
          </h2>
          {filtered && <button type="button" className="button ghost clear-filters" onClick={clear}>Clear filters</button>}
          <QueryState fetching={fetching && !data} error={error} what="contracts" />
          {data && results.length === 0 && <p className="empty-state">No contract matches. Try fewer words or clear a filter.</p>}
          <ResultList results={results} />
        </section>
      </div>
    </div>
  );
}
