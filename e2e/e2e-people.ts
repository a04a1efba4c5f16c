import { join } from 'node:path';

/** The people every e2e run creates, by what they may do; they sign in with these passwords. */
export const PEOPLE = {
  /** Maintainer of supply-chain, which owns inventory and its contracts. */
  maintainer: { email: 'mira.maintainer@example.com', name: 'Mira Maintainer', password: 'e2e-password-maintainer-1', team: 'supply-chain', role: 'maintainer' },
  /** Member of store-platform, whose system pos consumes others' contracts. */
  consumer: { email: 'colin.consumer@example.com', name: 'Colin Consumer', password: 'e2e-password-consumer-12', team: 'store-platform', role: 'maintainer' },
} as const;

export type PersonName = keyof typeof PEOPLE;

/** Where each person's signed-in browser state is kept between the setup and the specs. */
export const storageStateOf = (person: PersonName): string => join(import.meta.dirname, '..', 'test-results', 'e2e-auth', `${person}.json`);

/** The running server, as the global setup tells the specs. */
export const baseUrl = (): string => {
  const url = process.env.ACCORD_E2E_URL;
  if (!url) throw new Error('ACCORD_E2E_URL is not set: run the specs through `npm run test:e2e`');
  return url;
};
