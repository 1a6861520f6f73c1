// Refusals as data: every refusal has a stable reason code, a kind (which says the HTTP status), details, and a
// message in both languages, declared once beside the calls that use it.

/** The class of a refusal; each transport maps it to its own status (HTTP 400, 401, 403, …). */
export type ErrorKind =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unknown_call'
  | 'internal';

/** Values a message may quote: field names, limits, counts. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** One refusal a call may answer with. Messages may quote details as {{name}}. */
export interface ErrorDef {
  /** Stable code, `<namespace>.<what>`; clients decide by it, never by message text. */
  readonly reason: string;
  readonly kind: ErrorKind;
  readonly en: string;
  readonly zh: string;
}

type ErrorDefs<Keys extends string> = { readonly [K in Keys]: ErrorDef };

/** Every declared refusal by reason, filled as namespaces load, so a client can word any reason it receives. */
const REGISTRY = new Map<string, ErrorDef>();

export function findErrorDef(reason: string): ErrorDef | undefined {
  return REGISTRY.get(reason);
}

export function allErrorDefs(): readonly ErrorDef[] {
  return [...REGISTRY.values()];
}

/** Declares a namespace's refusals; each key becomes the reason `<namespace>.<key>`. */
export function defineErrors<const Keys extends string>(
  namespace: string,
  defs: { readonly [K in Keys]: Omit<ErrorDef, 'reason'> },
): ErrorDefs<Keys> {
  const out: Record<string, ErrorDef> = {};
  for (const [key, def] of Object.entries<Omit<ErrorDef, 'reason'>>(defs)) {
    const reason = `${namespace}.${key}`;
    if (REGISTRY.has(reason)) throw new Error(`The refusal ${reason} is declared twice.`);
    out[key] = Object.freeze({ ...def, reason });
    REGISTRY.set(reason, out[key]);
  }
  return Object.freeze(out) as ErrorDefs<Keys>;
}

/** Fills {{name}} placeholders from details; an unknown name stays visible rather than vanishing. */
export function formatErrorMessage(template: string, details: ErrorDetails | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = details?.[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** An error as it crosses a boundary: data, never a thrown object. `code` is the kind (kept for clients). */
export interface ApiErrorData {
  readonly code: ErrorKind;
  readonly reason: string;
  /** English, for logs and scripts; the UI words the reason itself. */
  readonly message: string;
  readonly field?: string | undefined;
  readonly details?: ErrorDetails | undefined;
}

/** Refusals every call may answer with, whatever its namespace. */
export const COMMON_ERRORS = defineErrors('common', {
  signInRequired: {
    kind: 'unauthenticated',
    en: 'Sign in first.',
    zh: '请先登录。',
  },
  sessionEnded: {
    kind: 'unauthenticated',
    en: 'Your session has ended: sign in again.',
    zh: '登录已失效，请重新登录。',
  },
  teamLeadOnly: {
    kind: 'forbidden',
    en: 'Only the team lead can do this.',
    zh: '只有销售主管可以执行此操作。',
  },
  notYours: {
    kind: 'forbidden',
    en: 'This belongs to another rep.',
    zh: '这属于其他销售。',
  },
  unknownCall: {
    kind: 'unknown_call',
    en: 'Unknown call {{name}}.',
    zh: '未知的调用 {{name}}。',
  },
  bodyTooLarge: {
    kind: 'too_large',
    en: 'The request is larger than {{maxBytes}} bytes.',
    zh: '请求超过 {{maxBytes}} 字节的上限。',
  },
  tooDeep: {
    kind: 'invalid_input',
    en: 'The request is nested deeper than {{maxDepth}} levels.',
    zh: '请求嵌套超过 {{maxDepth}} 层。',
  },
  notJson: {
    kind: 'invalid_input',
    en: 'The request body is not JSON.',
    zh: '请求内容不是 JSON。',
  },
  internal: {
    kind: 'internal',
    en: 'Something went wrong inside Fairlead: {{detail}}',
    zh: 'Fairlead 内部出错：{{detail}}',
  },
  notFound: {
    kind: 'not_found',
    en: 'Not found.',
    zh: '未找到。',
  },
  notOnDisk: {
    kind: 'internal',
    en: 'The change was made, but the disk did not confirm writing it ({{detail}}): it may be lost if the computer loses power. Check the disk.',
    zh: '更改已生效，但磁盘未确认写入（{{detail}}），断电时可能丢失。请检查磁盘。',
  },
});

/** Input that failed its schema: one reason per kind of problem, with the field path and the limit. */
export const INPUT_ERRORS = defineErrors('input', {
  invalidType: {
    kind: 'invalid_input',
    en: '{{field}}: expected {{expected}}.',
    zh: '{{field}}：类型不对，应为 {{expected}}。',
  },
  tooSmall: {
    kind: 'invalid_input',
    en: '{{field}}: must be at least {{minimum}}.',
    zh: '{{field}}：不能小于 {{minimum}}。',
  },
  tooBig: {
    kind: 'invalid_input',
    en: '{{field}}: must be at most {{maximum}}.',
    zh: '{{field}}：不能超过 {{maximum}}。',
  },
  invalidFormat: {
    kind: 'invalid_input',
    en: '{{field}}: not in the expected format ({{format}}).',
    zh: '{{field}}：格式不对（{{format}}）。',
  },
  invalidDate: {
    kind: 'invalid_input',
    en: '{{field}}: {{value}} is not a real calendar date.',
    zh: '{{field}}：{{value}} 不是有效日期。',
  },
  unknownKey: {
    kind: 'invalid_input',
    en: '{{field}}: unknown field {{key}}.',
    zh: '{{field}}：不认识的字段 {{key}}。',
  },
  invalidValue: {
    kind: 'invalid_input',
    en: '{{field}}: not one of the allowed values.',
    zh: '{{field}}：不是允许的取值。',
  },
  invalid: {
    kind: 'invalid_input',
    en: '{{field}}: {{detail}}',
    zh: '{{field}}：输入有误（{{detail}}）',
  },
});

/** The error a handler throws to refuse a call; the service turns it into `{ ok: false, error }` data. */
export class ServiceError extends Error {
  readonly def: ErrorDef;
  readonly details: ErrorDetails | undefined;
  readonly field: string | undefined;

  constructor(def: ErrorDef, details?: ErrorDetails, field?: string) {
    super(formatErrorMessage(def.en, details));
    this.name = 'ServiceError';
    this.def = def;
    this.details = details;
    this.field = field;
  }

  get code(): ErrorKind {
    return this.def.kind;
  }

  toData(): ApiErrorData {
    return {
      code: this.def.kind,
      reason: this.def.reason,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }

  /** The refusal as an answer's data (a job's failure, a check before an action): its reason, words and details. */
  toRefusalData(): { reason: string; message: string; details?: ErrorDetails } {
    return {
      reason: this.def.reason,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** The client-side twin: thrown by a client when a call comes back `{ ok: false }`. */
export class ApiError extends Error {
  readonly code: ErrorKind;
  readonly reason: string;
  readonly field: string | undefined;
  readonly details: ErrorDetails | undefined;
  constructor(data: ApiErrorData, message = data.message) {
    super(message);
    this.name = 'ApiError';
    this.code = data.code;
    this.reason = data.reason;
    this.field = data.field;
    this.details = data.details;
  }
}

/** Refusals a transport makes itself, before or instead of the service answering. */
export const TRANSPORT_ERRORS = defineErrors('transport', {
  hubUnreachable: {
    kind: 'internal',
    en: 'The hub cannot be reached: {{detail}}',
    zh: '无法连接到主机：{{detail}}',
  },
  badAnswer: {
    kind: 'internal',
    en: 'The hub answered {{status}} in an unknown shape.',
    zh: '主机返回了无法识别的应答（{{status}}）。',
  },
  untrustedPage: {
    kind: 'forbidden',
    en: 'This page may not call Fairlead.',
    zh: '此页面无权调用 Fairlead。',
  },
  coreStopped: {
    kind: 'internal',
    en: 'Fairlead’s core stopped: {{detail}}',
    zh: 'Fairlead 核心进程已停止：{{detail}}',
  },
  wrongHost: {
    kind: 'forbidden',
    en: 'This address is not one of the hub’s names.',
    zh: '该地址不是主机的名称。',
  },
  foreignOrigin: {
    kind: 'forbidden',
    en: 'Requests from other sites are refused.',
    zh: '拒绝来自其他网站的请求。',
  },
  notJsonContentType: {
    kind: 'invalid_input',
    en: 'Send the request as application/json.',
    zh: '请求必须以 application/json 发送。',
  },
  tooManyBadRequests: {
    kind: 'rate_limited',
    en: 'Too many malformed requests from this connection.',
    zh: '此连接发送了过多格式错误的请求。',
  },
});

/** Refusal data for a transport's own answers. */
export function refusalData(def: ErrorDef, details?: ErrorDetails, field?: string): ApiErrorData {
  return new ServiceError(def, details, field).toData();
}
