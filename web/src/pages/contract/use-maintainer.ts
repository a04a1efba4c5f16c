import { maintains, useMe } from '../../graphql/me.ts';

/** Whether the signed-in person may approve, waive and publish for the contract's team. */
export function useMaintainer(team: string): { me: ReturnType<typeof useMe>['me']; maintainer: boolean } {
  const { me } = useMe();
  return { me, maintainer: maintains(me, team) };
}
