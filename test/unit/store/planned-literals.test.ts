// Values worth planning with are written into the SQL text (`sql.lit(…)`), since the store's builder writes every
// parameter as `+?`, which SQLite does not plan with (core/store/sql.ts; README, "SQL style"): a fixed LIMIT, and a
// value compared with a column that a partial index compares with a literal (`leads.is_history`, `pools.is_default`),
// so the query can use that index. Bound as plain `?` they made SQLite prepare the statement again on every run
// (test/unit/store/statement-reprepares.test.ts counts that). This test walks the core's query builder calls for a
// fixed limit bound outside an ordered chain, or a compared flag bound at all.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../core/store/open-database';

const CORE = join(import.meta.dirname, '../../../core');

function isCallOf(node: ts.Node, name: string): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ((ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name) ||
      (ts.isIdentifier(node.expression) && node.expression.text === name))
  );
}

/** Whether a parameter is written into the SQL text (`sql.lit(…)`), not bound. */
function isSafeArgument(node: ts.Expression | undefined): boolean {
  return node !== undefined && isCallOf(node, 'lit');
}

/** Whether a builder chain (from its last call back to its start) has an `.orderBy(…)`. */
function chainOrders(start: ts.Expression): boolean {
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
}

/**
 * The calls of `source` that bind such a parameter, as "file:line": `.limit(x)` in a chain without an order, and
 * `.where(col, '=', x)` or `eb(col, '=', x)` on one of `flagColumns` (with or without a table name before it).
 */
function repreparingParameters(file: string, source: string, flagColumns: readonly string[]): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => `${file}:${tree.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (isCallOf(node, 'limit') && ts.isPropertyAccessExpression(node.expression)) {
      const ordered = chainOrders(node.expression.expression);
      if (!ordered && !isSafeArgument(node.arguments[0])) found.push(at(node));
    }
    if ((isCallOf(node, 'where') || isCallOf(node, 'eb')) && node.arguments.length === 3) {
      const [column, op, value] = node.arguments;
      const name = column && ts.isStringLiteral(column) ? column.text.replace(/^.*\./, '') : null;
      const isFlag = name !== null && flagColumns.includes(name);
      if (isFlag && op && ts.isStringLiteral(op) && op.text === '=' && !isSafeArgument(value))
        found.push(at(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The columns a partial index of the migrated schema compares with a literal by `=`. */
function columnsPartialIndexesCompare(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bound-'));
  const db = openDatabase(join(dir, 'schema.sqlite'));
  try {
    const conditions = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '%WHERE%'")
      .pluck()
      .all() as string[];
    const columns = conditions.flatMap((text) =>
      [...text.replace(/^[\s\S]*?\)\s+WHERE\s+/i, '').matchAll(/\b(\w+)\s*=\s*(?:\d|')/g)].map(
        (m) => m[1] as string,
      ),
    );
    return [...new Set(columns)].sort();
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('parameters that make SQLite prepare again', () => {
  it('finds bound limits and bound flags, and only those', () => {
    const source = `
      const a = qb.selectFrom('leads').select('id').where('phone_key', '=', key).limit(1);
      const b = qb.selectFrom('leads').select('id').orderBy('id').limit(page.limit);
      const c = qb.selectFrom('leads').select('id').limit(sql.lit(1));
      const d = query.where('leads.is_history', '=', 0).limit(n);
      const e = query.where('is_history', '=', sql.lit(0)).where((eb) => eb('is_history', '=', flag));
      const f = limit(policy.grades[grade]);`;
    expect(repreparingParameters('example.ts', source, ['is_history'])).toEqual([
      'example.ts:2',
      'example.ts:5',
      'example.ts:5',
      'example.ts:6',
    ]);
  });

  it('knows the flag columns from the schema', () => {
    expect(columnsPartialIndexesCompare()).toEqual(['is_default', 'is_history']);
  });

  it('has no such parameter in the core', () => {
    const flags = columnsPartialIndexesCompare();
    const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.includes('migrations'),
    );
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      repreparingParameters(file, readFileSync(join(CORE, file), 'utf8'), flags),
    );
    expect(found).toEqual([]);
  });
});
