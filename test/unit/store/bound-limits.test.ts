// A LIMIT bound as a parameter in a query with no ORDER BY makes SQLite (3.54, as better-sqlite3 builds it) plan
// with the bound value and prepare the statement again on every run: its cost grows with the statement's text, not
// its work (README, "SQL style"). The store writes such a limit as a literal; this test walks the core's query
// builder chains for a `.limit(…)` that is neither `sql.lit(…)` nor in a chain with an `.orderBy(…)`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../../core');

/** The `.limit(…)` calls of `source` whose limit is bound and whose chain orders nothing, as "file:line". */
function boundLimitsWithoutOrder(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isCallOf = (node: ts.Node, name: string): node is ts.CallExpression =>
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === name;
  const chainOrders = (start: ts.Expression): boolean => {
    let node: ts.Node = start;
    for (;;) {
      if (isCallOf(node, 'orderBy')) return true;
      if (
        ts.isCallExpression(node) ||
        ts.isPropertyAccessExpression(node) ||
        ts.isParenthesizedExpression(node)
      )
        node = node.expression;
      else return false;
    }
  };
  const visit = (node: ts.Node): void => {
    if (isCallOf(node, 'limit') && ts.isPropertyAccessExpression(node.expression)) {
      const [limit] = node.arguments;
      const isLiteral = limit !== undefined && isCallOf(limit, 'lit');
      if (!isLiteral && !chainOrders(node.expression.expression)) {
        const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe('bound LIMITs', () => {
  it('finds a bound limit in a chain without an order, and only there', () => {
    const source = `
      const a = qb.selectFrom('leads').select('id').where('phone_key', '=', '').limit(1);
      const b = qb.selectFrom('leads').select('id').orderBy('id').limit(page.limit);
      const c = qb.selectFrom('leads').select('id').limit(sql.lit(1));
      const d = query.where('x', '=', 1).limit(n);`;
    expect(boundLimitsWithoutOrder('example.ts', source)).toEqual(['example.ts:2', 'example.ts:5']);
  });

  it('has no bound limit without an order in the core', () => {
    const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      boundLimitsWithoutOrder(file, readFileSync(join(CORE, file), 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
