import { describe, expect, it } from 'vitest';
import { guessHistoryColumns } from '../../../core/domain/history/history-columns';
import { guessColumnMapping } from '../../../core/import/column-mapping';
import { joinNameParts } from '../../../core/import/validate-row';

/** A header set as a CRM exports it, with one sample row (cells by column). */
interface HeaderSet {
  readonly product: string;
  readonly columns: ReadonlyArray<readonly [header: string, sample: string]>;
  /** Expected lead-mode targets by header (headers not listed must become custom or ignore, see `ignored`). */
  readonly fields: Readonly<Record<string, string>>;
  readonly ignored?: readonly string[];
  /** Expected past-leads roles by header. */
  readonly roles?: Readonly<Record<string, string>>;
}

const SETS: readonly HeaderSet[] = [
  {
    product: 'Salesforce leads',
    columns: [
      ['Lead ID', '00Q5g00000AbCdE'],
      ['First Name', 'Ada'],
      ['Last Name', 'Lovelace'],
      ['Title', 'VP Engineering'],
      ['Company', 'Analytical Engines Ltd'],
      ['Email', 'ada@example.com'],
      ['Phone', '020 7413 9000'],
      ['Mobile', '07700 900123'],
      ['Lead Source', 'Web'],
      ['Lead Status', 'Working - Contacted'],
      ['Industry', 'Technology'],
      ['No. of Employees', '250'],
      ['Street', '1 Main St'],
      ['City', 'London'],
      ['State/Province', 'England'],
      ['Country', 'United Kingdom'],
      ['Lead Owner', 'Sam Rep'],
      ['Created Date', '2021-04-15'],
      ['Converted', '0'],
      ['Email Opt Out', 'No'],
    ],
    fields: {
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'title',
      Company: 'company',
      Email: 'email',
      Phone: 'phone',
      'Lead Source': 'source',
      Industry: 'industry',
      'No. of Employees': 'companySize',
      City: 'region',
      Mobile: 'custom.Mobile',
      Street: 'custom.Street',
      Country: 'custom.Country',
      'Lead Owner': 'custom.Lead Owner',
      'Email Opt Out': 'custom.Email Opt Out',
    },
    ignored: ['Lead ID'],
    roles: { 'Created Date': 'createdAt', 'Lead Status': 'outcome', 'Lead Owner': 'owner' },
  },
  {
    product: 'HubSpot contacts',
    columns: [
      ['Record ID', '51'],
      ['First Name', 'Brian'],
      ['Last Name', 'Halligan'],
      ['Email', 'bh@hubspot.com'],
      ['Phone Number', '1 (321) 800-6101'],
      ['Company Name', 'HubSpot'],
      ['Job Title', 'CEO'],
      ['Lifecycle Stage', 'Lead'],
      ['Contact owner', 'Jane Rep'],
      ['Contact Owner', 'Jane Rep'],
      ['Create Date', '2021-04-15 00:03'],
      ['Last Activity Date', '2021-05-01 10:00'],
      ['City', 'Cambridge'],
      ['Street Address', '25 First St'],
      ['Country/Region', 'United States'],
      ['Original Source', 'Organic Search'],
    ],
    fields: {
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Company Name': 'company',
      'Job Title': 'title',
      City: 'region',
      'Street Address': 'custom.Street Address',
      'Country/Region': 'custom.Country/Region',
      'Original Source': 'source',
      'Contact owner': 'custom.Contact owner',
      'Contact Owner': 'custom.Contact Owner (2)',
    },
    ignored: ['Record ID'],
    roles: {
      'Create Date': 'createdAt',
      'Lifecycle Stage': 'outcome',
      'Last Activity Date': 'lastActivityAt',
      'Contact owner': 'owner',
    },
  },
  {
    product: 'Zoho leads',
    columns: [
      ['Record Id', 'zcrm_123'],
      ['Lead Owner', 'Zia'],
      ['Company', 'Chapman'],
      ['First Name', 'Christopher'],
      ['Last Name', 'Maclead'],
      ['Designation', 'Sales Manager'],
      ['Email', 'chris@example.com'],
      ['Phone', '660-485-0224'],
      ['Lead Source', 'Cold Call'],
      ['Lead Status', 'Contacted'],
      ['Created Time', '15 Apr, 2021 00:03:00'],
      ['Skype ID', 'chris.m'],
      ['Secondary Email', 'c@example.org'],
    ],
    fields: {
      Company: 'company',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Designation: 'title',
      Email: 'email',
      Phone: 'phone',
      'Lead Source': 'source',
      'Skype ID': 'custom.Skype ID',
      'Secondary Email': 'custom.Secondary Email',
    },
    ignored: ['Record Id'],
    roles: { 'Created Time': 'createdAt', 'Lead Status': 'outcome', 'Lead Owner': 'owner' },
  },
  {
    product: 'Pipedrive leads',
    columns: [
      ['Person - Name', 'Tom Smith'],
      ['Person - Email', 'tom@example.com'],
      ['Person - Phone', '+44 20 7946 0958'],
      ['Organization - Name', 'Acme'],
      ['Lead - Owner', 'Pat'],
      ['Lead - Source', 'Web forms'],
      ['Lead created', '2021-04-15'],
    ],
    fields: {
      'Person - Name': 'name',
      'Person - Email': 'email',
      'Person - Phone': 'phone',
      'Organization - Name': 'company',
      'Lead - Source': 'source',
    },
    roles: { 'Lead created': 'createdAt', 'Lead - Owner': 'owner' },
  },
  {
    product: 'Odoo CRM',
    columns: [
      ['id', '__export__.crm_lead_1'],
      ['Opportunity', 'Office chairs'],
      ['Contact Name', 'Azure Interior'],
      ['Email', 'azure@example.com'],
      ['Phone', '+1 555-555-5555'],
      ['company_id/id', 'base.main_company'],
      ['Company Name', 'Azure Interior'],
      ['Job Position', 'Buyer'],
      ['Salesperson', 'Mitchell Admin'],
      ['Stage', 'Qualified'],
      ['Created on', '2021-04-15 00:03:00'],
      ['City', 'Fremont'],
      ['Street', '4557 De Silva St'],
      ['Expected Revenue', '12000'],
    ],
    fields: {
      'Contact Name': 'name',
      Email: 'email',
      Phone: 'phone',
      'Company Name': 'company',
      'Job Position': 'title',
      City: 'region',
      Street: 'custom.Street',
    },
    ignored: ['id', 'company_id/id'],
    roles: { 'Created on': 'createdAt', Stage: 'outcome', Salesperson: 'owner' },
  },
  {
    product: '纷享销客 / 销售易 线索',
    columns: [
      ['线索编号', 'XS0001'],
      ['姓', '张'],
      ['名', '伟'],
      ['手机', '13800138000'],
      ['名称', '上海华信有限公司'],
      ['职务', '总经理'],
      ['线索来源', '官网'],
      ['省', '上海'],
      ['市', '上海市'],
      ['详细地址', '浦东新区1号'],
      ['线索状态', '已转换'],
      ['负责人', '李销售'],
      ['创建时间', '2021年4月15日'],
      ['最后跟进时间', '2021/5/1 10:00'],
    ],
    fields: {
      姓: 'lastName',
      名: 'firstName',
      手机: 'phone',
      名称: 'company',
      职务: 'title',
      线索来源: 'source',
      市: 'region',
      省: 'custom.省',
      详细地址: 'custom.详细地址',
    },
    ignored: ['线索编号', '负责人', '创建时间'],
    roles: { 创建时间: 'createdAt', 线索状态: 'outcome', 负责人: 'owner', 最后跟进时间: 'lastActivityAt' },
  },
  {
    product: 'a lead-scoring export with Yes/No and activity columns',
    columns: [
      ['Prospect ID', '7927b2df-8bba-4d29-b9a2-b6e0beafe620'],
      ['Do Not Email', 'No'],
      ['Do Not Call', 'No'],
      ['Converted', '0'],
      ['TotalVisits', '5'],
      ['Total Time Spent on Website', '674'],
      ['Last Activity', 'Email Opened'],
      ['I agree to pay the amount through cheque', 'No'],
      ['Lead Origin', 'API'],
    ],
    fields: {
      'Do Not Email': 'custom.Do Not Email',
      'Do Not Call': 'custom.Do Not Call',
      'Last Activity': 'custom.Last Activity',
      'I agree to pay the amount through cheque': 'custom.I agree to pay the amount through cheque',
    },
    ignored: ['Prospect ID'],
    roles: { Converted: 'outcome' },
  },
];

function samplesOf(set: HeaderSet): string[][] {
  const row = set.columns.map(([, sample]) => sample);
  return [row, row, row];
}

describe.each(SETS)('the export of $product', (set) => {
  const headers = set.columns.map(([h]) => h);
  const mapping = guessColumnMapping(headers, samplesOf(set));
  const byHeader = new Map(headers.map((h, i) => [h, mapping[i]]));

  it('maps each column to the field it holds', () => {
    for (const [header, target] of Object.entries(set.fields))
      expect([header, byHeader.get(header)]).toEqual([header, target]);
  });

  it('ignores external ids and never maps two columns to one field', () => {
    for (const header of set.ignored ?? [])
      expect([header, byHeader.get(header)]).toEqual([header, 'ignore']);
    const fields = mapping.filter((t) => t !== 'ignore' && !t.startsWith('custom.'));
    expect(new Set(fields).size).toBe(fields.length);
    const customs = mapping.filter((t) => t.startsWith('custom.')).map((t) => t.toLowerCase());
    expect(new Set(customs).size).toBe(customs.length);
  });

  it('finds the past-leads columns in history mode', () => {
    const columns = guessHistoryColumns(headers, samplesOf(set));
    const found = Object.fromEntries(
      Object.entries(columns).map(([role, index]) => [headers[index] ?? '', role]),
    );
    expect(found).toEqual(set.roles ?? {});
  });
});

describe('content decides, not only the header', () => {
  it('never takes a Yes/No column named like an email for the email', () => {
    expect(guessColumnMapping(['Email Flag'], [['Yes'], ['No']])).toEqual(['custom.Email Flag']);
    expect(guessColumnMapping(['Email'], [['a@b.cn'], ['c@d.cn']])).toEqual(['email']);
  });

  it('needs most sampled values (80%, or 60% under a whole-header name) to parse before a column is a phone', () => {
    const rows = [['13800138000'], ['n/a'], ['unknown'], ['13900139000']];
    expect(guessColumnMapping(['电话'], rows)).toEqual(['custom.电话']);
    expect(
      guessColumnMapping(
        ['电话'],
        [
          ...rows,
          ...rows
            .slice(0, 1)
            .concat(rows.slice(3))
            .flatMap((r) => [r, r, r]),
        ],
      ),
    ).toEqual(['phone']);
  });

  it('takes the fuller column when two fit one field equally', () => {
    const rows = [
      ['', '13800138000'],
      ['', '13900139000'],
    ];
    expect(guessColumnMapping(['Work Phone', 'Home Phone'], rows)).toEqual(['custom.Work Phone', 'phone']);
  });

  it('keeps headers repeated exactly apart instead of refusing the file', () => {
    expect(guessColumnMapping(['Col A', 'Tag', 'Tag', 'TAG'])).toEqual([
      'custom.Col A',
      'custom.Tag',
      'custom.Tag (2)',
      'custom.TAG (3)',
    ]);
  });

  it('keeps the header-only guess when no rows are sampled', () => {
    expect(guessColumnMapping(['姓名', '手机'])).toEqual(['name', 'phone']);
  });

  it('refuses a Yes/No column as the won amount and words as a date in history mode', () => {
    const headers = ['I agree to pay the amount through cheque', 'Last Activity', 'Amount'];
    const rows = [
      ['No', 'Email Opened', '1,200'],
      ['Yes', 'SMS Sent', '3,500'],
    ];
    expect(guessHistoryColumns(headers, rows)).toEqual({ wonAmount: 2 });
  });
});

describe('first and last names', () => {
  it.each([
    ['Ada', 'Lovelace', 'Ada Lovelace'],
    ['伟', '张', '张伟'],
    ['', 'Lovelace', 'Lovelace'],
    ['Ada', '', 'Ada'],
  ])('joins %s and %s into %s', (first, last, name) => {
    expect(joinNameParts(first, last)).toBe(name);
  });
});
