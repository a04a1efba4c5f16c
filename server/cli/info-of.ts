/** The title and version a contract's `info` declares, as the CLI uses them (a version always as text). */
export function infoOf(doc: unknown): { title?: string; version?: string } {
  const info = (doc as { info?: { title?: unknown; version?: unknown } } | null)?.info;
  return {
    ...(typeof info?.title === 'string' ? { title: info.title } : {}),
    ...(info?.version !== undefined ? { version: String(info.version) } : {}),
  };
}
