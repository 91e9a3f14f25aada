/* relance-cli-commands.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "relance-cli-commands.h"
#include "relance-cli-output.h"
#include "relance-company.h"
#include "relance-context.h"
#include "relance-customer.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-dispute.h"
#include "relance-error.h"
#include "relance-invoice.h"
#include "relance-ledger.h"
#include "relance-list-model.h"
#include "relance-money.h"
#include "relance-sample.h"

/* What one run of a command was given, besides its own options. */
typedef RelanceCliInvocation Invocation;

static void
invocation_clear (Invocation *inv)
{
  g_clear_pointer (&inv->db_path, g_free);
  g_clear_pointer (&inv->date, g_free);
  g_clear_pointer (&inv->format_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Invocation, invocation_clear)

typedef struct
{
  char   *number;
  gint64  open;
} OpenBalance;

static void
open_balance_free (OpenBalance *balance)
{
  g_free (balance->number);
  g_free (balance);
}

/* Reads a RelanceListModel row by row, from start to end, any number of
 * times; the model reads its rows by page. */
typedef struct
{
  RelanceListModel *list;
  guint             n_items;
} ListReader;

static void
list_reader_init (ListReader       *reader,
                  RelanceListModel *list)
{
  reader->list = list;
  reader->n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* Returns: (transfer full) (nullable): the item, or %NULL if the ledger
 * lost rows since the listing started */
static gpointer
list_reader_get (ListReader *reader,
                 guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (reader->list), position);
}

/* Lists only the rows of the customer whose code is @code, if any. */
static gboolean
restrict_to_customer (RelanceListModel  *list,
                      RelanceDatabase   *db,
                      const char        *code,
                      GError           **error)
{
  gint64 customer_id;

  if (code == NULL)
    return TRUE;

  customer_id = relance_ledger_find_customer (db, code, error);
  if (customer_id == 0)
    return FALSE;

  relance_list_model_set_customer (list, customer_id);
  return TRUE;
}

/* Columns: the names are what scripts read and are never translated. */

enum { CUSTOMER_CODE, CUSTOMER_NAME, CUSTOMER_BALANCE, CUSTOMER_OVERDUE, CUSTOMER_DAYS };

static const RelanceCliColumn customer_columns[] = {
  { "code", N_("Code"), RELANCE_CLI_COLUMN_TEXT },
  { "name", N_("Name"), RELANCE_CLI_COLUMN_TEXT },
  { "balance", N_("Balance"), RELANCE_CLI_COLUMN_AMOUNT },
  { "overdue", N_("Overdue"), RELANCE_CLI_COLUMN_AMOUNT },
  { "days_overdue", N_("Days overdue"), RELANCE_CLI_COLUMN_NUMBER },
};

enum { INVOICE_NUMBER, INVOICE_CUSTOMER, INVOICE_ISSUED, INVOICE_DUE, INVOICE_AMOUNT,
       INVOICE_OPEN, INVOICE_DAYS, INVOICE_STATUS };

static const RelanceCliColumn invoice_columns[] = {
  { "number", N_("Number"), RELANCE_CLI_COLUMN_TEXT },
  { "customer", N_("Customer"), RELANCE_CLI_COLUMN_TEXT },
  { "issued", N_("Issued"), RELANCE_CLI_COLUMN_DATE },
  { "due", N_("Due"), RELANCE_CLI_COLUMN_DATE },
  { "amount", N_("Amount"), RELANCE_CLI_COLUMN_AMOUNT },
  { "open", N_("Open"), RELANCE_CLI_COLUMN_AMOUNT },
  { "days_overdue", N_("Days overdue"), RELANCE_CLI_COLUMN_NUMBER },
  { "status", N_("Status"), RELANCE_CLI_COLUMN_TEXT },
};

enum { DISPUTE_INVOICE, DISPUTE_CUSTOMER, DISPUTE_CAUSE, DISPUTE_AMOUNT, DISPUTE_OPENED,
       DISPUTE_RESOLVED, DISPUTE_DAYS, DISPUTE_STATUS };

static const RelanceCliColumn dispute_columns[] = {
  { "invoice", N_("Invoice"), RELANCE_CLI_COLUMN_TEXT },
  { "customer", N_("Customer"), RELANCE_CLI_COLUMN_TEXT },
  { "cause", N_("Cause"), RELANCE_CLI_COLUMN_TEXT },
  { "amount", N_("Amount"), RELANCE_CLI_COLUMN_AMOUNT },
  { "opened", N_("Opened"), RELANCE_CLI_COLUMN_DATE },
  { "resolved", N_("Resolved"), RELANCE_CLI_COLUMN_DATE },
  { "days_open", N_("Days open"), RELANCE_CLI_COLUMN_NUMBER },
  { "status", N_("Status"), RELANCE_CLI_COLUMN_TEXT },
};

enum { AGED_CODE, AGED_NAME, AGED_FIRST_BUCKET, AGED_TOTAL = AGED_FIRST_BUCKET + RELANCE_AGE_N_BUCKETS };

static const RelanceCliColumn aged_columns[] = {
  { "code", N_("Code"), RELANCE_CLI_COLUMN_TEXT },
  { "name", N_("Name"), RELANCE_CLI_COLUMN_TEXT },
  { "not_due", N_("Not due"), RELANCE_CLI_COLUMN_AMOUNT },
  { "d1_30", N_("1–30 days"), RELANCE_CLI_COLUMN_AMOUNT },
  { "d31_60", N_("31–60 days"), RELANCE_CLI_COLUMN_AMOUNT },
  { "d61_90", N_("61–90 days"), RELANCE_CLI_COLUMN_AMOUNT },
  { "over_90", N_("Over 90 days"), RELANCE_CLI_COLUMN_AMOUNT },
  { "total", N_("Total"), RELANCE_CLI_COLUMN_AMOUNT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (aged_columns) == AGED_TOTAL + 1);

/* Messages */

int
relance_cli_usage_error (const char *command,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("relance-cli: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “relance-cli %s --help” for more information.\n"), command);
  else
    g_printerr (_("Try “relance-cli --help” for more information.\n"));

  return RELANCE_CLI_EXIT_USAGE;
}

static int
fail (const GError *error)
{
  g_printerr ("relance-cli: %s\n", error->message);
  return RELANCE_CLI_EXIT_FAILURE;
}

static int
missing_option (const Invocation *inv,
                const char       *option)
{
  return relance_cli_usage_error (inv->command, _("The option %s is required"), option);
}

/* Options and values */

static const GOptionEntry *
find_option (const GOptionEntry *entries,
             const char         *long_name)
{
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, long_name))
      return &entries[i];

  return NULL;
}

static gboolean
check_text_options (const GOptionEntry  *entries,
                    GError             **error)
{
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    {
      const GOptionEntry *entry = &entries[i];
      const char *bad = NULL;

      if (entry->arg == G_OPTION_ARG_STRING)
        {
          const char *value = *(char **)entry->arg_data;

          if (value != NULL && !g_utf8_validate (value, -1, NULL))
            bad = entry->long_name;
        }
      else if (entry->arg == G_OPTION_ARG_STRING_ARRAY)
        {
          char **values = *(char ***)entry->arg_data;

          for (guint j = 0; values != NULL && values[j] != NULL; j++)
            if (!g_utf8_validate (values[j], -1, NULL))
              bad = entry->long_name;
        }

      if (bad != NULL)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("The value given to --%s is not UTF-8 text"), bad);
          return FALSE;
        }
    }

  return TRUE;
}

/* Parses the command's options and the global ones (which may come before
 * or after the command), and checks the global ones. @status is the exit
 * status when it returns %FALSE. */
static gboolean
parse_command_line (Invocation          *inv,
                    const char          *summary,
                    const GOptionEntry  *entries,
                    char              ***args,
                    int                 *status)
{
  const GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &inv->db_path,
      N_("The ledger file (default: $XDG_DATA_HOME/relance/relance.db)"), N_("FILE") },
    { NULL }
  };
  const GOptionEntry date_entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &inv->date,
      N_("Work as if today were this day (2026-11-23 or 23/11/2026)"), N_("DAY") },
    { NULL }
  };
  const GOptionEntry format_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &inv->format_name,
      N_("Write the list as a table (the default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (inv->command);
  g_autoptr(GError) error = NULL;
  /* payment add and the dispute commands take --date for the day of the
   * event, which is also "today" for them: the global option steps aside. */
  gboolean own_date = find_option (entries, "date") != NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (inv->lists)
    g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (!own_date)
    g_option_context_add_main_entries (context, date_entries, GETTEXT_PACKAGE);

  /* The strv variant takes the text as UTF-8 whatever the locale. */
  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = relance_cli_usage_error (inv->command, "%s", error->message);
      return FALSE;
    }

  if ((*args)[0] != NULL && (*args)[1] != NULL)
    {
      *status = relance_cli_usage_error (inv->command, _("Unexpected argument “%s”"), (*args)[1]);
      return FALSE;
    }

  if (inv->db_path != NULL && inv->db_path[0] == '\0')
    {
      *status = relance_cli_usage_error (inv->command, _("--db needs a file name"));
      return FALSE;
    }

  if (inv->format_name != NULL && !relance_cli_format_parse (inv->format_name, &inv->format))
    {
      *status = relance_cli_usage_error (inv->command,
                                         _("Unknown format “%s”: use table, csv or json"),
                                         inv->format_name);
      return FALSE;
    }

  if (!check_text_options (entries, &error) ||
      !check_text_options (date_entries, &error) ||
      !check_text_options (format_entries, &error) ||
      (inv->date != NULL && !relance_day_parse (inv->date, &inv->today, &error)))
    {
      *status = fail (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_whole_number (const char  *option,
                    const char  *text,
                    guint64      min,
                    guint64      max,
                    guint64     *value,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_ascii_string_to_unsigned (text, 10, min, max, value, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s takes a whole number from %s to %s, not “%s”"),
                   option, low, high, text);
    }
  else
    g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                 _("%s takes a whole number, not “%s”"), option, text);

  return FALSE;
}

/* The ledger */

static RelanceContext *
open_ledger (const Invocation  *inv,
             GError           **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(RelanceContext) context = NULL;
  const char *path = inv->db_path;

  if (path == NULL)
    path = default_path = relance_database_default_path ();

  /* Only the commands that start a ledger create the file: a mistyped
   * --db must not leave an empty ledger behind. */
  if (!inv->creates_ledger && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("There is no ledger “%s”: start one with “relance-cli customer add” "
                     "or “relance-cli demo”"),
                   path);
      return NULL;
    }

  db = relance_database_open (path, error);
  if (db == NULL)
    return NULL;

  context = relance_context_new (db);
  relance_context_set_today (context, inv->today);

  return g_steal_pointer (&context);
}

static int
write_list (const Invocation        *inv,
            const RelanceCliColumn  *columns,
            guint                    n_columns,
            guint                    n_rows,
            RelanceCliFillRow        fill,
            gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (!relance_cli_write_rows (stdout, inv->format, columns, n_columns, n_rows,
                               fill, user_data, &error))
    return fail (error);

  return RELANCE_CLI_EXIT_OK;
}

/* The invoices of @customer_id with something open, oldest due first. */
static GPtrArray *
read_open_balances (RelanceDatabase *db,
                    gint64           customer_id,
                    RelanceDay       today)
{
  g_autoptr(RelanceListModel) list = relance_list_model_new (db, RELANCE_LIST_INVOICES, today);
  GPtrArray *balances = g_ptr_array_new_with_free_func ((GDestroyNotify)open_balance_free);
  ListReader reader;

  relance_list_model_set_customer (list, customer_id);
  relance_list_model_set_sort (list, "due", FALSE);

  list_reader_init (&reader, list);
  for (guint i = 0; i < reader.n_items; i++)
    {
      g_autoptr(RelanceInvoice) invoice = list_reader_get (&reader, i);
      OpenBalance *balance;

      if (invoice == NULL || relance_invoice_get_kind (invoice) != RELANCE_INVOICE_KIND_INVOICE)
        continue;

      balance = g_new0 (OpenBalance, 1);
      balance->number = g_strdup (relance_invoice_get_number (invoice));
      balance->open = relance_invoice_get_open (invoice);
      g_ptr_array_add (balances, balance);
    }

  return balances;
}

/* Row fillers */

static void
fill_customer_row (RelanceCliRow *row,
                   guint          position,
                   gpointer       user_data)
{
  g_autoptr(RelanceCustomer) customer = list_reader_get (user_data, position);

  if (customer == NULL)
    return;

  relance_cli_row_set_text (row, CUSTOMER_CODE, relance_customer_get_code (customer));
  relance_cli_row_set_text (row, CUSTOMER_NAME, relance_customer_get_name (customer));
  relance_cli_row_set_amount (row, CUSTOMER_BALANCE, relance_customer_get_balance (customer));
  relance_cli_row_set_amount (row, CUSTOMER_OVERDUE, relance_customer_get_overdue (customer));
  relance_cli_row_set_number (row, CUSTOMER_DAYS, relance_customer_get_days_overdue (customer));
}

static const char *
invoice_status_label (RelanceInvoiceStatus status)
{
  switch (status)
    {
    case RELANCE_INVOICE_STATUS_PAID: return C_("invoice status", "Paid");
    case RELANCE_INVOICE_STATUS_OPEN: return C_("invoice status", "Open");
    case RELANCE_INVOICE_STATUS_OVERDUE: return C_("invoice status", "Overdue");
    case RELANCE_INVOICE_STATUS_DISPUTED: return C_("invoice status", "Disputed");
    case RELANCE_INVOICE_STATUS_PROMISED: return C_("invoice status", "Promised");
    default: g_return_val_if_reached ("");
    }
}

static const char *
dispute_status_label (RelanceDisputeStatus status)
{
  switch (status)
    {
    case RELANCE_DISPUTE_STATUS_OPEN: return C_("dispute status", "Open");
    case RELANCE_DISPUTE_STATUS_RESOLVED: return C_("dispute status", "Resolved");
    case RELANCE_DISPUTE_STATUS_CANCELLED: return C_("dispute status", "Cancelled");
    default: g_return_val_if_reached ("");
    }
}

static void
fill_invoice_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  g_autoptr(RelanceInvoice) invoice = list_reader_get (user_data, position);

  if (invoice == NULL)
    return;

  relance_cli_row_set_text (row, INVOICE_NUMBER, relance_invoice_get_number (invoice));
  relance_cli_row_set_text (row, INVOICE_CUSTOMER, relance_invoice_get_customer_code (invoice));
  relance_cli_row_set_date (row, INVOICE_ISSUED, relance_invoice_get_issue_date (invoice));
  relance_cli_row_set_date (row, INVOICE_DUE, relance_invoice_get_due_date (invoice));
  relance_cli_row_set_amount (row, INVOICE_AMOUNT, relance_invoice_get_amount (invoice));
  relance_cli_row_set_amount (row, INVOICE_OPEN, relance_invoice_get_open (invoice));
  relance_cli_row_set_number (row, INVOICE_DAYS, relance_invoice_get_days_overdue (invoice));
  relance_cli_row_set_keyword (row, INVOICE_STATUS,
                               relance_invoice_status_to_string (relance_invoice_get_status (invoice)),
                               invoice_status_label (relance_invoice_get_status (invoice)));
}

static void
fill_dispute_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  g_autoptr(RelanceDispute) dispute = list_reader_get (user_data, position);

  if (dispute == NULL)
    return;

  relance_cli_row_set_text (row, DISPUTE_INVOICE, relance_dispute_get_invoice_number (dispute));
  relance_cli_row_set_text (row, DISPUTE_CUSTOMER, relance_dispute_get_customer_code (dispute));
  relance_cli_row_set_text (row, DISPUTE_CAUSE, relance_dispute_get_cause_code (dispute));
  relance_cli_row_set_amount (row, DISPUTE_AMOUNT, relance_dispute_get_amount (dispute));
  relance_cli_row_set_date (row, DISPUTE_OPENED, relance_dispute_get_opened_on (dispute));
  relance_cli_row_set_date (row, DISPUTE_RESOLVED, relance_dispute_get_resolved_on (dispute));
  relance_cli_row_set_number (row, DISPUTE_DAYS, relance_dispute_get_days_open (dispute));
  relance_cli_row_set_keyword (row, DISPUTE_STATUS,
                               relance_dispute_status_to_string (relance_dispute_get_status (dispute)),
                               dispute_status_label (relance_dispute_get_status (dispute)));
}

typedef struct
{
  GPtrArray      *rows;    /* RelanceAgedRow */
  RelanceAgedRow  total;
} AgedBalance;

static void
fill_aged_row (RelanceCliRow *row,
               guint          position,
               gpointer       user_data)
{
  AgedBalance *aged = user_data;
  const RelanceAgedRow *line = position < aged->rows->len
                               ? g_ptr_array_index (aged->rows, position)
                               : &aged->total;

  relance_cli_row_set_text (row, AGED_CODE, line->code);
  relance_cli_row_set_text (row, AGED_NAME, line->name);
  for (guint i = 0; i < RELANCE_AGE_N_BUCKETS; i++)
    relance_cli_row_set_amount (row, AGED_FIRST_BUCKET + i, line->buckets[i]);
  relance_cli_row_set_amount (row, AGED_TOTAL, line->total);
}

/* Commands */

int
relance_cli_demo (const char   *command,
                  char       ***args)
{
  g_auto(Invocation) inv = { command, .creates_ledger = TRUE };
  g_autofree char *customers = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *seed = NULL;
  const GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_STRING, &customers, N_("How many customers (150)"), "N" },
    { "invoices", 0, 0, G_OPTION_ARG_STRING, &invoices, N_("How many invoices (3000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("Start of the random sequence: the same seed gives the same ledger (1)"), "N" },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceListModel) customer_list = NULL;
  g_autoptr(RelanceListModel) invoice_list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  RelanceSampleOptions options;
  RelanceDatabase *db;
  guint64 n_customers = 0, n_invoices = 0, seed_value = 0;
  gint64 started;
  double seconds;
  int status;

  if (!parse_command_line (&inv, N_("Creates the sample company (a French SME’s receivables) "
                                    "in an empty ledger."),
                           entries, args, &status))
    return status;

  if ((customers != NULL &&
       !parse_whole_number ("--customers", customers, 1, G_MAXUINT, &n_customers, &error)) ||
      (invoices != NULL &&
       !parse_whole_number ("--invoices", invoices, 1, G_MAXUINT, &n_invoices, &error)) ||
      (seed != NULL &&
       !parse_whole_number ("--seed", seed, 0, G_MAXUINT64, &seed_value, &error)))
    return fail (error);

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);

  relance_sample_options_init (&options, relance_context_get_today (context));
  if (customers != NULL)
    options.n_customers = (guint)n_customers;
  if (invoices != NULL)
    options.n_invoices = (guint)n_invoices;
  if (seed != NULL)
    options.seed = seed_value;

  started = g_get_monotonic_time ();
  if (!relance_sample_generate (db, &options, &error))
    return fail (error);
  seconds = (double)(g_get_monotonic_time () - started) / G_USEC_PER_SEC;

  customer_list = relance_list_model_new (db, RELANCE_LIST_CUSTOMERS, options.today);
  invoice_list = relance_list_model_new (db, RELANCE_LIST_INVOICES, options.today);
  today_text = relance_day_to_iso (options.today);

  g_print (_("Sample company created in %s as of %s: %u customers, %u invoices and "
             "credit notes, in %.1f s.\n"),
           relance_database_get_path (db), today_text,
           g_list_model_get_n_items (G_LIST_MODEL (customer_list)),
           g_list_model_get_n_items (G_LIST_MODEL (invoice_list)),
           seconds);

  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_customer_add (const char   *command,
                          char       ***args)
{
  g_auto(Invocation) inv = { command, .creates_ledger = TRUE };
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *address = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;
  g_autofree char *language = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *siren = NULL;
  g_autofree char *segment = NULL;
  const GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &code,
      N_("The customer’s account in your accounting, such as 411DUPONT (required)"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The customer’s name (required)"), N_("NAME") },
    { "terms", 0, 0, G_OPTION_ARG_STRING, &terms, N_("Payment terms in days (30)"), N_("DAYS") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Street address"), N_("TEXT") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &postcode, N_("Postcode"), N_("CODE") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("City"), N_("CITY") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Two-letter country code (FR)"), N_("CC") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of the letters (fr)"), N_("LANG") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("E-mail address"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("NUMBER") },
    { "siren", 0, 0, G_OPTION_ARG_STRING, &siren, N_("SIREN number"), N_("NUMBER") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &segment,
      N_("Target group; created if it does not exist"), N_("NAME") },
    { NULL }
  };
  RelanceCustomerFields fields = { 0 };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_days = 0;
  int status;

  if (!parse_command_line (&inv, N_("Adds a customer to the ledger."), entries, args, &status))
    return status;
  if (code == NULL)
    return missing_option (&inv, "--code");
  if (name == NULL)
    return missing_option (&inv, "--name");
  if (terms != NULL && !parse_whole_number ("--terms", terms, 0, G_MAXINT, &n_days, &error))
    return fail (error);

  fields.code = code;
  fields.name = name;
  fields.address = address;
  fields.postcode = postcode;
  fields.city = city;
  fields.country = country;
  fields.language = language;
  fields.email = email;
  fields.phone = phone;
  fields.siren = siren;
  fields.segment = segment;
  fields.payment_terms = terms != NULL ? (int)n_days : -1;

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);

  if (relance_ledger_add_customer (relance_context_get_database (context), &fields, &error) == 0)
    return fail (error);

  g_print (_("Customer %s added.\n"), code);
  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_contact_add (const char   *command,
                         char       ***args)
{
  g_auto(Invocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *civility = NULL;
  g_autofree char *role = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  gboolean collections = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The contact’s name, such as Isabelle Roux (required)"),
      N_("NAME") },
    { "civility", 0, 0, G_OPTION_ARG_STRING, &civility,
      N_("madame, monsieur or none: how letters address the contact (none: “Madame, Monsieur,”)"),
      N_("CIVILITY") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("What the contact does, such as Accounts payable"),
      N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("NUMBER") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("E-mail address"), N_("ADDRESS") },
    { "collections", 0, 0, G_OPTION_ARG_NONE, &collections,
      N_("The person to call about payments (the customer’s collections contact)"), NULL },
    { NULL }
  };
  RelanceContactFields fields = { 0 };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!parse_command_line (&inv, N_("Adds a contact to a customer."), entries, args, &status))
    return status;
  if (customer == NULL)
    return missing_option (&inv, "--customer");
  if (name == NULL)
    return missing_option (&inv, "--name");
  if (civility != NULL && !relance_civility_from_string (civility, &fields.civility))
    return relance_cli_usage_error (inv.command, _("Unknown civility “%s”: use madame, monsieur or none"),
                                    civility);

  fields.name = name;
  fields.role = role;
  fields.phone = phone;
  fields.email = email;
  fields.is_collections = collections;

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0 || relance_desk_add_contact (db, customer_id, &fields, &error) == 0)
    return fail (error);

  g_print (_("Contact %s added to %s.\n"), name, customer);
  return RELANCE_CLI_EXIT_OK;
}

static const RelanceCliColumn contact_columns[] = {
  { "name", N_("Name"), RELANCE_CLI_COLUMN_TEXT },
  { "civility", N_("Civility"), RELANCE_CLI_COLUMN_TEXT },
  { "role", N_("Role"), RELANCE_CLI_COLUMN_TEXT },
  { "phone", N_("Phone"), RELANCE_CLI_COLUMN_TEXT },
  { "email", N_("E-mail"), RELANCE_CLI_COLUMN_TEXT },
  { "collections", N_("Collections"), RELANCE_CLI_COLUMN_TEXT },
};

static void
fill_contact_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  GPtrArray *contacts = user_data;
  RelanceContact *contact = g_ptr_array_index (contacts, position);

  relance_cli_row_set_text (row, 0, contact->name);
  relance_cli_row_set_keyword (row, 1, relance_civility_to_string (contact->civility),
                               relance_civility_get_label (contact->civility));
  relance_cli_row_set_text (row, 2, contact->role);
  relance_cli_row_set_text (row, 3, contact->phone);
  relance_cli_row_set_text (row, 4, contact->email);
  relance_cli_row_set_keyword (row, 5, contact->is_collections ? "yes" : "no",
                               contact->is_collections ? _("yes") : "");
}

int
relance_cli_contacts (const char   *command,
                      char       ***args)
{
  g_auto(Invocation) inv = { command, .lists = TRUE };
  g_autofree char *customer = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!parse_command_line (&inv, N_("Lists a customer’s contacts, the collections contact first."),
                           entries, args, &status))
    return status;
  if (customer == NULL)
    return missing_option (&inv, "--customer");

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0 || (contacts = relance_desk_list_contacts (db, customer_id, &error)) == NULL)
    return fail (error);

  return write_list (&inv, contact_columns, G_N_ELEMENTS (contact_columns), contacts->len,
                     fill_contact_row, contacts);
}

static const RelanceCliColumn history_columns[] = {
  { "date", N_("Date"), RELANCE_CLI_COLUMN_DATE },
  { "kind", N_("Kind"), RELANCE_CLI_COLUMN_TEXT },
  { "what", N_("What"), RELANCE_CLI_COLUMN_TEXT },
  { "outcome", N_("Outcome"), RELANCE_CLI_COLUMN_TEXT },
  { "contact", N_("Contact"), RELANCE_CLI_COLUMN_TEXT },
  { "incoming", N_("Incoming"), RELANCE_CLI_COLUMN_TEXT },
  { "who", N_("By"), RELANCE_CLI_COLUMN_TEXT },
  { "amount", N_("Amount"), RELANCE_CLI_COLUMN_AMOUNT },
  { "promised", N_("Promised for"), RELANCE_CLI_COLUMN_DATE },
  { "invoices", N_("Invoices"), RELANCE_CLI_COLUMN_TEXT },
  { "summary", N_("Summary"), RELANCE_CLI_COLUMN_TEXT },
};

static const char *
timeline_kind_name (RelanceTimelineKind kind)
{
  static const char * const names[] = {
    [RELANCE_TIMELINE_CALL] = "call",
    [RELANCE_TIMELINE_EMAIL] = "email",
    [RELANCE_TIMELINE_LETTER] = "letter",
    [RELANCE_TIMELINE_FORMAL_NOTICE] = "formal_notice",
    [RELANCE_TIMELINE_NOTE] = "note",
    [RELANCE_TIMELINE_VISIT] = "visit",
    [RELANCE_TIMELINE_PROMISE] = "promise",
    [RELANCE_TIMELINE_DISPUTE_OPENED] = "dispute_opened",
    [RELANCE_TIMELINE_DISPUTE_RESOLVED] = "dispute_resolved",
    [RELANCE_TIMELINE_DISPUTE_CANCELLED] = "dispute_cancelled",
    [RELANCE_TIMELINE_PAYMENT] = "payment",
    [RELANCE_TIMELINE_CREDIT_NOTE] = "credit_note",
  };

  return (guint)kind < G_N_ELEMENTS (names) ? names[kind] : "";
}

static void
fill_history_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  GPtrArray *entries = user_data;
  RelanceTimelineEntry *entry = g_ptr_array_index (entries, position);
  g_autofree char *what = entry->kind == RELANCE_TIMELINE_CALL ? relance_desk_describe_call (entry) : NULL;
  gboolean is_call = entry->kind == RELANCE_TIMELINE_CALL;

  relance_cli_row_set_date (row, 0, entry->date);
  relance_cli_row_set_text (row, 1, timeline_kind_name (entry->kind));
  relance_cli_row_set_text (row, 2, what != NULL ? what : "");
  relance_cli_row_set_text (row, 3, entry->outcome != NULL ? entry->outcome : "");
  relance_cli_row_set_text (row, 4, entry->contact != NULL ? entry->contact : "");
  relance_cli_row_set_keyword (row, 5, is_call ? (entry->incoming ? "yes" : "no") : "",
                               is_call && entry->incoming ? _("yes") : "");
  relance_cli_row_set_text (row, 6, entry->who != NULL ? entry->who : "");
  relance_cli_row_set_amount (row, 7, entry->amount);
  relance_cli_row_set_date (row, 8, entry->kind == RELANCE_TIMELINE_PROMISE ? entry->promised_date : 0);
  relance_cli_row_set_text (row, 9, entry->invoices != NULL ? entry->invoices : "");
  relance_cli_row_set_text (row, 10, entry->summary != NULL ? entry->summary : "");
}

int
relance_cli_history (const char   *command,
                     char       ***args)
{
  g_auto(Invocation) inv = { command, .lists = TRUE };
  g_autofree char *customer = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!parse_command_line (&inv, N_("Lists what happened with a customer, newest first: calls (who was "
                                    "reached, what was said, incoming or not), letters, e-mails, notes, "
                                    "promises kept, broken or pending at the date, disputes, payments and "
                                    "credit notes."),
                           entries, args, &status))
    return status;
  if (customer == NULL)
    return missing_option (&inv, "--customer");

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0 ||
      (timeline = relance_desk_get_timeline (db, customer_id, relance_context_get_today (context), 0,
                                             &error)) == NULL)
    return fail (error);

  return write_list (&inv, history_columns, G_N_ELEMENTS (history_columns), timeline->len,
                     fill_history_row, timeline);
}

int
relance_cli_customers (const char   *command,
                       char       ***args)
{
  g_auto(Invocation) inv = { command, .lists = TRUE };
  g_autofree char *search = NULL;
  gboolean overdue = FALSE;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the customers whose words start with these"), N_("TEXT") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only the customers with an overdue amount"), NULL },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceListModel) list = NULL;
  ListReader reader;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line (&inv, N_("Lists the customers by code, with their balance at the date."),
                           entries, args, &status))
    return status;

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);

  list = relance_list_model_new (relance_context_get_database (context), RELANCE_LIST_CUSTOMERS,
                                 relance_context_get_today (context));
  relance_list_model_set_sort (list, "code", FALSE);
  relance_list_model_set_search (list, search);
  relance_list_model_set_overdue_only (list, overdue);

  list_reader_init (&reader, list);
  return write_list (&inv, customer_columns, G_N_ELEMENTS (customer_columns),
                     reader.n_items, fill_customer_row, &reader);
}

int
relance_cli_invoice_add (const char   *command,
                         char       ***args)
{
  g_auto(Invocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *number = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *due = NULL;
  g_autofree char *amount = NULL;
  gboolean credit_note = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The invoice number (required)"), N_("NUMBER") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &issued, N_("Issue date (required)"), N_("DAY") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("Due date (required)"), N_("DAY") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount,
      N_("Amount including tax, such as 1234.56 (required)"), N_("AMOUNT") },
    { "credit-note", 0, 0, G_OPTION_ARG_NONE, &credit_note,
      N_("This is a credit note (give its amount without a minus sign)"), NULL },
    { NULL }
  };
  RelanceInvoiceFields fields = { 0 };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_line (&inv, N_("Adds an invoice or a credit note to a customer’s account."),
                           entries, args, &status))
    return status;
  if (customer == NULL)
    return missing_option (&inv, "--customer");
  if (number == NULL)
    return missing_option (&inv, "--number");
  if (issued == NULL)
    return missing_option (&inv, "--issued");
  /* No model call gives a customer's payment terms by code, so the due
   * date is not derived from them: it is asked for. */
  if (due == NULL)
    return missing_option (&inv, "--due");
  if (amount == NULL)
    return missing_option (&inv, "--amount");

  fields.customer_code = customer;
  fields.number = number;
  fields.credit_note = credit_note;
  if (!relance_day_parse (issued, &fields.issue_date, &error) ||
      !relance_day_parse (due, &fields.due_date, &error) ||
      !relance_money_parse (amount, &fields.amount, &error))
    return fail (error);

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);

  if (relance_ledger_add_invoice (relance_context_get_database (context), &fields, &error) == 0)
    return fail (error);

  if (credit_note)
    g_print (_("Credit note %s added for customer %s.\n"), number, customer);
  else
    g_print (_("Invoice %s added for customer %s.\n"), number, customer);

  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_invoices (const char   *command,
                      char       ***args)
{
  g_auto(Invocation) inv = { command, .lists = TRUE };
  g_autofree char *customer = NULL;
  g_autofree char *search = NULL;
  gboolean overdue = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("Only this customer’s invoices"), N_("CODE") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only the overdue invoices"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only the invoices whose number or customer starts with these words"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceListModel) list = NULL;
  ListReader reader;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  int status;

  if (!parse_command_line (&inv, N_("Lists the invoices and credit notes by number, with what is "
                                    "still open at the date."),
                           entries, args, &status))
    return status;

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);

  list = relance_list_model_new (db, RELANCE_LIST_INVOICES, relance_context_get_today (context));
  relance_list_model_set_sort (list, "number", FALSE);
  relance_list_model_set_search (list, search);
  relance_list_model_set_overdue_only (list, overdue);
  if (!restrict_to_customer (list, db, customer, &error))
    return fail (error);

  list_reader_init (&reader, list);
  return write_list (&inv, invoice_columns, G_N_ELEMENTS (invoice_columns),
                     reader.n_items, fill_invoice_row, &reader);
}

int
relance_cli_payment_add (const char   *command,
                         char       ***args)
{
  g_auto(Invocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_auto(GStrv) invoices = NULL;
  g_autofree char *method = NULL;
  g_autofree char *reference = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("Who paid (required)"), N_("CODE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When the money arrived (required)"), N_("DAY") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("How much (required)"), N_("AMOUNT") },
    { "invoice", 0, 0, G_OPTION_ARG_STRING_ARRAY, &invoices,
      N_("An invoice it settles; repeat in the order to settle them. Without it, the "
         "oldest invoices are settled first"), N_("NUMBER") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, N_("transfer (the default), cheque, card, cash…"),
      N_("METHOD") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The bank reference"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) open_before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_text = NULL;
  RelanceDatabase *db;
  RelanceDay day;
  RelanceDay today;
  gint64 cents;
  gint64 customer_id;
  int status;

  if (!parse_command_line (&inv, N_("Records a payment and settles the customer’s invoices with it."),
                           entries, args, &status))
    return status;
  if (customer == NULL)
    return missing_option (&inv, "--customer");
  if (date == NULL)
    return missing_option (&inv, "--date");
  if (amount == NULL)
    return missing_option (&inv, "--amount");
  if (!relance_day_parse (date, &day, &error) ||
      !relance_money_parse (amount, &cents, &error))
    return fail (error);

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);
  today = relance_context_get_today (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0)
    return fail (error);

  /* The model does not return the allocations: compare the open
   * balances before and after to tell the user what was settled. */
  before = read_open_balances (db, customer_id, today);

  if (relance_ledger_add_payment (db, customer, day, cents,
                                  (const char * const *)invoices,
                                  method, reference, &error) == 0)
    return fail (error);

  after = read_open_balances (db, customer_id, today);
  open_before = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < before->len; i++)
    {
      OpenBalance *balance = g_ptr_array_index (before, i);

      g_hash_table_insert (open_before, balance->number, balance);
    }

  amount_text = relance_money_to_decimal (cents);
  g_print (_("Payment of %s recorded for customer %s.\n"), amount_text, customer);

  for (guint i = 0; i < after->len; i++)
    {
      OpenBalance *now = g_ptr_array_index (after, i);
      OpenBalance *then = g_hash_table_lookup (open_before, now->number);
      g_autofree char *settled = NULL;
      g_autofree char *left = NULL;

      if (then == NULL || then->open == now->open)
        continue;

      settled = relance_money_to_decimal (then->open - now->open);
      left = relance_money_to_decimal (now->open);
      if (now->open == 0)
        /* Translators: an invoice number and the amount the payment settled on it */
        g_print (_("  %s: %s, now paid\n"), now->number, settled);
      else
        /* Translators: an invoice number, the amount settled, and what is still open */
        g_print (_("  %s: %s, %s still open\n"), now->number, settled, left);
    }

  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_dispute_open (const char   *command,
                          char       ***args)
{
  g_auto(Invocation) inv = { command };
  g_autofree char *invoice = NULL;
  g_autofree char *cause = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "invoice", 0, 0, G_OPTION_ARG_STRING, &invoice, N_("The disputed invoice (required)"), N_("NUMBER") },
    { "cause", 0, 0, G_OPTION_ARG_STRING, &cause, N_("The cause’s code, such as A (required)"), N_("CODE") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount,
      N_("The amount disputed (all that is open on the invoice)"), N_("AMOUNT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When the customer raised it (today)"), N_("DAY") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the customer said"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDay day = RELANCE_DAY_NONE;
  gint64 cents = 0;
  int status;

  if (!parse_command_line (&inv, N_("Records that a customer disputes an invoice."),
                           entries, args, &status))
    return status;
  if (invoice == NULL)
    return missing_option (&inv, "--invoice");
  if (cause == NULL)
    return missing_option (&inv, "--cause");
  if ((amount != NULL && !relance_money_parse (amount, &cents, &error)) ||
      (date != NULL && !relance_day_parse (date, &day, &error)))
    return fail (error);
  if (amount != NULL && cents <= 0)
    {
      g_set_error (&error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The disputed amount must be more than zero; leave out --amount to "
                     "dispute all that is open"));
      return fail (error);
    }

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  if (day == RELANCE_DAY_NONE)
    day = relance_context_get_today (context);

  if (relance_ledger_open_dispute (relance_context_get_database (context), invoice, cause,
                                   cents, day, note, &error) == 0)
    return fail (error);

  g_print (_("Dispute opened on invoice %s.\n"), invoice);
  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_dispute_resolve (const char   *command,
                             char       ***args)
{
  g_auto(Invocation) inv = { command };
  g_autofree char *invoice = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  const GOptionEntry entries[] = {
    { "invoice", 0, 0, G_OPTION_ARG_STRING, &invoice, N_("The disputed invoice (required)"), N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When it was settled (today)"), N_("DAY") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("How it was settled"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDay day = RELANCE_DAY_NONE;
  int status;

  if (!parse_command_line (&inv, N_("Records that the open dispute on an invoice is settled."),
                           entries, args, &status))
    return status;
  if (invoice == NULL)
    return missing_option (&inv, "--invoice");
  if (date != NULL && !relance_day_parse (date, &day, &error))
    return fail (error);

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  if (day == RELANCE_DAY_NONE)
    day = relance_context_get_today (context);

  if (!relance_ledger_resolve_dispute (relance_context_get_database (context), invoice,
                                       day, note, &error))
    return fail (error);

  g_print (_("Dispute on invoice %s resolved.\n"), invoice);
  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_disputes (const char   *command,
                      char       ***args)
{
  g_auto(Invocation) inv = { command, .lists = TRUE };
  g_autofree char *customer = NULL;
  gboolean open_only = FALSE;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only the open disputes"), NULL },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("Only this customer’s disputes"), N_("CODE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceListModel) list = NULL;
  ListReader reader;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  int status;

  if (!parse_command_line (&inv, N_("Lists the disputes, oldest first."), entries, args, &status))
    return status;

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);
  db = relance_context_get_database (context);

  list = relance_list_model_new (db, RELANCE_LIST_DISPUTES, relance_context_get_today (context));
  relance_list_model_set_sort (list, "opened", FALSE);
  relance_list_model_set_overdue_only (list, open_only);
  if (!restrict_to_customer (list, db, customer, &error))
    return fail (error);

  list_reader_init (&reader, list);
  return write_list (&inv, dispute_columns, G_N_ELEMENTS (dispute_columns),
                     reader.n_items, fill_dispute_row, &reader);
}

int
relance_cli_aged_balance (const char   *command,
                          char       ***args)
{
  g_auto(Invocation) inv = { command, .lists = TRUE };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AgedBalance aged = { 0 };
  int status;

  if (!parse_command_line (&inv, N_("Shows what each customer owes by age at the date, "
                                    "then the total."),
                           NULL, args, &status))
    return status;

  context = open_ledger (&inv, &error);
  if (context == NULL)
    return fail (error);

  rows = relance_ledger_aged_balance (relance_context_get_database (context),
                                      relance_context_get_today (context), &error);
  if (rows == NULL)
    return fail (error);

  aged.rows = rows;
  aged.total.code = (char *)"TOTAL";
  aged.total.name = (char *)"";
  for (guint i = 0; i < rows->len; i++)
    {
      const RelanceAgedRow *row = g_ptr_array_index (rows, i);

      for (guint b = 0; b < RELANCE_AGE_N_BUCKETS; b++)
        aged.total.buckets[b] += row->buckets[b];
      aged.total.total += row->total;
    }

  return write_list (&inv, aged_columns, G_N_ELEMENTS (aged_columns),
                     rows->len + 1, fill_aged_row, &aged);
}

/* Shared with the other command files (relance-cli-commands.h) */

void
relance_cli_invocation_clear (RelanceCliInvocation *inv)
{
  invocation_clear (inv);
}

int
relance_cli_fail (const GError *error)
{
  return fail (error);
}

const char *
relance_cli_get_who (RelanceDatabase *db)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;
  const char *who = g_object_get_data (G_OBJECT (db), "relance-cli-who");

  if (who != NULL)
    return who;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "user-name"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      name = g_strstrip (g_settings_get_string (settings, "user-name"));
    }

  if (name == NULL || name[0] == '\0')
    {
      g_autoptr(RelanceCompany) company = relance_company_get (db, NULL);

      g_clear_pointer (&name, g_free);
      if (company != NULL && company->signatory_name[0] != '\0')
        name = g_strdup (company->signatory_name);
    }

  /* GLib says "Unknown" when the account has no real name. */
  if (name == NULL)
    name = g_strdup (g_str_equal (g_get_real_name (), "Unknown") ? g_get_user_name () : g_get_real_name ());

  g_object_set_data_full (G_OBJECT (db), "relance-cli-who", name, g_free);
  return g_steal_pointer (&name);
}

int
relance_cli_missing_option (const RelanceCliInvocation *inv,
                            const char                 *option)
{
  return missing_option (inv, option);
}

gboolean
relance_cli_parse_command_line (RelanceCliInvocation  *inv,
                                const char            *summary,
                                const GOptionEntry    *entries,
                                char                ***args,
                                int                   *status)
{
  return parse_command_line (inv, summary, entries, args, status);
}

RelanceContext *
relance_cli_open_ledger (const RelanceCliInvocation  *inv,
                         GError                     **error)
{
  return open_ledger (inv, error);
}

int
relance_cli_write_list (const RelanceCliInvocation  *inv,
                        const RelanceCliColumn      *columns,
                        guint                        n_columns,
                        guint                        n_rows,
                        RelanceCliFillRow            fill,
                        gpointer                     user_data)
{
  return write_list (inv, columns, n_columns, n_rows, fill, user_data);
}
