export type Lifecycle = 'draft' | 'active' | 'deprecated' | 'retired';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

/** Lifecycle as a coloured word; a deprecated contract says until when it runs. */
export function LifecycleBadge({ lifecycle, sunsetAt }: { lifecycle: Lifecycle; sunsetAt?: string | null | undefined }) {
  return (
    <span className={`badge lifecycle-${lifecycle}`}>
      {lifecycle}
      {lifecycle === 'deprecated' && sunsetAt ? ` · sunset ${formatDate(sunsetAt)}` : ''}
    </span>
  );
}
