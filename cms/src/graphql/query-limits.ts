/**
 * Limits on what one GraphQL request may ask for, checked while the query is validated, before any
 * resolver runs: a 40 kB query with 500 aliases of a list used to return 20 MB in 7 s. Three measures,
 * each with fragments expanded (a fragment spread counts as often as it is used):
 * - depth: nesting of selections;
 * - aliases: a client that needs more than a few copies of one field is fetching in bulk;
 * - cost: fields the answer may hold, a list field counting its selection once per item it may return
 *   (its `pagination.limit`/`pageSize` argument, else the plugin's default limit, at most its max).
 * The site's own build queries sit far below these (src/graphql/query-limits.test.ts checks them).
 */
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** What a list field returns when the query names no limit, and the most it may return. */
  defaultListSize: number;
  maxListSize: number;
}

export const QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxCost: 50_000,
  defaultListSize: 25,
  maxListSize: 100,
};

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Items a list field may return, from its pagination argument (Strapi: pagination { limit | pageSize }).
 * Validation runs once per query text, before variables are known: a limit given by a variable counts
 * as the most the server would return.
 */
function listSize(args: readonly { name: { value: string }; value: ValueNode }[], limits: QueryLimits): number {
  const pagination = args.find((arg) => arg.name.value === 'pagination')?.value;
  if (!pagination) return limits.defaultListSize;
  if (pagination.kind !== Kind.OBJECT) return limits.maxListSize;
  const asked = pagination.fields.find((field) => field.name.value === 'limit' || field.name.value === 'pageSize');
  if (!asked) return limits.defaultListSize;
  if (asked.value.kind !== Kind.INT) return limits.maxListSize;
  const size = Number(asked.value.value);
  return size < 0 ? limits.maxListSize : Math.min(size, limits.maxListSize);
}

/** A rule for graphql's validate() (Apollo's validationRules) enforcing the limits above. */
export function queryLimitsRule(limits: QueryLimits = QUERY_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();

    const measure = (
      set: SelectionSetNode,
      depth: number,
      seen: Set<string>,
      typeName: string | undefined,
    ): Measure => {
      const total: Measure = { depth, aliases: 0, cost: 0 };
      if (depth > limits.maxDepth) return total;
      const parent = typeName ? schema.getType(typeName) : undefined;
      const fieldsOf = parent && 'getFields' in parent ? parent.getFields() : undefined;
      for (const selection of set.selections) {
        let inner: Measure | undefined;
        if (selection.kind === Kind.FIELD) {
          // Introspection (__schema, __type…) answers from the fixed schema, not the database, and its
          // standard query nests deeper than content queries may: like the plugin's own depth rule, skip it.
          if (selection.name.value.startsWith('__')) continue;
          if (selection.alias && selection.alias.value !== selection.name.value) total.aliases += 1;
          const field = fieldsOf?.[selection.name.value];
          const type = field ? String(field.type) : '';
          const isList = type.includes('[');
          const named = type.replace(/[[\]!]/g, '') || undefined;
          if (selection.selectionSet) {
            const child = measure(selection.selectionSet, depth + 1, seen, named);
            const times = isList ? listSize(selection.arguments ?? [], limits) : 1;
            inner = { depth: child.depth, aliases: child.aliases, cost: 1 + child.cost * times };
          } else {
            inner = { depth, aliases: 0, cost: 1 };
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = measure(selection.selectionSet, depth, seen, selection.typeCondition?.name.value ?? typeName);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // A fragment that spreads itself is refused by graphql's own rules; count it once here.
          if (!fragment || seen.has(name)) continue;
          inner = measure(fragment.selectionSet, depth, new Set([...seen, name]), fragment.typeCondition.name.value);
        }
        total.depth = Math.max(total.depth, inner.depth);
        total.aliases += inner.aliases;
        total.cost += inner.cost;
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === OperationTypeNode.QUERY
            ? schema.getQueryType()
            : operation.operation === OperationTypeNode.MUTATION
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const { depth, aliases, cost } = measure(operation.selectionSet, 0, new Set(), root?.name);
        const name = operation.name?.value ?? 'anonymous';
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`Query "${name}" is nested deeper than ${limits.maxDepth} levels.`, {
              nodes: [operation],
            }),
          );
        }
        if (aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(`Query "${name}" uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, {
              nodes: [operation],
            }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(
              `Query "${name}" may return ${cost} fields; at most ${limits.maxCost} are allowed. Ask for fewer items per page.`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}
