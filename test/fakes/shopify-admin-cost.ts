/**
 * Shopify's calculated query cost, as the fake Admin API charges it: scalars and enums cost
 * nothing, an object 1, a connection 2 plus `first` (or `last`) times the cost of one node, and a
 * list of objects taken with `first` that many times one object; a mutation 10 per top-level
 * field. Shopify refuses a query whose requested cost is over 1000 (MAX_COST_EXCEEDED) before it
 * runs, so a sync that asks for too much per page fails here as it would there.
 */
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

/** The most a single query may cost (Shopify's limit for every plan). */
export const SHOPIFY_MAX_QUERY_COST = 1000;

interface CostContext {
  readonly schema: GraphQLSchema;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

export function estimateShopifyCost(schema: GraphQLSchema, document: DocumentNode, variables: Readonly<Record<string, unknown>> = {}): number {
  const operation = getOperationAST(document);
  if (!operation) return 0;
  if (operation.operation === OperationTypeNode.MUTATION) return 10 * operation.selectionSet.selections.length;
  const root = schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return selectionCost({ schema, variables, fragments }, root, operation.selectionSet);
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function typeNamed(context: CostContext, name: string | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType {
  const type = name ? context.schema.getType(name) : undefined;
  return type && isCompositeType(type) ? type : fallback;
}

function selectionCost(context: CostContext, parent: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined): number {
  if (!selectionSet) return 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        cost += fieldCost(context, parent, selection);
        break;
      case Kind.INLINE_FRAGMENT:
        cost += selectionCost(context, typeNamed(context, selection.typeCondition?.name.value, parent), selection.selectionSet);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const fragment = context.fragments.get(selection.name.value);
        if (fragment) cost += selectionCost(context, typeNamed(context, fragment.typeCondition.name.value, parent), fragment.selectionSet);
        break;
      }
    }
  }
  return cost;
}

/** The integer value of `first` or `last` on a field, from a literal or a variable. */
function sizeOf(context: CostContext, field: FieldNode): number | null {
  for (const name of ["first", "last"]) {
    const argument = field.arguments?.find((candidate) => candidate.name.value === name);
    if (!argument) continue;
    const value = valueFromASTUntyped(argument.value, context.variables);
    if (typeof value === "number") return value;
  }
  return null;
}

function fieldCost(context: CostContext, parent: GraphQLCompositeType, field: FieldNode): number {
  const definition = fieldOf(parent, field.name.value);
  if (!definition) return 0;
  const named = getNamedType(definition.type);
  if (!isCompositeType(named)) return 0;
  const size = sizeOf(context, field);
  if (named.name.endsWith("Connection") && isObjectType(named)) {
    return 2 + (size ?? 1) * connectionNodeCost(context, named, field.selectionSet);
  }
  const one = 1 + selectionCost(context, named, field.selectionSet);
  return isListType(getNullableType(definition.type)) && size !== null ? size * one : one;
}

/** The cost of one node of a connection: `nodes { … }` or `edges { node { … } }`, whichever costs more. */
function connectionNodeCost(context: CostContext, connection: GraphQLCompositeType, selectionSet: SelectionSetNode | undefined): number {
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const definition = fieldOf(connection, selection.name.value);
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) continue;
    if (selection.name.value === "nodes") cost = Math.max(cost, 1 + selectionCost(context, named, selection.selectionSet));
    if (selection.name.value === "edges") {
      for (const inner of selection.selectionSet?.selections ?? []) {
        if (inner.kind !== Kind.FIELD || inner.name.value !== "node") continue;
        const node = fieldOf(named, "node");
        const nodeType = node ? getNamedType(node.type) : undefined;
        if (nodeType && isCompositeType(nodeType)) cost = Math.max(cost, 1 + selectionCost(context, nodeType, inner.selectionSet));
      }
    }
  }
  return cost;
}
