/* relance-schema.c
 *
 * The migrations, in order. Migration N brings a ledger from version N-1 to
 * version N; each runs in one transaction with the PRAGMA user_version that
 * records it. Never edit a migration that has shipped: add one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-schema-private.h"

static const char migration_1[] =
  /* The user's own firm, for letters: a single row. */
  "CREATE TABLE company ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  postcode TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT 'FR',"
  "  siren TEXT NOT NULL DEFAULT '',"
  "  vat_number TEXT NOT NULL DEFAULT '',"
  "  iban TEXT NOT NULL DEFAULT '',"
  "  bic TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  logo BLOB,"
  "  signature BLOB,"
  "  signatory_name TEXT NOT NULL DEFAULT '',"
  "  signatory_title TEXT NOT NULL DEFAULT '',"
  "  place TEXT NOT NULL DEFAULT '');"
  "INSERT INTO company (id) VALUES (1);"

  "CREATE TABLE segments ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  tone TEXT NOT NULL DEFAULT 'standard'"
  "    CHECK (tone IN ('courteous', 'standard', 'firm')));"

  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  sort_key TEXT NOT NULL,"
  "  siren TEXT NOT NULL DEFAULT '',"
  "  vat_number TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  postcode TEXT NOT NULL DEFAULT '',"
  "  city TEXT NOT NULL DEFAULT '',"
  "  country TEXT NOT NULL DEFAULT 'FR',"
  "  language TEXT NOT NULL DEFAULT 'fr',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  segment_id INTEGER REFERENCES segments (id) ON DELETE SET NULL,"
  "  payment_terms INTEGER NOT NULL DEFAULT 30"
  "    CHECK (payment_terms BETWEEN 0 AND 365),"
  "  credit_limit INTEGER CHECK (credit_limit IS NULL OR credit_limit >= 0),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)));"
  "CREATE INDEX customers_sort_key ON customers (sort_key);"
  "CREATE INDEX customers_segment ON customers (segment_id);"

  /* Accent- and case-insensitive search over customers. */
  "CREATE VIRTUAL TABLE customers_fts USING fts5 ("
  "  code, name, city, content = 'customers', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN"
  "  INSERT INTO customers_fts (rowid, code, name, city)"
  "    VALUES (new.id, new.code, new.name, new.city);"
  "END;"
  "CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN"
  "  INSERT INTO customers_fts (customers_fts, rowid, code, name, city)"
  "    VALUES ('delete', old.id, old.code, old.name, old.city);"
  "END;"
  "CREATE TRIGGER customers_fts_update AFTER UPDATE OF code, name, city ON customers BEGIN"
  "  INSERT INTO customers_fts (customers_fts, rowid, code, name, city)"
  "    VALUES ('delete', old.id, old.code, old.name, old.city);"
  "  INSERT INTO customers_fts (rowid, code, name, city)"
  "    VALUES (new.id, new.code, new.name, new.city);"
  "END;"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  is_collections INTEGER NOT NULL DEFAULT 0 CHECK (is_collections IN (0, 1)));"
  "CREATE INDEX contacts_customer ON contacts (customer_id);"

  /* Invoices and credit notes. "allocated" is kept by the allocation
   * triggers below: the open balance is amount - allocated, never typed. */
  "CREATE TABLE invoices ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  number TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (number <> ''),"
  "  kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),"
  "  issue_date INTEGER NOT NULL,"
  "  due_date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  allocated INTEGER NOT NULL DEFAULT 0,"
  "  settled_date INTEGER,"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  source TEXT NOT NULL DEFAULT 'manual'"
  "    CHECK (source IN ('manual', 'csv', 'fec', 'facturx', 'sample')),"
  "  source_ref TEXT NOT NULL DEFAULT '',"
  "  CHECK (due_date >= issue_date),"
  "  CHECK (allocated BETWEEN 0 AND amount));"
  "CREATE INDEX invoices_customer ON invoices (customer_id, due_date);"
  "CREATE INDEX invoices_issue_date ON invoices (issue_date);"
  "CREATE INDEX invoices_due_date ON invoices (due_date);"
  /* The lists sort on these expressions: keep them identical to the
   * ORDER BY terms of relance-list-model.c. */
  "CREATE INDEX invoices_signed_amount ON invoices"
  "  ((CASE kind WHEN 'credit_note' THEN -amount ELSE amount END));"
  "CREATE INDEX invoices_signed_open ON invoices"
  "  ((CASE kind WHEN 'credit_note' THEN allocated - amount ELSE amount - allocated END));"
  "CREATE INDEX invoices_overdue_order ON invoices"
  "  ((kind = 'invoice' AND allocated < amount) DESC, due_date);"
  "CREATE INDEX invoices_settled ON invoices"
  "  (settled_date, issue_date, customer_id, kind, due_date) WHERE settled_date IS NOT NULL;"
  /* The open items, covering what balances and the aged balance read. */
  "CREATE INDEX invoices_open_customer ON invoices"
  "  (customer_id, due_date, kind, amount, allocated, issue_date)"
  "  WHERE allocated < amount;"

  "CREATE TABLE payments ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  allocated INTEGER NOT NULL DEFAULT 0,"
  "  method TEXT NOT NULL DEFAULT 'transfer',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  CHECK (allocated BETWEEN 0 AND amount));"
  "CREATE INDEX payments_customer ON payments (customer_id, date);"

  /* A payment or a credit note settling (part of) an invoice. */
  "CREATE TABLE allocations ("
  "  id INTEGER PRIMARY KEY,"
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  payment_id INTEGER REFERENCES payments (id) ON DELETE CASCADE,"
  "  credit_note_id INTEGER REFERENCES invoices (id) ON DELETE CASCADE,"
  "  date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL)));"
  "CREATE INDEX allocations_invoice ON allocations (invoice_id, date, amount);"
  "CREATE INDEX allocations_payment ON allocations (payment_id) WHERE payment_id IS NOT NULL;"
  "CREATE INDEX allocations_credit_note ON allocations (credit_note_id, date, amount)"
  "  WHERE credit_note_id IS NOT NULL;"
  "CREATE INDEX allocations_date ON allocations (date);"
  "CREATE TRIGGER allocations_insert AFTER INSERT ON allocations BEGIN"
  "  UPDATE invoices SET allocated = allocated + new.amount,"
  "    settled_date = CASE WHEN allocated + new.amount = amount"
  "                        THEN max (new.date, coalesce (settled_date, 0)) END"
  "    WHERE id = new.invoice_id;"
  "  UPDATE invoices SET allocated = allocated + new.amount,"
  "    settled_date = CASE WHEN allocated + new.amount = amount"
  "                        THEN max (new.date, coalesce (settled_date, 0)) END"
  "    WHERE id = new.credit_note_id;"
  "  UPDATE payments SET allocated = allocated + new.amount"
  "    WHERE id = new.payment_id;"
  "END;"
  "CREATE TRIGGER allocations_delete AFTER DELETE ON allocations BEGIN"
  "  UPDATE invoices SET allocated = allocated - old.amount, settled_date = NULL"
  "    WHERE id IN (old.invoice_id, old.credit_note_id);"
  "  UPDATE payments SET allocated = allocated - old.amount"
  "    WHERE id = old.payment_id;"
  "END;"
  "CREATE TRIGGER allocations_update BEFORE UPDATE ON allocations BEGIN"
  "  SELECT RAISE (ABORT, 'allocations are replaced, not updated');"
  "END;"

  "CREATE TABLE dispute_causes ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (code <> ''),"
  "  label TEXT NOT NULL,"
  "  department TEXT NOT NULL,"
  "  colour TEXT NOT NULL DEFAULT '#3584e4',"
  "  position INTEGER NOT NULL DEFAULT 0);"

  "CREATE TABLE disputes ("
  "  id INTEGER PRIMARY KEY,"
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  cause_id INTEGER NOT NULL REFERENCES dispute_causes (id),"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  opened_on INTEGER NOT NULL,"
  "  resolved_on INTEGER,"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'resolved', 'cancelled')),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  resolution TEXT NOT NULL DEFAULT '',"
  "  CHECK ((status = 'open') = (resolved_on IS NULL)),"
  "  CHECK (resolved_on IS NULL OR resolved_on >= opened_on));"
  "CREATE UNIQUE INDEX disputes_open_invoice ON disputes (invoice_id) WHERE status = 'open';"
  "CREATE INDEX disputes_invoice ON disputes (invoice_id);"
  "CREATE INDEX disputes_opened ON disputes (opened_on);"
  "CREATE INDEX disputes_cause ON disputes (cause_id, opened_on);"

  /* The history: every call, letter, e-mail, note. */
  "CREATE TABLE actions ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN"
  "    ('call', 'email', 'letter', 'formal_notice', 'note', 'visit')),"
  "  date INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL DEFAULT (unixepoch ()),"
  "  who TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  document BLOB,"
  "  document_name TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX actions_customer ON actions (customer_id, date);"
  "CREATE TABLE action_invoices ("
  "  action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,"
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (action_id, invoice_id)) WITHOUT ROWID;"
  "CREATE INDEX action_invoices_invoice ON action_invoices (invoice_id);"

  "CREATE TABLE promises ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  promised_date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  status TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (status IN ('pending', 'kept', 'broken')));"
  "CREATE INDEX promises_customer ON promises (customer_id, promised_date);";

/* Imports: remembered CSV column mappings, a log of every import, and the
 * lookup that makes re-importing a payment idempotent. */
static const char migration_2[] =
  "CREATE TABLE csv_mappings ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  signature TEXT NOT NULL DEFAULT '',"
  "  mapping TEXT NOT NULL,"
  "  used_at INTEGER NOT NULL DEFAULT (unixepoch ()));"
  "CREATE UNIQUE INDEX csv_mappings_name ON csv_mappings (name) WHERE name <> '';"
  "CREATE INDEX csv_mappings_signature ON csv_mappings (signature, used_at);"

  "CREATE TABLE import_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL DEFAULT (unixepoch ()),"
  "  source TEXT NOT NULL CHECK (source IN ('csv', 'fec', 'facturx')),"
  "  file TEXT NOT NULL DEFAULT '',"
  "  customers_new INTEGER NOT NULL DEFAULT 0,"
  "  customers_updated INTEGER NOT NULL DEFAULT 0,"
  "  invoices_new INTEGER NOT NULL DEFAULT 0,"
  "  invoices_updated INTEGER NOT NULL DEFAULT 0,"
  "  payments_new INTEGER NOT NULL DEFAULT 0,"
  "  allocations_new INTEGER NOT NULL DEFAULT 0,"
  "  rows_skipped INTEGER NOT NULL DEFAULT 0);"

  "CREATE INDEX payments_reference ON payments (customer_id, reference) WHERE reference <> '';";

/* Collections: scenarios of reminder steps given to target groups, what
 * was done or skipped of each step for each invoice, customers put off to
 * a later day, the dated interest rates, and the ledger's collection
 * settings. The three shipped scenarios carry a key (their name is then
 * the translated one) and are given to the existing segments by tone. */
static const char migration_3[] =
  "CREATE TABLE scenarios ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT UNIQUE CHECK (key IN ('key_accounts', 'standard', 'firm')),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),"
  "  CHECK (key IS NOT NULL OR name <> ''));"
  "CREATE UNIQUE INDEX scenarios_default ON scenarios (is_default) WHERE is_default = 1;"

  /* offset: days from the due date, negative before it. template: the
   * kind of message (the letters pick their text from it). */
  "CREATE TABLE scenario_steps ("
  "  id INTEGER PRIMARY KEY,"
  "  scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,"
  "  offset_days INTEGER NOT NULL CHECK (offset_days BETWEEN -90 AND 365),"
  "  channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'letter', 'registered_letter')),"
  "  template TEXT NOT NULL CHECK (template IN ('preventive', 'first_reminder',"
  "    'second_reminder', 'after_call', 'broken_promise', 'formal_notice', 'call')),"
  "  claims_penalties INTEGER NOT NULL DEFAULT 0 CHECK (claims_penalties IN (0, 1)),"
  "  UNIQUE (scenario_id, offset_days));"

  "INSERT INTO scenarios (id, key, is_default) VALUES"
  "  (1, 'key_accounts', 0), (2, 'standard', 1), (3, 'firm', 0);"
  "INSERT INTO scenario_steps (scenario_id, offset_days, channel, template, claims_penalties) VALUES"
  "  (1, -5, 'email', 'preventive', 0),"
  "  (1, 5, 'phone', 'call', 0),"
  "  (1, 20, 'letter', 'after_call', 0),"
  "  (1, 30, 'phone', 'call', 0),"
  "  (1, 45, 'registered_letter', 'formal_notice', 1),"
  "  (2, -3, 'email', 'preventive', 0),"
  "  (2, 3, 'phone', 'call', 0),"
  "  (2, 15, 'letter', 'after_call', 0),"
  "  (2, 25, 'phone', 'call', 0),"
  "  (2, 40, 'registered_letter', 'formal_notice', 1),"
  "  (3, 1, 'email', 'first_reminder', 0),"
  "  (3, 7, 'phone', 'call', 0),"
  "  (3, 15, 'letter', 'second_reminder', 1),"
  "  (3, 30, 'registered_letter', 'formal_notice', 1);"

  "ALTER TABLE segments ADD COLUMN scenario_id INTEGER"
  "  REFERENCES scenarios (id) ON DELETE SET NULL;"
  "UPDATE segments SET scenario_id = CASE tone WHEN 'courteous' THEN 1"
  "  WHEN 'firm' THEN 3 ELSE 2 END;"

  /* What was done of a step for an invoice: done by an action, or skipped
   * with a reason. */
  "CREATE TABLE step_states ("
  "  invoice_id INTEGER NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,"
  "  step_id INTEGER NOT NULL REFERENCES scenario_steps (id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL CHECK (state IN ('done', 'skipped')),"
  "  date INTEGER NOT NULL,"
  "  action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (invoice_id, step_id)) WITHOUT ROWID;"
  "CREATE INDEX step_states_step ON step_states (step_id);"

  /* A customer left out of the worklist until a day (call back, no answer,
   * postponed by hand). */
  "CREATE TABLE postponements ("
  "  customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
  "  until INTEGER NOT NULL,"
  "  reason TEXT NOT NULL DEFAULT '');"

  /* The day a promise was made, to match it against the payments since. */
  "ALTER TABLE promises ADD COLUMN made_on INTEGER;"
  "UPDATE promises SET made_on = coalesce ((SELECT date FROM actions"
  "  WHERE actions.id = promises.action_id), promised_date);"
  "CREATE INDEX promises_date ON promises (promised_date);"

  /* Interest rates in basis points, each in force from a day until the
   * next of its kind: the ECB refinancing rate of each half-year and the
   * legal interest rate for professional creditors. Published figures of
   * 2022 to 2025 (ECB: rate in force on 1 January and 1 July; legal rate:
   * the arrêtés of each half-year). Days are Julian day numbers. */
  "CREATE TABLE rates ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('ecb', 'legal')),"
  "  valid_from INTEGER NOT NULL,"
  "  rate INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),"
  "  UNIQUE (kind, valid_from));"
  "INSERT INTO rates (kind, valid_from, rate) VALUES"
  "  ('ecb', 738156, 0), /* 2022-01-01 */"
  "  ('ecb', 738337, 0), /* 2022-07-01 */"
  "  ('ecb', 738521, 250), /* 2023-01-01 */"
  "  ('ecb', 738702, 400), /* 2023-07-01 */"
  "  ('ecb', 738886, 450), /* 2024-01-01 */"
  "  ('ecb', 739068, 425), /* 2024-07-01 */"
  "  ('ecb', 739252, 315), /* 2025-01-01 */"
  "  ('ecb', 739433, 215), /* 2025-07-01 */"
  "  ('ecb', 739617, 215), /* 2026-01-01 */"
  "  ('legal', 738156, 76), /* 2022-01-01 */"
  "  ('legal', 738337, 77), /* 2022-07-01 */"
  "  ('legal', 738521, 206), /* 2023-01-01 */"
  "  ('legal', 738702, 422), /* 2023-07-01 */"
  "  ('legal', 738886, 507), /* 2024-01-01 */"
  "  ('legal', 739068, 492), /* 2024-07-01 */"
  "  ('legal', 739252, 371), /* 2025-01-01 */"
  "  ('legal', 739433, 276), /* 2025-07-01 */"
  "  ('legal', 739617, 262); /* 2026-01-01 */"

  /* Collection settings of the ledger: points above the ECB rate (French
   * law, and the directive's minimum for other EU customers), the fixed
   * indemnity per late invoice, the days of grace before a promise is
   * broken. */
  "ALTER TABLE company ADD COLUMN interest_margin INTEGER NOT NULL DEFAULT 1000"
  "  CHECK (interest_margin BETWEEN 0 AND 5000);"
  "ALTER TABLE company ADD COLUMN eu_interest_margin INTEGER NOT NULL DEFAULT 800"
  "  CHECK (eu_interest_margin BETWEEN 0 AND 5000);"
  "ALTER TABLE company ADD COLUMN indemnity INTEGER NOT NULL DEFAULT 4000"
  "  CHECK (indemnity BETWEEN 0 AND 100000);"
  "ALTER TABLE company ADD COLUMN promise_grace_days INTEGER NOT NULL DEFAULT 3"
  "  CHECK (promise_grace_days BETWEEN 0 AND 60);";

/* Letter templates: a subject and a body with merge fields, per kind of
 * message, channel, language and tone. The shipped ones carry the key of
 * their text in relance-templates-shipped.c (written in just after this
 * migration, in its transaction, and put back by a reset); "modified"
 * tells a shipped one edited since. */
static const char migration_4[] =
  "CREATE TABLE templates ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  kind TEXT NOT NULL CHECK (kind IN ('preventive', 'first_reminder',"
  "    'second_reminder', 'after_call', 'broken_promise', 'formal_notice')),"
  "  channel TEXT NOT NULL CHECK (channel IN ('letter', 'registered_letter', 'email')),"
  "  language TEXT NOT NULL CHECK (language IN ('fr', 'en')),"
  "  tone TEXT NOT NULL DEFAULT 'standard'"
  "    CHECK (tone IN ('courteous', 'standard', 'firm')),"
  "  subject TEXT NOT NULL CHECK (subject <> ''),"
  "  body TEXT NOT NULL CHECK (body <> ''),"
  "  shipped_key TEXT UNIQUE,"
  "  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),"
  "  CHECK (shipped_key IS NOT NULL OR modified = 0));"
  "CREATE INDEX templates_kind ON templates (kind, language, tone);";

/* The conversation the letters stand on, and the sequence of a scenario:
 * a contact's civility for salutations and address blocks ('' when not
 * known: "Madame, Monsieur,"), and the fewest days between a step and the
 * one done before it (a late step is done late, and the steps after it are
 * re-timed from it). The gaps of existing steps are those of their offsets
 * (the first curative step counts from the due date). */
static const char migration_5[] =
  "ALTER TABLE contacts ADD COLUMN civility TEXT NOT NULL DEFAULT ''"
  "  CHECK (civility IN ('', 'madame', 'monsieur'));"
  "ALTER TABLE scenario_steps ADD COLUMN min_gap_days INTEGER NOT NULL DEFAULT 0"
  "  CHECK (min_gap_days BETWEEN 0 AND 365);"
  "UPDATE scenario_steps SET min_gap_days = max (0, offset_days - coalesce ("
  "  (SELECT max (p.offset_days) FROM scenario_steps p"
  "   WHERE p.scenario_id = scenario_steps.scenario_id"
  "   AND p.offset_days < scenario_steps.offset_days AND p.offset_days > 0), 0))"
  "  WHERE offset_days > 0;";

/* A call the customer made to us is kept as such: the history says
 * "Incoming call from …". Only calls are incoming. */
static const char migration_6[] =
  "ALTER TABLE actions ADD COLUMN incoming INTEGER NOT NULL DEFAULT 0"
  "  CHECK (incoming = 0 OR (incoming = 1 AND kind = 'call'));";

/* Customers in insolvency proceedings (procédures collectives): the
 * opening judgment, its publication in the BODACC (the claim is declared
 * within two months of it, four for a creditor abroad), the mandataire
 * judiciaire, the claim declared, and how it ended. One open proceedings
 * per customer. What a closing for lack of assets lets the user write off,
 * per invoice: the amount with VAT and the VAT it includes. And the day
 * each postponement was decided. */
static const char migration_7[] =
  "CREATE TABLE proceedings ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('sauvegarde', 'redressement', 'liquidation')),"
  "  judgment_date INTEGER NOT NULL,"
  "  court TEXT NOT NULL DEFAULT '',"
  "  bodacc_date INTEGER NOT NULL,"
  "  mandataire_name TEXT NOT NULL CHECK (mandataire_name <> ''),"
  "  mandataire_address TEXT NOT NULL DEFAULT '',"
  "  abroad INTEGER NOT NULL DEFAULT 0 CHECK (abroad IN (0, 1)),"
  "  outcome TEXT CHECK (outcome IN ('plan', 'closed')),"
  "  closed_on INTEGER,"
  "  claim_amount INTEGER CHECK (claim_amount IS NULL OR claim_amount >= 0),"
  "  claim_date INTEGER,"
  "  claim_action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,"
  "  CHECK (bodacc_date >= judgment_date),"
  "  CHECK ((outcome IS NULL) = (closed_on IS NULL)),"
  "  CHECK (closed_on IS NULL OR closed_on >= judgment_date),"
  "  CHECK ((claim_amount IS NULL) = (claim_date IS NULL)));"
  "CREATE INDEX proceedings_customer ON proceedings (customer_id, judgment_date);"
  "CREATE UNIQUE INDEX proceedings_open ON proceedings (customer_id) WHERE outcome IS NULL;"
  "CREATE TABLE write_offs ("
  "  invoice_id INTEGER PRIMARY KEY REFERENCES invoices (id) ON DELETE CASCADE,"
  "  proceedings_id INTEGER NOT NULL REFERENCES proceedings (id) ON DELETE CASCADE,"
  "  date INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  vat INTEGER NOT NULL CHECK (vat BETWEEN 0 AND amount));"
  "CREATE INDEX write_offs_proceedings ON write_offs (proceedings_id);"

  /* The day a postponement was decided, so that the worklist of an
   * earlier day does not follow it (NULL: before this version). */
  "ALTER TABLE postponements ADD COLUMN made_on INTEGER;";

static const char * const migrations[] = {
  NULL,
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RELANCE_SCHEMA_VERSION + 1);

const char *
_relance_schema_get_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= RELANCE_SCHEMA_VERSION, NULL);

  return migrations[version];
}
