// Every refusal in the UI's language, decided by its reason code and never by the server's English text; and the
// one place that notices a session has ended (any call answering `unauthenticated`).
// Loading the contract declares every namespace's refusals, so findErrorDef knows them all.
import '../../../core/api/contract';
import type { CallName } from '../../../core/api/contract';
import { ApiError, findErrorDef, formatErrorMessage, type ErrorDetails } from '../../../core/api/errors';
import type { Language } from '../i18n';
import type { AppClient } from '../../../core/api/transport/app-client';

/** Calls a signed-out person may make: a refusal of these says nothing about a session that ended. */
const PUBLIC_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'session.status',
  'session.signIn',
  'session.redeemLink',
  'devices.pair',
]);

/** The same refusal, worded in `language` from its reason; the server's message only for a reason unknown here. */
export function wordApiError(error: ApiError, language: Language): ApiError {
  if (!findErrorDef(error.reason)) return error;
  const data = {
    code: error.code,
    reason: error.reason,
    message: error.message,
    field: error.field,
    details: error.details,
  };
  return new ApiError(data, wordRefusal(error, language));
}

/** A refusal answered as data (a call's answer, not its failure), worded in `language` from its reason. */
export function wordRefusal(
  refusal: { readonly reason: string; readonly message: string; readonly details?: ErrorDetails | undefined },
  language: Language,
): string {
  const def = findErrorDef(refusal.reason);
  if (!def) return refusal.message;
  return formatErrorMessage(language === 'zh-CN' ? def.zh : def.en, refusal.details);
}

/**
 * A refusal's wording to show beside the field it names: input refusals ("{{field}}: …") lose their field
 * prefix, which the form already shows as the field's label.
 */
export function wordBesideField(error: ApiError, language: Language): string {
  const def = findErrorDef(error.reason);
  if (!def) return error.message;
  const template = (language === 'zh-CN' ? def.zh : def.en).replace(/^\{\{field\}\}[:：]\s*/, '');
  return formatErrorMessage(template, error.details);
}

export interface WordingOptions {
  /** Read at the moment a refusal arrives, so a language switch applies to the next one. */
  readonly language: () => Language;
  /** The session is gone (signed out elsewhere, expired, revoked): the app goes back to the sign-in screen. */
  readonly onSignedOut: () => void;
}

export function withWordedErrors(client: AppClient, options: WordingOptions): AppClient {
  const worded: AppClient = {
    async call(name, input) {
      try {
        return await client.call(name, input);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === 'unauthenticated' && !PUBLIC_CALLS.has(name)) options.onSignedOut();
        throw wordApiError(error, options.language());
      }
    },
    subscribe: (listener) => client.subscribe(listener),
  };
  if (client.watchConnection) worded.watchConnection = client.watchConnection.bind(client);
  if (client.reconnectEvents) worded.reconnectEvents = client.reconnectEvents.bind(client);
  return worded;
}
