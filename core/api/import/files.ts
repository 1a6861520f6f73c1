// Files an import works with, in folders beside the database: the uploaded file, its analysis, its rejected rows
// (one JSON line each, for the error file).
import type { Database } from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Delimiter, TextEncoding } from '../../import/types';
import type { LeadDraft } from '../../import/validate-row';
import type { LeadKeys } from '../../store/leads';
import type { HistoryCommitPlan, HistoryExtras } from './history';
import { ensurePrivateDir, writePrivateFile } from '../../fs-private';
import { ServiceError } from '../errors';
import { IMPORT_ERRORS } from './errors';

/** The folder holding the database; uploads and backups live beside it. An in-memory database uses a temp folder. */
export function dataDirOf(db: Database): string {
  const name = db.name;
  if (!name || name === ':memory:') return join(tmpdir(), 'fairlead-memory');
  return dirname(resolve(name));
}

export function uploadsDirOf(db: Database): string {
  return join(dataDirOf(db), 'uploads');
}

const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The folder of one upload; refuses ids that could step out of the uploads folder. */
export function uploadDir(db: Database, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new ServiceError(IMPORT_ERRORS.badUploadId, undefined, 'uploadId');
  return join(uploadsDirOf(db), uploadId);
}

export interface UploadMeta {
  readonly uploadId: string;
  readonly fileName: string;
  readonly sourceName: string;
  readonly sizeBytes: number;
  readonly uploadedAt: number;
  readonly actor: string;
}

/** What the last analysis of an upload found; the commit imports exactly these rows with this mapping. */
export interface AnalysisMeta {
  readonly analysisId: string;
  readonly uploadId: string;
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: TextEncoding | null;
  readonly delimiter: Delimiter | null;
  readonly headers: readonly string[];
  readonly mapping: readonly string[];
  readonly totalRows: number;
  readonly validRows: number;
  readonly errorRows: number;
  readonly analyzedAt: number;
  /** Set once committed, so one analysis is never imported twice. */
  readonly committedBatchId: string | null;
  /** Set for a "these are past leads" analysis. */
  readonly history?: HistoryCommitPlan;
  /** Money columns whose decimal style is still a question: the commit refuses until answered. */
  readonly decimalQuestions?: readonly { readonly column: string; readonly example: string }[];
  /** The phone country the rows were read in, when the team lead chose one: becomes the workspace's default. */
  readonly chosenCountry?: string;
}

/** A valid row of an analysis: its draft, its dedupe keys, and a past lead's history. */
export interface AnalysedRow {
  readonly r: number;
  readonly d: LeadDraft;
  readonly k: LeadKeys;
  readonly h?: HistoryExtras;
}

/** A row the analysis rejected: its original cells and why (the error file lists them). */
export interface RejectedRow {
  readonly r: number;
  readonly c: readonly string[];
  readonly e: string;
}

/** Reads the rejected rows of an analysis, row by row (see JsonLinesReader). */
export function readRejectedRows(db: Database, uploadId: string): JsonLinesReader<RejectedRow> {
  return new JsonLinesReader(rowsPathOf(db, uploadId), (value) => value as RejectedRow);
}

export async function saveUpload(
  db: Database,
  meta: Omit<UploadMeta, 'sourceName' | 'sizeBytes'>,
  bytes: Buffer,
): Promise<UploadMeta> {
  const dir = uploadDir(db, meta.uploadId);
  // Uploads hold customers' data: the folders are this user's only (0700), as are the files (0600).
  await ensurePrivateDir(uploadsDirOf(db), { tightenExisting: true });
  await ensurePrivateDir(dir, { tightenExisting: true });
  const extension = /\.(csv|txt|tsv|xlsx)$/i.exec(meta.fileName)?.[1]?.toLowerCase() ?? 'csv';
  const sourceName = `source.${extension}`;
  await writePrivateFile(join(dir, sourceName), bytes);
  const full: UploadMeta = { ...meta, sourceName, sizeBytes: bytes.length };
  await writePrivateFile(join(dir, 'upload.json'), JSON.stringify(full));
  return full;
}

export async function readUploadMeta(db: Database, uploadId: string): Promise<UploadMeta> {
  const dir = uploadDir(db, uploadId);
  try {
    return JSON.parse(await readFile(join(dir, 'upload.json'), 'utf8')) as UploadMeta;
  } catch {
    throw new ServiceError(IMPORT_ERRORS.uploadGone, undefined, 'uploadId');
  }
}

export function sourcePathOf(db: Database, upload: UploadMeta): string {
  return join(uploadDir(db, upload.uploadId), upload.sourceName);
}

export function rowsPathOf(db: Database, uploadId: string): string {
  return join(uploadDir(db, uploadId), 'rows.ndjson');
}

export async function writeAnalysisMeta(db: Database, meta: AnalysisMeta): Promise<void> {
  await writePrivateFile(join(uploadDir(db, meta.uploadId), 'analysis.json'), JSON.stringify(meta));
}

export async function readAnalysisMeta(db: Database, uploadId: string): Promise<AnalysisMeta | null> {
  const path = join(uploadDir(db, uploadId), 'analysis.json');
  if (!existsSync(path)) return null;
  return JSON.parse(await readFile(path, 'utf8')) as AnalysisMeta;
}

export async function discardUpload(db: Database, uploadId: string): Promise<boolean> {
  const dir = uploadDir(db, uploadId);
  if (!existsSync(dir)) return false;
  await rm(dir, { recursive: true, force: true });
  return true;
}

/** Removes an upload at once (recovery at start, before any call runs). */
export function removeUploadNow(db: Database, uploadId: string): void {
  if (UPLOAD_ID.test(uploadId)) rmSync(uploadDir(db, uploadId), { recursive: true, force: true });
}

/** Removes uploads older than `maxAgeMs` (abandoned wizards); never the one being worked on. */
export async function pruneUploads(db: Database, now: number, maxAgeMs: number, keep: string): Promise<void> {
  const root = uploadsDirOf(db);
  if (!existsSync(root)) return;
  for (const entry of await readdir(root)) {
    if (entry === keep) continue;
    const path = join(root, entry);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > maxAgeMs) await rm(path, { recursive: true, force: true });
  }
}

/**
 * Reads a JSON-lines file synchronously in chunks, so a job step can take the next N rows without awaiting.
 * Splits on the newline byte (never part of a UTF-8 multi-byte sequence, and escaped inside JSON strings).
 */
export class JsonLinesReader<T> {
  private fd: number | null;
  // Small reads: the decoded text of one read stays under V8's large-object size (~128 KiB), so it dies young
  // instead of piling up in the large-object space until a full GC.
  private readonly buffer = Buffer.alloc(48 * 1024);
  private rest: Buffer = Buffer.alloc(0);
  private queue: string[] = [];
  private queueAt = 0;
  private isEof = false;

  constructor(
    path: string,
    private readonly decode: (value: unknown) => T = (value) => value as T,
  ) {
    this.fd = openSync(path, 'r');
  }

  /** Up to `max` parsed lines; an empty array at the end of the file. */
  next(max: number): T[] {
    const out: T[] = [];
    while (out.length < max) {
      if (this.queueAt < this.queue.length) {
        const line = this.queue[this.queueAt];
        this.queueAt += 1;
        if (line) out.push(this.decode(JSON.parse(line)));
        continue;
      }
      if (this.isEof || !this.fill()) break;
    }
    return out;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private fill(): boolean {
    if (this.fd === null) return false;
    const read = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
    if (read === 0) {
      this.isEof = true;
      const last = this.rest.toString('utf8');
      this.rest = Buffer.alloc(0);
      this.queue = last === '' ? [] : [last];
      this.queueAt = 0;
      this.close();
      return this.queue.length > 0;
    }
    const chunk = Buffer.concat([this.rest, this.buffer.subarray(0, read)]);
    const lastBreak = chunk.lastIndexOf(0x0a);
    if (lastBreak === -1) {
      this.rest = chunk;
      this.queue = [];
      this.queueAt = 0;
      return true;
    }
    this.queue = chunk.toString('utf8', 0, lastBreak).split('\n');
    this.queueAt = 0;
    this.rest = Buffer.from(chunk.subarray(lastBreak + 1));
    return true;
  }
}
