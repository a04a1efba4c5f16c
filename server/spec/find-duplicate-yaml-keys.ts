import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { toJsonPointer, type Issue } from '../shared/index.js';

type Entry = { node: unknown; path: (string | number)[] };

/**
 * Reports keys of one YAML mapping that become the same JSON key: `200` and `'200'` are distinct
 * YAML nodes (an integer and a string) but collapse into one property, silently dropping one of
 * them. A Set per mapping keeps this linear, where the parser's own `uniqueKeys` check is
 * quadratic in the size of a mapping.
 */
export function findDuplicateYamlKeys(root: Node | null, maxIssues = 20): Issue[] {
  const issues: Issue[] = [];
  const stack: Entry[] = [{ node: root, path: [] }];
  while (stack.length > 0 && issues.length < maxIssues) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) {
          issues.push({ pointer: toJsonPointer([...path, key]), code: 'duplicate-key', message: `the key "${key}" appears more than once in the same mapping` });
        }
        seen.add(key);
        if (!isScalar(pair.value) && !isAlias(pair.value)) stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!isScalar(item) && !isAlias(item)) stack.push({ node: item, path: [...path, i] });
      });
    }
  }
  return issues;
}
