import { protocolOf } from './broker-tap.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** AsyncAPI protocol names and the URL scheme a tap connects with. */
const SCHEMES: Record<string, string> = { mqtt: 'mqtt', mqtts: 'mqtts', 'secure-mqtt': 'mqtts', mqtt5: 'mqtt', amqp: 'amqp', amqps: 'amqps', nats: 'nats' };

/**
 * Which broker to listen to: `--url` first, then the deployment's address when a tap speaks its
 * protocol, then the document's server named like the environment, then its first server a tap
 * speaks. Server variables take their defaults. Answers undefined when nothing fits.
 */
export function brokerUrlOf({ url, deploymentAddress, document, environment }: { url?: string | undefined; deploymentAddress?: string | undefined; document: Obj; environment: string }): string | undefined {
  if (url) return url;
  if (deploymentAddress && protocolOf(deploymentAddress)) return deploymentAddress;
  const servers = Object.entries(isObj(document.servers) ? document.servers : {}).flatMap(([name, server]) => {
    const found = isObj(server) ? serverUrl(server) : undefined;
    return found ? [{ name, url: found }] : [];
  });
  return (servers.find((s) => s.name === environment) ?? servers[0])?.url;
}

function serverUrl(server: Obj): string | undefined {
  const scheme = typeof server.protocol === 'string' ? SCHEMES[server.protocol.toLowerCase()] : undefined;
  if (!scheme) return undefined;
  const variables = isObj(server.variables) ? server.variables : {};
  const fill = (text: string) => text.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObj(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
  // 3.0 splits host and pathname; 2.x has one url, with or without its scheme.
  const raw = typeof server.host === 'string' ? `${server.host}${typeof server.pathname === 'string' ? server.pathname : ''}` : typeof server.url === 'string' ? server.url : undefined;
  if (raw === undefined) return undefined;
  const filled = fill(raw);
  if (filled.includes('{')) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(filled) ? filled : `${scheme}://${filled}`;
}
