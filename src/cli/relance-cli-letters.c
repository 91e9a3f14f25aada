/* relance-cli-letters.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-cli-commands.h"
#include "relance-cli-letters.h"
#include "relance-cli-output.h"
#include "relance-company.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-letter-data.h"
#include "relance-letter.h"
#include "relance-merge.h"
#include "relance-money.h"
#include "relance-scenarios.h"
#include "relance-templates.h"
#include "relance-worklist.h"

/* What makes the letters of one run. */
typedef struct
{
  RelanceDatabase *db;
  RelanceDay       date;
} LetterMaker;

/* A letter of "relance-cli letters" that was made. */
typedef struct
{
  RelanceLetter         *letter;
  const RelanceWorkItem *item;  /* in the worklist, which outlives it */
  GBytes                *pdf;   /* the letter alone; NULL when not needed */
  char                  *path;  /* the file written in --out; NULL without --out */
} MadeLetter;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceWorkItem, relance_work_item_free)

enum { TEMPLATE_NAME, TEMPLATE_KIND, TEMPLATE_CHANNEL, TEMPLATE_LANGUAGE, TEMPLATE_TONE, TEMPLATE_ORIGIN };

/* The names are what scripts read and are never translated. */
static const RelanceCliColumn template_columns[] = {
  { "name", N_("Name"), RELANCE_CLI_COLUMN_TEXT },
  { "kind", N_("Kind"), RELANCE_CLI_COLUMN_TEXT },
  { "channel", N_("Channel"), RELANCE_CLI_COLUMN_TEXT },
  { "language", N_("Language"), RELANCE_CLI_COLUMN_TEXT },
  { "tone", N_("Tone"), RELANCE_CLI_COLUMN_TEXT },
  { "origin", N_("Origin"), RELANCE_CLI_COLUMN_TEXT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (template_columns) == TEMPLATE_ORIGIN + 1);

/* The first line of a template file: "Subject: …". */
#define SUBJECT_KEYWORD "Subject:"

static void
letter_maker_init (LetterMaker     *maker,
                   RelanceDatabase *db,
                   RelanceDay       date)
{
  maker->db = db;
  maker->date = date;
}

static void
made_letter_free (MadeLetter *made)
{
  g_clear_pointer (&made->letter, relance_letter_free);
  g_clear_pointer (&made->pdf, g_bytes_unref);
  g_free (made->path);
  g_free (made);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
is_letter_item (const RelanceWorkItem *item)
{
  return item != NULL &&
         (item->group == RELANCE_WORK_LETTER || item->group == RELANCE_WORK_FORMAL_NOTICE);
}

/* Fails with what the company's identity lacks for a letter, and the
 * command that fills it in. */
static gboolean
check_company (RelanceDatabase  *db,
               GError          **error)
{
  g_autoptr(RelanceCompany) company = relance_company_get (db, error);
  g_auto(GStrv) missing = NULL;
  g_autoptr(GString) options = NULL;
  g_autofree char *names = NULL;

  if (company == NULL)
    return FALSE;

  missing = relance_company_list_missing (company);
  if (missing == NULL)
    return TRUE;

  /* The options of "company set" for each thing missing, with the
   * placeholders its --help shows. */
  options = g_string_new ("relance-cli company set");
  if (is_blank (company->name))
    g_string_append_printf (options, " --name %s", _("NAME"));
  if (is_blank (company->address))
    g_string_append_printf (options, " --address %s", _("TEXT"));
  if (is_blank (company->postcode))
    g_string_append_printf (options, " --postcode %s", _("POSTCODE"));
  if (is_blank (company->city))
    g_string_append_printf (options, " --city %s", _("CITY"));
  if (is_blank (company->siren))
    g_string_append_printf (options, " --siren %s", _("SIREN"));
  if (is_blank (company->signatory_name))
    g_string_append_printf (options, " --signatory %s", _("NAME"));

  names = g_strjoinv (", ", missing);
  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
               /* TRANSLATORS: the first %s lists what is missing, "SIREN, Signatory’s name";
                * the second is a command line */
               _("The company’s identity is incomplete: %s. Set it with: %s"),
               names, options->str);
  return FALSE;
}

/* "253.15 EUR": the CLI writes plain decimals. */
static char *
format_amount (gint64 cents)
{
  g_autofree char *decimal = relance_money_to_decimal (cents);

  return g_strdup_printf ("%s EUR", decimal);
}

/* "C00042 (Dupont SA)" */
static char *
describe_customer (const char *code,
                   const char *name)
{
  return g_strdup_printf ("%s (%s)", code, name);
}

/* The letter to @customer_id on the maker's day: about @item's invoices,
 * with its kind of letter and penalties, when @item is given; otherwise
 * about every open invoice, a first reminder. @chosen, when given, is the
 * template to write it with. Fails when the letter cannot be sent as it
 * is (nothing owed, an address missing...). */
static RelanceLetter *
make_letter (LetterMaker            *maker,
             gint64                  customer_id,
             const RelanceWorkItem  *item,
             const RelanceTemplate  *chosen,
             GError                **error)
{
  g_autoptr(GArray) invoice_ids = NULL;
  g_autoptr(RelanceLetterData) data = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(RelanceTemplate) found = NULL;
  g_autofree char *reason = NULL;
  const RelanceTemplate *template = chosen;
  RelanceTemplateKind kind;
  gboolean claims_penalties;

  if (item != NULL)
    {
      invoice_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), item->invoices->len);
      for (guint i = 0; i < item->invoices->len; i++)
        {
          RelanceWorkInvoice *invoice = g_ptr_array_index (item->invoices, i);

          g_array_append_val (invoice_ids, invoice->invoice_id);
        }
      kind = item->template_kind;
      claims_penalties = item->claims_penalties;
    }
  else
    {
      kind = chosen != NULL ? chosen->kind : RELANCE_TEMPLATE_FIRST_REMINDER;
      /* A formal notice states the interest and indemnity owed. */
      claims_penalties = kind == RELANCE_TEMPLATE_FORMAL_NOTICE;
    }

  data = relance_letter_data_get (maker->db, customer_id, maker->date,
                                  invoice_ids != NULL ? (const gint64 *)invoice_ids->data : NULL,
                                  invoice_ids != NULL ? invoice_ids->len : 0,
                                  claims_penalties, error);
  if (data == NULL)
    return NULL;

  reason = relance_letter_data_get_nothing_to_claim (data, format_amount);
  if (reason != NULL)
    {
      g_autofree char *who = describe_customer (data->customer_code, data->customer_name);
      g_autofree char *day = relance_day_to_iso (maker->date);
      char first[8] = { 0 };
      char *lowered;

      /* "…: the open credit notes…", after the customer and the day. */
      g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (reason)), first);
      lowered = g_strconcat (first, g_utf8_next_char (reason), NULL);
      g_free (reason);
      reason = lowered;

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   /* TRANSLATORS: "No letter to C00042 (Dupont SA) on 2026-12-08: 253.15 EUR is
                    * under dispute (B, Shipping); nothing else is due" */
                   _("No letter to %s on %s: %s"), who, day, reason);
      return NULL;
    }

  if (template == NULL)
    {
      template = found = relance_templates_find_for_letter (maker->db, kind, data, error);
      if (template == NULL)
        return NULL;
    }

  letter = relance_letter_new (template, data, error);
  if (letter == NULL)
    return NULL;

  missing = relance_letter_get_missing (letter);
  if (missing != NULL)
    {
      g_autofree char *who = describe_customer (data->customer_code, data->customer_name);
      g_autofree char *names = g_strjoinv (", ", missing);

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   /* TRANSLATORS: "The letter to C00042 (Dupont SA) cannot be sent: first fill in
                    * Customer: Address, Customer: City" */
                   _("The letter to %s cannot be sent: first fill in %s"), who, names);
      return NULL;
    }

  return g_steal_pointer (&letter);
}

/* Says on stderr which fields the letter leaves blank. */
static void
warn_empty_fields (RelanceLetter *letter)
{
  const char * const *empty = relance_letter_get_empty_fields (letter);
  const RelanceLetterData *data = relance_letter_get_data (letter);
  g_autofree char *names = NULL;

  if (empty == NULL || empty[0] == NULL)
    return;

  names = g_strjoinv (", ", (char **)empty);
  g_printerr (_("Warning: the letter to %s leaves these fields blank, having no value for them: %s\n"),
              data->customer_code, names);
}

/* Writes @bytes to @path in one go: the file is replaced only once
 * everything is written. */
static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  gsize size = 0;
  const char *contents = g_bytes_get_data (bytes, &size);

  if (!g_file_replace_contents (file, contents != NULL ? contents : "", size, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local))
    {
      /* GIO names the file in some messages, not in others. */
      if (strstr (local->message, path) != NULL)
        g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, local->message);
      else
        g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                     _("The file “%s” could not be written: %s"), path, local->message);
      return FALSE;
    }

  return TRUE;
}

/* The action that records @letter as sent, with its PDF; @invoice_ids
 * receives the invoices it names and must outlive @fields. */
static void
fill_action (RelanceDatabase     *db,
             RelanceLetter       *letter,
             GBytes              *pdf,
             const char          *document_name,
             GArray              *invoice_ids,
             RelanceActionFields *fields)
{
  const RelanceLetterData *data = relance_letter_get_data (letter);
  const RelanceTemplate *template = relance_letter_get_template (letter);

  for (guint i = 0; i < data->invoices->len; i++)
    {
      RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      g_array_append_val (invoice_ids, invoice->invoice_id);
    }

  memset (fields, 0, sizeof *fields);
  fields->customer_id = data->customer_id;
  fields->kind = relance_template_get_action_kind (template);
  fields->date = data->date;
  fields->who = relance_cli_get_who (db);
  fields->contact = data->contact_name;
  fields->outcome = RELANCE_OUTCOME_SENT;
  fields->summary = relance_letter_get_subject (letter);
  fields->invoice_ids = (const gint64 *)invoice_ids->data;
  fields->n_invoice_ids = invoice_ids->len;
  fields->document = pdf;
  fields->document_name = document_name;
}

/* Records @letter as sent, with @pdf kept in the history; the steps of
 * @item (if any) are done. */
static gboolean
record_letter (RelanceDatabase        *db,
               RelanceLetter          *letter,
               const RelanceWorkItem  *item,
               GBytes                 *pdf,
               const char             *document_name,
               GError                **error)
{
  g_autoptr(GArray) invoice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RelanceActionFields fields;

  fill_action (db, letter, pdf, document_name, invoice_ids, &fields);

  return relance_actions_record (db, &fields, item, error) != 0;
}

int
relance_cli_letter (const char   *command,
                    char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_autofree char *customer = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *out = NULL;
  gboolean record = FALSE;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code (required)"), N_("CODE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name,
      N_("The template to write it with (see “relance-cli template list”). Without it, the "
         "one of the customer’s step in the worklist, or a first reminder"), N_("NAME") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write (required)"), N_("FILE") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record,
      N_("Record the letter as sent, with the PDF, in the customer’s history"), NULL },
    { NULL }
  };
  LetterMaker maker = { 0 };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceWorkItem) item = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_name = NULL;
  RelanceDatabase *db;
  gint64 customer_id;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Writes a customer’s reminder letter as a PDF file, dated "
                                                "--date (default: today). It is the letter of the "
                                                "customer’s step in the worklist when that step is a "
                                                "letter or a formal notice, about its invoices; "
                                                "otherwise a first reminder about every open invoice."),
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
  letter_maker_init (&maker, db, relance_context_get_today (context));

  customer_id = relance_ledger_find_customer (db, customer, &error);
  if (customer_id == 0)
    return relance_cli_fail (error);

  if (template_name != NULL)
    {
      template = relance_templates_find_by_name (db, template_name, &error);
      if (template == NULL)
        return relance_cli_fail (error);
    }

  if (!check_company (db, &error))
    return relance_cli_fail (error);

  item = relance_worklist_get_item (db, customer_id, maker.date, &error);
  if (item == NULL && error != NULL)
    return relance_cli_fail (error);
  if (!is_letter_item (item))
    g_clear_pointer (&item, relance_work_item_free);

  letter = make_letter (&maker, customer_id, item, template, &error);
  if (letter == NULL)
    return relance_cli_fail (error);

  pdf = relance_letter_to_pdf (letter, &error);
  if (pdf == NULL)
    return relance_cli_fail (error);

  warn_empty_fields (letter);

  if (!write_file (out, pdf, &error))
    return relance_cli_fail (error);

  if (record)
    {
      document_name = g_path_get_basename (out);
      if (!record_letter (db, letter, item, pdf, document_name, &error))
        {
          /* Not sent if not recorded: take the file back. */
          g_unlink (out);
          return relance_cli_fail (error);
        }
    }

  g_print ("%s\n", out);
  return RELANCE_CLI_EXIT_OK;
}

/* Says why the customer of @item gets no letter. */
static void
report_skipped (const RelanceWorkItem *item,
                const GError          *error)
{
  g_autofree char *who = NULL;

  /* Most messages already name the customer. */
  if (strstr (error->message, item->customer_code) != NULL)
    {
      g_printerr ("relance-cli: %s\n", error->message);
      return;
    }

  who = describe_customer (item->customer_code, item->customer_name);
  g_printerr (_("relance-cli: no letter for %s: %s\n"), who, error->message);
}

int
relance_cli_letters (const char   *command,
                     char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_autofree char *out_dir = NULL;
  g_autofree char *single = NULL;
  gboolean record = FALSE;
  const GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("The folder to write one PDF file per customer in (created if needed)"), N_("FOLDER") },
    { "single", 0, 0, G_OPTION_ARG_FILENAME, &single,
      N_("Also, or instead, write every letter into this one PDF file, each starting on an "
         "odd page for printing on both sides"), N_("FILE") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record,
      N_("Record each letter written as sent, with its PDF, in the customer’s history"), NULL },
    { NULL }
  };
  LetterMaker maker = { 0 };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify)made_letter_free);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  RelanceLetterWriter *writer = NULL;
  RelanceDatabase *db;
  guint n_items = 0;
  guint n_skipped = 0;
  guint n_unrecorded = 0;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Writes the letters and formal notices of the worklist "
                                                "of --date (default: today) as PDF files: one per "
                                                "customer in the folder given by --out, or all in one "
                                                "file with --single. Customers whose letter cannot be "
                                                "made are listed, and the others still written."),
                                       entries, args, &status))
    return status;
  if (out_dir == NULL && single == NULL)
    return relance_cli_missing_option (&inv, "--out");
  if ((out_dir != NULL && out_dir[0] == '\0') || (single != NULL && single[0] == '\0'))
    return relance_cli_usage_error (inv.command, _("--out and --single need a name"));

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);
  db = relance_context_get_database (context);
  letter_maker_init (&maker, db, relance_context_get_today (context));

  if (!check_company (db, &error))
    return relance_cli_fail (error);

  items = relance_worklist_compute (db, maker.date, NULL, NULL, &error);
  if (items == NULL)
    return relance_cli_fail (error);

  for (guint i = 0; i < items->len; i++)
    if (is_letter_item (g_ptr_array_index (items, i)))
      n_items++;

  if (n_items == 0)
    {
      g_autofree char *day = relance_day_to_iso (maker.date);

      g_printerr (_("There is no letter or formal notice in the worklist of %s.\n"), day);
      return RELANCE_CLI_EXIT_OK;
    }

  if (out_dir != NULL && g_mkdir_with_parents (out_dir, 0777) != 0)
    {
      int saved_errno = errno;

      g_printerr (_("relance-cli: the folder “%s” could not be created: %s\n"),
                  out_dir, g_strerror (saved_errno));
      return RELANCE_CLI_EXIT_FAILURE;
    }

  if (single != NULL)
    {
      stream = g_memory_output_stream_new_resizable ();
      writer = relance_letter_writer_new (stream);
    }

  for (guint i = 0; i < items->len; i++)
    {
      RelanceWorkItem *item = g_ptr_array_index (items, i);
      g_autoptr(RelanceLetter) letter = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *path = NULL;
      MadeLetter *done;

      if (!is_letter_item (item))
        continue;

      letter = make_letter (&maker, item->customer_id, item, NULL, &error);
      if (letter != NULL && (out_dir != NULL || record))
        pdf = relance_letter_to_pdf (letter, &error);
      if (letter == NULL || (pdf == NULL && (out_dir != NULL || record)))
        {
          report_skipped (item, error);
          g_clear_error (&error);
          n_skipped++;
          continue;
        }

      if (out_dir != NULL)
        {
          g_autofree char *name = relance_letter_get_file_name (letter);

          path = g_build_filename (out_dir, name, NULL);
          if (!write_file (path, pdf, &error))
            {
              report_skipped (item, error);
              g_clear_error (&error);
              n_skipped++;
              continue;
            }
        }

      if (writer != NULL && relance_letter_writer_add (writer, letter, TRUE, &error) == 0)
        {
          g_autofree char *who = describe_customer (item->customer_code, item->customer_name);

          relance_letter_writer_finish (writer, NULL);
          g_printerr (_("relance-cli: the file “%s” could not be made, at the letter to %s: %s\n"),
                      single, who, error->message);
          return RELANCE_CLI_EXIT_FAILURE;
        }

      warn_empty_fields (letter);
      if (path != NULL)
        g_print ("%s\n", path);

      done = g_new0 (MadeLetter, 1);
      done->letter = g_steal_pointer (&letter);
      done->item = item;
      done->pdf = g_steal_pointer (&pdf);
      done->path = g_steal_pointer (&path);
      g_ptr_array_add (made, done);
    }

  if (writer != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (!relance_letter_writer_finish (g_steal_pointer (&writer), &error) ||
          !g_output_stream_close (stream, NULL, &error))
        {
          g_printerr (_("relance-cli: the file “%s” could not be made: %s\n"), single, error->message);
          return RELANCE_CLI_EXIT_FAILURE;
        }

      if (made->len > 0)
        {
          bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
          if (!write_file (single, bytes, &error))
            return relance_cli_fail (error);
          g_print ("%s\n", single);
        }
    }

  /* Every letter written is recorded, in one transaction: all or none. */
  if (record && made->len > 0)
    {
      g_autoptr(GPtrArray) invoice_ids = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree RelanceActionFields *fields = g_new0 (RelanceActionFields, made->len);
      g_autofree const RelanceWorkItem **record_items = g_new0 (const RelanceWorkItem *, made->len);

      for (guint i = 0; i < made->len; i++)
        {
          MadeLetter *done = g_ptr_array_index (made, i);
          GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          char *name = relance_letter_get_file_name (done->letter);

          g_ptr_array_add (invoice_ids, ids);
          g_ptr_array_add (names, name);
          fill_action (db, done->letter, done->pdf, name, ids, &fields[i]);
          record_items[i] = done->item;
        }

      if (!relance_actions_record_many (db, fields, record_items, made->len, NULL, &error))
        {
          g_printerr (_("relance-cli: the letters were written but could not be recorded: %s\n"),
                      error->message);
          g_clear_error (&error);
          n_unrecorded = made->len;
        }
    }

  if (n_skipped > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u letter written, %u customer skipped (see above).\n",
                             "%u letters written, %u customers skipped (see above).\n",
                             made->len),
                made->len, n_skipped);

  return n_skipped > 0 || n_unrecorded > 0 ? RELANCE_CLI_EXIT_FAILURE : RELANCE_CLI_EXIT_OK;
}

/* Templates */

static void
fill_template_row (RelanceCliRow *row,
                   guint          position,
                   gpointer       user_data)
{
  RelanceTemplate *template = g_ptr_array_index ((GPtrArray *)user_data, position);

  relance_cli_row_set_text (row, TEMPLATE_NAME, template->name);
  relance_cli_row_set_keyword (row, TEMPLATE_KIND, relance_template_kind_to_string (template->kind),
                               relance_template_kind_get_label (template->kind));
  relance_cli_row_set_keyword (row, TEMPLATE_CHANNEL, relance_channel_to_string (template->channel),
                               relance_channel_get_label (template->channel));
  relance_cli_row_set_text (row, TEMPLATE_LANGUAGE, template->language);
  relance_cli_row_set_keyword (row, TEMPLATE_TONE, relance_tone_to_string (template->tone),
                               relance_tone_get_label (template->tone));
  if (!template->shipped)
    relance_cli_row_set_keyword (row, TEMPLATE_ORIGIN, "own", _("Yours"));
  else if (template->modified)
    relance_cli_row_set_keyword (row, TEMPLATE_ORIGIN, "modified", _("Shipped, edited"));
  else
    relance_cli_row_set_keyword (row, TEMPLATE_ORIGIN, "shipped", _("Shipped"));
}

int
relance_cli_template_list (const char   *command,
                           char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command, .lists = TRUE };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Lists the letter templates: their name, the kind of "
                                                "reminder, channel, language and tone they are for, "
                                                "and whether they came with Relance."),
                                       NULL, args, &status))
    return status;

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);

  templates = relance_templates_list (relance_context_get_database (context), &error);
  if (templates == NULL)
    return relance_cli_fail (error);

  return relance_cli_write_list (&inv, template_columns, G_N_ELEMENTS (template_columns),
                                 templates->len, fill_template_row, templates);
}

int
relance_cli_template_show (const char   *command,
                           char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_auto(GStrv) names = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &names, NULL, NULL },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  gsize body_length;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("relance-cli template show NAME\n\n"
                                                "Prints a template as a file “relance-cli template "
                                                "check” reads: the line “Subject: …”, a blank line, "
                                                "then the body with its merge fields."),
                                       entries, args, &status))
    return status;
  if (names == NULL || names[0] == NULL)
    return relance_cli_usage_error (inv.command, _("Give the template’s name; "
                                                   "“relance-cli template list” lists them"));
  if (names[1] != NULL)
    return relance_cli_usage_error (inv.command, _("Unexpected argument “%s”: put a name with "
                                                   "spaces in quotes"), names[1]);

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);

  template = relance_templates_find_by_name (relance_context_get_database (context), names[0], &error);
  if (template == NULL)
    return relance_cli_fail (error);

  body_length = strlen (template->body);
  g_print ("%s %s\n\n%s", SUBJECT_KEYWORD, template->subject, template->body);
  if (body_length == 0 || template->body[body_length - 1] != '\n')
    g_print ("\n");

  return RELANCE_CLI_EXIT_OK;
}

/* A problem of a template file, where the file has it. */
typedef struct
{
  guint  line;
  guint  column;
  char  *message;
} FileProblem;

static void
add_problem (GArray     *problems,
             guint       line,
             guint       column,
             const char *message)
{
  FileProblem problem = { line, column, g_strdup (message) };

  g_array_append_val (problems, problem);
}

static void
file_problem_clear (gpointer data)
{
  FileProblem *problem = data;

  g_free (problem->message);
}

/* Adds the problems relance_merge_check() finds in @text, which starts on
 * line @first_line, column @first_column of the file. */
static void
add_merge_problems (GArray     *problems,
                    const char *text,
                    gboolean    is_subject,
                    guint       first_line,
                    guint       first_column)
{
  g_autoptr(GPtrArray) found = relance_merge_check (text, is_subject);

  for (guint i = 0; i < found->len; i++)
    {
      RelanceMergeProblem *problem = g_ptr_array_index (found, i);
      guint column = problem->line == 1 ? problem->column + first_column - 1 : problem->column;

      add_problem (problems, problem->line + first_line - 1, column, problem->message);
    }
}

/* The length of the keyword that starts @line: "Subject:" or the French
 * "Objet :" whatever the user's language (a template is often written in
 * its customer's language), or the keyword in the user's language; a space
 * or a no-break space may come before the colon, and case does not matter.
 * 0 if @line does not start with one. */
static gsize
subject_keyword_length (const char *line)
{
  const char *words[] = { "Subject", "Objet", NULL };
  g_autofree char *translated = g_strdup (_(SUBJECT_KEYWORD));
  char *colon = strrchr (translated, ':');

  /* The translated keyword without its colon and the spaces before it. */
  if (colon != NULL)
    *colon = '\0';
  g_strchomp (translated);
  while (g_str_has_suffix (translated, "\xc2\xa0") || g_str_has_suffix (translated, "\xe2\x80\xaf"))
    {
      *g_utf8_find_prev_char (translated, translated + strlen (translated)) = '\0';
      g_strchomp (translated);
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *word = words[i] != NULL ? words[i] : translated;
      gsize length = strlen (word);
      const char *p = line + length;

      if (length == 0 || g_ascii_strncasecmp (line, word, length) != 0)
        continue;
      /* Spaces before the colon: ASCII, no-break (U+00A0) or narrow no-break (U+202F). */
      for (;;)
        {
          if (*p == ' ' || *p == '\t')
            p++;
          else if (g_str_has_prefix (p, "\xc2\xa0"))
            p += 2;
          else if (g_str_has_prefix (p, "\xe2\x80\xaf"))
            p += 3;
          else
            break;
        }
      if (*p == ':')
        return (gsize)(p + 1 - line);
    }

  return 0;
}

/* Reads "Subject: …", a blank line (optional) and the body from @text
 * (UTF-8, "\n" line ends), and adds the problems of each. */
static void
check_template_text (const char *text,
                     GArray     *problems)
{
  const char *line_end = strchr (text, '\n');
  g_autofree char *first_line = line_end != NULL ? g_strndup (text, line_end - text) : g_strdup (text);
  const char *body = line_end != NULL ? line_end + 1 : "";
  gsize keyword_length = subject_keyword_length (first_line);
  const char *subject;
  guint body_line = 2;
  guint subject_column;

  if (keyword_length == 0)
    {
      add_problem (problems, 1, 1, _("The first line must be the subject: “Subject: …” or “Objet : …”"));
      return;
    }

  subject = first_line + keyword_length;
  while (*subject == ' ' || *subject == '\t')
    subject++;
  subject_column = g_utf8_strlen (first_line, subject - first_line) + 1;

  if (is_blank (subject))
    add_problem (problems, 1, subject_column, _("The subject is empty"));
  else if (strlen (subject) > RELANCE_TEMPLATE_SUBJECT_MAX)
    {
      g_autofree char *message = g_strdup_printf (_("The subject is longer than %d characters"),
                                                  RELANCE_TEMPLATE_SUBJECT_MAX);

      add_problem (problems, 1, subject_column, message);
    }
  else
    add_merge_problems (problems, subject, TRUE, 1, subject_column);

  /* One blank line may part the subject from the body. */
  if (body[0] == '\n')
    {
      body++;
      body_line++;
    }

  if (is_blank (body))
    add_problem (problems, body_line, 1, _("The body is empty"));
  else if (strlen (body) > RELANCE_TEMPLATE_BODY_MAX)
    {
      g_autofree char *message = g_strdup_printf (_("The body is longer than %d characters"),
                                                  RELANCE_TEMPLATE_BODY_MAX);

      add_problem (problems, body_line, 1, message);
    }
  else
    add_merge_problems (problems, body, FALSE, body_line, 1);
}

int
relance_cli_template_check (const char   *command,
                            char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command };
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  gboolean any_problem = FALSE;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("relance-cli template check FILE…\n\n"
                                                "Checks template files written in a text editor: the "
                                                "first line is “Subject: …” (or “Objet : …”), then (after a blank line) "
                                                "the body. Prints each problem as FILE:LINE:COLUMN: "
                                                "what is wrong, such as an unknown merge field."),
                                       entries, args, &status))
    return status;
  if (files == NULL || files[0] == NULL)
    return relance_cli_usage_error (inv.command, _("Give the template file to check"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) problems = g_array_new (FALSE, FALSE, sizeof (FileProblem));
      g_autoptr(GString) text = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *display = g_filename_display_name (files[i]);
      const char *invalid = NULL;
      gsize length = 0;

      g_array_set_clear_func (problems, file_problem_clear);

      if (!g_file_get_contents (files[i], &contents, &length, &error))
        {
          g_printerr ("relance-cli: %s\n", error->message);
          any_problem = TRUE;
          continue;
        }

      if (!g_utf8_validate_len (contents, length, &invalid))
        {
          g_autofree char *before = g_strndup (contents, invalid - contents);
          const char *line_start = strrchr (before, '\n');
          guint line = 1;

          for (const char *p = before; *p != '\0'; p++)
            line += *p == '\n';
          line_start = line_start != NULL ? line_start + 1 : before;
          g_print (_("%s:%u:%u: This is not UTF-8 text: save the file as UTF-8\n"),
                   display, line, (guint)g_utf8_strlen (line_start, -1) + 1);
          any_problem = TRUE;
          continue;
        }

      /* Files saved on Windows end their lines with "\r\n". */
      text = g_string_new_len (contents, length);
      g_string_replace (text, "\r\n", "\n", 0);

      check_template_text (text->str, problems);

      for (guint j = 0; j < problems->len; j++)
        {
          FileProblem *problem = &g_array_index (problems, FileProblem, j);

          g_print ("%s:%u:%u: %s\n", display, problem->line, problem->column, problem->message);
        }

      if (problems->len > 0)
        any_problem = TRUE;
      else
        g_print (_("%s: no problem found\n"), display);
    }

  return any_problem ? RELANCE_CLI_EXIT_FAILURE : RELANCE_CLI_EXIT_OK;
}
