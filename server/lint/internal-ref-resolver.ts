import type { Resolver } from '@stoplight/spectral-ref-resolver';
import { dereferenceInternalRefs } from './dereference-internal-refs.js';
import { refusingResolver } from './refusing-resolver.js';

/**
 * The `$ref` resolver Accord gives Spectral: references inside the document are resolved by
 * `dereferenceInternalRefs`, which gives Spectral's own resolver's answer in linear time; a document
 * that refers elsewhere (or spells a reference in a way that function leaves to Spectral) goes to
 * the refusing resolver, which follows nothing outside the document either way. The answer has
 * the shape Spectral reads: the resolved document, the errors, and a graph that maps each resolved
 * place back to its target (findings are reported where a rule's target is written) and lists
 * every target (`oas3-unused-component` looks for components no reference names).
 */
export function internalRefResolver(): Resolver {
  const general = refusingResolver();
  const resolver = {
    // Spectral keys a cache of fetched documents by this object; Accord fetches none.
    uriCache: general.uriCache,
    async resolve(data: unknown, options: { baseUri?: string } = {}) {
      const dereferenced = dereferenceInternalRefs(data);
      if (!dereferenced) return general.resolve(data, options as never);
      const root = options.baseUri || 'root';
      const nodes = [root, ...dereferenced.targets.map((target) => `${options.baseUri ?? ''}${target}`).filter((node) => node !== root)];
      const rootData = { refMap: dereferenced.refMap, data: dereferenced.result };
      return {
        result: dereferenced.result,
        errors: dereferenced.errors,
        refMap: dereferenced.refMap,
        graph: {
          getNodeData: (node: string) => (node === root ? rootData : nodes.includes(node) ? { refMap: {} } : undefined),
          hasNode: (node: string) => node === root || nodes.includes(node),
          overallOrder: () => [...new Set(nodes)],
        },
      };
    },
  };
  return resolver as unknown as Resolver;
}
