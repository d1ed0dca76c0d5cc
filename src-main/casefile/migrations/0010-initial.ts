import type Database from 'better-sqlite3';
import type { Migration } from './Migration';

/**
 * Columns every mutable record carries. Merge needs the HLC and tombstone; audit needs the authors.
 * Kept as text so the schema below reads as plain SQL.
 */
const RECORD_COLUMNS = `
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

function appendOnly(table: string): string {
  return `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
}

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db: Database.Database): void {
    db.exec(`
  CREATE TABLE case_info (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    code_name TEXT,
    matter_number TEXT,
    docket_number TEXT,
    jurisdiction TEXT,
    classification TEXT NOT NULL DEFAULT 'TLP:AMBER'
      CHECK (classification IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed','archived')),
    summary TEXT,
    ${RECORD_COLUMNS}
  ) STRICT;

  CREATE TABLE evidence_content (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    sha1 TEXT NOT NULL CHECK (length(sha1) = 40),
    md5 TEXT NOT NULL CHECK (length(md5) = 32),
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    chunk_count INTEGER NOT NULL CHECK (chunk_count >= 0),
    stored_at TEXT NOT NULL
  ) STRICT;
  ${appendOnly('evidence_content')}

  -- Bytes in chunks of a few MiB: a multi-GB exhibit never sits in memory, and each chunk stays
  -- under SQLite's 1e9-byte blob limit.
  CREATE TABLE evidence_chunk (
    content_sha256 TEXT NOT NULL REFERENCES evidence_content(sha256),
    seq INTEGER NOT NULL CHECK (seq >= 0),
    data BLOB NOT NULL,
    UNIQUE (content_sha256, seq)
  ) STRICT;
  ${appendOnly('evidence_chunk')}

  CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    exhibit_number INTEGER NOT NULL CHECK (exhibit_number > 0),
    exhibit_label TEXT NOT NULL CHECK (length(exhibit_label) BETWEEN 1 AND 100),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    kind TEXT NOT NULL CHECK (kind IN ('screenshot','web_capture','document','email','log',
      'spreadsheet','image','video','audio','archive','disk_image','network_capture','other')),
    original_name TEXT,
    media_type TEXT NOT NULL DEFAULT 'application/octet-stream',
    size_bytes INTEGER NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
    sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    sha1 TEXT CHECK (sha1 IS NULL OR length(sha1) = 40),
    md5 TEXT CHECK (md5 IS NULL OR length(md5) = 32),
    content_sha256 TEXT REFERENCES evidence_content(sha256),
    acquired_at TEXT,
    acquired_by TEXT,
    source_url TEXT,
    source_device TEXT,
    source_person TEXT,
    method TEXT,
    description TEXT,
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    ${RECORD_COLUMNS}
  ) STRICT;
  CREATE INDEX evidence_by_exhibit ON evidence(exhibit_number, id);
  CREATE INDEX evidence_by_content ON evidence(content_sha256);

  CREATE TABLE custody_event (
    id TEXT PRIMARY KEY,
    evidence_id TEXT NOT NULL REFERENCES evidence(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('acquired','imported','verified','extracted','exported',
      'transferred','sealed','unsealed','received','note')),
    from_party TEXT,
    to_party TEXT,
    location TEXT,
    purpose TEXT,
    hash_seen TEXT,
    result TEXT NOT NULL DEFAULT 'ok' CHECK (result IN ('ok','mismatch','failed','n/a')),
    details TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    hlc TEXT NOT NULL
  ) STRICT;
  CREATE INDEX custody_by_evidence ON custody_event(evidence_id, at, id);
  ${appendOnly('custody_event')}

  CREATE TABLE website (
    id TEXT PRIMARY KEY,
    raw_input TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    host_kind TEXT NOT NULL DEFAULT 'domain' CHECK (host_kind IN ('domain','ip')),
    host_unicode TEXT NOT NULL,
    host_ascii TEXT NOT NULL,
    registrable_domain TEXT,
    public_suffix TEXT,
    url_path TEXT,
    flags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags) AND json_type(flags) = 'array'),
    flag_reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flag_reasons) AND json_type(flag_reasons) = 'array'),
    registrar TEXT,
    registrar_iana_id TEXT,
    registry TEXT,
    registrant TEXT,
    name_servers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(name_servers)),
    ips TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ips)),
    hosting_provider TEXT,
    asn TEXT,
    role TEXT NOT NULL DEFAULT 'other' CHECK (role IN ('marketplace','captcha_service','c2',
      'phishing','payment','hosting','redirector','infrastructure','other')),
    status TEXT NOT NULL DEFAULT 'identified' CHECK (status IN ('identified','evidence_captured',
      'named_in_order','served','transfer_confirmed','hold_confirmed','sinkholed','offline','released')),
    status_at TEXT,
    expires_at TEXT,
    notes TEXT,
    first_seen TEXT,
    last_seen TEXT,
    ${RECORD_COLUMNS}
  ) STRICT;
  CREATE UNIQUE INDEX website_unique_live ON website(dedupe_key) WHERE deleted_at IS NULL;
  CREATE INDEX website_by_host ON website(host_ascii, id);
  CREATE INDEX website_by_status ON website(status, host_ascii, id);
  CREATE INDEX website_by_expiry ON website(expires_at) WHERE expires_at IS NOT NULL;

  CREATE TABLE website_status_event (
    id TEXT PRIMARY KEY,
    website_id TEXT NOT NULL REFERENCES website(id),
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    order_id TEXT,
    evidence_id TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    hlc TEXT NOT NULL
  ) STRICT;
  CREATE INDEX website_status_by_site ON website_status_event(website_id, at, id);
  ${appendOnly('website_status_event')}

  CREATE TABLE court_order (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    caption TEXT,
    docket TEXT NOT NULL CHECK (length(docket) BETWEEN 1 AND 200),
    court TEXT NOT NULL CHECK (length(court) BETWEEN 1 AND 300),
    judge TEXT,
    order_type TEXT NOT NULL CHECK (order_type IN ('ex_parte_tro','tro','preliminary_injunction',
      'seizure','default_judgment','permanent_injunction','subpoena','warrant','other')),
    status TEXT NOT NULL DEFAULT 'granted' CHECK (status IN ('draft','filed','granted','served',
      'expired','vacated','denied')),
    ecf_number TEXT,
    filed_at TEXT,
    granted_at TEXT,
    served_at TEXT,
    expires_at TEXT,
    summary TEXT,
    document_evidence_id TEXT REFERENCES evidence(id),
    ${RECORD_COLUMNS}
  ) STRICT;

  CREATE TABLE stakeholder (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    organization TEXT,
    kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('registry','registrar','hosting_provider',
      'law_enforcement','counsel','partner','victim','defendant','court','investigator','other')),
    role TEXT,
    email TEXT,
    phone TEXT,
    address TEXT,
    notes TEXT,
    ${RECORD_COLUMNS}
  ) STRICT;

  CREATE TABLE note (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    body TEXT NOT NULL DEFAULT '',
    ${RECORD_COLUMNS}
  ) STRICT;

  -- Any record to any record. Orders cover websites through relation 'covers'.
  CREATE TABLE link (
    id TEXT PRIMARY KEY,
    from_kind TEXT NOT NULL,
    from_id TEXT NOT NULL,
    to_kind TEXT NOT NULL,
    to_id TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (length(relation) BETWEEN 1 AND 100),
    note TEXT,
    ${RECORD_COLUMNS},
    CHECK (from_id <> to_id)
  ) STRICT;
  CREATE UNIQUE INDEX link_unique_live ON link(from_id, to_id, relation) WHERE deleted_at IS NULL;
  CREATE INDEX link_by_to ON link(to_id, relation);

  -- Every superseded version of a record: local edits, deletes, and the losing side of a merge.
  CREATE TABLE record_history (
    id TEXT PRIMARY KEY,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    version_json TEXT NOT NULL CHECK (json_valid(version_json)),
    superseded_at TEXT NOT NULL,
    superseded_by TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('update','delete','restore','merge')),
    UNIQUE (record_id, hlc)
  ) STRICT;
  ${appendOnly('record_history')}

  -- Tamper-evident log: each entry's hash covers the previous entry of the same device chain.
  CREATE TABLE audit_entry (
    chain TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT,
    record_id TEXT,
    detail TEXT NOT NULL CHECK (json_valid(detail)),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    PRIMARY KEY (chain, seq)
  ) STRICT;
  CREATE INDEX audit_by_record ON audit_entry(record_id);
  CREATE INDEX audit_by_at ON audit_entry(at, chain, seq);
  ${appendOnly('audit_entry')}

  -- Full-text search. search_doc maps a record to the FTS rowid so updates touch one row.
  CREATE TABLE search_doc (
    rowid INTEGER PRIMARY KEY,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL UNIQUE
  ) STRICT;
  CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
  -- Substring search over host names (trigram answers in ~0.2 ms where LIKE scans).
  CREATE VIRTUAL TABLE host_trigram USING fts5(host, tokenize = 'trigram');

  CREATE TABLE device_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
`);
  },
};
