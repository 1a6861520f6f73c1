// Refusals of the import calls: each with the numbers and names its message quotes.
import { defineErrors } from '../errors';

export const IMPORT_ERRORS = defineErrors('import', {
  notBase64: {
    kind: 'invalid_input',
    en: 'The file did not arrive as base64.',
    zh: '文件内容不是 base64 编码。',
  },
  emptyFile: { kind: 'invalid_input', en: 'The file is empty.', zh: '文件是空的。' },
  badUploadId: { kind: 'invalid_input', en: 'Not an upload id.', zh: '不是有效的上传编号。' },
  uploadGone: {
    kind: 'not_found',
    en: 'No such upload: upload the file again.',
    zh: '找不到该上传文件，请重新上传。',
  },
  unreadableFile: {
    kind: 'invalid_input',
    en: 'The file cannot be imported ({{code}}): {{detail}}',
    zh: '无法导入该文件（{{code}}）：{{detail}}',
  },
  templateMismatch: {
    kind: 'not_found',
    en: 'That template does not fit these columns.',
    zh: '该模板与这些列不匹配。',
  },
  mappingLength: {
    kind: 'invalid_input',
    en: 'The file has {{columns}} columns but the mapping has {{targets}} targets.',
    zh: '文件有 {{columns}} 列，但映射有 {{targets}} 个目标。',
  },
  fieldMappedTwice: {
    kind: 'invalid_input',
    en: 'Two columns are mapped to the field {{field}}.',
    zh: '有两列映射到了同一个字段 {{field}}。',
  },
  notAnalysed: { kind: 'conflict', en: 'Analyse the file first.', zh: '请先分析该文件。' },
  analysisReplaced: {
    kind: 'conflict',
    en: 'The file was analysed again since this report; review the new report before importing.',
    zh: '该文件在此报告之后又被分析过，请先查看新的报告再导入。',
  },
  alreadyImported: { kind: 'conflict', en: 'This report was already imported.', zh: '此报告已经导入过。' },
  analysisForgotten: {
    kind: 'conflict',
    en: 'This report is no longer in memory (Fairlead restarted since): analyse the file again.',
    zh: '此报告已不在内存中（Fairlead 已重启），请重新分析文件。',
  },
  historyQuestion: {
    kind: 'conflict',
    en: 'Column "{{column}}" has an open question about "{{value}}" ({{question}}): answer it before importing.',
    zh: '列“{{column}}”中的“{{value}}”还有未回答的问题（{{question}}），请先回答再导入。',
  },
  undatedHistory: {
    kind: 'conflict',
    en: 'The file has no column of arrival dates: give one date for every row, or choose "dates unknown", before importing.',
    zh: '文件中没有创建时间列：请为所有行指定一个日期，或选择“日期未知”，然后再导入。',
  },
  decimalQuestion: {
    kind: 'conflict',
    en: 'Column "{{column}}" writes numbers such as "{{value}}": say whether its comma or its point marks the decimals before importing.',
    zh: '列“{{column}}”中的数字写作“{{value}}”：请先说明其中逗号还是句点表示小数，再导入。',
  },
  nothingToImport: {
    kind: 'conflict',
    en: 'Nothing to import: the file has {{totalRows}} data rows and {{errorRows}} of them have errors. Fix the file or the mapping and analyse it again.',
    zh: '没有可导入的行：文件共有 {{totalRows}} 行数据，其中 {{errorRows}} 行有错误。请修正文件或列映射后重新分析。',
  },
  batchNotFound: {
    kind: 'not_found',
    en: 'No import with id {{batchId}}.',
    zh: '找不到导入批次 {{batchId}}。',
  },
  notUndoable: {
    kind: 'conflict',
    en: 'This import is {{state}}; only a finished import can be undone.',
    zh: '此导入的状态为 {{state}}，只有已完成的导入可以撤销。',
  },
});
