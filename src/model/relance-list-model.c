/* relance-list-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-customer-private.h"
#include "relance-ledger.h"
#include "relance-ledger-private.h"
#include "relance-database-private.h"
#include "relance-dispute-private.h"
#include "relance-invoice-private.h"
#include "relance-list-model.h"

#define PAGE_SIZE 64
#define MAX_PAGES 48
#define FIRST_ID_PARAM 11

/* Parameters shared by every query: ?1 today, ?2 the FTS query, ?3 the
 * customer, ?4 and ?5 the bounds of an invoice number prefix, ?6 the search
 * text as it was typed, ?7 the segment (customers) or the cause code
 * (disputes), ?8 and ?9 the issue date range, ?10 the department
 * (disputes); ?11 onwards are the ids of a page. */

typedef enum
{
  JOIN_NONE = 0,
  JOIN_TOTALS = 1 << 0,     /* customers: their open totals */
  JOIN_INVOICE = 1 << 1,    /* disputes: the disputed invoice */
  JOIN_CUSTOMER = 1 << 2,   /* invoices and disputes: the customer */
  JOIN_CAUSE = 1 << 3,      /* disputes: the cause */
} Joins;

typedef struct
{
  const char *key;
  const char *ascending;
  const char *descending;
  Joins       joins;
} SortKey;

typedef struct
{
  GPtrArray *items;
  guint64    used;
} Page;

struct _RelanceListModel
{
  GObject          parent_instance;

  RelanceDatabase *db;
  RelanceListKind  kind;
  RelanceDay       today;
  char            *search;
  const SortKey   *sort;
  gboolean         descending;
  gint64           customer_id;
  gboolean         overdue_only;
  RelanceListStatus status;
  int              age_bucket;      /* -1 for any */
  RelanceDay       issued_from;     /* 0 for unbounded */
  RelanceDay       issued_to;
  char            *segment;
  char            *cause;       /* disputes: one cause code, or NULL */
  char            *department;  /* disputes: the department of their cause, or NULL */
  gboolean         open_dispute_only;
  gboolean         archived;

  /* Whether the ledger holds something dated after today (see
   * update_as_of()): then the stored open amounts or dispute statuses are
   * not those of today, and the queries compute them. The disputes are
   * looked at only by a query that needs them. */
  gboolean         amounts_after;
  gboolean         disputes_after;
  gboolean         disputes_known;

  /* The ids in list order are read lazily: n_items comes from a count, and
   * the ids from a cursor stepped as far as a list asks, then to the end in
   * idle time, so the first page shows at once even on a million rows. */
  GArray          *ids;     /* gint64, NULL until first asked */
  guint            n_items;
  sqlite3_stmt    *cursor;
  guint            fill_source;
  GHashTable      *pages;   /* page number -> Page */
  guint64          clock;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RelanceListModel, relance_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Each customer's balance, overdue amount and oldest overdue due date, at
 * the end of ?1; %s narrows the invoices ("" or " AND i.customer_id IN
 * (...)"). When nothing is dated after ?1, the stored open items are those
 * of ?1. */
#define CUSTOMER_TOTALS \
  "SELECT i.customer_id AS customer_id," \
  "  sum (CASE i.kind WHEN 'credit_note' THEN i.allocated - i.amount ELSE i.amount - i.allocated END) AS balance," \
  "  sum (CASE WHEN i.kind = 'invoice' AND i.due_date < ?1 THEN i.amount - i.allocated END) AS overdue," \
  "  min (CASE WHEN i.kind = 'invoice' AND i.due_date < ?1 THEN i.due_date END) AS oldest_due" \
  " FROM invoices i WHERE i.allocated < i.amount%s GROUP BY i.customer_id"
/* Otherwise, like relance_ledger_aged_balance(): the items issued by ?1
 * that are open now (summed by customer in the order of their covering
 * partial index), with what was allocated to them after ?1 given back,
 * and those settled after ?1 (what was allocated to them since: from the
 * settled ones' covering index and the allocations', once each). */
#define OPEN_NOW_AT \
  "(i.amount - i.allocated + CASE WHEN i.allocated = 0 THEN 0 ELSE " _RELANCE_SQL_ALLOCATED_AFTER " END)"
#define CUSTOMER_TOTALS_AT \
  "SELECT customer_id, sum (balance) AS balance, sum (overdue) AS overdue, min (oldest_due) AS oldest_due" \
  " FROM (WITH settled AS MATERIALIZED (" \
  "   SELECT i.customer_id, i.kind, i.due_date, " _RELANCE_SQL_ALLOCATED_AFTER " AS open" \
  "   FROM invoices i WHERE i.settled_date > ?1 AND i.issue_date <= ?1%s)" \
  "  SELECT i.customer_id AS customer_id," \
  "   sum (CASE i.kind WHEN 'credit_note' THEN -" OPEN_NOW_AT " ELSE " OPEN_NOW_AT " END) AS balance," \
  "   sum (CASE WHEN i.kind = 'invoice' AND i.due_date < ?1 THEN " OPEN_NOW_AT " END) AS overdue," \
  "   min (CASE WHEN i.kind = 'invoice' AND i.due_date < ?1 THEN i.due_date END) AS oldest_due" \
  "  FROM invoices i WHERE i.allocated < i.amount AND +i.issue_date <= ?1%s GROUP BY i.customer_id" \
  "  UNION ALL" \
  "  SELECT customer_id, CASE kind WHEN 'credit_note' THEN -open ELSE open END," \
  "   CASE WHEN kind = 'invoice' AND due_date < ?1 THEN open END," \
  "   CASE WHEN kind = 'invoice' AND due_date < ?1 THEN due_date END FROM settled)" \
  " GROUP BY customer_id"

#define SIGNED_AMOUNT "(CASE i.kind WHEN 'credit_note' THEN -i.amount ELSE i.amount END)"
#define SIGNED_OPEN "(CASE i.kind WHEN 'credit_note' THEN i.allocated - i.amount ELSE i.amount - i.allocated END)"
#define IS_OPEN_INVOICE "(i.kind = 'invoice' AND i.allocated < i.amount)"
/* An open invoice a customer promised to pay: named in the call of a
 * promise made by ?1 whose date, plus the ledger's grace days, has not
 * passed. A promise kept has paid it; a broken one leaves it overdue. */
#define PROMISED_INVOICE \
  "EXISTS (SELECT 1 FROM action_invoices ai JOIN promises p ON p.action_id = ai.action_id" \
  " WHERE ai.invoice_id = i.id AND p.made_on <= ?1" \
  " AND p.promised_date + (SELECT promise_grace_days FROM company) >= ?1)"
#define INVOICE_STATUS_ORDER \
  "(CASE WHEN i.allocated = i.amount THEN 4" \
  " WHEN EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open') THEN 0" \
  " WHEN " PROMISED_INVOICE " THEN 1" \
  " WHEN i.kind = 'invoice' AND i.due_date < ?1 THEN 2 ELSE 3 END)"

#define LAST_ACTION_DATE \
  "coalesce ((SELECT max (a.date) FROM actions a WHERE a.customer_id = c.id AND a.date <= ?1), 0)"
/* Nothing planned sorts last. */
#define NEXT_ACTION_DATE \
  "coalesce (min (coalesce ((SELECT pp.until FROM postponements pp WHERE pp.customer_id = c.id AND pp.until > ?1), 9999999)," \
  " coalesce ((SELECT min (p.promised_date) FROM promises p WHERE p.customer_id = c.id" \
  "   AND p.made_on <= ?1 AND p.promised_date >= ?1), 9999999)), 9999999)"

static const SortKey customer_keys[] = {
  { "code", "c.code", "c.code DESC" },
  { "name", "c.sort_key, c.code", "c.sort_key DESC, c.code DESC" },
  /* Folded so that "Évry" sorts among the E: a few thousand rows, no index. */
  { "city", "relance_fold (c.city), c.code", "relance_fold (c.city) DESC, c.code" },
  { "balance", "coalesce (o.balance, 0), c.code", "coalesce (o.balance, 0) DESC, c.code", JOIN_TOTALS },
  { "overdue", "coalesce (o.overdue, 0), c.code", "coalesce (o.overdue, 0) DESC, c.code", JOIN_TOTALS },
  { "days", "coalesce (o.oldest_due, ?1) DESC, c.code", "coalesce (o.oldest_due, ?1), c.code", JOIN_TOTALS },
  { "last-action", LAST_ACTION_DATE ", c.code", LAST_ACTION_DATE " DESC, c.code" },
  { "next-action", NEXT_ACTION_DATE ", c.code", NEXT_ACTION_DATE " DESC, c.code" },
  { NULL }
};

/* Each ORDER BY here is read straight from an index (see the schema), so a
 * million invoices list their first page at once. */
static const SortKey invoice_keys[] = {
  { "number", "i.number", "i.number DESC" },
  { "customer", "c.sort_key, c.id, i.due_date, i.id",
    "c.sort_key DESC, c.id DESC, i.due_date DESC, i.id DESC", JOIN_CUSTOMER },
  { "issued", "i.issue_date, i.id", "i.issue_date DESC, i.id DESC" },
  { "due", "i.due_date, i.id", "i.due_date DESC, i.id DESC" },
  { "amount", SIGNED_AMOUNT ", i.id", SIGNED_AMOUNT " DESC, i.id DESC" },
  { "open", SIGNED_OPEN ", i.id", SIGNED_OPEN " DESC, i.id DESC" },
  { "days", IS_OPEN_INVOICE ", i.due_date DESC", IS_OPEN_INVOICE " DESC, i.due_date" },
  { "status", INVOICE_STATUS_ORDER ", i.due_date", INVOICE_STATUS_ORDER " DESC, i.due_date DESC" },
  { NULL }
};

static const SortKey dispute_keys[] = {
  { "opened", "d.opened_on, d.id", "d.opened_on DESC, d.id DESC" },
  { "invoice", "i.number", "i.number DESC", JOIN_INVOICE },
  { "customer", "c.sort_key, i.number", "c.sort_key DESC, i.number", JOIN_INVOICE | JOIN_CUSTOMER },
  { "cause", "k.position, k.code, d.opened_on", "k.position DESC, k.code DESC, d.opened_on", JOIN_CAUSE },
  { "department", "k.department, k.position, d.opened_on",
    "k.department DESC, k.position DESC, d.opened_on", JOIN_CAUSE },
  { "amount", "d.amount, d.id", "d.amount DESC, d.id" },
  { "days", "coalesce (d.resolved_on, ?1) - d.opened_on, d.id",
    "coalesce (d.resolved_on, ?1) - d.opened_on DESC, d.id" },
  { "status", "(d.status <> 'open'), d.status, d.opened_on",
    "(d.status <> 'open') DESC, d.status DESC, d.opened_on" },
  { NULL }
};

static const SortKey *
keys_for_kind (RelanceListKind kind)
{
  switch (kind)
    {
    case RELANCE_LIST_CUSTOMERS: return customer_keys;
    case RELANCE_LIST_INVOICES: return invoice_keys;
    case RELANCE_LIST_DISPUTES: return dispute_keys;
    default: g_return_val_if_reached (customer_keys);
    }
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

/* Turns what the user typed into an FTS5 query: every word must match the
 * start of a word ("besan" finds "Besançon"); the tokenizer folds accents
 * and case. Returns NULL when nothing searchable was typed. */
static char *
build_fts_query (const char *search)
{
  g_auto(GStrv) words = NULL;
  GString *query = g_string_new (NULL);

  words = g_strsplit_set (search, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_alnum = TRUE;
      if (!has_alnum)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

static gboolean
has_search (RelanceListModel *self)
{
  return self->search != NULL && self->search[0] != '\0';
}

/* Finds out whether the ledger holds amounts or disputes dated after
 * today, which the stored columns already count. */
static void
update_as_of (RelanceListModel *self)
{
  g_autoptr(GError) error = NULL;

  self->amounts_after = FALSE;
  self->disputes_after = FALSE;
  self->disputes_known = FALSE;
  if (self->kind == RELANCE_LIST_DISPUTES)
    {
      if (!_relance_ledger_disputes_after (self->db, self->today, &self->disputes_after, &error))
        g_warning ("Cannot read the ledger's dates: %s", error->message);
      self->disputes_known = TRUE;
      return;
    }

  if (!_relance_ledger_amounts_after (self->db, self->today, &self->amounts_after, &error))
    g_warning ("Cannot read the ledger's dates: %s", error->message);
}

/* Rewrites the stored status of disputes "d" in @sql into their status at
 * the end of ?1, when a dispute was opened or closed after it (or always,
 * @per_row: on a page of rows, it costs nothing). */
static void
rewrite_disputes (RelanceListModel *self,
                  GString          *sql,
                  gboolean          per_row)
{
  if (strstr (sql->str, "d.status = 'open'") == NULL)
    return;

  if (!per_row && !self->disputes_known)
    {
      g_autoptr(GError) error = NULL;

      if (!_relance_ledger_disputes_after (self->db, self->today, &self->disputes_after, &error))
        g_warning ("Cannot read the ledger's dates: %s", error->message);
      self->disputes_known = TRUE;
    }

  if (per_row || self->disputes_after)
    g_string_replace (sql, "d.status = 'open'", _RELANCE_SQL_DISPUTE_OPEN_AT, 0);
}

/* The list of disputes as it stood at the end of ?1, when a dispute was
 * opened or closed after it: those closed after ?1 were still open. */
static void
rewrite_dispute_list (RelanceListModel *self,
                      GString          *sql)
{
  if (!self->disputes_after)
    return;

  g_string_replace (sql, "(d.status <> 'open')", "(NOT " _RELANCE_SQL_DISPUTE_OPEN_AT ")", 0);
  g_string_replace (sql, "d.status = 'open'", _RELANCE_SQL_DISPUTE_OPEN_AT, 0);
  g_string_replace (sql, "d.status = 'resolved'", "(d.status = 'resolved' AND d.resolved_on <= ?1)", 0);
  g_string_replace (sql, "d.status = 'cancelled'", "(d.status = 'cancelled' AND d.resolved_on <= ?1)", 0);
  g_string_replace (sql, "coalesce (d.resolved_on, ?1)",
                    "coalesce (CASE WHEN d.resolved_on <= ?1 THEN d.resolved_on END, ?1)", 0);
}

/* Rewrites SQL written on the ledger as it stands (the stored allocated
 * amounts of invoices "i", the stored status of disputes "d") into SQL on
 * the ledger as it stood at the end of ?1, when something is dated after
 * it. @per_row: the SQL reads a page of rows, where working out each row's
 * amount is quicker than listing every open item. */
static void
rewrite_as_of (RelanceListModel *self,
               GString          *sql,
               gboolean          per_row)
{
  if (self->kind == RELANCE_LIST_DISPUTES)
    {
      rewrite_dispute_list (self, sql);
      return;
    }

  /* The customers' totals are written for both (customer_totals()). */
  if (self->amounts_after && self->kind == RELANCE_LIST_INVOICES)
    {
      /* Whether an invoice is open reads its own row; the predicates are
       * put aside while the amounts are rewritten. */
      if (!per_row)
        {
          g_string_replace (sql, "i.allocated < i.amount", "\1open\1", 0);
          g_string_replace (sql, "i.allocated = i.amount", "\1settled\1", 0);
        }
      g_string_replace (sql, "i.allocated", _RELANCE_SQL_ALLOCATED_AT, 0);
      g_string_replace (sql, "\1open\1", _RELANCE_SQL_OPEN_AT, 0);
      g_string_replace (sql, "\1settled\1", _RELANCE_SQL_SETTLED_AT, 0);
    }
  rewrite_disputes (self, sql, per_row);
}

/* The customers' totals, narrowed by @filter on "i". */
static char *
customer_totals (RelanceListModel *self,
                 const char       *filter)
{
  if (self->amounts_after)
    return g_strdup_printf (CUSTOMER_TOTALS_AT, filter, filter);
  return g_strdup_printf (CUSTOMER_TOTALS, filter);
}

static void
bind_common (RelanceListModel *self,
             sqlite3_stmt     *stmt)
{
  int n_params = sqlite3_bind_parameter_count (stmt);

  if (n_params >= 1)
    sqlite3_bind_int (stmt, 1, self->today);

  if (has_search (self) && n_params >= 2)
    {
      g_autofree char *fts = build_fts_query (self->search);
      g_autofree char *prefix = g_strstrip (g_strdup (self->search));
      g_autofree char *upper = g_strconcat (prefix, "\xf4\x8f\xbf\xbf", NULL);

      /* Nothing FTS can search for (only punctuation): no customer matches. */
      _relance_bind_text (stmt, 2, fts ? fts : "\"\"");
      if (n_params >= 5)
        {
          _relance_bind_text (stmt, 4, prefix);
          _relance_bind_text (stmt, 5, upper);
        }
      if (n_params >= 6)
        _relance_bind_text (stmt, 6, prefix);
    }

  if (n_params >= 3)
    sqlite3_bind_int64 (stmt, 3, self->customer_id);
  if (n_params >= 7)
    _relance_bind_text (stmt, 7, self->kind == RELANCE_LIST_DISPUTES ? self->cause : self->segment);
  if (n_params >= 8)
    sqlite3_bind_int (stmt, 8, self->issued_from);
  if (n_params >= 9)
    sqlite3_bind_int (stmt, 9, self->issued_to);
  if (n_params >= 10 && self->kind == RELANCE_LIST_DISPUTES)
    _relance_bind_text (stmt, 10, self->department);
}

#define OPEN_DISPUTE_OF_INVOICE \
  "EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id AND d.status = 'open')"
#define OVERDUE_INVOICE "(i.kind = 'invoice' AND i.allocated < i.amount AND i.due_date < ?1)"
/* The WHERE of the invoices' listing with no filter, seen from a day
 * something is dated after. */
#define ISSUED_BY_TODAY " WHERE i.issue_date <= ?1"

/* Mirrors read_invoice(): paid, disputed, promised, overdue, or else open. */
static const char *
invoice_status_condition (RelanceListStatus status)
{
  switch (status)
    {
    case RELANCE_LIST_STATUS_PAID:
      return "i.allocated = i.amount";
    case RELANCE_LIST_STATUS_DISPUTED:
      return "(i.allocated < i.amount AND " OPEN_DISPUTE_OF_INVOICE ")";
    case RELANCE_LIST_STATUS_PROMISED:
      return "(i.allocated < i.amount AND NOT " OPEN_DISPUTE_OF_INVOICE " AND " PROMISED_INVOICE ")";
    case RELANCE_LIST_STATUS_OVERDUE:
      return "(" OVERDUE_INVOICE " AND NOT " OPEN_DISPUTE_OF_INVOICE " AND NOT " PROMISED_INVOICE ")";
    case RELANCE_LIST_STATUS_OPEN:
      return "(i.allocated < i.amount AND NOT " OVERDUE_INVOICE " AND NOT " OPEN_DISPUTE_OF_INVOICE
             " AND NOT " PROMISED_INVOICE ")";
    default:
      return NULL;
    }
}

/* The buckets of relance_age_bucket_for(), on open invoices, as ranges of
 * due dates so that the index on due dates finds them. */
#define DUE_BEFORE(days) "i.due_date < ?1 - " G_STRINGIFY (days)
#define DUE_SINCE(days) "i.due_date >= ?1 - " G_STRINGIFY (days)
#define OPEN_INVOICE "i.kind = 'invoice' AND i.allocated < i.amount"

static const char *
age_condition (int bucket)
{
  switch (bucket)
    {
    case RELANCE_AGE_NOT_DUE:
      return "(" OPEN_INVOICE " AND i.due_date >= ?1)";
    case RELANCE_AGE_1_30:
      return "(" OPEN_INVOICE " AND i.due_date < ?1 AND " DUE_SINCE (RELANCE_AGE_LIMIT_1) ")";
    case RELANCE_AGE_31_60:
      return "(" OPEN_INVOICE " AND " DUE_BEFORE (RELANCE_AGE_LIMIT_1) " AND " DUE_SINCE (RELANCE_AGE_LIMIT_2) ")";
    case RELANCE_AGE_61_90:
      return "(" OPEN_INVOICE " AND " DUE_BEFORE (RELANCE_AGE_LIMIT_2) " AND " DUE_SINCE (RELANCE_AGE_LIMIT_3) ")";
    case RELANCE_AGE_OVER_90:
      return "(" OPEN_INVOICE " AND " DUE_BEFORE (RELANCE_AGE_LIMIT_3) ")";
    default:
      return NULL;
    }
}

static const char *
dispute_status_condition (RelanceListStatus status)
{
  switch (status)
    {
    case RELANCE_LIST_STATUS_OPEN: return "d.status = 'open'";
    case RELANCE_LIST_STATUS_RESOLVED: return "d.status = 'resolved'";
    case RELANCE_LIST_STATUS_CANCELLED: return "d.status = 'cancelled'";
    default: return NULL;
    }
}

static void
append_condition (GString    *where,
                  const char *condition)
{
  g_string_append (where, where->len == 0 ? " WHERE " : " AND ");
  g_string_append (where, condition);
}

/* The FROM and WHERE of the listing: only the joins the filters and
 * @wanted (the sort key's, or none for a count) need, so the count and
 * the cursor stay on indexes. */
static void
build_listing (RelanceListModel *self,
               Joins             wanted,
               GString          *from,
               GString          *where)
{
  Joins joins = wanted;
  const char *match = "i.customer_id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?2)";
  const char *prefix = "i.id IN (SELECT id FROM invoices WHERE number >= ?4 AND number < ?5)";

  switch (self->kind)
    {
    case RELANCE_LIST_CUSTOMERS:
      if (self->overdue_only)
        joins |= JOIN_TOTALS;
      g_string_append (from, " FROM customers c");
      if (joins & JOIN_TOTALS)
        {
          g_autofree char *totals = customer_totals (self, "");

          g_string_append_printf (from, " LEFT JOIN (%s) o ON o.customer_id = c.id", totals);
        }
      append_condition (where, self->archived ? "c.archived = 1" : "c.archived = 0");
      if (self->overdue_only)
        append_condition (where, "o.overdue > 0");
      if (self->segment != NULL)
        append_condition (where, "c.segment_id = (SELECT id FROM segments WHERE name = ?7)");
      if (self->open_dispute_only)
        append_condition (where,
                          "c.id IN (SELECT i.customer_id FROM disputes d"
                          " JOIN invoices i ON i.id = d.invoice_id WHERE d.status = 'open')");
      if (has_search (self))
        append_condition (where, "c.id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?2)");
      break;

    case RELANCE_LIST_INVOICES:
      g_string_append (from, " FROM invoices i");
      if (joins & JOIN_CUSTOMER)
        g_string_append (from, " JOIN customers c ON c.id = i.customer_id");
      /* Those issued by today; when none was issued after, all of them. */
      if (self->amounts_after)
        append_condition (where, "i.issue_date <= ?1");
      if (self->customer_id > 0)
        append_condition (where, "i.customer_id = ?3");
      if (self->overdue_only)
        append_condition (where, "i.kind = 'invoice' AND i.allocated < i.amount AND i.due_date < ?1");
      if (invoice_status_condition (self->status) != NULL)
        append_condition (where, invoice_status_condition (self->status));
      if (age_condition (self->age_bucket) != NULL)
        append_condition (where, age_condition (self->age_bucket));
      if (self->issued_from != 0)
        append_condition (where, "i.issue_date >= ?8");
      if (self->issued_to != 0)
        append_condition (where, "i.issue_date <= ?9");
      if (has_search (self))
        append_condition (where,
                          "i.id IN (SELECT id FROM invoices i WHERE i.customer_id IN"
                          " (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?2)"
                          " UNION SELECT id FROM invoices WHERE number >= ?4 AND number < ?5)");
      break;

    case RELANCE_LIST_DISPUTES:
      if (self->customer_id > 0)
        joins |= JOIN_INVOICE;
      if (has_search (self))
        joins |= JOIN_INVOICE | JOIN_CAUSE;
      if (self->cause != NULL)
        joins |= JOIN_CAUSE;
      g_string_append (from, " FROM disputes d");
      /* Those opened by today; when none was opened after, all of them. */
      if (self->disputes_after)
        append_condition (where, "d.opened_on <= ?1");
      if (joins & (JOIN_INVOICE | JOIN_CUSTOMER))
        g_string_append (from, " JOIN invoices i ON i.id = d.invoice_id");
      if (joins & JOIN_CUSTOMER)
        g_string_append (from, " JOIN customers c ON c.id = i.customer_id");
      if (joins & JOIN_CAUSE)
        g_string_append (from, " JOIN dispute_causes k ON k.id = d.cause_id");
      if (self->customer_id > 0)
        append_condition (where, "i.customer_id = ?3");
      if (self->overdue_only)
        append_condition (where, "d.status = 'open'");
      if (dispute_status_condition (self->status) != NULL)
        append_condition (where, dispute_status_condition (self->status));
      if (self->cause != NULL)
        append_condition (where, "k.code = ?7");
      /* Four to six causes: their ids, then the disputes' own column. */
      if (self->department != NULL)
        append_condition (where,
                          "d.cause_id IN (SELECT id FROM dispute_causes"
                          " WHERE department = ?10 COLLATE NOCASE)");
      if (has_search (self))
        {
          g_autofree char *condition = g_strdup_printf ("(%s OR %s OR k.code = ?6)", match, prefix);

          append_condition (where, condition);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static const char *
id_column (RelanceListModel *self)
{
  switch (self->kind)
    {
    case RELANCE_LIST_CUSTOMERS: return "c.id";
    case RELANCE_LIST_INVOICES: return "i.id";
    case RELANCE_LIST_DISPUTES: return "d.id";
    default: g_return_val_if_reached ("rowid");
    }
}

/* What was allocated by the end of ?1 to an invoice open now: its
 * covering index has no settled_date, and needs none. */
#define ALLOCATED_NOW_AT \
  "(i.allocated - CASE WHEN i.allocated = 0 THEN 0 ELSE " _RELANCE_SQL_ALLOCATED_AFTER " END)"

/* One branch of the invoices' count or totals at the end of ?1: @select and
 * @where know every row is open then; @items says which (those open now
 * or those settled after ?1). */
static void
append_open_branch (RelanceListModel *self,
                    GString          *sql,
                    const char       *select,
                    const char       *from,
                    const char       *where,
                    gboolean          open_now)
{
  g_autoptr(GString) branch = g_string_new (select);

  g_string_append (branch, from);
  g_string_append (branch, where);
  g_string_replace (branch, "i.allocated < i.amount", "1", 0);
  g_string_replace (branch, "i.allocated = i.amount", "0", 0);
  g_string_replace (branch, "i.allocated", open_now ? ALLOCATED_NOW_AT : _RELANCE_SQL_ALLOCATED_AT, 0);
  rewrite_disputes (self, branch, FALSE);
  /* The partial index of the items, not the one of issue dates. */
  g_string_replace (branch, "i.issue_date <= ?1", "+i.issue_date <= ?1", 0);
  g_string_append (branch, open_now ? " AND i.allocated < i.amount" : " AND i.settled_date > ?1");
  g_string_append (sql, branch->str);
}

/* Whether the filters keep only invoices with something open. */
static gboolean
lists_open_only (RelanceListModel *self)
{
  return self->overdue_only || self->age_bucket >= 0 ||
         (self->status != RELANCE_LIST_STATUS_ANY && self->status != RELANCE_LIST_STATUS_PAID);
}

static sqlite3_stmt *
prepare_listing (RelanceListModel *self,
                 gboolean          count)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GString) from = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  /* The joins of the sort key never change the count (each row has its
   * customer, invoice and cause): a count reads none. */
  build_listing (self, count ? JOIN_NONE : self->sort->joins, from, where);

  g_string_append (sql, count ? "count (*)" : id_column (self));
  g_string_append (sql, from->str);
  g_string_append (sql, where->str);
  if (!count)
    {
      g_string_append (sql, " ORDER BY ");
      g_string_append (sql, self->descending ? self->sort->descending : self->sort->ascending);
    }

  rewrite_as_of (self, sql, FALSE);

  /* Every invoice issued by today: all of them but the few issued after,
   * rather than counting most of the index of issue dates. Only open ones:
   * those open now and those settled after today, each from its partial
   * index. */
  if (count && self->kind == RELANCE_LIST_INVOICES && g_str_equal (where->str, ISSUED_BY_TODAY))
    g_string_assign (sql, "SELECT (SELECT count (*) FROM invoices)"
                          " - (SELECT count (*) FROM invoices WHERE issue_date > ?1)");
  else if (count && self->kind == RELANCE_LIST_INVOICES && self->amounts_after && lists_open_only (self))
    {
      g_string_assign (sql, "SELECT count (*) FROM (");
      append_open_branch (self, sql, "SELECT 1", from->str, where->str, TRUE);
      g_string_append (sql, " UNION ALL ");
      append_open_branch (self, sql, "SELECT 1", from->str, where->str, FALSE);
      g_string_append (sql, ")");
    }

  stmt = _relance_database_prepare (self->db, sql->str, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot list the ledger: %s", error->message);
      return NULL;
    }

  bind_common (self, stmt);
  return stmt;
}

static void
close_cursor (RelanceListModel *self)
{
  g_clear_pointer (&self->cursor, sqlite3_finalize);
  g_clear_handle_id (&self->fill_source, g_source_remove);
}

/* Steps the cursor until @wanted ids are known (or the end). */
static void
read_ids (RelanceListModel *self,
          guint             wanted)
{
  wanted = MIN (wanted, self->n_items);

  while (self->cursor != NULL && self->ids->len < wanted)
    {
      int rc = sqlite3_step (self->cursor);
      gint64 id;

      if (rc != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            g_debug ("Listing stopped: %s",
                     sqlite3_errmsg (_relance_database_get_handle (self->db)));
          close_cursor (self);
          break;
        }

      id = sqlite3_column_int64 (self->cursor, 0);
      g_array_append_val (self->ids, id);
    }

  if (self->ids->len >= self->n_items)
    close_cursor (self);

  /* Rows gone between the count and the cursor: pad with ids that match
   * nothing, shown as empty rows until the next reload. */
  if (self->cursor == NULL && self->ids->len < wanted)
    g_array_set_size (self->ids, wanted);
}

static gboolean
fill_ids_cb (gpointer data)
{
  RelanceListModel *self = data;

  read_ids (self, self->ids->len + 20000);
  if (self->cursor != NULL)
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

static void
load_ids (RelanceListModel *self)
{
  g_autoptr(sqlite3_stmt) count = NULL;

  close_cursor (self);
  g_clear_pointer (&self->ids, g_array_unref);
  g_hash_table_remove_all (self->pages);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->n_items = 0;
  update_as_of (self);

  count = prepare_listing (self, TRUE);
  if (count == NULL)
    return;

  if (sqlite3_step (count) != SQLITE_ROW)
    {
      /* An FTS query SQLite refuses lists nothing. */
      g_debug ("Counting stopped: %s",
               sqlite3_errmsg (_relance_database_get_handle (self->db)));
      return;
    }

  self->n_items = (guint)sqlite3_column_int64 (count, 0);
  if (self->n_items == 0)
    return;

  /* Sized once: growing by doubling would briefly hold twice the ids. */
  g_array_set_size (self->ids, self->n_items);
  g_array_set_size (self->ids, 0);

  self->cursor = prepare_listing (self, FALSE);
  if (self->cursor != NULL)
    self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_ids_cb, self, NULL);
}

static void
ensure_ids (RelanceListModel *self)
{
  if (self->ids == NULL)
    load_ids (self);
}

static const char *
rows_query (RelanceListModel *self)
{
  /* By kind, and whether amounts are dated after today. */
  static char *queries[3][2];
  char **query = &queries[self->kind][!!self->amounts_after];
  g_autofree char *totals = NULL;
  g_autofree char *filter = NULL;
  GString *sql;
  GString *in_list;

  if (*query != NULL)
    return *query;

  in_list = g_string_new ("(");
  for (guint i = 0; i < PAGE_SIZE; i++)
    g_string_append_printf (in_list, "%s?%u", i ? ", " : "", FIRST_ID_PARAM + i);
  g_string_append_c (in_list, ')');

  sql = g_string_new (NULL);
  switch (self->kind)
    {
    case RELANCE_LIST_CUSTOMERS:
      filter = g_strdup_printf (" AND i.customer_id IN %s", in_list->str);
      totals = customer_totals (self, filter);
      g_string_append_printf (sql,
                              "SELECT c.id, c.code, c.name, c.address, c.postcode, c.city, c.country,"
                              " c.email, c.phone, s.name, c.payment_terms, c.archived,"
                              " coalesce (o.balance, 0), coalesce (o.overdue, 0), o.oldest_due,"
                              " la.date, la.kind, pp.until, pp.reason,"
                              /* A payment promised for today or later. */
                              " (SELECT min (p.promised_date) FROM promises p WHERE p.customer_id = c.id"
                              "   AND p.made_on <= ?1 AND p.promised_date >= ?1)"
                              " FROM customers c LEFT JOIN segments s ON s.id = c.segment_id"
                              " LEFT JOIN (%s) o ON o.customer_id = c.id"
                              " LEFT JOIN actions la ON la.id = (SELECT a.id FROM actions a"
                              "   WHERE a.customer_id = c.id AND a.date <= ?1"
                              "   ORDER BY a.date DESC, a.id DESC LIMIT 1)"
                              " LEFT JOIN postponements pp ON pp.customer_id = c.id AND pp.until > ?1"
                              " WHERE c.id IN %s",
                              totals, in_list->str);
      break;

    case RELANCE_LIST_INVOICES:
      g_string_append_printf (sql,
                              "SELECT i.id, i.customer_id, c.code, c.name, i.number, i.kind,"
                              " i.issue_date, i.due_date, i.amount, i.allocated,"
                              " EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id"
                              "         AND d.status = 'open'),"
                              " i.allocated < i.amount AND " PROMISED_INVOICE
                              " FROM invoices i JOIN customers c ON c.id = i.customer_id"
                              " WHERE i.id IN %s",
                              in_list->str);
      break;

    case RELANCE_LIST_DISPUTES:
      g_string_append_printf (sql,
                              "SELECT d.id, d.invoice_id, i.number, c.code, c.name, k.code, k.label,"
                              " k.department, k.colour, d.amount, d.opened_on, d.resolved_on,"
                              " d.status, d.description, d.resolution"
                              " FROM disputes d JOIN invoices i ON i.id = d.invoice_id"
                              " JOIN customers c ON c.id = i.customer_id"
                              " JOIN dispute_causes k ON k.id = d.cause_id"
                              " WHERE d.id IN %s",
                              in_list->str);
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->kind != RELANCE_LIST_DISPUTES)
    rewrite_as_of (self, sql, TRUE);

  g_string_free (in_list, TRUE);
  *query = g_string_free (sql, FALSE);
  return *query;
}

static gpointer
read_customer (RelanceListModel *self,
               sqlite3_stmt     *stmt)
{
  RelanceCustomer *customer = g_object_new (RELANCE_TYPE_CUSTOMER, NULL);

  customer->id = sqlite3_column_int64 (stmt, 0);
  customer->code = _relance_column_dup (stmt, 1);
  customer->name = _relance_column_dup (stmt, 2);
  customer->address = _relance_column_dup (stmt, 3);
  customer->postcode = _relance_column_dup (stmt, 4);
  customer->city = _relance_column_dup (stmt, 5);
  customer->country = _relance_column_dup (stmt, 6);
  customer->email = _relance_column_dup (stmt, 7);
  customer->phone = _relance_column_dup (stmt, 8);
  customer->segment = _relance_column_dup (stmt, 9);
  customer->payment_terms = sqlite3_column_int (stmt, 10);
  customer->archived = sqlite3_column_int (stmt, 11) != 0;
  customer->balance = sqlite3_column_int64 (stmt, 12);
  customer->overdue = sqlite3_column_int64 (stmt, 13);
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    customer->days_overdue = MAX (0, self->today - sqlite3_column_int (stmt, 14));
  customer->last_action_date = sqlite3_column_int (stmt, 15);
  customer->last_action_kind = _relance_column_dup (stmt, 16);
  /* What was planned next: the sooner of a postponement and a promise. */
  {
    RelanceDay until = sqlite3_column_int (stmt, 17);
    RelanceDay promised = sqlite3_column_int (stmt, 19);

    if (until != 0 && (promised == 0 || until <= promised))
      {
        customer->next_action_date = until;
        customer->next_action_kind = g_strdup ("postponed");
        customer->next_action_note = _relance_column_dup (stmt, 18);
      }
    else if (promised != 0)
      {
        customer->next_action_date = promised;
        customer->next_action_kind = g_strdup ("promise");
        customer->next_action_note = g_strdup ("");
      }
    else
      {
        customer->next_action_kind = g_strdup ("");
        customer->next_action_note = g_strdup ("");
      }
  }

  return customer;
}

static gpointer
read_invoice (RelanceListModel *self,
              sqlite3_stmt     *stmt)
{
  RelanceInvoice *invoice = g_object_new (RELANCE_TYPE_INVOICE, NULL);
  gboolean credit_note;
  gboolean disputed;
  gboolean promised;
  gint64 amount, allocated;

  invoice->id = sqlite3_column_int64 (stmt, 0);
  invoice->customer_id = sqlite3_column_int64 (stmt, 1);
  invoice->customer_code = _relance_column_dup (stmt, 2);
  invoice->customer_name = _relance_column_dup (stmt, 3);
  invoice->number = _relance_column_dup (stmt, 4);
  credit_note = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 5), "credit_note") == 0;
  invoice->kind = credit_note ? RELANCE_INVOICE_KIND_CREDIT_NOTE : RELANCE_INVOICE_KIND_INVOICE;
  invoice->issue_date = sqlite3_column_int (stmt, 6);
  invoice->due_date = sqlite3_column_int (stmt, 7);
  amount = sqlite3_column_int64 (stmt, 8);
  allocated = sqlite3_column_int64 (stmt, 9);
  disputed = sqlite3_column_int (stmt, 10) != 0;
  promised = sqlite3_column_int (stmt, 11) != 0;

  invoice->amount = credit_note ? -amount : amount;
  invoice->open = credit_note ? allocated - amount : amount - allocated;

  if (!credit_note && invoice->open > 0 && self->today > invoice->due_date)
    invoice->days_overdue = self->today - invoice->due_date;

  if (invoice->open == 0)
    invoice->status = RELANCE_INVOICE_STATUS_PAID;
  else if (disputed)
    invoice->status = RELANCE_INVOICE_STATUS_DISPUTED;
  else if (promised)
    invoice->status = RELANCE_INVOICE_STATUS_PROMISED;
  else if (invoice->days_overdue > 0)
    invoice->status = RELANCE_INVOICE_STATUS_OVERDUE;
  else
    invoice->status = RELANCE_INVOICE_STATUS_OPEN;

  return invoice;
}

static gpointer
read_dispute (RelanceListModel *self,
              sqlite3_stmt     *stmt)
{
  RelanceDispute *dispute = g_object_new (RELANCE_TYPE_DISPUTE, NULL);
  const char *status = (const char *)sqlite3_column_text (stmt, 12);

  dispute->id = sqlite3_column_int64 (stmt, 0);
  dispute->invoice_id = sqlite3_column_int64 (stmt, 1);
  dispute->invoice_number = _relance_column_dup (stmt, 2);
  dispute->customer_code = _relance_column_dup (stmt, 3);
  dispute->customer_name = _relance_column_dup (stmt, 4);
  dispute->cause_code = _relance_column_dup (stmt, 5);
  dispute->cause_label = _relance_column_dup (stmt, 6);
  dispute->department = _relance_column_dup (stmt, 7);
  dispute->colour = _relance_column_dup (stmt, 8);
  dispute->amount = sqlite3_column_int64 (stmt, 9);
  dispute->opened_on = sqlite3_column_int (stmt, 10);
  dispute->resolved_on = sqlite3_column_int (stmt, 11);
  dispute->description = _relance_column_dup (stmt, 13);
  dispute->resolution = _relance_column_dup (stmt, 14);
  /* Closed after today: still open today. */
  if (dispute->resolved_on > self->today)
    {
      dispute->resolved_on = 0;
      status = "open";
      g_free (dispute->resolution);
      dispute->resolution = g_strdup ("");
    }

  if (g_strcmp0 (status, "resolved") == 0)
    dispute->status = RELANCE_DISPUTE_STATUS_RESOLVED;
  else if (g_strcmp0 (status, "cancelled") == 0)
    dispute->status = RELANCE_DISPUTE_STATUS_CANCELLED;
  else
    dispute->status = RELANCE_DISPUTE_STATUS_OPEN;

  dispute->days_open = MAX (0, (dispute->resolved_on ? dispute->resolved_on : self->today)
                               - dispute->opened_on);

  return dispute;
}

static gint64
object_id (RelanceListModel *self,
           gpointer          object)
{
  switch (self->kind)
    {
    case RELANCE_LIST_CUSTOMERS: return ((RelanceCustomer *)object)->id;
    case RELANCE_LIST_INVOICES: return ((RelanceInvoice *)object)->id;
    case RELANCE_LIST_DISPUTES: return ((RelanceDispute *)object)->id;
    default: g_return_val_if_reached (0);
    }
}

static Page *
load_page (RelanceListModel *self,
           guint             page_number)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GError) error = NULL;
  guint first = page_number * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->n_items - first);
  Page *page;

  read_ids (self, first + n);

  page = g_new0 (Page, 1);
  page->items = g_ptr_array_new_full (n, g_object_unref);

  stmt = _relance_database_prepare (self->db, rows_query (self), &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the ledger: %s", error->message);
      return page;
    }

  sqlite3_bind_int (stmt, 1, self->today);
  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, FIRST_ID_PARAM + (int)i, g_array_index (self->ids, gint64, first + i));

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gpointer object = NULL;

      switch (self->kind)
        {
        case RELANCE_LIST_CUSTOMERS: object = read_customer (self, stmt); break;
        case RELANCE_LIST_INVOICES: object = read_invoice (self, stmt); break;
        case RELANCE_LIST_DISPUTES: object = read_dispute (self, stmt); break;
        default: g_assert_not_reached ();
        }

      /* The key lives in the object, which the table owns. */
      switch (self->kind)
        {
        case RELANCE_LIST_CUSTOMERS: g_hash_table_insert (by_id, &((RelanceCustomer *)object)->id, object); break;
        case RELANCE_LIST_INVOICES: g_hash_table_insert (by_id, &((RelanceInvoice *)object)->id, object); break;
        case RELANCE_LIST_DISPUTES: g_hash_table_insert (by_id, &((RelanceDispute *)object)->id, object); break;
        default: g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, first + i);
      gpointer object = g_hash_table_lookup (by_id, &id);

      /* A row deleted since the ids were read: keep the position filled
       * with an empty row until the next reload. */
      if (object == NULL)
        {
          GType type = g_list_model_get_item_type (G_LIST_MODEL (self));

          g_ptr_array_add (page->items, g_object_new (type, NULL));
          continue;
        }

      g_assert (object_id (self, object) == id);
      g_ptr_array_add (page->items, g_object_ref (object));
    }

  return page;
}

static void
evict_old_pages (RelanceListModel *self)
{
  while (g_hash_table_size (self->pages) > MAX_PAGES)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Page *page = value;

          if (page->used < oldest)
            {
              oldest = page->used;
              oldest_key = key;
            }
        }

      g_hash_table_remove (self->pages, oldest_key);
    }
}

static GType
relance_list_model_get_item_type (GListModel *model)
{
  RelanceListModel *self = RELANCE_LIST_MODEL (model);

  switch (self->kind)
    {
    case RELANCE_LIST_CUSTOMERS: return RELANCE_TYPE_CUSTOMER;
    case RELANCE_LIST_INVOICES: return RELANCE_TYPE_INVOICE;
    case RELANCE_LIST_DISPUTES: return RELANCE_TYPE_DISPUTE;
    default: g_return_val_if_reached (G_TYPE_OBJECT);
    }
}

static guint
relance_list_model_get_n_items (GListModel *model)
{
  RelanceListModel *self = RELANCE_LIST_MODEL (model);

  ensure_ids (self);
  return self->n_items;
}

static gpointer
relance_list_model_get_item (GListModel *model,
                             guint       position)
{
  RelanceListModel *self = RELANCE_LIST_MODEL (model);
  guint page_number = position / PAGE_SIZE;
  Page *page;

  ensure_ids (self);
  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_number));
  if (page == NULL)
    {
      page = load_page (self, page_number);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_number), page);
    }

  /* Mark it used before evicting, so the page just read is never the one
   * thrown out. */
  page->used = ++self->clock;
  evict_old_pages (self);
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = relance_list_model_get_item_type;
  iface->get_n_items = relance_list_model_get_n_items;
  iface->get_item = relance_list_model_get_item;
}

static void
relance_list_model_finalize (GObject *object)
{
  RelanceListModel *self = (RelanceListModel *)object;

  close_cursor (self);
  g_clear_object (&self->db);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->cause, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->segment, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (relance_list_model_parent_class)->finalize (object);
}

static void
relance_list_model_class_init (RelanceListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = relance_list_model_finalize;
}

static void
relance_list_model_init (RelanceListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
}

/**
 * relance_list_model_new:
 * @db: the ledger
 * @kind: what to list
 * @today: the day overdue amounts and ages are computed at
 *
 * Returns: (transfer full): a model sorted by the first of its sort keys
 */
RelanceListModel *
relance_list_model_new (RelanceDatabase *db,
                        RelanceListKind  kind,
                        RelanceDay       today)
{
  RelanceListModel *self;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind <= RELANCE_LIST_DISPUTES, NULL);

  self = g_object_new (RELANCE_TYPE_LIST_MODEL, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  self->today = today;
  self->sort = &keys_for_kind (kind)[0];
  self->age_bucket = -1;
  self->descending = (kind == RELANCE_LIST_DISPUTES);

  return self;
}

RelanceListKind
relance_list_model_get_kind (RelanceListModel *self)
{
  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), 0);

  return self->kind;
}

/**
 * relance_list_model_reload:
 *
 * Reads the ids again, after the ledger changed or a filter did, and tells
 * the lists every row may have changed.
 */
void
relance_list_model_reload (RelanceListModel *self)
{
  guint old_len;

  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (self->ids == NULL)
    return;

  old_len = self->n_items;
  load_ids (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->n_items);
}

void
relance_list_model_set_today (RelanceListModel *self,
                              RelanceDay        today)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (self->today == today)
    return;

  self->today = today;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_search:
 * @search: (nullable): words the rows must contain, at the start of a word,
 *   in any case and with or without accents; for invoices and disputes also
 *   the start of an invoice number
 */
void
relance_list_model_set_search (RelanceListModel *self,
                               const char       *search)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  trimmed = g_strstrip (g_strdup (search ? search : ""));
  if (g_strcmp0 (trimmed, self->search ? self->search : "") == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&trimmed);
  relance_list_model_reload (self);
}

const char *
relance_list_model_get_search (RelanceListModel *self)
{
  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), NULL);

  return self->search ? self->search : "";
}

/**
 * relance_list_model_get_sort_keys:
 *
 * Returns: (transfer none): the keys relance_list_model_set_sort() takes
 */
const char * const *
relance_list_model_get_sort_keys (RelanceListModel *self)
{
  static const char **names[3];

  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), NULL);

  if (names[self->kind] == NULL)
    {
      const SortKey *keys = keys_for_kind (self->kind);
      guint n = 0;
      const char **list;

      while (keys[n].key != NULL)
        n++;
      list = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        list[i] = keys[i].key;
      names[self->kind] = list;
    }

  return names[self->kind];
}

/**
 * relance_list_model_set_sort:
 * @key: one of relance_list_model_get_sort_keys()
 * @descending: largest first
 *
 * Returns: %FALSE if @key is not a sort key of this list
 */
gboolean
relance_list_model_set_sort (RelanceListModel *self,
                             const char       *key,
                             gboolean          descending)
{
  const SortKey *keys;

  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), FALSE);

  keys = keys_for_kind (self->kind);
  for (guint i = 0; keys[i].key != NULL; i++)
    {
      if (g_strcmp0 (keys[i].key, key) != 0)
        continue;

      if (self->sort != &keys[i] || self->descending != descending)
        {
          self->sort = &keys[i];
          self->descending = descending;
          relance_list_model_reload (self);
        }
      return TRUE;
    }

  return FALSE;
}

/**
 * relance_list_model_set_customer:
 * @customer_id: list only this customer's invoices or disputes; 0 for all
 */
void
relance_list_model_set_customer (RelanceListModel *self,
                                 gint64            customer_id)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_overdue_only:
 * @overdue_only: customers with an overdue amount, overdue invoices, or
 *   open disputes only
 */
void
relance_list_model_set_overdue_only (RelanceListModel *self,
                                     gboolean          overdue_only)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == overdue_only)
    return;

  self->overdue_only = overdue_only;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_status:
 * @status: invoices: open (not yet due), overdue, disputed or paid, as their
 *   status column says; disputes: open, resolved or cancelled
 */
void
relance_list_model_set_status (RelanceListModel  *self,
                               RelanceListStatus  status)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (self->status == status)
    return;

  self->status = status;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_age_bucket:
 * @bucket: a #RelanceAgeBucket: open invoices not due, or overdue by 1-30,
 *   31-60, 61-90 or more days; -1 for any invoice
 */
void
relance_list_model_set_age_bucket (RelanceListModel *self,
                                   int               bucket)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (bucket < 0 || bucket >= RELANCE_AGE_N_BUCKETS)
    bucket = -1;
  if (self->age_bucket == bucket)
    return;

  self->age_bucket = bucket;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_issue_range:
 * @from: invoices issued on or after this day; 0 for no bound
 * @to: invoices issued on or before this day; 0 for no bound
 */
void
relance_list_model_set_issue_range (RelanceListModel *self,
                                    RelanceDay        from,
                                    RelanceDay        to)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (self->issued_from == from && self->issued_to == to)
    return;

  self->issued_from = from;
  self->issued_to = to;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_segment:
 * @segment: (nullable): customers of this target group only
 */
void
relance_list_model_set_segment (RelanceListModel *self,
                                const char       *segment)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (segment != NULL && segment[0] == '\0')
    segment = NULL;
  if (g_strcmp0 (self->segment, segment) == 0)
    return;

  g_free (self->segment);
  self->segment = g_strdup (segment);
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_open_dispute_only:
 * @open_dispute_only: customers with an open dispute only
 */
void
relance_list_model_set_open_dispute_only (RelanceListModel *self,
                                          gboolean          open_dispute_only)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  open_dispute_only = !!open_dispute_only;
  if (self->open_dispute_only == open_dispute_only)
    return;

  self->open_dispute_only = open_dispute_only;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_set_archived:
 * @archived: list the archived customers instead of the others
 */
void
relance_list_model_set_archived (RelanceListModel *self,
                                 gboolean          archived)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  archived = !!archived;
  if (self->archived == archived)
    return;

  self->archived = archived;
  relance_list_model_reload (self);
}

/**
 * relance_list_model_dup_segments:
 *
 * Returns: (transfer full): the names of the target groups, for
 *   relance_list_model_set_segment()
 */
char **
relance_list_model_dup_segments (RelanceListModel *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), NULL);

  stmt = _relance_database_prepare (self->db, "SELECT name FROM segments ORDER BY name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *)sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (names);
}

/**
 * relance_list_model_set_cause:
 * @cause: (nullable): list only the disputes of this cause code; %NULL for
 *   every cause
 */
void
relance_list_model_set_cause (RelanceListModel *self,
                              const char       *cause)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (cause != NULL && cause[0] == '\0')
    cause = NULL;
  if (g_strcmp0 (self->cause, cause) == 0)
    return;

  g_free (self->cause);
  self->cause = g_strdup (cause);
  relance_list_model_reload (self);
}

/**
 * relance_list_model_dup_causes:
 * @labels: (out) (optional) (transfer full): the causes' labels, in the
 *   same order
 *
 * Returns: (transfer full): the dispute cause codes, for
 *   relance_list_model_set_cause()
 */
char **
relance_list_model_dup_causes (RelanceListModel   *self,
                               char             ***labels)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), NULL);

  stmt = _relance_database_prepare (self->db,
                                    "SELECT code, label FROM dispute_causes ORDER BY position, code",
                                    NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_strv_builder_add (codes, (const char *)sqlite3_column_text (stmt, 0));
      g_strv_builder_add (texts, (const char *)sqlite3_column_text (stmt, 1));
    }

  if (labels != NULL)
    *labels = g_strv_builder_end (texts);
  return g_strv_builder_end (codes);
}

/**
 * relance_list_model_set_department:
 * @department: (nullable): list only the disputes whose cause names this
 *   department (in any case); %NULL for every department
 */
void
relance_list_model_set_department (RelanceListModel *self,
                                   const char       *department)
{
  g_return_if_fail (RELANCE_IS_LIST_MODEL (self));

  if (department != NULL && department[0] == '\0')
    department = NULL;
  if (g_strcmp0 (self->department, department) == 0)
    return;

  g_free (self->department);
  self->department = g_strdup (department);
  relance_list_model_reload (self);
}

/**
 * relance_list_model_dup_departments:
 *
 * The departments named by the dispute causes, as the causes spell them
 * (once each, whatever the case), in the order of their first cause; a
 * cause with no department adds none.
 *
 * Returns: (transfer full): the departments, for
 *   relance_list_model_set_department()
 */
char **
relance_list_model_dup_departments (RelanceListModel *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), NULL);

  stmt = _relance_database_prepare (self->db,
                                    "SELECT department FROM dispute_causes WHERE department <> ''"
                                    " GROUP BY department COLLATE NOCASE"
                                    " ORDER BY min (position), min (code)",
                                    NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *)sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (names);
}

/* The sums of the invoices' totals bar at the end of ?1, when something
 * is dated after it: the open items of that day are those open now and
 * those settled after it (what was allocated to them since is all that was
 * open), each read from its partial index. @where has the condition on
 * the issue date. */
static void
append_open_items_at (RelanceListModel *self,
                      GString          *sql,
                      const char       *from,
                      const char       *where)
{
  g_string_append (sql, "coalesce (sum (CASE kind WHEN 'credit_note' THEN -open ELSE open END), 0),"
                        " coalesce (sum (CASE WHEN kind = 'invoice' AND due_date < ?1 THEN open END), 0)"
                        " FROM (");
  append_open_branch (self, sql,
                      "SELECT i.kind AS kind, i.due_date AS due_date, i.amount - i.allocated AS open",
                      from, where, TRUE);
  g_string_append (sql, " UNION ALL ");
  append_open_branch (self, sql,
                      "SELECT i.kind, i.due_date, " _RELANCE_SQL_ALLOCATED_AFTER,
                      from, where, FALSE);
  g_string_append (sql, ")");
}

/**
 * relance_list_model_get_totals:
 * @totals: (out): the count and sums of the rows the filters keep
 *
 * Customers: their balance and overdue amount; invoices: their open
 * balance (credit notes deducted) and what of it is overdue; disputes:
 * the amounts disputed, and those still open.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_list_model_get_totals (RelanceListModel  *self,
                               RelanceListTotals *totals)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count (*), ");
  g_autoptr(GString) from = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (totals != NULL, FALSE);

  memset (totals, 0, sizeof *totals);
  update_as_of (self);

  switch (self->kind)
    {
    case RELANCE_LIST_CUSTOMERS:
      build_listing (self, self->sort->joins | JOIN_TOTALS, from, where);
      g_string_append (sql, "coalesce (sum (o.balance), 0), coalesce (sum (o.overdue), 0)");
      break;

    case RELANCE_LIST_INVOICES:
      /* Only open items add to the sums: read them from their partial
       * index, not the million paid ones; the count is the list's. */
      build_listing (self, self->sort->joins, from, where);
      if (self->amounts_after)
        {
          append_open_items_at (self, sql, from->str, where->str);
          g_string_truncate (from, 0);
          g_string_truncate (where, 0);
          break;
        }
      append_condition (where, "i.allocated < i.amount");
      g_string_append (sql, "coalesce (sum (" SIGNED_OPEN "), 0),"
                            " coalesce (sum (CASE WHEN " OVERDUE_INVOICE " THEN i.amount - i.allocated END), 0)");
      break;

    case RELANCE_LIST_DISPUTES:
      build_listing (self, self->sort->joins, from, where);
      g_string_append (sql, "coalesce (sum (d.amount), 0),"
                            " coalesce (sum (CASE WHEN d.status = 'open' THEN d.amount END), 0)");
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  g_string_append (sql, from->str);
  g_string_append (sql, where->str);
  if (self->kind != RELANCE_LIST_INVOICES)
    rewrite_as_of (self, sql, FALSE);

  stmt = _relance_database_prepare (self->db, sql->str, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot total the list: %s", error->message);
      return FALSE;
    }
  bind_common (self, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  totals->count = self->kind == RELANCE_LIST_INVOICES
                  ? g_list_model_get_n_items (G_LIST_MODEL (self))
                  : (guint)sqlite3_column_int64 (stmt, 0);
  totals->total = sqlite3_column_int64 (stmt, 1);
  totals->overdue = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}
