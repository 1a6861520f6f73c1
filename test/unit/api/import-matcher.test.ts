// Duplicate matching of an import, both ways against one oracle that reads every live lead's keys into memory: the
// analysis's batch matching and the commit's matcher that looks up each slice's keys.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyMatching, type KeyHolder } from '../../../core/api/import/key-matching';
import { createStoredKeyMatcher, type KeyMatch, type LeadKeyMatcher } from '../../../core/api/import/matcher';
import { DEDUPE_KEY_KINDS, type DedupeKeyKind } from '../../../core/domain/dedupe';
import { insertLead, type LeadKeys } from '../../../core/store/leads';
import { openDatabase } from '../../../core/store/open-database';
import { blankLead } from '../../helpers/blank-lead';

const key = fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null });
const keys: fc.Arbitrary<LeadKeys> = fc.record({
  phoneKey: key,
  emailKey: key,
  companyKey: fc.constant(null),
  companyNameKey: key,
});
const storedLead = fc.record({ keys, createdAt: fc.integer({ min: 0, max: 3 }), isDeleted: fc.boolean() });

type StoredLead = { keys: LeadKeys; createdAt: number; isDeleted: boolean };

function databaseWith(path: string, leads: readonly StoredLead[]) {
  const db = openDatabase(path);
  leads.forEach((lead, index) => {
    insertLead(
      db,
      blankLead(`lead_${String(index).padStart(3, '0')}`, {
        name: `客户${index}`,
        createdAt: lead.createdAt,
        updatedAt: lead.createdAt,
      }),
      lead.keys,
      { importBatchId: null, scoreModelVersion: null, scoredAt: null },
    );
    if (lead.isDeleted)
      db.prepare('UPDATE leads SET deleted_at = 1 WHERE id = ?').run(
        `lead_${String(index).padStart(3, '0')}`,
      );
  });
  return db;
}

const KEY_FIELDS = { phone: 'phoneKey', email: 'emailKey', companyName: 'companyNameKey' } as const;

/** The oracle: every live lead's keys read into maps, oldest lead first; the first holder of a key stays it. */
function everyLiveLeadMatcher(db: ReturnType<typeof openDatabase>): LeadKeyMatcher {
  const maps = new Map<DedupeKeyKind, Map<string, string>>(DEDUPE_KEY_KINDS.map((kind) => [kind, new Map()]));
  const hold = (keys: LeadKeys, id: string) => {
    for (const kind of DEDUPE_KEY_KINDS) {
      const key = keys[KEY_FIELDS[kind]];
      const map = maps.get(kind);
      if (key !== null && map && !map.has(key)) map.set(key, id);
    }
  };
  const stored = db
    .prepare(
      `SELECT id, phone_key AS phoneKey, email_key AS emailKey, company_name_key AS companyNameKey
       FROM leads WHERE deleted_at IS NULL ORDER BY created_at, id`,
    )
    .all() as (LeadKeys & { id: string })[];
  for (const lead of stored) hold(lead, lead.id);
  return {
    match(keys) {
      const found: KeyMatch[] = [];
      for (const kind of DEDUPE_KEY_KINDS) {
        const key = keys[KEY_FIELDS[kind]];
        const id = key === null ? undefined : maps.get(kind)?.get(key);
        if (id === undefined) continue;
        const same = found.find((entry) => entry.id === id);
        if (same) same.by.push(kind);
        else found.push({ id, by: [kind] });
      }
      return found;
    },
    remember: hold,
    lookUp: () => undefined,
  };
}

/** What a commit matching every row does, in slices: look up, match, then remember the row under its own id. */
function matchEveryRow(matcher: LeadKeyMatcher, rows: readonly LeadKeys[], sliceSize = rows.length) {
  const found: (readonly KeyMatch[])[] = [];
  for (let start = 0; start < rows.length; start += sliceSize) {
    const slice = rows.slice(start, start + sliceSize);
    matcher.lookUp(slice);
    slice.forEach((row, index) => {
      found.push(matcher.match(row));
      matcher.remember(row, String(start + index + 2));
    });
  }
  return found;
}

describe('duplicate matching of an import', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("the analysis's hits are the stored leads and earlier rows a commit matching every row finds", () => {
    fc.assert(
      fc.property(
        fc.array(storedLead, { maxLength: 10 }),
        fc.array(keys, { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (leads, rows, batchSize) => {
          const db = databaseWith(':memory:', leads);
          try {
            const hits = analysisHits(db, rows, batchSize);
            const expected = matchEveryRow(everyLiveLeadMatcher(db), rows);
            rows.forEach((_, index) => {
              const row = index + 2;
              const found = expected[index] ?? [];
              // A row has hits exactly when the commit would find a match for it…
              expect(hits.has(row)).toBe(found.length > 0);
              // …and where a stored lead holds a key, the analysis names that lead, as the commit does.
              const stored = (hits.get(row) ?? []).filter((holder) => typeof holder === 'string');
              const storedFound = found.map((match) => match.id).filter((id) => id.startsWith('lead_'));
              expect(new Set(stored)).toEqual(new Set(storedFound));
            });
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a commit looking up each slice's keys finds what one reading every live lead finds", () => {
    fc.assert(
      fc.property(
        fc.array(storedLead, { maxLength: 10 }),
        fc.array(keys, { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (leads, rows, sliceSize) => {
          const db = databaseWith(':memory:', leads);
          try {
            expect(matchEveryRow(createStoredKeyMatcher(db), rows, sliceSize)).toEqual(
              matchEveryRow(everyLiveLeadMatcher(db), rows),
            );
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('names the oldest live stored holder of a key over any row, across batches of a database file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairlead-matching-'));
    dirs.push(dir);
    const leads: StoredLead[] = [
      {
        keys: { phoneKey: 'p1', emailKey: 'e1', companyKey: null, companyNameKey: null },
        createdAt: 2,
        isDeleted: false,
      },
      {
        keys: { phoneKey: 'p1', emailKey: 'e2', companyKey: null, companyNameKey: 'c1' },
        createdAt: 1,
        isDeleted: false,
      },
      {
        keys: { phoneKey: 'p2', emailKey: null, companyKey: null, companyNameKey: null },
        createdAt: 0,
        isDeleted: true,
      },
    ];
    const rows: LeadKeys[] = Array.from({ length: 1_000 }, (_, i) => ({
      phoneKey: i % 7 === 0 ? 'p1' : `p-row-${i % 400}`,
      emailKey: i % 11 === 0 ? 'e2' : null,
      companyKey: null,
      companyNameKey: i % 13 === 0 ? 'c1' : `c-row-${i}`,
    }));
    const onFile = databaseWith(join(dir, 'fairlead.sqlite'), leads);
    try {
      expect(onFile.memory).toBe(false);
      const hits = analysisHits(onFile, rows, 100);
      // The same in one batch: no batch forgets a key an earlier one saw.
      expect(analysisHits(onFile, rows, rows.length)).toEqual(hits);
      // Row 2 has p1, e2 and c1, all held first by lead_001 (older than lead_000); rows 402.. repeat phones of 2..
      expect(hits.get(2)).toEqual(['lead_001', 'lead_001', 'lead_001']);
      expect(hits.get(403)).toEqual([3]);
      // p2's only holder is deleted: row 2 + 400 * k brings p-row-0, never p2, and no row matches a deleted lead.
      expect([...hits.values()].flat()).not.toContain('lead_002');
      // Row 709 (i = 707 = 7 * 101) has p1 (lead_001, in the 8th batch) and its own company name.
      expect(hits.get(709)).toEqual(['lead_001']);
    } finally {
      onFile.close();
    }
  });

  it('keeps the first holder of a key as the match', () => {
    const db = openDatabase(':memory:');
    const matcher = createStoredKeyMatcher(db);
    const first: LeadKeys = {
      phoneKey: '+8613800000001',
      emailKey: null,
      companyKey: null,
      companyNameKey: null,
    };
    matcher.remember(first, 'row2');
    expect(matcher.match({ ...first, emailKey: 'a@b.cn' })).toEqual([{ id: 'row2', by: ['phone'] }]);
    matcher.remember({ ...first, emailKey: 'a@b.cn' }, 'row3');
    expect(matcher.match({ ...first, phoneKey: null, emailKey: 'a@b.cn' })).toEqual([
      { id: 'row3', by: ['email'] },
    ]);
    db.close();
  });
});

/** The analysis's hits per row (rows numbered from 2, as in a file with a header), in batches of `batchSize`. */
function analysisHits(
  db: Parameters<typeof createKeyMatching>[0],
  rows: readonly LeadKeys[],
  batchSize = 100,
): Map<number, KeyHolder[]> {
  const matching = createKeyMatching(db);
  const byRow = new Map<number, KeyHolder[]>();
  const numbered = rows.map((rowKeys, index) => ({ row: index + 2, keys: rowKeys }));
  for (let start = 0; start < numbered.length; start += batchSize) {
    const hits = matching.match(numbered.slice(start, start + batchSize));
    for (let i = 0; i < hits.length; i += 3) {
      const row = hits[i] as number;
      byRow.set(row, [...(byRow.get(row) ?? []), hits[i + 2] as KeyHolder]);
    }
  }
  return byRow;
}
