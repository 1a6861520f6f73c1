// Repository for column-mapping templates: a named mapping, offered again for files with the same headers.
import type { Database } from 'better-sqlite3';
import { execute, qb, selectAll, selectFirst } from './sql';
import type { ImportTemplatesTable } from './schema';

interface ImportTemplate {
  readonly id: string;
  readonly name: string;
  readonly headers: readonly string[];
  readonly mapping: readonly string[];
  readonly actor: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

function rowToTemplate(row: ImportTemplatesTable): ImportTemplate {
  return {
    id: row.id,
    name: row.name,
    headers: JSON.parse(row.headers_json) as string[],
    mapping: JSON.parse(row.mapping_json) as string[],
    actor: row.actor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Saves a template by name: the same name replaces the earlier mapping. Returns the stored template. */
export function saveImportTemplate(
  db: Database,
  template: {
    id: string;
    name: string;
    headersKey: string;
    headers: readonly string[];
    mapping: readonly string[];
  },
  actor: string,
  now: number,
): ImportTemplate {
  const existing = selectFirst(
    db,
    qb.selectFrom('import_templates').selectAll().where('name', '=', template.name),
  );
  if (existing) {
    execute(
      db,
      qb
        .updateTable('import_templates')
        .set({
          headers_key: template.headersKey,
          headers_json: JSON.stringify(template.headers),
          mapping_json: JSON.stringify(template.mapping),
          actor,
          updated_at: now,
        })
        .where('id', '=', existing.id),
    );
  } else {
    execute(
      db,
      qb.insertInto('import_templates').values({
        id: template.id,
        name: template.name,
        headers_key: template.headersKey,
        headers_json: JSON.stringify(template.headers),
        mapping_json: JSON.stringify(template.mapping),
        actor,
        created_at: now,
        updated_at: now,
      }),
    );
  }
  const row = selectFirst(
    db,
    qb.selectFrom('import_templates').selectAll().where('name', '=', template.name),
  );
  if (!row) throw new Error('template vanished after save');
  return rowToTemplate(row);
}

export function listImportTemplates(db: Database): ImportTemplate[] {
  return selectAll(db, qb.selectFrom('import_templates').selectAll().orderBy('name')).map(rowToTemplate);
}

/** Templates saved for exactly these headers (folded), most recently used first. */
export function findTemplatesForHeaders(db: Database, headersKey: string): ImportTemplate[] {
  return selectAll(
    db,
    qb
      .selectFrom('import_templates')
      .selectAll()
      .where('headers_key', '=', headersKey)
      .orderBy('updated_at', 'desc')
      .orderBy('id'),
  ).map(rowToTemplate);
}

export function deleteImportTemplate(db: Database, id: string): boolean {
  return execute(db, qb.deleteFrom('import_templates').where('id', '=', id)) > 0;
}
