// Streaming parse + normalize + validate of a generated 100k-row, 16-column lead CSV, and the process's peak RSS.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLeadFile } from '../../core/import/read-file';
import { readLeadBatches } from '../../core/import/import-rows';
import type { Report } from './figure';
import { figure, timeMs } from './figure';

const ROWS = 100_000;
const HEADER =
  '姓名,手机,邮箱,微信,公司名称,职位,行业,城市,公司规模,意向产品,来源渠道,活动,获客成本,需求,预算,客户等级';
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都'];
const INDUSTRIES = ['制造业', '零售', '金融', '教育', '医疗', '互联网'];
const TITLES = ['总经理', '采购经理', '技术总监', '工程师', 'CEO', '市场专员'];

function phoneText(i: number): string {
  const digits = `13${(i % 7) + 3}${String(i).padStart(8, '0')}`;
  switch (i % 4) {
    case 0:
      return digits;
    case 1:
      return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    case 2:
      return `+86-${digits}`;
    default:
      return `0086 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  }
}

async function writeLeads(path: string): Promise<void> {
  const stream = createWriteStream(path);
  let chunk = `\uFEFF${HEADER}\r\n`;
  for (let i = 0; i < ROWS; i += 1) {
    const needs = i % 10 === 0 ? `"需要报价, 预算""充足""\n下周联系"` : `希望了解产品${i % 50}`;
    chunk += `客户${i},${phoneText(i)},Lead${i}@Example.com,wx_${i},某某科技${i % 5000}有限公司,${TITLES[i % 6]},${INDUSTRIES[i % 6]},${CITIES[i % 6]},${(i % 20) * 50}-${(i % 20) * 50 + 50}人,CRM,官网表单,春季活动,"¥1,${String(i % 1000).padStart(3, '0')}.50",${needs},${(i % 9) + 1}万,${'ABCD'[i % 4]}\r\n`;
    if (chunk.length > 256 * 1024) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await once(stream, 'finish');
}

export async function run(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fairlead-bench-import-'));
  try {
    const path = join(dir, 'leads-100k.csv');
    await writeLeads(path);
    let valid = 0;
    let rejected = 0;
    let peakRss = process.memoryUsage.rss();
    const cpuBefore = process.cpuUsage();
    const seconds =
      (await timeMs(async () => {
        const file = await openLeadFile(path);
        for await (const batch of readLeadBatches(file)) {
          valid += batch.valid.length;
          rejected += batch.rejected.length;
          peakRss = Math.max(peakRss, process.memoryUsage.rss());
        }
      })) / 1000;
    if (valid !== ROWS || rejected !== 0)
      throw new Error(`Expected ${ROWS} valid rows, got ${valid} valid and ${rejected} rejected`);
    const cpu = process.cpuUsage(cpuBefore);
    const fileMb = statSync(path).size / 1024 / 1024;
    // CPU time shows whether a slow wall time came from this code or from a busy machine.
    console.log(
      `# ${ROWS} rows, ${fileMb.toFixed(1)} MB file, ${Math.round(ROWS / seconds)} rows/s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
    );
    report(figure('parse_validate_100k_rows_s', seconds, 's', '<=', 2));
    // Peak of the whole process (resourceUsage.maxRSS, KiB) and sampled during the parse; the larger is reported.
    const processPeakMb = Math.max(process.resourceUsage().maxRSS / 1024, peakRss / 1024 / 1024);
    report(figure('parse_100k_peak_rss_mb', processPeakMb, 'MB', '<=', 500));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
