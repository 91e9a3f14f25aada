/* relance-cli-io.c
 *
 * Bringing the ledger in and out. Every import that writes is preceded by
 * an automatic backup of the ledger, kept in rotation in
 * $XDG_DATA_HOME/relance/backups: as many as the application's "Backups
 * Kept" preference says, RELANCE_BACKUP_KEEP when it was never set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "relance-backup.h"
#include "relance-case-file.h"
#include "relance-cli-io.h"
#include "relance-csv.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-export.h"
#include "relance-facturx.h"
#include "relance-fec.h"
#include "relance-import.h"

typedef enum
{
  KIND_CSV,
  KIND_FEC,
  KIND_FACTURX,
} ImportKind;

/* The options every command here shares. */
typedef struct
{
  const char  *command;
  char        *db_path;
  char        *date;
  char       **files;
  RelanceDay   today;
} Common;

static void
common_clear (Common *common)
{
  g_clear_pointer (&common->db_path, g_free);
  g_clear_pointer (&common->date, g_free);
  g_clear_pointer (&common->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Common, common_clear)

/* How many backups the user chose to keep in the application's
 * preferences; RELANCE_BACKUP_KEEP when its settings are not installed. */
static guint
get_backups_kept (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backups-kept"))
    return RELANCE_BACKUP_KEEP;

  settings = g_settings_new_full (schema, NULL, NULL);
  return (guint)MAX (1, g_settings_get_int (settings, "backups-kept"));
}

static int
fail (const GError *error)
{
  g_printerr ("relance-cli: %s\n", error->message);
  return RELANCE_CLI_EXIT_FAILURE;
}

/* Parses @entries and --db, --date; the files named are left in
 * common->files. @status is the exit status when it returns %FALSE. */
static gboolean
parse_options (Common              *common,
               const char          *parameter,
               const char          *summary,
               const GOptionEntry  *entries,
               guint                min_files,
               guint                max_files,
               char              ***args,
               int                 *status)
{
  const GOptionEntry common_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &common->db_path,
      N_("The ledger file (default: $XDG_DATA_HOME/relance/relance.db)"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &common->date,
      N_("Work as if today were this day (2026-11-23 or 23/11/2026)"), N_("DAY") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &common->files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  guint n_files;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = relance_cli_usage_error (common->command, "%s", error->message);
      return FALSE;
    }

  n_files = common->files != NULL ? g_strv_length (common->files) : 0;
  if (n_files < min_files)
    {
      *status = relance_cli_usage_error (common->command, _("Name the file to read"));
      return FALSE;
    }
  if (n_files > max_files)
    {
      *status = relance_cli_usage_error (common->command, _("Unexpected argument “%s”"),
                                         common->files[max_files]);
      return FALSE;
    }
  if (common->db_path != NULL && common->db_path[0] == '\0')
    {
      *status = relance_cli_usage_error (common->command, _("--db needs a file name"));
      return FALSE;
    }
  if (common->date != NULL && !relance_day_parse (common->date, &common->today, &error))
    {
      *status = fail (error);
      return FALSE;
    }

  return TRUE;
}

static char *
ledger_path (const Common *common)
{
  return common->db_path != NULL ? g_strdup (common->db_path) : relance_database_default_path ();
}

static RelanceDatabase *
open_existing (const Common  *common,
               GError       **error)
{
  g_autofree char *path = ledger_path (common);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("There is no ledger “%s”: start one with “relance-cli customer add” "
                     "or “relance-cli demo”"),
                   path);
      return NULL;
    }

  return relance_database_open (path, error);
}

/* Import */

static void
print_problems (GPtrArray  *problems,
                const char *title)
{
  if (problems->len == 0)
    return;

  g_print ("%s\n", title);
  for (guint i = 0; i < problems->len && i < 50; i++)
    {
      g_autofree char *text = relance_import_problem_to_string (g_ptr_array_index (problems, i));

      g_print ("  %s\n", text);
    }
  if (problems->len > 50)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  … and %u more\n", "  … and %u more\n",
                          problems->len - 50),
             problems->len - 50);
}

static void
print_summary (const RelanceImportSummary *s,
               gboolean                    dry_run)
{
  g_print (_("Customers: %u new, %u updated\n"), s->customers_new, s->customers_updated);
  g_print (_("Invoices: %u new, %u updated, %u unchanged\n"),
           s->invoices_new, s->invoices_updated, s->invoices_unchanged);
  g_print (_("Credit notes: %u new\n"), s->credit_notes_new);
  g_print (_("Payments: %u new\n"), s->payments_new);
  g_print (_("Allocations: %u new\n"), s->allocations_new);
  g_print (_("Rows in error: %u\n"), s->rows_in_error);
  print_problems (s->problems, _("Rows in error:"));
  print_problems (s->warnings, _("Kept as they were:"));
  if (dry_run)
    g_print (_("Dry run: nothing was written.\n"));
  else if (s->written && s->rows_in_error > 0)
    g_print (_("Imported, without the rows in error.\n"));
  else if (s->written)
    g_print (_("Imported.\n"));
}

typedef struct
{
  gboolean   dry_run;
  gboolean   skip_bad_rows;
  char      *mapping_name;
  char     **maps;
  char      *encoding;
  char      *separator;
  char      *terms;
  gboolean   no_backup;
} ImportOptions;

static void
import_options_clear (ImportOptions *o)
{
  g_clear_pointer (&o->mapping_name, g_free);
  g_clear_pointer (&o->maps, g_strfreev);
  g_clear_pointer (&o->encoding, g_free);
  g_clear_pointer (&o->separator, g_free);
  g_clear_pointer (&o->terms, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

static RelanceImportBatch *
read_csv (RelanceDatabase      *db,
          const char           *path,
          const ImportOptions  *options,
          char                  separator,
          int                   terms,
          GError              **error)
{
  g_autoptr(RelanceCsvFile) csv = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) lookup_error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  RelanceImportBatch *batch;

  csv = relance_csv_file_load (path, options->encoding, separator, error);
  if (csv == NULL)
    return NULL;

  signature = relance_csv_file_get_signature (csv);
  saved = relance_import_lookup_mapping (db, options->mapping_name, signature, &lookup_error);
  if (saved == NULL && lookup_error != NULL &&
      !(options->maps != NULL && g_error_matches (lookup_error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND)))
    {
      g_propagate_error (error, g_steal_pointer (&lookup_error));
      return NULL;
    }
  if (saved != NULL && !relance_csv_file_set_mapping (csv, saved, error))
    return NULL;
  if (options->maps != NULL)
    {
      given = g_strjoinv (";", options->maps);
      if (!relance_csv_file_set_mapping (csv, given, error))
        return NULL;
    }

  {
    g_autofree char *sep = g_strescape ((char[]){ relance_csv_file_get_separator (csv), 0 }, NULL);

    mapping = relance_csv_file_get_mapping (csv);
    g_print (_("%s: encoding %s, separator “%s”, columns %s\n"),
             name, relance_csv_file_get_encoding (csv), sep, mapping);
  }

  batch = relance_csv_file_read (csv, error);
  if (batch == NULL)
    return NULL;
  /* New customers without a terms column get --terms. */
  batch->default_terms = terms;

  /* Remember a mapping the user gave, for this layout and under its name. */
  if (given != NULL && !options->dry_run)
    {
      relance_import_save_mapping (db, NULL, signature, mapping, NULL);
      if (options->mapping_name != NULL)
        relance_import_save_mapping (db, options->mapping_name, signature, mapping, NULL);
    }

  return batch;
}

/* The automatic backup, once per run, just before the first write. */
static gboolean
back_up_once (RelanceDatabase      *db,
              const ImportOptions  *options,
              gboolean             *done,
              GError              **error)
{
  g_autofree char *backup = NULL;

  if (*done || options->dry_run || options->no_backup)
    return TRUE;

  backup = relance_backup_rotate (db, NULL, get_backups_kept (), error);
  if (backup == NULL)
    return FALSE;

  g_print (_("Backed up to %s\n"), backup);
  *done = TRUE;
  return TRUE;
}

static int
run_import (const char   *command,
            char       ***args,
            ImportKind    kind)
{
  g_auto(Common) common = { command };
  g_auto(ImportOptions) options = { 0 };
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const GOptionEntry csv_entries[] = {
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &options.mapping_name,
      N_("Use the column mapping saved under this name (saved with --map)"), N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.maps,
      N_("Read a field from a column: number, customer, name, siren, issued, due, amount, "
         "open, paid, kind, currency, address, postcode, city, country, email, terms"),
      N_("FIELD=HEADER") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &options.separator,
      N_("The separator: ; , tab or | (guessed by default)"), N_("SEP") },
    { NULL }
  };
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &options.dry_run,
      N_("Say what the import would do, and write nothing"), NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &options.skip_bad_rows,
      N_("Import the good rows when some are wrong (else nothing is written)"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options.encoding,
      N_("The file’s encoding: UTF-8, WINDOWS-1252, ISO-8859-15 (guessed by default)"),
      N_("ENCODING") },
    { "terms", 0, 0, G_OPTION_ARG_STRING, &options.terms,
      N_("Payment terms in days for new customers, which give the due dates (30)"), N_("DAYS") },
    { "no-backup", 0, 0, G_OPTION_ARG_NONE, &options.no_backup,
      N_("Do not back the ledger up before importing"), NULL },
    { NULL }
  };
  g_autofree GOptionEntry *all = NULL;
  guint n = 0;
  char separator = 0;
  guint64 terms = 30;
  gboolean any_failed = FALSE;
  gboolean backed_up = FALSE;
  int status;
  static const char * const summaries[] = {
    N_("Imports invoices from CSV files. The encoding, the separator and the columns are "
       "guessed from French and English headers; --map names the others."),
    N_("Imports the customer accounts (411) of FEC files: invoices, credit notes, payments "
       "and their lettrage."),
    N_("Imports Factur-X (or ZUGFeRD) PDF invoices."),
  };

  all = g_new0 (GOptionEntry, G_N_ELEMENTS (entries) + G_N_ELEMENTS (csv_entries));
  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (kind != KIND_FACTURX || (!g_str_equal (entries[i].long_name, "encoding") &&
                                 !g_str_equal (entries[i].long_name, "terms")))
      all[n++] = entries[i];
  for (guint i = 0; kind == KIND_CSV && csv_entries[i].long_name != NULL; i++)
    all[n++] = csv_entries[i];

  if (!parse_options (&common, _("FILE…"), _(summaries[kind]), all, 1, G_MAXUINT, args, &status))
    return status;

  if (options.separator != NULL)
    {
      if (g_str_equal (options.separator, "tab") || g_str_equal (options.separator, "\\t"))
        separator = '\t';
      else if (strlen (options.separator) == 1 && strchr (";,|\t", options.separator[0]))
        separator = options.separator[0];
      else
        return relance_cli_usage_error (command, _("The separator is one of ; , tab or |"));
    }
  if (options.terms != NULL &&
      !g_ascii_string_to_unsigned (options.terms, 10, 0, 365, &terms, NULL))
    return relance_cli_usage_error (command, _("--terms takes a number of days from 0 to 365"));

  path = ledger_path (&common);
  db = relance_database_open (path, &error);
  if (db == NULL)
    return fail (error);

  if (kind == KIND_FACTURX)
    {
      g_autoptr(RelanceImportBatch) batch = NULL;
      g_autofree char *title = NULL;
      RelanceImportFlags flags = (options.dry_run ? RELANCE_IMPORT_DRY_RUN : 0) |
                                 (options.skip_bad_rows ? RELANCE_IMPORT_SKIP_BAD_ROWS : 0);
      g_auto(RelanceImportSummary) summary = { 0 };

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u PDF file", "%u PDF files",
                                            g_strv_length (common.files)),
                               g_strv_length (common.files));
      batch = relance_import_batch_new (RELANCE_IMPORT_FACTURX, title);
      for (guint i = 0; common.files[i] != NULL; i++)
        relance_facturx_read_pdf (batch, common.files[i], NULL);

      g_print ("%s\n", title);
      if (!back_up_once (db, &options, &backed_up, &error))
        return fail (error);
      if (!relance_import_apply (db, batch, flags, common.today, &summary, &error))
        {
          print_summary (&summary, options.dry_run);
          return fail (error);
        }
      print_summary (&summary, options.dry_run);
      return RELANCE_CLI_EXIT_OK;
    }

  for (guint i = 0; common.files[i] != NULL; i++)
    {
      g_autoptr(RelanceImportBatch) batch = NULL;
      g_auto(RelanceImportSummary) summary = { 0 };
      g_autoptr(GError) file_error = NULL;
      RelanceImportFlags flags = (options.dry_run ? RELANCE_IMPORT_DRY_RUN : 0) |
                                 (options.skip_bad_rows ? RELANCE_IMPORT_SKIP_BAD_ROWS : 0);

      if (kind == KIND_CSV)
        batch = read_csv (db, common.files[i], &options, separator, (int)terms, &file_error);
      else
        batch = relance_fec_load (common.files[i], options.encoding, (int)terms, &file_error);

      if (batch == NULL)
        {
          fail (file_error);
          any_failed = TRUE;
          continue;
        }
      if (kind == KIND_FEC)
        g_print ("%s\n", batch->file);
      if (!back_up_once (db, &options, &backed_up, &file_error))
        return fail (file_error);

      if (!relance_import_apply (db, batch, flags, common.today, &summary, &file_error))
        {
          print_summary (&summary, options.dry_run);
          fail (file_error);
          any_failed = TRUE;
          continue;
        }
      print_summary (&summary, options.dry_run);
    }

  return any_failed ? RELANCE_CLI_EXIT_FAILURE : RELANCE_CLI_EXIT_OK;
}

int
relance_cli_import_csv (const char   *command,
                        char       ***args)
{
  return run_import (command, args, KIND_CSV);
}

int
relance_cli_import_fec (const char   *command,
                        char       ***args)
{
  return run_import (command, args, KIND_FEC);
}

int
relance_cli_import_facturx (const char   *command,
                            char       ***args)
{
  return run_import (command, args, KIND_FACTURX);
}

/* Export */

static int
run_export (const char   *command,
            char       ***args,
            gboolean      aged)
{
  g_auto(Common) common = { command };
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gboolean french = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The CSV file to write"), N_("FILE") },
    { "french-decimals", 0, 0, G_OPTION_ARG_NONE, &french,
      N_("Write amounts with a decimal comma (1234,56)"), NULL },
    { NULL }
  };
  RelanceDay at;
  int status;
  gboolean ok;

  if (!parse_options (&common, "", aged
                      ? _("Writes the aged balance at the date as CSV (UTF-8, “;”).")
                      : _("Writes the open invoices and credit notes at the date as CSV (UTF-8, “;”); "
                          "the file imports back with “import csv”."),
                      entries, 0, 0, args, &status))
    return status;
  if (out == NULL || *out == '\0')
    return relance_cli_usage_error (command, _("The option %s is required"), "--out");

  db = open_existing (&common, &error);
  if (db == NULL)
    return fail (error);

  /* Both as the ledger stood at the end of the day. */
  at = relance_day_is_valid (common.today) ? common.today : relance_day_today_local ();
  if (aged)
    ok = relance_export_aged_balance (db, at, out, french, &error);
  else
    ok = relance_export_open_items_at (db, at, out, french, &error);

  return ok ? RELANCE_CLI_EXIT_OK : fail (error);
}

int
relance_cli_export_open_items (const char   *command,
                               char       ***args)
{
  return run_export (command, args, FALSE);
}

int
relance_cli_export_aged_balance (const char   *command,
                                 char       ***args)
{
  return run_export (command, args, TRUE);
}

/* Case file */

int
relance_cli_case_file (const char   *command,
                       char       ***args)
{
  g_auto(Common) common = { command };
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *customer = NULL;
  const GOptionEntry entries[] = {
    { "customer", 'c', 0, G_OPTION_ARG_STRING, &customer, N_("The customer’s code"), N_("CODE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write"), N_("DIR") },
    { NULL }
  };
  int status;

  if (!parse_options (&common, "", _("Writes a customer’s case file for an agency or a lawyer: "
                                     "statement of account, history of actions, disputes and "
                                     "the letters sent."),
                      entries, 0, 0, args, &status))
    return status;
  if (customer == NULL || *customer == '\0')
    return relance_cli_usage_error (command, _("The option %s is required"), "--customer");
  if (out == NULL || *out == '\0')
    return relance_cli_usage_error (command, _("The option %s is required"), "--out");

  db = open_existing (&common, &error);
  if (db == NULL)
    return fail (error);

  if (!relance_case_file_write (db, customer, out,
                                relance_day_is_valid (common.today) ? common.today
                                                                    : relance_day_today_local (),
                                &error))
    return fail (error);

  g_print (_("Case file written in %s\n"), out);
  return RELANCE_CLI_EXIT_OK;
}

/* Backup and restore */

int
relance_cli_backup (const char   *command,
                    char       ***args)
{
  g_auto(Common) common = { command };
  g_autoptr(RelanceDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("The copy to write (default: a dated file in $XDG_DATA_HOME/relance/backups)"),
      N_("FILE") },
    { NULL }
  };
  int status;

  if (!parse_options (&common, "", _("Writes a consistent copy of the ledger."),
                      entries, 0, 0, args, &status))
    return status;

  db = open_existing (&common, &error);
  if (db == NULL)
    return fail (error);

  if (out != NULL)
    {
      if (!relance_backup_write (db, out, &error))
        return fail (error);
    }
  else
    {
      out = relance_backup_rotate (db, NULL, get_backups_kept (), &error);
      if (out == NULL)
        return fail (error);
    }

  g_print (_("Backed up to %s\n"), out);
  return RELANCE_CLI_EXIT_OK;
}

int
relance_cli_restore (const char   *command,
                     char       ***args)
{
  g_auto(Common) common = { command };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  int status;

  if (!parse_options (&common, _("FILE"),
                      _("Replaces the ledger by a backup; the current ledger is backed up "
                        "first."),
                      NULL, 1, 1, args, &status))
    return status;

  path = ledger_path (&common);
  if (!relance_backup_restore (path, common.files[0], NULL, get_backups_kept (), &saved, &error))
    return fail (error);

  if (saved != NULL)
    g_print (_("The previous ledger was backed up to %s\n"), saved);
  g_print (_("Restored %s\n"), common.files[0]);
  return RELANCE_CLI_EXIT_OK;
}
