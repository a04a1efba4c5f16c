import { Resolver } from '@stoplight/spectral-ref-resolver';

const refuse = {
  resolve: (ref: { toString(): string }): Promise<never> => Promise.reject(new Error(`Accord does not follow the reference ${ref.toString()}: only references inside the document are resolved`)),
};

/**
 * A `$ref` resolver that follows references inside the document and refuses every other kind, so
 * a document being linted can never make Accord fetch a URL or read a file. Spectral's default
 * resolver does both. A fresh resolver per run keeps its cache from outliving the run.
 */
export function refusingResolver(): Resolver {
  return new Resolver({ resolvers: { http: refuse, https: refuse, file: refuse } });
}
