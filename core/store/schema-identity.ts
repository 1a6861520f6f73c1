// Row shapes of who is calling: sessions, sign-in failures, paired devices and pairing codes (part of schema.ts's Schema).
export interface SessionsTable {
  token_hash: string;
  /** 'lead' or 'rep:<id>'. */
  person: string;
  device_id: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
}

export interface SignInFailuresTable {
  person: string;
  failures: number;
  locked_until: number;
  last_at: number;
}

export interface DevicesTable {
  id: string;
  person: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
  last_address: string | null;
  revoked_at: number | null;
}

export interface PairingCodesTable {
  code_hash: string;
  person: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  failures: number;
}
