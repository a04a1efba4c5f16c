/**
 * The strongly connected components of a directed graph (Tarjan's algorithm, without recursion so
 * a long chain of systems cannot exhaust the stack). Components come in reverse topological order;
 * each lists its vertices in the order they were first reached.
 */
export function stronglyConnectedComponents(vertices: readonly string[], successors: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;

  for (const root of vertices) {
    if (index.has(root)) continue;
    const work: { vertex: string; child: number }[] = [{ vertex: root, child: 0 }];
    index.set(root, next);
    lowLink.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = successors.get(frame.vertex) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, next);
          lowLink.set(child, next++);
          stack.push(child);
          onStack.add(child);
          work.push({ vertex: child, child: 0 });
        } else if (onStack.has(child)) {
          lowLink.set(frame.vertex, Math.min(lowLink.get(frame.vertex)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.vertex, Math.min(lowLink.get(parent.vertex)!, lowLink.get(frame.vertex)!));
      if (lowLink.get(frame.vertex) === index.get(frame.vertex)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.vertex);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
