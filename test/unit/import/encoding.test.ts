// The same lead file saved in every encoding and delimiter people send must import to the same rows.
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../core/import/csv-parser';
import { detectEncoding } from '../../../core/import/encoding';
import { importAll, useTempDir } from './helpers';

const file = useTempDir();

const LEADS_TEXT = [
  '姓名,手机号,邮箱,公司名称,职位,所在城市,意向产品,来源渠道,获客成本,公司规模,备注',
  '张伟,138 0013 8000,ZhangWei@Example.com,北京字节跳动科技有限公司,技术总监,北京,CRM,官网表单,"￥1,200.50",500人以上,"需要报价, 尽快"',
  '李娜,+86-139-0013-9000,li.na@qq.com,阿里巴巴（中国）有限公司,采购经理,杭州,ERP,展会,1.2万,50-100人,"她说：""下周再联系"""',
  '王芳,０１０-１２３４５６７８转１２３,wangfang@163.com,华为技术有限公司,工程师,深圳,CRM,转介绍,800,1000+,',
  'Zhang Wei,0086 137-0013-7000,zw@example.org,Acme Co.，Ltd.,CEO,上海,BI,广告,300元,20人,"多行\n备注"',
].join('\r\n');

function encodings(): [string, Buffer][] {
  return [
    ['utf-8', Buffer.from(LEADS_TEXT, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEADS_TEXT, 'utf8')])],
    ['utf-16le', iconv.encode(LEADS_TEXT, 'utf-16le', { addBOM: true })],
    ['utf-16be', iconv.encode(LEADS_TEXT, 'utf-16be', { addBOM: true })],
    ['gb18030', iconv.encode(LEADS_TEXT, 'gbk')],
  ];
}

describe('encodings', () => {
  it.each(encodings())('detects %s from the bytes', (expected, bytes) => {
    expect(detectEncoding(bytes)).toBe(expected);
  });

  it('imports identical rows from UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM and GBK', async () => {
    const results = [];
    for (const [name, bytes] of encodings()) {
      const path = file(`leads-${name}.csv`);
      writeFileSync(path, bytes);
      const imported = await importAll(path);
      expect(imported.encoding).toBe(name);
      expect(imported.rejected).toEqual([]);
      results.push({
        headers: imported.headers,
        drafts: imported.valid.map((row) => ({ row: row.row, draft: row.draft })),
      });
    }
    const [first, ...rest] = results;
    expect(first?.drafts).toHaveLength(4);
    expect(first?.headers[0]).toBe('姓名');
    for (const other of rest) expect(other).toEqual(first);
  });

  it('normalizes the values of a GBK file like any other', async () => {
    const path = file('gbk-values.csv');
    writeFileSync(path, iconv.encode(LEADS_TEXT, 'gb18030'));
    const { valid } = await importAll(path);
    expect(valid[0]?.draft).toMatchObject({
      name: '张伟',
      phone: '+8613800138000',
      email: 'ZhangWei@Example.com',
      company: '北京字节跳动科技有限公司',
      costFen: 120_050,
      companySize: 500,
      needs: '需要报价, 尽快',
    });
    expect(valid[1]?.draft).toMatchObject({
      phone: '+8613900139000',
      costFen: 1_200_000,
      companySize: 50,
      needs: '她说："下周再联系"',
    });
    expect(valid[2]?.draft.phone).toBe('+861012345678;ext=123');
    expect(valid[3]?.draft).toMatchObject({
      name: 'Zhang Wei',
      phone: '+8613700137000',
      costFen: 30_000,
      needs: '多行\n备注',
    });
  });

  it('detects a GBK file whose first 64 KiB are plain ASCII', async () => {
    const ascii = `name,phone\r\n${'Zhang,13800138000\r\n'.repeat(5_000)}`;
    const path = file('late-gbk.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(ascii),
        iconv.encode('张伟,13800138000\r\n王芳,13900139000\r\n李娜,13700137000\r\n', 'gbk'),
      ]),
    );
    const { encoding, valid, rejected } = await importAll(path);
    expect(encoding).toBe('gb18030');
    expect(rejected).toEqual([]);
    expect(valid.at(-1)?.draft.name).toBe('李娜');
  });

  it('keeps a mostly UTF-8 file as UTF-8 when a few bytes are broken', () => {
    const good = Buffer.from('姓名,电话\n张伟,13800138000\n李娜,13900139000\n王芳,13700137000\n');
    expect(detectEncoding(Buffer.concat([good, Buffer.from([0xff, 0x41, 0x0a]), good]))).toBe('utf-8');
  });
});

describe('delimiters', () => {
  it.each([
    [',', 'name,phone,email\nA,1,a@x.com\nB,2,b@x.com\n'],
    [';', 'name;phone;email\nA;1;a@x.com\nB;2;"b;c@x.com"\n'],
    ['\t', 'name\tphone\temail\nA, Jr.\t1\ta@x.com\nB\t2\tb@x.com\n'],
    [',', 'name,note\nA,"x;y;z"\nB,"p;q"\n'],
    [';', '姓名;备注\n张伟;"a, b, c"\n李娜;"d, e"\n'],
  ])('detects %j', (expected, sample) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });

  it.each([
    ['comma', ','],
    ['semicolon', ';'],
    ['tab', '\t'],
  ])('imports the same leads from a %s-separated file', async (name, delimiter) => {
    const text = ['姓名,手机,邮箱', '张伟,13800138000,a@x.com', '李娜,13900139000,b@x.com']
      .map((line) => line.replaceAll(',', delimiter))
      .join('\n');
    const path = file(`delimiter-${name}.txt`);
    writeFileSync(path, text);
    const imported = await importAll(path);
    expect(imported.delimiter).toBe(delimiter);
    expect(imported.valid.map((row) => row.draft.email)).toEqual(['a@x.com', 'b@x.com']);
  });
});
