/* relance-case-file.c
 *
 * The folder written:
 *   README.txt      who the customer is, what is owed at the date, the list
 *                   of files (in French and English: it is read by others)
 *   statement.csv   every invoice, credit note and payment by date, with a
 *                   running balance
 *   history.csv     every action (call, letter, e-mail...) with its outcome
 *   disputes.csv    the disputes and how they ended
 *   letters/        the documents attached to the actions
 * CSV files are UTF-8, ';' separated, amounts with a decimal point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "relance-case-file.h"
#include "relance-delimited.h"
#include "relance-error.h"
#include "relance-money.h"

static void
append_fields (GString            *out,
               const char * const *fields,
               guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *quoted = relance_delimited_quote (fields[i] ? fields[i] : "", ';');

      g_string_append (out, quoted);
      g_string_append_c (out, i + 1 < n ? ';' : '\n');
    }
}

static gboolean
write_text (const char  *dir,
            const char  *name,
            GString     *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, text->str, (gssize)text->len, &local_error))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static char *
day_text (RelanceDay day)
{
  return relance_day_is_valid (day) ? relance_day_to_iso (day) : g_strdup ("");
}

/* "lettre 1.pdf" -> "lettre 1.pdf"; "../x" -> "x": never outside letters/. */
static char *
safe_name (const char *name,
           guint       index)
{
  g_autofree char *base = g_path_get_basename (name && *name ? name : "document");

  if (g_str_equal (base, ".") || g_str_equal (base, "..") || g_str_equal (base, "/"))
    {
      g_free (base);
      base = g_strdup ("document");
    }
  return g_strdup_printf ("%03u-%s", index, base);
}

/**
 * relance_case_file_write:
 * @customer_code: the customer handed over
 * @dir: the folder to write (created; files in it are replaced)
 * @today: the date of the case file
 *
 * Returns: %TRUE if the folder holds the whole case file
 */
gboolean
relance_case_file_write (RelanceDatabase  *db,
                         const char       *customer_code,
                         const char       *dir,
                         RelanceDay        today,
                         GError          **error)
{
  g_autoptr(RelanceCaseFile) file = NULL;
  g_autoptr(GString) readme = g_string_new (NULL);
  g_autoptr(GString) statement = g_string_new (NULL);
  g_autoptr(GString) history = g_string_new (NULL);
  g_autoptr(GString) disputes = g_string_new (NULL);
  g_autofree char *letters = g_build_filename (dir, "letters", NULL);
  g_autofree char *date = day_text (today);
  g_autofree char *owed = NULL;
  g_autofree char *overdue = NULL;
  gint64 balance = 0, open_total = 0, overdue_total = 0;
  guint n_letters = 0;

  file = relance_import_collect_case_file (db, customer_code, error);
  if (file == NULL)
    return FALSE;

  if (g_mkdir_with_parents (letters, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("Cannot create the folder “%s”: %s"), letters, g_strerror (saved_errno));
      return FALSE;
    }

  g_string_append (statement, "Date;Type;Référence;Échéance;Débit;Crédit;Solde;Reste dû\n");
  for (guint i = 0; i < file->lines->len; i++)
    {
      const RelanceStatementLine *line = g_ptr_array_index (file->lines, i);
      g_autofree char *when = day_text (line->date);
      g_autofree char *due = day_text (line->due_date);
      g_autofree char *debit = line->debit ? relance_money_to_decimal (line->debit) : g_strdup ("");
      g_autofree char *credit = line->credit ? relance_money_to_decimal (line->credit) : g_strdup ("");
      g_autofree char *running = NULL;
      g_autofree char *open = NULL;
      const char *kind = g_str_equal (line->kind, "invoice") ? "facture"
                         : g_str_equal (line->kind, "credit_note") ? "avoir" : "règlement";
      const char *fields[8];

      balance += line->debit - line->credit;
      running = relance_money_to_decimal (balance);
      if (!g_str_equal (line->kind, "payment"))
        {
          gint64 signed_open = g_str_equal (line->kind, "invoice") ? line->open : -line->open;

          open = relance_money_to_decimal (signed_open);
          open_total += signed_open;
          if (g_str_equal (line->kind, "invoice") && line->due_date < today)
            overdue_total += line->open;
        }
      fields[0] = when;
      fields[1] = kind;
      fields[2] = line->reference;
      fields[3] = due;
      fields[4] = debit;
      fields[5] = credit;
      fields[6] = running;
      fields[7] = open ? open : "";
      append_fields (statement, fields, G_N_ELEMENTS (fields));
    }

  g_string_append (history, "Date;Action;Par;Interlocuteur;Résultat;Résumé;Factures;Document\n");
  for (guint i = 0; i < file->actions->len; i++)
    {
      const RelanceCaseAction *action = g_ptr_array_index (file->actions, i);
      g_autofree char *when = day_text (action->date);
      g_autofree char *document = NULL;
      const char *fields[8];

      if (action->document != NULL)
        {
          g_autofree char *path = NULL;
          gsize size;
          const char *data = g_bytes_get_data (action->document, &size);

          document = safe_name (action->document_name, ++n_letters);
          path = g_build_filename (letters, document, NULL);
          if (!g_file_set_contents (path, data, (gssize)size, error))
            return FALSE;
        }

      fields[0] = when;
      fields[1] = action->kind;
      fields[2] = action->who;
      fields[3] = action->contact;
      fields[4] = action->outcome;
      fields[5] = action->summary;
      fields[6] = action->invoices;
      fields[7] = document ? document : "";
      append_fields (history, fields, G_N_ELEMENTS (fields));
    }

  g_string_append (disputes, "Facture;Cause;Libellé;Montant;Ouvert le;Résolu le;Statut;Description;Résolution\n");
  for (guint i = 0; i < file->disputes->len; i++)
    append_fields (disputes, g_ptr_array_index (file->disputes, i), 9);

  owed = relance_money_to_decimal (open_total);
  overdue = relance_money_to_decimal (overdue_total);
  g_string_append_printf (readme,
                          "Dossier client / Case file — %s\n\n"
                          "%s (%s)\nSIREN : %s\n%s\n%s %s %s\n%s %s\n\n"
                          "Reste dû / Open balance : %s EUR\n"
                          "Dont échu / Overdue : %s EUR\n\n"
                          "statement.csv  relevé de compte / statement of account\n"
                          "history.csv    historique des relances / history of actions\n"
                          "disputes.csv   litiges / disputes\n"
                          "letters/       courriers envoyés / letters sent (%u)\n",
                          date, file->name, file->code, file->siren, file->address,
                          file->postcode, file->city, file->country, file->email, file->phone,
                          owed, overdue, n_letters);

  return write_text (dir, "README.txt", readme, error) &&
         write_text (dir, "statement.csv", statement, error) &&
         write_text (dir, "history.csv", history, error) &&
         write_text (dir, "disputes.csv", disputes, error);
}
