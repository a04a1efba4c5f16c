import type { AsyncDiffContext } from './async-diff-context.js';
import type { AsyncApiDocument } from './asyncapi-document.js';

/** Servers added or removed, and servers whose protocol, protocol version or host changed. */
export function diffServers({ base, head, changes }: AsyncDiffContext): void {
  for (const [name, server] of base.servers) {
    const other = head.servers.get(name);
    if (!other) {
      changes.push({ kind: 'server.removed', server: name, pointer: server.pointer, operations: operationsOn(base, name) });
      continue;
    }
    const site = { server: name, pointer: other.pointer, operations: operationsOn(head, name) };
    // A value only one side states is unknown on the other, not changed.
    if (server.protocol !== undefined && other.protocol !== undefined && server.protocol.toLowerCase() !== other.protocol.toLowerCase()) {
      changes.push({ kind: 'server.protocol.changed', from: server.protocol, to: other.protocol, ...site });
    }
    if (server.protocolVersion !== undefined && other.protocolVersion !== undefined && server.protocolVersion !== other.protocolVersion) {
      changes.push({ kind: 'server.protocol-version.changed', from: server.protocolVersion, to: other.protocolVersion, ...site });
    }
    if (server.host !== undefined && other.host !== undefined && server.host.toLowerCase() !== other.host.toLowerCase()) {
      changes.push({ kind: 'server.host.changed', from: server.host, to: other.host, ...site });
    }
  }
  for (const [name, server] of head.servers) {
    if (!base.servers.has(name)) changes.push({ kind: 'server.added', server: name, pointer: server.pointer, operations: operationsOn(head, name) });
  }
}

function operationsOn(model: AsyncApiDocument, server: string): string[] {
  return model.channels
    .filter((channel) => channel.servers === undefined || channel.servers.includes(server))
    .flatMap((channel) => channel.operations.map((operation) => operation.key))
    .sort();
}
