import { gql, useQuery } from 'urql';

export interface Membership {
  team: string;
  role: 'maintainer' | 'member';
}

export interface MeResult {
  me: { kind: string; user: { id: string; email: string; name: string; role: 'admin' | 'user'; memberships: Membership[] } | null };
}

export const ME = gql<MeResult, Record<string, never>>`
  query Me {
    me {
      kind
      user { id email name role memberships }
    }
  }
`;

/** Who is signed in, or null; refreshed when the sign-in page says so. */
export function useMe() {
  const [{ data, fetching }, refresh] = useQuery({ query: ME });
  return { me: data?.me.user ?? null, fetching, refresh: () => refresh({ requestPolicy: 'network-only' }) };
}

/** Whether the person maintains the team: publishing, approving and waivers need it (or admin). */
export const maintains = (me: MeResult['me']['user'], team: string): boolean =>
  !!me && (me.role === 'admin' || me.memberships.some((m) => m.team === team && m.role === 'maintainer'));
