/** A duration as people say it: 45 s, 12 min, 3 h 5 min, 2 d 4 h. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)} %`);
export const formatMs = (ms: number | null) => (ms === null ? '—' : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`);
export const formatTime = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 16);

/** The environment people care about first: the highest ranked, which is production in most registries. */
export const firstEnvironment = (environments: { slug: string; rank: number }[]) => [...environments].sort((a, b) => b.rank - a.rank)[0]?.slug ?? '';
