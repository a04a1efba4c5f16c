/** The last segment of a `$ref`, decoded: `#/channels/orders~1created` names `orders/created`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1).replaceAll('~1', '/').replaceAll('~0', '~');
}
