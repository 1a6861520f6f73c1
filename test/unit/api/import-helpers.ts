// Drives an import through the API the way the wizard does: upload, analyze, commit, wait for the job.
import { blankLead } from '../../helpers/blank-lead';
import type { FairleadClient } from '../../../core/api/transport/client';
import type { ImportAnalysis } from '../../../core/api/import/schemas';
import type { ImportJobResult } from '../../../core/api/jobs/schemas';
import type { JobStatus } from '../../../core/api/contract';
import { leadKeysOf } from '../../../core/api/leads/lead-keys';
import type { Service } from '../../../core/api/service';
import type { Lead } from '../../../core/domain/lead';
import { insertLead } from '../../../core/store/leads';

/** A small Excel-style GBK export: two valid rows, a bad email, a phone that is no number, one row more. */
export const GBK_CSV = [
  '姓名,手机,邮箱,公司名称,城市,备注,客户等级',
  '张伟,138 0013 8000,zhangwei@example.cn,北京字节跳动科技有限公司,北京,"需要报价, 尽快",A',
  '李娜,+86-139-0013-9000,lina@example.cn,上海某某贸易,上海,,B',
  '王芳,13700137000,not-an-email,深圳某某科技,深圳,,C',
  '赵磊,电话待定,,广州某某,广州,,D',
  '陈静,13600136000,chenjing@example.cn,杭州某某,杭州,第二次咨询,A',
].join('\r\n');

export interface ImportedThroughApi {
  readonly analysis: ImportAnalysis;
  readonly job: JobStatus;
  readonly result: ImportJobResult;
}

export async function analyzeBytes(
  client: FairleadClient,
  fileName: string,
  bytes: Buffer,
): Promise<ImportAnalysis> {
  const upload = await client.call('import.upload', { fileName, contentBase64: bytes.toString('base64') });
  return client.call('import.analyze', { uploadId: upload.uploadId });
}

export async function commitAnalysis(
  client: FairleadClient,
  service: Service,
  analysis: ImportAnalysis,
  duplicateAction: 'merge' | 'keepBoth' | 'skip' = 'merge',
): Promise<{ job: JobStatus; result: ImportJobResult }> {
  const started = await client.call('import.commit', {
    uploadId: analysis.uploadId,
    analysisId: analysis.analysisId,
    duplicateAction,
  });
  const job = await service.jobs.waitFor(started.id);
  if (job.state !== 'done') throw new Error(`import job ${job.state}: ${job.error ?? ''}`);
  return { job, result: job.result as ImportJobResult };
}

export async function importBytes(
  client: FairleadClient,
  service: Service,
  fileName: string,
  bytes: Buffer,
  duplicateAction: 'merge' | 'keepBoth' | 'skip' = 'merge',
): Promise<ImportedThroughApi> {
  const analysis = await analyzeBytes(client, fileName, bytes);
  const { job, result } = await commitAnalysis(client, service, analysis, duplicateAction);
  return { analysis, job, result };
}

let seeded = 0;

/** Stores a lead directly (what `leads.create` stores, without the create call's side effects such as distribution). */
export function seedLead(service: Service, fields: Partial<Lead> & { name: string }, at = 0): Lead {
  seeded += 1;
  const lead: Lead = blankLead(`lead_seed_${String(seeded).padStart(5, '0')}`, {
    score: 10,
    grade: 'D',
    createdAt: at,
    updatedAt: at,
    ...fields,
  });
  insertLead(service.db, lead, leadKeysOf(lead), { importBatchId: null, scoreModelVersion: 1, scoredAt: at });
  return lead;
}
