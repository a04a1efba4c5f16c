import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/index.js';

/**
 * Refuses a query whose nested pages could reach more than `maxRows` rows before it runs. The
 * armor's cost limit prices each field once, so `teams(first: 200) { … systems(first: 200) { …
 * contracts(first: 200) } }` cost the same as pages of one; here a connection's page size (a
 * literal, a variable's value, or the default) multiplies everything selected under it.
 */
export function limitPageBreadth({ maxRows }: { maxRows: number }): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      let operation: OperationDefinitionNode | undefined;
      for (const definition of args.document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        else if (definition.kind === Kind.OPERATION_DEFINITION && (args.operationName == null || definition.name?.value === args.operationName)) operation ??= definition;
      }
      if (!operation) return;
      const rows = rowsOf(operation.selectionSet, { fragments, variables: args.variableValues ?? {} }, 1);
      if (rows <= maxRows) return;
      const error = new GraphQLError(`the query's nested pages could read up to ${rows} rows, more than the limit of ${maxRows}: ask for smaller pages (first) or fewer nested lists`, { extensions: { code: 'query-too-broad' } });
      setResultAndStopExecution({ errors: [error] });
    },
  };
}

interface Walk {
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}

/** Rows the pages under a selection could read when the selection itself is reached `times` times. */
function rowsOf(selectionSet: SelectionSetNode, walk: Walk, times: number): number {
  let rows = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) rows += rowsOf(selection.selectionSet, walk, times);
    else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      // Validation has run: the fragment exists and spreads form no cycle.
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment) rows += rowsOf(fragment.selectionSet, walk, times);
    } else if (selection.selectionSet) {
      const isConnection = selection.selectionSet.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === 'edges' || s.name.value === 'nodes'));
      if (!isConnection) {
        rows += rowsOf(selection.selectionSet, walk, times);
        continue;
      }
      const first = selection.arguments?.find((a) => a.name.value === 'first');
      const reached = times * pageSizeOf(first?.value, walk.variables);
      rows += reached + rowsOf(selection.selectionSet, walk, reached);
    }
  }
  return rows;
}

function pageSizeOf(value: ValueNode | undefined, variables: Walk['variables']): number {
  let size: unknown = undefined;
  if (value?.kind === Kind.INT) size = Number(value.value);
  else if (value?.kind === Kind.VARIABLE) size = variables[value.name.value];
  if (typeof size !== 'number' || !Number.isFinite(size)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(size, 0), MAX_PAGE_SIZE);
}
