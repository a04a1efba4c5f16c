/**
 * The form under which two operation keys name the same operation: HTTP methods upper-cased and
 * path-parameter names erased (`GET /orders/{id}` = `get /orders/{orderId}`), whitespace collapsed.
 */
export function operationMatchKey(key: string): string {
  const [head = '', ...rest] = key.trim().split(/\s+/);
  const method = /^(get|put|post|delete|options|head|patch|trace)$/i.test(head) ? head.toUpperCase() : head;
  return [method, ...rest].join(' ').replace(/\{[^}]*\}/g, '{}');
}
