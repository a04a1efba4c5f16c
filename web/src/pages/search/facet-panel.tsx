import type { Facets } from './search-query.ts';

const TITLES: Record<keyof Facets, string> = { domain: 'Domain', team: 'Team', kind: 'Kind', lifecycle: 'Lifecycle', tag: 'Tag' };
const KIND_LABELS: Record<string, string> = { openapi: 'OpenAPI', asyncapi: 'AsyncAPI' };
const MAX_TAGS = 12;

/** Each facet's values with their counts; a value is a toggle button, pressed when it filters. */
export function FacetPanel({ facets, chosen, onChoose }: { facets: Facets | undefined; chosen: Partial<Record<keyof Facets, string>>; onChoose: (facet: keyof Facets, value: string) => void }) {
  return (
    <aside className="facets" aria-label="Filters">
      {(Object.keys(TITLES) as (keyof Facets)[]).map((facet) => {
        const values = facets?.[facet] ?? [];
        const shown = facet === 'tag' ? values.slice(0, MAX_TAGS) : values;
        return (
          <section key={facet} className="facet" aria-labelledby={`facet-${facet}`}>
            <h3 id={`facet-${facet}`}>{TITLES[facet]}</h3>
            <ul>
              {shown.map((value) => {
                const pressed = chosen[facet] === value.value;
                return (
                  <li key={value.value}>
                    <button type="button" aria-pressed={pressed} onClick={() => onChoose(facet, pressed ? '' : value.value)}>
                      <span>{facet === 'kind' ? (KIND_LABELS[value.value] ?? value.label) : value.label}</span>
                      <span className="count">{value.count}</span>
                    </button>
                  </li>
                );
              })}
              {shown.length === 0 && <li className="muted">—</li>}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
