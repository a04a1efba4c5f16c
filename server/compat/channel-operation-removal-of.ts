import type { AsyncChannel, AsyncDeclaration, AsyncOperation } from './asyncapi-document.js';
import type { ChangeOf } from './change.js';
import { readSunset } from './read-sunset.js';

type Notice = Pick<ChangeOf<'channel-operation.removed'>, 'deprecated' | 'sunset' | 'sunsetPassed'>;

/**
 * The fact that an AsyncAPI operation is gone, with what its deprecation and sunset had announced.
 * An operation object says so itself (`deprecated: true`, `x-sunset`), or its channel does for every
 * operation on it; the operation's own `x-sunset` comes first. A 3.0 operation read from several
 * operation objects keeps the longest promise any of them made: it counts as deprecated only when
 * all of them are, and its sunset is the last one.
 */
export function channelOperationRemovalOf(channel: AsyncChannel, operation: AsyncOperation, now?: Date): ChangeOf<'channel-operation.removed'> {
  const { deprecated, sunset, sunsetPassed } = operation.declarations.map((declaration) => noticeOf(channel, declaration, now)).reduce(longerPromise);
  return { kind: 'channel-operation.removed', operation: operation.key, pointer: operation.pointer, deprecated, ...(sunset !== undefined && { sunset }), sunsetPassed };
}

function noticeOf(channel: AsyncChannel, { node }: AsyncDeclaration, now?: Date): Notice {
  const { sunset, passed } = readSunset(typeof node['x-sunset'] === 'string' ? node : channel.node, now);
  return { deprecated: node.deprecated === true || channel.node.deprecated === true, ...(sunset !== undefined && { sunset }), sunsetPassed: passed };
}

// Not deprecated outlasts deprecated, a sunset still ahead outlasts a passed one, no date outlasts any.
function longerPromise(a: Notice, b: Notice): Notice {
  if (a.deprecated !== b.deprecated) return a.deprecated ? b : a;
  if (a.sunsetPassed !== b.sunsetPassed) return a.sunsetPassed ? b : a;
  return endOf(b.sunset) > endOf(a.sunset) ? b : a;
}

function endOf(sunset: string | undefined): number {
  const at = sunset === undefined ? Number.NaN : Date.parse(sunset);
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
}
