import type { Generated, GeneratedAlways, Kysely } from 'kysely';

export type CarrierStatus = 'listed' | 'rectify' | 'removed';

export interface CarrierTable {
  code: string;
  name: string;
  status: CarrierStatus;
  /** sha256 of the bearer token: a leaked database does not leak working tokens. */
  token_hash: string;
  created_at: string;
  /** The last roster id number given to one of this carrier's startups. */
  roster_ids_issued: Generated<number>;
  /** Relayed record changes up to this seq were compacted away (migration 005). */
  compacted_to: Generated<number>;
}

/** Last applied mutationId per desk; a desk's ids are scoped by its carrier. */
export interface ClientCursorTable {
  carrier_code: string;
  client_id: string;
  last_mutation_id: number;
}

/** Rejected mutations keep their id consumed; the reason is answered again on a resend. */
export interface RejectionTable {
  carrier_code: string;
  client_id: string;
  mutation_id: number;
  reason: string;
}

/** Desk-owned records as the roster last received them, one row per (carrier, entity, recordId). */
export interface RecordTable {
  carrier_code: string;
  entity: string;
  record_id: string;
  /** The parsed record as JSON; null for a tombstone. */
  data: string | null;
  deleted: number;
  version: number;
  updated_at: string;
  /** JSON { field: version }: when each top-level field last changed; null for a record from before several desks. */
  field_versions: string | null;
  /** JSON { version: origin }: who made each version field_versions names. */
  origins: Generated<string>;
  /** JSON: the record's open conflicts. */
  conflicts: Generated<string>;
  /** Derived by the database from `data` (migration 003), never written: a startup's credit code. */
  credit_code: GeneratedAlways<string | null>;
  /** A startup's 1 while resident (not exited, not voided), else 0; null for other records. */
  resident: GeneratedAlways<number | null>;
  /** A founder's ID number, as the desk pushed it. */
  id_number: GeneratedAlways<string | null>;
  /** The carrier record's region code (GB/T 2260, six digits). */
  region_code: GeneratedAlways<string | null>;
}

export interface RosterIdTable {
  id: Generated<number>;
  carrier_code: string;
  startup_id: string;
  /** Counted per carrier: shown as RS00000001 …, unique within the carrier. */
  number: number;
}

/** Roster-owned decisions in one total order; carrier_code null = for every carrier (templates). */
export interface RosterChangeTable {
  seq: Generated<number>;
  carrier_code: string | null;
  kind: string;
  payload: string;
  created_at: string;
  /** The desk a relayed record change came from (never sent back to it); null for the roster's decisions. */
  origin_client: string | null;
}

/** A desk of a carrier, by its clientId (migration 005). */
export interface DeskTable {
  carrier_code: string;
  client_id: string;
  name: string;
  /** sha256 of the desk's own token (it joined with a join code); null for a desk using the carrier token. */
  token_hash: string | null;
  joined_at: string;
  last_seen_at: string | null;
  /** The desk's outbox size as it last said. */
  pending: number | null;
  /** The cursor the desk last pulled from: what it has applied, so what compaction may delete. */
  pulled_to: Generated<number>;
  revoked_at: string | null;
}

/** One-time codes a new desk joins with; only their hash is kept. */
export interface JoinCodeTable {
  code_hash: string;
  carrier_code: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** A record id merged into another (the same company admitted on two desks): mutations naming it are rewritten. */
export interface RecordAliasTable {
  carrier_code: string;
  entity: string;
  alias_id: string;
  standing_id: string;
}

/** A person who uses the authority's console. */
export interface ConsoleAccountTable {
  login: string;
  /** scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash, so they can be raised later. */
  password_hash: string;
  /** 'nation', or a region code prefix: 2 digits a province, 4 a city, 6 a county. */
  scope: string;
  role: 'viewer' | 'officer';
  created_at: string;
}

export interface ConsoleSessionTable {
  /** sha256 of the cookie's session id: a leaked database does not leak live sessions. */
  id_hash: string;
  login: string;
  expires_at: string;
}

/** One failed sign-in, counted per account ('login:…') and per address ('ip:…'). */
export interface ConsoleLoginFailureTable {
  id: Generated<number>;
  subject: string;
  at: string;
}

/** Append-only (database triggers refuse update and delete). */
export interface ConsoleAuditTable {
  id: Generated<number>;
  at: string;
  login: string;
  scope: string;
  action: string;
  carrier_code: string | null;
  /** JSON: what was decided (status and reason, note, which founder's number was shown). */
  detail: string;
}

/** Where the authority registered a carrier; a console account's scope is checked against region_code. */
export interface CarrierProfileTable {
  carrier_code: string;
  /** 6 digits, as the desk's carrier record writes it. */
  region_code: string;
  line: string;
  level: string;
}

/** Resident startups per carrier, kept by triggers on records (migration 004). */
export interface ResidentCountTable {
  carrier_code: string;
  residents: number;
}

/** The startup version an officer last verified (migration 021): a newer record is back in the queue. */
export interface StartupVerificationTable {
  carrier_code: string;
  startup_id: string;
  verified_version: number;
  result: 'verified' | 'mismatch';
  verified_at: string;
}

/** A carrier's amount of one measure in one period (migration 022), kept by triggers on records. */
export interface CarrierFigureTable {
  carrier_code: string;
  /** A quarter (2026Q3) for what startups count on a day; a report's or evaluation's own period. */
  period: string;
  /** admitted, due, exit:<kind>, success, ontime, reports, employees, grade:<grade>. */
  measure: string;
  amount: number;
}

/** At how many carriers a credit code is resident now (migration 023); 2 or more is a finding. */
export interface CreditCodeCarriersTable {
  credit_code: string;
  carriers: number;
}

/** At how many carriers an ID number founds a startup (migration 023); 2 or more is a finding. */
export interface IdNumberCarriersTable {
  id_number: string;
  carriers: number;
}

export interface RosterSchema {
  carriers: CarrierTable;
  client_cursors: ClientCursorTable;
  rejections: RejectionTable;
  records: RecordTable;
  roster_ids: RosterIdTable;
  roster_changes: RosterChangeTable;
  console_accounts: ConsoleAccountTable;
  console_sessions: ConsoleSessionTable;
  console_login_failures: ConsoleLoginFailureTable;
  console_audit: ConsoleAuditTable;
  carrier_profiles: CarrierProfileTable;
  resident_counts: ResidentCountTable;
  startup_verifications: StartupVerificationTable;
  carrier_figures: CarrierFigureTable;
  credit_code_carriers: CreditCodeCarriersTable;
  id_number_carriers: IdNumberCarriersTable;
  desks: DeskTable;
  join_codes: JoinCodeTable;
  record_aliases: RecordAliasTable;
}

export type Dialect = 'sqlite' | 'pg';

/** The query layer plus the one fact a few statements need to differ on. */
export interface Store {
  db: Kysely<RosterSchema>;
  dialect: Dialect;
}
