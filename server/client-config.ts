// The environment a client command reads. Apart from `config.ts`, which reads the server's, nothing
// else reads the environment; the two are separate so that a client command does not load the
// server's validation (zod and the server's settings) only to learn where the server is.

export interface ClientConfig {
  server: string;
  token: string | undefined;
}

/** What the `accord` client commands read from the environment; flags override it. */
export function loadClientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  return { server: env.ACCORD_URL || 'http://localhost:4000', token: env.ACCORD_TOKEN || undefined };
}
