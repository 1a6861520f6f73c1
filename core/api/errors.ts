// The error a handler throws to refuse a call; transports turn it into `{ ok: false, error }` data.
import type { ApiErrorData } from './contract';

export class ServiceError extends Error {
  constructor(
    readonly code: ApiErrorData['code'],
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toData(): ApiErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** The client-side twin: thrown by a client when a call comes back `{ ok: false }`. */
export class ApiError extends Error {
  readonly code: ApiErrorData['code'];
  readonly field: string | undefined;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.field = data.field;
  }
}
