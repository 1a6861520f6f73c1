// Searching by contact text as a rep: a typed phone or email must not find a lead whose contact data is masked
// from them (the masked answer would still tell whose number it is).
import type { Expression, SqlBool } from 'kysely';
import { ownedLeadsOnly } from '../../store/pools';
import type { CallContext } from '../call-context';
import { readPools } from './pools-read';

/** Text that looks like a phone number or an email: never matched against a masked lead for a rep. */
export function isContactLike(text: string | undefined): boolean {
  return text !== undefined && (/\d{4}/.test(text.replace(/[\s-]/g, '')) || text.includes('@'));
}

/**
 * The list condition `where` narrowed for a rep's contact-like search while any pool masks contacts: pool leads
 * are left out (all of them, so a match never says which pool holds the number); else `where` unchanged.
 */
export function hideMaskedFromSearch(
  ctx: CallContext,
  text: string | undefined,
  where: Expression<SqlBool> | undefined,
): Expression<SqlBool> | undefined {
  if (ctx.actor.role !== 'rep' || !isContactLike(text)) return where;
  if (!readPools(ctx.db).some((pool) => pool.masksContacts)) return where;
  return ownedLeadsOnly(where);
}
