/* test-letters-ledger.c
 *
 * Letters written from a real ledger, read back from the PDF (poppler,
 * the text pdftotext gives), in French and in English: what they claim
 * (open credit notes deducted, disputed invoices set apart, the total
 * claimed equal to the table's last line), when they refuse (nothing to
 * claim, and why), what they quote (a call that reached someone, a call
 * that reached no one, a promise still to come and what remains, a broken
 * promise, the history of letters and calls), and their French (Madame /
 * Monsieur from the contact's civility, elision, singular and plural).
 *
 * Every letter is dated Monday 23 November 2026. Set
 * RELANCE_TEST_LETTERS_DIR to keep the PDFs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "relance-company.h"
#include "relance-database-private.h"
#include "relance-database.h"
#include "relance-desk.h"
#include "relance-error.h"
#include "relance-ledger.h"
#include "relance-letter-data.h"
#include "relance-letter.h"
#include "relance-money.h"
#include "relance-templates.h"
#include "relance-worklist.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  RelanceDatabase *db;
  gint64           customer;
  RelanceDay       today;
  GBytes          *pdf;   /* the last letter written */
} Fixture;

static RelanceDay
day (const char *iso)
{
  RelanceDay d = 0;

  g_assert_true (relance_day_parse (iso, &d, NULL));
  return d;
}

static gint64
add_invoice (Fixture    *f,
             const char *number,
             const char *issued,
             const char *due,
             gint64      amount,
             gboolean    credit_note)
{
  g_autoptr(GError) error = NULL;
  RelanceInvoiceFields fields = {
    .customer_code = "PET", .number = number,
    .issue_date = day (issued), .due_date = day (due),
    .amount = amount, .credit_note = credit_note,
  };
  gint64 id = relance_ledger_add_invoice (f->db, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
dispute (Fixture    *f,
         const char *number,
         const char *opened)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (relance_ledger_open_dispute (f->db, number, "B", 0, day (opened),
                                                "Wrong goods delivered", &error), >, 0);
  g_assert_no_error (error);
}

static void
record (Fixture           *f,
        RelanceActionKind  kind,
        const char        *date,
        RelanceOutcome     outcome,
        const char        *contact,
        const char        *summary,
        const char        *promise_date,
        gint64             promise_amount)
{
  g_autoptr(GError) error = NULL;
  RelanceActionFields fields = { 0 };

  fields.customer_id = f->customer;
  fields.kind = kind;
  fields.date = day (date);
  fields.who = "Claire Martin";
  fields.contact = contact;
  fields.summary = summary;
  fields.outcome = outcome;
  if (promise_date != NULL)
    {
      fields.promise_date = day (promise_date);
      fields.promise_amount = promise_amount;
    }
  g_assert_cmpint (relance_actions_record (f->db, &fields, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
set_civility (Fixture    *f,
              const char *civility)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE contacts SET civility = '%s'", civility);

  /* The contact dialog and the desk set it; here the column is enough. */
  g_assert_true (_relance_database_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields petit = {
    .code = "PET", .name = "Imprimerie Petit", .address = "3 rue des Presses",
    .postcode = "71000", .city = "Mâcon", .country = "FR", .language = "fr",
    .payment_terms = -1,
  };
  RelanceContactFields roux = {
    .name = "Isabelle Roux", .role = "Comptable", .phone = "03 85 00 00 00",
    .email = "isabelle@petit.example", .is_collections = TRUE,
  };
  g_autoptr(RelanceCompany) company = NULL;

  f->db = relance_database_open (":memory:", &error);
  g_assert_no_error (error);

  company = relance_company_new ();
  g_free (company->name);
  company->name = g_strdup ("Atelier Martin");
  g_free (company->city);
  company->city = g_strdup ("Besançon");
  g_free (company->phone);
  company->phone = g_strdup ("03 81 00 00 00");
  g_assert_true (relance_company_set (f->db, company, NULL, &error));
  g_assert_no_error (error);
  f->customer = relance_ledger_add_customer (f->db, &petit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_desk_add_contact (f->db, f->customer, &roux, &error), >, 0);
  g_assert_no_error (error);
  f->today = day ("2026-11-23");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->pdf, g_bytes_unref);
  g_assert_finalize_object (f->db);
}

static RelanceLetterData *
get_data (Fixture      *f,
          const gint64 *ids,
          guint         n_ids,
          gboolean      claims_penalties,
          const char   *language)
{
  g_autoptr(GError) error = NULL;
  RelanceLetterData *data = relance_letter_data_get (f->db, f->customer, f->today, ids, n_ids,
                                                     claims_penalties, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_free (data->language);
  data->language = g_strdup (language);
  return data;
}

/* Whitespace (line breaks, no-break spaces) as single spaces: a sentence
 * reads the same wherever the lines break. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The letter of @kind (fitted to the history) as its PDF's text. */
static char *
letter_text (Fixture                 *f,
             const RelanceLetterData *data,
             RelanceTemplateKind      kind,
             RelanceTemplateKind      expected_kind,
             const char              *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceTemplate) template = relance_templates_find_for_letter (f->db, kind, data, &error);
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *dir = g_getenv ("RELANCE_TEST_LETTERS_DIR");

  g_assert_no_error (error);
  g_assert_cmpint (template->kind, ==, expected_kind);
  g_assert_cmpstr (template->language, ==, data->language);
  letter = relance_letter_new (template, data, &error);
  g_assert_no_error (error);
  pdf = relance_letter_to_pdf (letter, &error);
  g_assert_no_error (error);
  g_clear_pointer (&f->pdf, g_bytes_unref);
  f->pdf = g_bytes_ref (pdf);

  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.pdf", name, data->language);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
    }

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  return normalise (text->str);
}

/* The line of the last letter that starts with @start, as pdftotext
 * -layout lays it out (spaces squeezed): "Total 1 000,00 € 850,00 €". */
static char *
layout_line (Fixture    *f,
             const char *start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_auto(GStrv) lines = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "pdftotext", "-layout", "-", "-", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, f->pdf, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  lines = g_strsplit (g_bytes_get_data (out, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = normalise (lines[i]);

      if (g_str_has_prefix (line, start))
        return g_steal_pointer (&line);
    }

  g_error ("No line starts with “%s”", start);
}

static void
assert_says (const char *text,
             const char *words)
{
  g_autofree char *expected = normalise (words);

  if (strstr (text, expected) == NULL)
    g_error ("“%s” not found in:\n%s", expected, text);
}

static void
assert_never_says (const char *text,
                   const char *words)
{
  if (strstr (text, words) != NULL)
    g_error ("“%s” should not be in:\n%s", words, text);
}

/* "253.15 €": amounts as a caller formats them. */
static char *
format_test_amount (gint64 cents)
{
  g_autofree char *decimal = relance_money_to_decimal (cents);

  return g_strdup_printf ("%s €", decimal);
}

/* F-1 (1 000,00, due 1 October) is the worklist item's invoice; F-2
 * (253,15) is under dispute since 20 October (B, Shipping); AV-1 is an
 * open credit note of 150,00. Claimed: 1 000,00 − 150,00 = 850,00; F-2 is
 * listed apart, not in the total. One invoice claimed: the singular. */
static void
test_credit_note_and_dispute (Fixture       *f,
                              gconstpointer  unused)
{
  gint64 f1 = add_invoice (f, "F-1", "2026-09-01", "2026-10-01", 100000, FALSE);
  gint64 ids[] = { f1 };
  g_autoptr(RelanceLetterData) fr = NULL;
  g_autoptr(RelanceLetterData) en = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_en = NULL;

  add_invoice (f, "F-2", "2026-09-15", "2026-10-15", 25315, FALSE);
  add_invoice (f, "AV-1", "2026-10-25", "2026-10-25", 15000, TRUE);
  dispute (f, "F-2", "2026-10-20");

  fr = get_data (f, ids, G_N_ELEMENTS (ids), FALSE, "fr");
  g_assert_cmpuint (fr->invoices->len, ==, 2);   /* F-1 and AV-1 */
  g_assert_cmpint (fr->total_open, ==, 100000 - 15000);
  g_assert_cmpint (fr->total_claimed, ==, 85000);
  g_assert_cmpuint (fr->disputed->len, ==, 1);
  g_assert_cmpint (fr->total_disputed, ==, 25315);
  g_assert_cmpstr (((RelanceLetterInvoice *) g_ptr_array_index (fr->disputed, 0))->dispute_cause, ==,
                   "B, Shipping");
  reason = relance_letter_data_get_nothing_to_claim (fr, format_test_amount);
  g_assert_null (reason);

  text = letter_text (f, fr, RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_TEMPLATE_FIRST_REMINDER, "credit-dispute");
  assert_says (text, "AV-1 (avoir)");
  /* The table's last line is the total claimed (amounts as issued, then
   * open: 1 000,00 − 150,00 both), and the letter asks for it. */
  {
    g_autofree char *total = layout_line (f, "Total");

    g_assert_cmpstr (total, ==, "Total 850,00 € 850,00 €");
  }
  assert_says (text, "Merci de régler 850,00 € d’ici le 1er décembre 2026");
  assert_says (text, "le règlement de la facture ci-dessous");
  assert_says (text, "La facture F-2 (253,15 €), en litige, est hors relance : elle n’est pas comprise dans la somme réclamée.");
  assert_never_says (text, "1 000,00 € d’ici");
  assert_never_says (text, "1 103,15");
  assert_never_says (text, "F-2 (en litige)");

  en = get_data (f, ids, G_N_ELEMENTS (ids), FALSE, "en");
  text_en = letter_text (f, en, RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_TEMPLATE_FIRST_REMINDER, "credit-dispute");
  assert_says (text_en, "AV-1 (credit note)");
  {
    g_autofree char *total = layout_line (f, "Total");

    g_assert_cmpstr (total, ==, "Total €850.00 €850.00");
  }
  assert_says (text_en, "Please pay €850.00 by 1 December 2026");
  assert_says (text_en, "payment of the invoice below");
  assert_says (text_en, "Invoice F-2 (€253.15) is under dispute and is not claimed here.");
}

/* Nothing to claim: all disputed, all paid, credit notes covering the
 * rest. No letter; one reason. */
static void
test_nothing_to_claim (Fixture       *f,
                       gconstpointer  unused)
{
  g_autoptr(RelanceLetterData) disputed = NULL;
  g_autoptr(RelanceLetterData) covered = NULL;
  g_autoptr(RelanceLetterData) paid = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  const char *numbers[] = { "F-3", NULL };

  /* B (253,15) is the only open invoice and it is disputed. */
  add_invoice (f, "B", "2026-09-15", "2026-10-15", 25315, FALSE);
  dispute (f, "B", "2026-10-20");
  disputed = get_data (f, NULL, 0, FALSE, "fr");
  g_assert_cmpuint (disputed->invoices->len, ==, 0);
  reason = relance_letter_data_get_nothing_to_claim (disputed, format_test_amount);
  g_assert_cmpstr (reason, ==, "253.15 € is under dispute (B, Shipping); nothing else is due");
  g_clear_pointer (&reason, g_free);

  /* F-3 (100,00) open, AV-2 (150,00) covers it: 100,00 − 150,00 < 0. */
  add_invoice (f, "F-3", "2026-10-01", "2026-10-31", 10000, FALSE);
  add_invoice (f, "AV-2", "2026-11-02", "2026-11-02", 15000, TRUE);
  covered = get_data (f, NULL, 0, FALSE, "fr");
  g_assert_cmpint (covered->total_open, ==, 10000 - 15000);
  reason = relance_letter_data_get_nothing_to_claim (covered, format_test_amount);
  g_assert_cmpstr (reason, ==, "253.15 € is under dispute (B, Shipping); the open credit notes (150.00 €) "
                               "cover the 100.00 € still due: nothing else can be claimed");
  g_clear_pointer (&reason, g_free);

  /* F-3 paid, the dispute settled and B paid too: nothing open. */
  g_assert_true (relance_ledger_resolve_dispute (f->db, "B", day ("2026-11-10"), "Taken back", &error));
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_add_payment (f->db, "PET", day ("2026-11-12"), 10000, numbers,
                                               "transfer", "", &error), >, 0);
  numbers[0] = "B";
  g_assert_cmpint (relance_ledger_add_payment (f->db, "PET", day ("2026-11-12"), 25315, numbers,
                                               "transfer", "", &error), >, 0);
  g_assert_no_error (error);
  paid = get_data (f, NULL, 0, FALSE, "fr");
  g_assert_cmpuint (paid->disputed->len, ==, 0);
  reason = relance_letter_data_get_nothing_to_claim (paid, format_test_amount);
  g_assert_cmpstr (reason, ==, "Nothing is due: every invoice is paid");
}

/* Reached on 20 November, Isabelle Roux promised 8 000,00 for 18 December
 * on an invoice of 12 000,00. The letter quotes the call (date, person,
 * notes) and the promise, asks for 8 000,00 by 18 December and says what
 * remains: 12 000,00 − 8 000,00 = 4 000,00, by 18 December + 8 days = 26
 * December (later than the letter's deadline, 23 November + 8 = 1
 * December). Never the whole balance by 1 December. */
static void
test_after_call_promise (Fixture       *f,
                         gconstpointer  unused)
{
  g_autoptr(RelanceLetterData) fr = NULL;
  g_autoptr(RelanceLetterData) en = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_en = NULL;

  add_invoice (f, "F-10", "2026-09-01", "2026-10-01", 1200000, FALSE);
  record (f, RELANCE_ACTION_LETTER, "2026-10-10", RELANCE_OUTCOME_SENT, "", "Rappel", NULL, 0);
  record (f, RELANCE_ACTION_CALL, "2026-11-20", RELANCE_OUTCOME_PROMISE, "Isabelle Roux",
          "8 000 EUR le 18/12, le solde en janvier", "2026-12-18", 800000);

  fr = get_data (f, NULL, 0, FALSE, "fr");
  g_assert_cmpint (fr->remainder, ==, 400000);
  g_assert_cmpint (fr->remainder_deadline, ==, day ("2026-12-26"));
  text = letter_text (f, fr, RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_TEMPLATE_AFTER_CALL, "after-call");
  assert_says (text, "Objet : Suite à notre appel du 20 novembre 2026");
  assert_says (text, "Lors de notre entretien téléphonique du 20 novembre 2026 avec Isabelle Roux, "
                     "nous avons noté : « 8 000 EUR le 18/12, le solde en janvier ».");
  /* What was agreed is asked for, not told twice. */
  assert_never_says (text, "nous a promis");
  assert_says (text, "Comme convenu, nous attendons votre règlement de 8 000,00 € au plus tard le "
                     "18 décembre 2026. Le solde, 4 000,00 €, reste à régler au plus tard le 26 décembre 2026.");
  assert_never_says (text, "1er décembre");
  assert_never_says (text, "échange téléphonique");

  en = get_data (f, NULL, 0, FALSE, "en");
  text_en = letter_text (f, en, RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_TEMPLATE_AFTER_CALL, "after-call");
  assert_says (text_en, "Subject: Following our call of 20 November 2026");
  assert_says (text_en, "In our telephone conversation of 20 November 2026 with Isabelle Roux, we noted: "
                        "“8 000 EUR le 18/12, le solde en janvier”.");
  assert_never_says (text_en, "promised us");
  assert_says (text_en, "As agreed, we expect your payment of €8,000.00 by 18 December 2026. "
                        "The remaining €4,000.00 is to be paid by 26 December 2026.");
  assert_never_says (text_en, "1 December");
}

/* A call that reached no one on 10 November: the letter says we tried,
 * never "our telephone conversation", and is a first reminder (nothing
 * was written before), even when the step asks for a letter after a
 * call. A reached call with no notes is thanked for, and the letter
 * reports no field as empty (no "no call was recorded" banner). */
static void
test_unanswered_call (Fixture       *f,
                      gconstpointer  unused)
{
  g_autoptr(RelanceLetterData) fr = NULL;
  g_autoptr(RelanceLetterData) en = NULL;
  g_autoptr(RelanceLetterData) reached = NULL;
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_en = NULL;

  add_invoice (f, "F-20", "2026-09-01", "2026-10-01", 50000, FALSE);
  add_invoice (f, "F-21", "2026-09-10", "2026-10-10", 30000, FALSE);
  record (f, RELANCE_ACTION_CALL, "2026-11-10", RELANCE_OUTCOME_NO_ANSWER, "", "", NULL, 0);

  fr = get_data (f, NULL, 0, FALSE, "fr");
  g_assert_false (fr->last_call_reached);
  text = letter_text (f, fr, RELANCE_TEMPLATE_AFTER_CALL, RELANCE_TEMPLATE_FIRST_REMINDER, "unanswered");
  assert_says (text, "Nous avons tenté de vous joindre par téléphone le 10 novembre 2026, sans succès.");
  /* Two invoices: the plural. */
  assert_says (text, "le règlement des factures ci-dessous");
  assert_never_says (text, "échange téléphonique");
  assert_never_says (text, "entretien");
  assert_never_says (text, "Appel du");
  assert_never_says (text, "déjà rappelé");
  assert_never_says (text, "Nous vous avons écrit");

  en = get_data (f, NULL, 0, FALSE, "en");
  text_en = letter_text (f, en, RELANCE_TEMPLATE_AFTER_CALL, RELANCE_TEMPLATE_FIRST_REMINDER, "unanswered");
  assert_says (text_en, "We tried to reach you by phone on 10 November 2026, without success.");
  assert_says (text_en, "payment of the invoices below");
  assert_never_says (text_en, "conversation");

  /* Reached on the 12th, nothing noted. */
  record (f, RELANCE_ACTION_CALL, "2026-11-12", RELANCE_OUTCOME_REACHED, "Isabelle Roux", "", NULL, 0);
  reached = get_data (f, NULL, 0, FALSE, "fr");
  template = relance_templates_find_for_letter (f->db, RELANCE_TEMPLATE_FIRST_REMINDER, reached, &error);
  g_assert_no_error (error);
  g_assert_cmpint (template->kind, ==, RELANCE_TEMPLATE_AFTER_CALL);
  letter = relance_letter_new (template, reached, &error);
  g_assert_no_error (error);
  /* (The company's fields are empty in this ledger; no call field is.) */
  {
    const char * const *empty = relance_letter_get_empty_fields (letter);

    g_assert_true (g_strv_contains (empty, "payment.details"));
    for (guint i = 0; empty[i] != NULL; i++)
      g_assert_false (g_str_has_prefix (empty[i], "last_call.") || g_str_has_prefix (empty[i], "promise."));
  }
  g_clear_pointer (&text, g_free);
  text = letter_text (f, reached, RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_TEMPLATE_AFTER_CALL, "reached-no-notes");
  assert_says (text, "Nous vous remercions pour notre entretien téléphonique du 12 novembre 2026 avec Isabelle Roux.");
  assert_says (text, "Nous vous remercions de nous régler 800,00 € au plus tard le 1er décembre 2026.");
}

/* Isabelle Roux promised 3 000,00 for 20 October in the call of 10
 * October; nothing came. The default letter (the step asks for a first
 * reminder) is the broken-promise letter, which quotes the call, the
 * person, the amount and the day. */
static void
test_broken_promise (Fixture       *f,
                     gconstpointer  unused)
{
  g_autoptr(RelanceLetterData) fr = NULL;
  g_autoptr(RelanceLetterData) en = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_en = NULL;

  add_invoice (f, "F-30", "2026-09-01", "2026-10-01", 300000, FALSE);
  record (f, RELANCE_ACTION_CALL, "2026-10-10", RELANCE_OUTCOME_PROMISE, "Isabelle Roux",
          "Paiera le 20", "2026-10-20", 300000);

  fr = get_data (f, NULL, 0, FALSE, "fr");
  g_assert_cmpstr (fr->promise_status, ==, "broken");
  text = letter_text (f, fr, RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_TEMPLATE_BROKEN_PROMISE, "broken");
  assert_says (text, "Lors de notre appel du 10 octobre 2026, Isabelle Roux nous avait promis un règlement "
                     "de 3 000,00 € pour le 20 octobre 2026 ; ce règlement ne nous est pas parvenu.");
  assert_never_says (text, "simple oubli");

  en = get_data (f, NULL, 0, FALSE, "en");
  text_en = letter_text (f, en, RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_TEMPLATE_BROKEN_PROMISE, "broken");
  assert_says (text_en, "In our call of 10 October 2026, Isabelle Roux promised us a payment of €3,000.00 "
                        "by 20 October 2026; we have not received it.");
}

/* A formal notice opens "Madame," / "Monsieur," from the contact's
 * civility, "Madame, Monsieur," without; never "Bonjour". The address
 * block uses the civility, or elides ("d’Isabelle Roux"); the customer is
 * "d’Imprimerie Petit". It quotes the real history: a letter on 20
 * October and a call that reached no one on 2 November; never "Malgré nos
 * précédentes relances". Two invoices: the plural. */
static void
test_formal_notice (Fixture       *f,
                    gconstpointer  unused)
{
  static const struct
  {
    const char *civility;
    const char *salutation_fr;
    const char *attention_fr;
    const char *salutation_en;
    const char *attention_en;
    const char *closing_fr;
    const char *closing_en;
  } cases[] = {
    { "madame", "Madame,", "À l’attention de Madame Isabelle Roux", "Dear Ms Roux,", "For the attention of Ms Isabelle Roux",
      "Nous vous prions d’agréer, Madame, l’expression de nos salutations distinguées.", "Yours sincerely," },
    { "monsieur", "Monsieur,", "À l’attention de Monsieur Isabelle Roux", "Dear Mr Roux,", "For the attention of Mr Isabelle Roux",
      "Nous vous prions d’agréer, Monsieur, l’expression de nos salutations distinguées.", "Yours sincerely," },
    { "", "Madame, Monsieur,", "À l’attention d’Isabelle Roux", "Dear Sir or Madam,", "For the attention of Isabelle Roux",
      "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.", "Yours faithfully," },
  };

  add_invoice (f, "F-40", "2026-08-01", "2026-09-01", 120000, FALSE);
  add_invoice (f, "F-41", "2026-08-15", "2026-09-15", 80000, FALSE);
  record (f, RELANCE_ACTION_LETTER, "2026-10-20", RELANCE_OUTCOME_SENT, "Isabelle Roux", "Relance", NULL, 0);
  record (f, RELANCE_ACTION_CALL, "2026-11-02", RELANCE_OUTCOME_NO_ANSWER, "", "", NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RelanceLetterData) fr = NULL;
      g_autoptr(RelanceLetterData) en = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_en = NULL;
      g_autofree char *opening = NULL;

      set_civility (f, cases[i].civility);
      fr = get_data (f, NULL, 0, TRUE, "fr");
      text = letter_text (f, fr, RELANCE_TEMPLATE_FORMAL_NOTICE, RELANCE_TEMPLATE_FORMAL_NOTICE, "formal-notice");
      assert_says (text, cases[i].attention_fr);
      opening = g_strdup_printf ("Objet : Mise en demeure de payer %s Nous vous avons écrit", cases[i].salutation_fr);
      assert_says (text, opening);
      assert_says (text, "Nous vous avons écrit le 20 octobre 2026 et nous avons tenté de vous joindre "
                         "par téléphone le 2 novembre 2026.");
      assert_says (text, "les factures ci-dessous, à l’ordre d’Imprimerie Petit, demeurent impayées.");
      assert_says (text, cases[i].closing_fr);
      assert_never_says (text, "Bonjour");
      assert_never_says (text, "précédentes relances");

      en = get_data (f, NULL, 0, TRUE, "en");
      text_en = letter_text (f, en, RELANCE_TEMPLATE_FORMAL_NOTICE, RELANCE_TEMPLATE_FORMAL_NOTICE, "formal-notice");
      assert_says (text_en, cases[i].attention_en);
      g_free (opening);
      opening = g_strdup_printf ("Subject: Formal notice to pay %s We wrote to you", cases[i].salutation_en);
      assert_says (text_en, opening);
      assert_says (text_en, "We wrote to you on 20 October 2026 and we tried to reach you by phone on 2 November 2026.");
      assert_says (text_en, "the invoices below, issued by Atelier Martin to Imprimerie Petit, remain unpaid.");
      assert_says (text_en, cases[i].closing_en);
      assert_never_says (text_en, "previous reminders");
    }
}

/* Never contacted: the formal notice quotes no history at all; one
 * invoice: the singular; a name beginning with a consonant: "de". */
static void
test_formal_notice_first_contact (Fixture       *f,
                                  gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  RelanceCustomerFields dupont = {
    .code = "DUP", .name = "Dupont SA", .address = "1 place Carnot", .postcode = "21000",
    .city = "Dijon", .country = "FR", .language = "fr", .payment_terms = -1,
  };
  RelanceInvoiceFields invoice = {
    .customer_code = "DUP", .number = "D-1", .issue_date = day ("2026-08-01"),
    .due_date = day ("2026-10-09"), .amount = 45000,
  };
  g_autoptr(RelanceLetterData) data = NULL;
  g_autofree char *text = NULL;

  f->customer = relance_ledger_add_customer (f->db, &dupont, &error);
  g_assert_no_error (error);
  g_assert_cmpint (relance_ledger_add_invoice (f->db, &invoice, &error), >, 0);
  g_assert_no_error (error);

  /* 45 days late, nobody ever contacted. */
  data = get_data (f, NULL, 0, TRUE, "fr");
  g_assert_cmpint (data->max_days_overdue, ==, 45);
  g_assert_cmpuint (data->history->len, ==, 0);
  text = letter_text (f, data, RELANCE_TEMPLATE_FORMAL_NOTICE, RELANCE_TEMPLATE_FORMAL_NOTICE, "first-contact");
  assert_says (text, "Madame, Monsieur, À la date du 23 novembre 2026, la facture ci-dessous, à l’ordre de "
                     "Dupont SA, demeure impayée.");
  assert_never_says (text, "Nous vous avons écrit");
  assert_never_says (text, "précédentes relances");
  assert_never_says (text, "Bonjour");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/letters-ledger/credit-note-and-dispute", test_credit_note_and_dispute);
  ADD ("/letters-ledger/nothing-to-claim", test_nothing_to_claim);
  ADD ("/letters-ledger/after-call-promise", test_after_call_promise);
  ADD ("/letters-ledger/unanswered-call", test_unanswered_call);
  ADD ("/letters-ledger/broken-promise", test_broken_promise);
  ADD ("/letters-ledger/formal-notice", test_formal_notice);
  ADD ("/letters-ledger/formal-notice-first-contact", test_formal_notice_first_contact);
#undef ADD

  return g_test_run ();
}
