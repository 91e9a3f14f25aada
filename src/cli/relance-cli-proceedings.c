/* relance-cli-proceedings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-claim-declaration.h"
#include "relance-cli-commands.h"
#include "relance-cli-output.h"
#include "relance-cli-proceedings.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-money.h"
#include "relance-proceedings.h"

static int
invalid (const char *format,
         ...) G_GNUC_PRINTF (1, 2);

static int
invalid (const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("relance-cli: %s\n", message);
  return RELANCE_CLI_EXIT_FAILURE;
}

/* proceedings open */

int
relance_cli_proceedings_open (const char   *command,
                              char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *judgment_text = NULL;
  g_autofree char *bodacc_text = NULL;
  g_autofree char *court = NULL;
  g_autofree char *mandataire = NULL;
  g_autofree char *address = NULL;
  gboolean abroad = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("sauvegarde, redressement or liquidation (required)"), N_("KIND") },
    { "judgment-date", 0, 0, G_OPTION_ARG_STRING, &judgment_text,
      N_("The day of the opening judgment (required)"), N_("DAY") },
    { "bodacc-date", 0, 0, G_OPTION_ARG_STRING, &bodacc_text,
      N_("The day the judgment was published in the BODACC (required)"), N_("DAY") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court that opened them (“Tribunal de commerce de Lyon”)"), N_("TEXT") },
    { "mandataire", 0, 0, G_OPTION_ARG_STRING, &mandataire,
      N_("The mandataire judiciaire or liquidateur (required)"), N_("NAME") },
    { "mandataire-address", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("The mandataire’s address, lines separated by “\\n” or commas"), N_("TEXT") },
    { "abroad", 0, 0, G_OPTION_ARG_NONE, &abroad,
      N_("You are outside metropolitan France: four months to declare instead of two"), NULL },
    { NULL }
  };
  RelanceProceedingsFields fields = { 0 };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceProceedings) proceedings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *deadline = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  RelanceDay today;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Records that a customer is in sauvegarde, redressement "
                                                "judiciaire or liquidation judiciaire. From the judgment, "
                                                "the invoices issued before it are no longer reminded and "
                                                "their interest stops; the claim must be declared to the "
                                                "mandataire within two months of the BODACC publication "
                                                "(four with --abroad)."),
                                       entries, args, &status))
    return status;
  if (customer == NULL)
    return relance_cli_missing_option (&inv, "--customer");
  if (kind_text == NULL)
    return relance_cli_missing_option (&inv, "--kind");
  if (judgment_text == NULL)
    return relance_cli_missing_option (&inv, "--judgment-date");
  if (bodacc_text == NULL)
    return relance_cli_missing_option (&inv, "--bodacc-date");
  if (mandataire == NULL)
    return relance_cli_missing_option (&inv, "--mandataire");

  if (!relance_proceedings_kind_from_string (kind_text, &fields.kind))
    return invalid (_("Unknown kind of proceedings “%s”: give sauvegarde, redressement or liquidation"),
                    kind_text);
  if (!relance_day_parse (judgment_text, &fields.judgment_date, &error) ||
      !relance_day_parse (bodacc_text, &fields.bodacc_date, &error))
    return relance_cli_fail (error);

  /* "12 rue X, 75001 Paris" or "12 rue X\n75001 Paris": one line each. */
  if (address != NULL)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *unescaped = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);

      unescaped = g_strjoinv ("\n", (parts = g_strsplit (address, "\\n", -1)));
      g_strfreev (g_steal_pointer (&parts));
      parts = g_strsplit_set (unescaped, ",\n", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_string_append_printf (joined, "%s%s", joined->len > 0 ? "\n" : "", parts[i]);
        }
      lines = g_string_free (g_steal_pointer (&joined), FALSE);
    }

  fields.court = court;
  fields.mandataire_name = mandataire;
  fields.mandataire_address = lines;
  fields.abroad = abroad;

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);
  today = relance_context_get_today (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0)
    return relance_cli_fail (error);

  if (relance_proceedings_open (db, customer_id, &fields, today, &error) == 0)
    return relance_cli_fail (error);

  proceedings = relance_proceedings_get_for_customer (db, customer_id, today, &error);
  if (proceedings == NULL)
    return relance_cli_fail (error);

  deadline = relance_day_to_iso (proceedings->deadline);
  g_print (_("Customer %s is in proceedings (%s).\n"), customer,
           relance_proceedings_kind_get_label (proceedings->kind));
  g_print (_("Declare the claim to the mandataire before %s.\n"), deadline);

  return RELANCE_CLI_EXIT_OK;
}

/* proceedings close */

int
relance_cli_proceedings_close (const char   *command,
                               char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *vat_text = NULL;
  gboolean write_off = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("plan (a plan adopted by the court) or closed (closed for lack of assets) (required)"), N_("OUTCOME") },
    { "write-off", 0, 0, G_OPTION_ARG_NONE, &write_off,
      N_("Closed for lack of assets: write the debt off as irrecoverable on the day"), NULL },
    { "vat-rate", 0, 0, G_OPTION_ARG_STRING, &vat_text,
      N_("The VAT rate the invoices include, in percent, for the write-off (default: 20)"), N_("RATE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceProceedings) proceedings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  RelanceProceedingsOutcome outcome;
  RelanceDatabase *db;
  gint64 customer_id;
  gint64 vat_rate = RELANCE_PROCEEDINGS_DEFAULT_VAT_RATE;
  RelanceDay today;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Records how a customer’s proceedings ended, on --date "
                                                "(default: today): a plan adopted by the court, or closed "
                                                "for lack of assets, when the debt can be written off as "
                                                "irrecoverable with the VAT it includes."),
                                       entries, args, &status))
    return status;
  if (customer == NULL)
    return relance_cli_missing_option (&inv, "--customer");
  if (outcome_text == NULL)
    return relance_cli_missing_option (&inv, "--outcome");
  if (!relance_proceedings_outcome_from_string (outcome_text, &outcome) ||
      outcome == RELANCE_PROCEEDINGS_OPEN)
    return invalid (_("Unknown outcome “%s”: give plan or closed"), outcome_text);
  if (vat_text != NULL && !relance_money_parse (vat_text, &vat_rate, &error))
    return relance_cli_fail (error);

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);
  today = relance_context_get_today (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0)
    return relance_cli_fail (error);

  if (!relance_proceedings_close (db, customer_id, outcome, today, write_off,
                                  (int) CLAMP (vat_rate, -1, 10001), &error))
    return relance_cli_fail (error);

  day = relance_day_to_iso (today);
  if (outcome == RELANCE_PROCEEDINGS_PLAN)
    g_print (_("Proceedings of %s ended on %s: plan adopted.\n"), customer, day);
  else
    g_print (_("Proceedings of %s ended on %s: closed for lack of assets.\n"), customer, day);

  proceedings = relance_proceedings_get_for_customer (db, customer_id, today, &error);
  if (proceedings == NULL)
    return relance_cli_fail (error);
  if (proceedings->written_off > 0)
    {
      g_autofree char *amount = relance_money_to_decimal (proceedings->written_off);
      g_autofree char *vat = relance_money_to_decimal (proceedings->written_off_vat);

      g_print (_("Written off as irrecoverable: %s, of which VAT %s.\n"), amount, vat);
    }

  return RELANCE_CLI_EXIT_OK;
}

/* proceedings list */

enum { COLUMN_CUSTOMER, COLUMN_NAME, COLUMN_KIND, COLUMN_JUDGMENT, COLUMN_BODACC, COLUMN_DEADLINE,
       COLUMN_RELIEF, COLUMN_MANDATAIRE, COLUMN_STATUS, COLUMN_CLAIM, COLUMN_CLAIM_DATE,
       COLUMN_WRITTEN_OFF, COLUMN_VAT };

static const RelanceCliColumn proceedings_columns[] = {
  { "customer", N_("Customer"), RELANCE_CLI_COLUMN_TEXT },
  { "name", N_("Name"), RELANCE_CLI_COLUMN_TEXT },
  { "kind", N_("Kind"), RELANCE_CLI_COLUMN_TEXT },
  { "judgment", N_("Judgment"), RELANCE_CLI_COLUMN_DATE },
  { "bodacc", N_("BODACC"), RELANCE_CLI_COLUMN_DATE },
  { "deadline", N_("Declare by"), RELANCE_CLI_COLUMN_DATE },
  { "relief_deadline", N_("Relief by"), RELANCE_CLI_COLUMN_DATE },
  { "mandataire", N_("Mandataire"), RELANCE_CLI_COLUMN_TEXT },
  { "status", N_("Status"), RELANCE_CLI_COLUMN_TEXT },
  { "claim", N_("Claim declared"), RELANCE_CLI_COLUMN_AMOUNT },
  { "claim_date", N_("Declared on"), RELANCE_CLI_COLUMN_DATE },
  { "written_off", N_("Written off"), RELANCE_CLI_COLUMN_AMOUNT },
  { "written_off_vat", N_("VAT written off"), RELANCE_CLI_COLUMN_AMOUNT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (proceedings_columns) == COLUMN_VAT + 1);

static void
fill_proceedings_row (RelanceCliRow *row,
                      guint          position,
                      gpointer       user_data)
{
  GPtrArray *list = user_data;
  const RelanceProceedings *p = g_ptr_array_index (list, position);

  relance_cli_row_set_text (row, COLUMN_CUSTOMER, p->customer_code);
  relance_cli_row_set_text (row, COLUMN_NAME, p->customer_name);
  relance_cli_row_set_text (row, COLUMN_KIND, relance_proceedings_kind_to_string (p->kind));
  relance_cli_row_set_date (row, COLUMN_JUDGMENT, p->judgment_date);
  relance_cli_row_set_date (row, COLUMN_BODACC, p->bodacc_date);
  relance_cli_row_set_date (row, COLUMN_DEADLINE, p->deadline);
  relance_cli_row_set_date (row, COLUMN_RELIEF, p->relief_deadline);
  relance_cli_row_set_text (row, COLUMN_MANDATAIRE, p->mandataire_name);
  switch (p->outcome)
    {
    case RELANCE_PROCEEDINGS_PLAN:
      relance_cli_row_set_keyword (row, COLUMN_STATUS, "plan", _("plan adopted"));
      break;
    case RELANCE_PROCEEDINGS_CLOSED:
      relance_cli_row_set_keyword (row, COLUMN_STATUS, "closed", _("closed for lack of assets"));
      break;
    case RELANCE_PROCEEDINGS_OPEN:
    default:
      relance_cli_row_set_keyword (row, COLUMN_STATUS, "open", C_("proceedings", "open"));
      break;
    }
  if (p->claim_declared)
    {
      relance_cli_row_set_amount (row, COLUMN_CLAIM, p->claim_amount);
      relance_cli_row_set_date (row, COLUMN_CLAIM_DATE, p->claim_date);
    }
  if (p->written_off > 0)
    {
      relance_cli_row_set_amount (row, COLUMN_WRITTEN_OFF, p->written_off);
      relance_cli_row_set_amount (row, COLUMN_VAT, p->written_off_vat);
    }
}

int
relance_cli_proceedings_list (const char   *command,
                              char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command, .lists = TRUE };
  g_autofree char *customer = NULL;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("Only this customer’s proceedings"), N_("CODE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db;
  gint64 customer_id = 0;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Lists the customers in insolvency proceedings, open ones "
                                                "first by the deadline to declare the claim, with the "
                                                "deadline to ask for relief from forclusion and the claim "
                                                "declared."),
                                       entries, args, &status))
    return status;

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);

  if (customer != NULL)
    {
      customer_id = relance_ledger_find_customer (db, customer, &error);
      if (customer_id == 0)
        return relance_cli_fail (error);
    }

  list = relance_proceedings_list (db, customer_id, &error);
  if (list == NULL)
    return relance_cli_fail (error);

  return relance_cli_write_list (&inv, proceedings_columns, G_N_ELEMENTS (proceedings_columns),
                                 list->len, fill_proceedings_row, list);
}

/* claim-declaration */

static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize size = 0;
  const char *contents = g_bytes_get_data (bytes, &size);

  if (!g_file_set_contents (path, contents != NULL ? contents : "", size, &local))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The file “%s” could not be written: %s"), path, local->message);
      return FALSE;
    }

  return TRUE;
}

int
relance_cli_claim_declaration (const char   *command,
                               char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *out = NULL;
  gboolean record = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write (required)"), N_("FILE") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record,
      N_("Record it as sent, with the PDF, in the customer’s history, and keep the claim declared"), NULL },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceClaimData) data = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_auto(GStrv) missing = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Writes the claim declaration (déclaration de créance) of a "
                                                "customer in proceedings as a PDF letter to the mandataire, "
                                                "dated --date (default: today): the invoices issued before "
                                                "the judgment, due at its date or falling due after it, the "
                                                "interest up to the judgment and the indemnities."),
                                       entries, args, &status))
    return status;
  if (customer == NULL)
    return relance_cli_missing_option (&inv, "--customer");
  if (out == NULL)
    return relance_cli_missing_option (&inv, "--out");
  if (out[0] == '\0')
    return relance_cli_usage_error (inv.command, _("--out needs a file name"));

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0)
    return relance_cli_fail (error);

  data = relance_claim_data_get (db, customer_id, relance_context_get_today (context), &error);
  if (data == NULL)
    return relance_cli_fail (error);

  letter = relance_claim_declaration_new (data, &error);
  if (letter == NULL)
    return relance_cli_fail (error);
  pdf = relance_letter_to_pdf (letter, &error);
  if (pdf == NULL)
    return relance_cli_fail (error);

  warning = relance_claim_declaration_get_warning (data);
  if (warning != NULL)
    g_printerr (_("relance-cli: warning: %s\n"), warning);
  missing = relance_company_list_missing (data->letter->company);
  for (guint i = 0; missing != NULL && missing[i] != NULL; i++)
    g_printerr (_("relance-cli: warning: missing from the letter: %s\n"), missing[i]);

  if (!write_file (out, pdf, &error))
    return relance_cli_fail (error);

  if (record)
    {
      g_autofree char *name = g_path_get_basename (out);
      g_autofree char *amount = relance_money_to_decimal (data->total);
      g_autofree char *summary = g_strdup_printf (_("Claim of %s declared to %s"), amount,
                                                  data->proceedings->mandataire_name);

      if (relance_claim_record (db, data, summary, pdf, name, &error) == 0)
        {
          /* Not sent if not recorded: take the file back. */
          g_unlink (out);
          return relance_cli_fail (error);
        }
    }

  g_print ("%s\n", out);
  return RELANCE_CLI_EXIT_OK;
}
