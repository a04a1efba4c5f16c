import { matchPaths } from './match-paths.js';

/** Whether two channel addresses are one up to parameter names: `orders.{id}` is `orders.{orderId}`. */
export function sameAddress(base: string, head: string): boolean {
  return matchPaths([base], [head]).matched.length === 1;
}
