/** `api_key and oauth`, or `no credentials` for anonymous access. */
export function describeSchemes(schemes: readonly string[]): string {
  return schemes.length === 0 ? 'no credentials' : schemes.join(' and ');
}
