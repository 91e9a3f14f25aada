/* test-letters.c
 *
 * Letters written to PDF and read back with poppler: the words and amounts
 * in the letter's language, the address in the envelope's window, the
 * registered-letter mention, long tables over several pages with their
 * header repeated, page numbers, long names that stay on the page, logos
 * in PNG and SVG, broken images refused, several letters in one PDF
 * starting on odd pages.
 *
 * Set RELANCE_TEST_LETTERS_DIR to a folder to keep the PDFs made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "relance-error.h"
#include "relance-letter.h"
#include "relance-merge.h"

#define NNBSP "\xe2\x80\xaf"   /* U+202F */
#define NBSP  "\xc2\xa0"       /* U+00A0 */

/* poppler-glib 22.12 defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static const char body_fr[] =
  "{{salutation}}\n"
  "\n"
  "Lors de notre entretien téléphonique du {{last_call.date}} avec {{last_call.contact}}, "
  "vous nous avez indiqué : « {{last_call.summary}} ».\n"
  "\n"
  "À ce jour, les factures suivantes restent impayées :\n"
  "{{invoices.table}}\n"
  "Nous vous remercions de régler la somme de {{total.claimed}} avant le {{deadline}}, "
  "par virement sur notre compte :\n"
  "{{payment.details}}\n"
  "\n"
  "Nous vous prions d’agréer, {{salutation}} l’expression de nos salutations distinguées.";

static const char body_en[] =
  "{{salutation}}\n"
  "\n"
  "When we spoke on {{last_call.date}}, you told us: “{{last_call.summary}}”.\n"
  "\n"
  "{{invoices.table}}\n"
  "Please pay {{total.claimed}} by {{deadline}}.\n"
  "\n"
  "Yours faithfully,";

static RelanceDay
today (void)
{
  return relance_day_from_dmy (23, 11, 2026);
}

static void
set (char       **field,
     const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
add_invoice (RelanceLetterData *data,
             guint              index,
             gint64             amount,
             int                days)
{
  RelanceLetterInvoice *invoice = g_new0 (RelanceLetterInvoice, 1);

  invoice->number = g_strdup_printf ("FA-2026-%04u", index);
  invoice->due_date = data->date - days;
  invoice->issue_date = invoice->due_date - 30;
  invoice->amount = amount;
  invoice->open = amount;
  invoice->days_overdue = days;
  if (data->claims_penalties && days > 0)
    {
      invoice->indemnity = 4000;
      invoice->interest = amount * days * 1215 / 3650000;
    }
  g_ptr_array_add (data->invoices, invoice);

  data->total_open += amount;
  if (days > 0)
    data->total_overdue += amount;
  data->max_days_overdue = MAX (data->max_days_overdue, days);
  data->interest += invoice->interest;
  data->indemnity += invoice->indemnity;
  if (data->oldest_due_date == 0 || invoice->due_date < data->oldest_due_date)
    data->oldest_due_date = invoice->due_date;
  data->total_claimed = data->total_open + data->interest + data->indemnity;
}

static RelanceLetterData *
make_data (const char *language,
           guint       n_invoices,
           gboolean    penalties)
{
  RelanceLetterData *data = relance_letter_data_new ();
  RelanceCompany *company = data->company;

  data->date = today ();
  data->deadline = today () + RELANCE_LETTER_DEADLINE_DAYS;
  set (&data->language, language);

  set (&company->name, "Horlogerie Comtoise");
  set (&company->address, "12 rue des Granges");
  set (&company->postcode, "25000");
  set (&company->city, "Besançon");
  set (&company->country, "FR");
  set (&company->siren, "123456782");
  set (&company->vat_number, "FR40123456782");
  set (&company->iban, "FR7630006000011234567890189");
  set (&company->bic, "AGRIFRPP");
  set (&company->phone, "03 81 00 00 00");
  set (&company->email, "compta@horlogerie-comtoise.fr");
  set (&company->signatory_name, "Claire Vernier");
  set (&company->signatory_title, "Responsable comptable");
  set (&company->place, "Besançon");

  data->customer_id = 42;
  set (&data->customer_code, "C0042");
  set (&data->customer_name, "Boulangerie Martin");
  set (&data->address, "3 place du Marché\nBâtiment B");
  set (&data->postcode, "39100");
  set (&data->city, "Dole");
  set (&data->country, "FR");
  set (&data->contact_name, "Marie Dupont");

  data->last_call_date = relance_day_from_dmy (16, 11, 2026);
  set (&data->last_call_contact, "Marie Dupont");
  set (&data->last_call_who, "Claire Vernier");
  set (&data->last_call_summary, "le virement partira dès réception du bon de livraison signé");

  data->claims_penalties = penalties;
  data->interest_rate = 1215;

  if (n_invoices == 3)
    {
      add_invoice (data, 1, 100000, 40);
      add_invoice (data, 2, 20000, 20);
      add_invoice (data, 3, 3456, 5);
    }
  else
    for (guint i = 0; i < n_invoices; i++)
      add_invoice (data, i + 1, 10000 + 137 * i, 200 - (int) i);

  return data;
}

static RelanceTemplate *
make_template (const char     *subject,
               const char     *body,
               RelanceChannel  channel,
               const char     *language)
{
  RelanceTemplate *template = relance_template_new ();

  set (&template->name, "Test");
  set (&template->subject, subject);
  set (&template->body, body);
  set (&template->language, language);
  template->channel = channel;

  return template;
}

/* Keeps @bytes in RELANCE_TEST_LETTERS_DIR when it is set. */
static void
keep (GBytes     *bytes,
      const char *name)
{
  const char *dir = g_getenv ("RELANCE_TEST_LETTERS_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
}

static PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static PopplerDocument *
letter_pdf (const RelanceTemplate   *template,
            const RelanceLetterData *data,
            const char              *keep_as)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceLetter) letter = relance_letter_new (template, data, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = relance_letter_to_pdf (letter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  if (keep_as != NULL)
    keep (bytes, keep_as);

  return open_pdf (bytes);
}

/* The text of page @index with no-break spaces as plain ones and line
 * breaks as spaces. */
static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00a0 || c == 0x202f || c == '\n')
        c = ' ';
      g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

/* Where @text is on @page, in points from the top left corner. */
static gboolean
find_text (PopplerPage      *page,
           const char       *text,
           PopplerRectangle *found)
{
  GList *matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT);
  double width, height;

  if (matches == NULL)
    return FALSE;

  /* poppler_page_find_text() counts y from the bottom of the page. */
  poppler_page_get_size (page, &width, &height);
  *found = *(PopplerRectangle *) matches->data;
  found->y1 = height - ((PopplerRectangle *) matches->data)->y2;
  found->y2 = height - ((PopplerRectangle *) matches->data)->y1;
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);

  return TRUE;
}

static gboolean
inside_window (const PopplerRectangle *r)
{
  return r->x1 >= RELANCE_LETTER_WINDOW_X
         && r->x2 <= RELANCE_LETTER_WINDOW_X + RELANCE_LETTER_WINDOW_WIDTH
         && r->y1 >= RELANCE_LETTER_WINDOW_Y
         && r->y2 <= RELANCE_LETTER_WINDOW_Y + RELANCE_LETTER_WINDOW_HEIGHT;
}

/* Every glyph of every page lies on the page, inside its margins' reach. */
static void
assert_text_on_pages (PopplerDocument *document)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      PopplerRectangle *rectangles = NULL;
      guint n = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rectangles, &n));
      g_assert_cmpuint (n, >, 0);
      for (guint j = 0; j < n; j++)
        {
          g_assert_cmpfloat (rectangles[j].x1, >=, 10);
          g_assert_cmpfloat (rectangles[j].x2, <=, width - 10);
          g_assert_cmpfloat (rectangles[j].y1, >=, 10);
          g_assert_cmpfloat (rectangles[j].y2, <=, height - 10);
        }
      g_free (rectangles);
    }
}

static void
test_text_fr (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance {{customer.code}} : {{invoices.count}} factures",
                                                       body_fr, RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(PopplerDocument) document = letter_pdf (template, data, "letter-fr.pdf");
  g_autofree char *text = page_text (document, 0);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  assert_has (text, "Horlogerie Comtoise");
  assert_has (text, "Boulangerie Martin");
  assert_has (text, "À l’attention de Marie Dupont");
  assert_has (text, "39100 DOLE");
  assert_has (text, "Besançon, le 23 novembre 2026");
  assert_has (text, "Objet : Relance C0042 : 3 factures");
  assert_has (text, "Bonjour Marie Dupont,");
  /* The call, quoted. */
  assert_has (text, "« le virement partira dès réception du bon de livraison signé »");
  /* The table and its totals. */
  assert_has (text, "N° de facture");
  assert_has (text, "Jours de retard");
  assert_has (text, "FA-2026-0001");
  assert_has (text, "14/10/2026");
  assert_has (text, "1 000,00 €");
  assert_has (text, "1 234,56 €");
  assert_has (text, "1er décembre 2026");
  assert_has (text, "IBAN FR76 3000 6000 0112 3456 7890 189");
  assert_has (text, "Claire Vernier");
  assert_has (text, "Responsable comptable");
  assert_has (text, "SIREN 123 456 782");
  assert_has (text, "TVA intracommunautaire FR40123456782");
  assert_has (text, "1/1");

  g_assert_null (strstr (text, "Lettre recommandée"));
  g_assert_null (strstr (text, "{{"));
  g_assert_null (strstr (text, "Intérêts"));
  g_assert_null (strstr (text, "FRANCE"));
  assert_text_on_pages (document);
}

static void
test_text_en (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("en", 3, TRUE);
  g_autoptr(RelanceTemplate) template = make_template ("Overdue invoices", body_en,
                                                       RELANCE_CHANNEL_LETTER, "en");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;

  set (&data->country, "GB");
  set (&data->contact_name, "Jane Smith");
  set (&data->last_call_summary, "payment next week");
  document = letter_pdf (template, data, "letter-en.pdf");
  text = page_text (document, 0);

  assert_has (text, "For the attention of Jane Smith");
  assert_has (text, "UNITED KINGDOM");
  assert_has (text, "Besançon, 23 November 2026");
  assert_has (text, "Subject: Overdue invoices");
  assert_has (text, "Dear Jane Smith,");
  assert_has (text, "“payment next week”");
  assert_has (text, "Invoice");
  assert_has (text, "Days overdue");
  assert_has (text, "14 Oct 2026");
  assert_has (text, "€1,234.56");
  assert_has (text, "Late-payment interest at the annual rate of 12.15%");
  assert_has (text, "Fixed compensation for recovery costs (€40 × 3)");
  assert_has (text, "Total claimed");
  assert_has (text, "VAT number FR40123456782");
  g_assert_null (strstr (text, "Objet"));
  g_assert_null (strstr (text, "novembre"));
}

static void
test_penalties (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, TRUE);
  g_autoptr(RelanceTemplate) template = make_template ("Mise en demeure", body_fr,
                                                       RELANCE_CHANNEL_REGISTERED_LETTER, "fr");
  g_autoptr(PopplerDocument) document = letter_pdf (template, data, "letter-penalties.pdf");
  g_autofree char *text = page_text (document, 0);

  assert_has (text, "Intérêts de retard au taux annuel de 12,15 %");
  assert_has (text, "Indemnité forfaitaire pour frais de recouvrement (40 € × 3)");
  assert_has (text, "120,00 €");
  assert_has (text, "Total réclamé");
  {
    g_autofree char *plain = page_text (document, 0);
    g_autofree char *wanted = relance_merge_format_amount (data->total_claimed, "fr");
    g_autoptr(GString) spaced = g_string_new (NULL);

    for (const char *p = wanted; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        g_string_append_unichar (spaced, c == 0x202f || c == 0x00a0 ? ' ' : c);
      }
    assert_has (plain, spaced->str);
  }
  g_assert_cmpint (data->interest, >, 0);
}

/* Interest told period by period (as relance-letter-data gives it), an
 * invoice paid late among them: a line per period, the day it was paid,
 * its indemnity counted, and the total claimed still the table's last
 * line, in the PDF and in the text of an e-mail. Hand-made figures:
 * FA-2026-0001 1 000,00, two periods: 15 days at 13,15 %, 100 000 × 1315
 * × 15 / 3 650 000 = 540.4… -> 5,40 €, then 25 days at 12,15 %, running
 * sum (19 725 + 30 375) × 100 000 / 3 650 000 = 1 372.6… -> 13,73 €, less
 * 5,40 = 8,33 €; FA-2026-0009, paid on its 12th day late, 500,00 at
 * 13,15 %: 50 000 × 1315 × 12 / 3 650 000 = 216.1… -> 2,16 €.
 * Claimed: 1 000,00 open + 5,40 + 8,33 + 2,16 = 15,89 € of interest
 * + 2 × 40 € = 1 095,89 €. */
static void
test_penalty_periods (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceLetterData) data = make_data ("fr", 0, TRUE);
  g_autoptr(RelanceTemplate) template = make_template ("Mise en demeure", body_fr,
                                                       RELANCE_CHANNEL_REGISTERED_LETTER, "fr");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(RelanceLetter) letter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  RelanceLetterInvoice *paid = g_new0 (RelanceLetterInvoice, 1);
  const struct { const char *number; gint64 id; int from, days; gint64 balance; int rate; gint64 interest; } periods[] = {
    { "FA-2026-0001", 1, 40, 15, 100000, 1315, 540 },
    { "FA-2026-0001", 1, 25, 25, 100000, 1215, 833 },
    { "FA-2026-0009", 9, 61, 12, 50000, 1315, 216 },
  };

  add_invoice (data, 1, 100000, 40);
  ((RelanceLetterInvoice *) g_ptr_array_index (data->invoices, 0))->invoice_id = 1;
  paid->invoice_id = 9;
  paid->number = g_strdup ("FA-2026-0009");
  paid->due_date = data->date - 61;
  paid->amount = 50000;
  paid->days_overdue = 12;
  paid->interest = 216;
  paid->indemnity = 4000;
  g_ptr_array_add (data->paid_late, paid);

  data->interest = 0;
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      RelanceLetterInterestPeriod *period = g_new0 (RelanceLetterInterestPeriod, 1);

      period->invoice_id = periods[i].id;
      period->number = g_strdup (periods[i].number);
      period->from = data->date - periods[i].from + 1;
      period->to = period->from + periods[i].days - 1;
      period->days = periods[i].days;
      period->balance = periods[i].balance;
      period->rate = periods[i].rate;
      period->interest = periods[i].interest;
      data->interest += period->interest;
      g_ptr_array_add (data->interest_periods, period);
    }
  data->indemnity = 2 * 4000;
  data->total_claimed = data->total_open + data->interest + data->indemnity;
  g_assert_cmpint (data->total_claimed, ==, 109589);

  document = letter_pdf (template, data, "letter-penalty-periods.pdf");
  text = page_text (document, 0);
  /* FA-2026-0001 due 2026-10-14: 10-15 .. 10-29 and 10-30 .. 11-23; the paid invoice from
   * 2026-09-24 to 10-05, paid on 2026-10-05 (due 2026-09-23). */
  assert_has (text, "Intérêts de retard, facture FA-2026-0001, du 15/10/2026 au 29/10/2026 (15 jours sur");
  assert_has (text, "Intérêts de retard, facture FA-2026-0001, du 30/10/2026 au 23/11/2026 (25 jours sur");
  assert_has (text, "Intérêts de retard, facture FA-2026-0009 payée le 05/10/2026, du 24/09/2026 au");
  assert_has (text, "5,40 €");
  assert_has (text, "8,33 €");
  assert_has (text, "2,16 €");
  assert_has (text, "(40 € × 2)");
  assert_has (text, "Total réclamé 1 095,89 €");
  assert_has (text, "la somme de 1 095,89 €");
  g_assert_null (strstr (text, "au taux annuel de 12,15"));

  letter = relance_letter_new (template, data, &error);
  g_assert_no_error (error);
  plain = relance_letter_get_text (letter);
  assert_has (plain, "\nIntérêts de retard, facture FA-2026-0001, du 15/10/2026 au 29/10/2026 (15 jours sur "
                     "1\u202f000,00\u00a0€ à 13,15\u00a0%)\u00a0: 5,40\u00a0€\n");
  assert_has (plain, "(12 jours sur 500,00\u00a0€ à 13,15\u00a0%)\u00a0: 2,16\u00a0€\n");
  assert_has (plain, "\nTotal réclamé\u00a0: 1\u202f095,89\u00a0€");
}

/* The letter as the text of an e-mail: the same words, the invoices one
 * per line with their totals and penalties, then the signature. */
static void
test_plain_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, TRUE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr, RELANCE_CHANNEL_EMAIL, "fr");
  g_autoptr(RelanceLetter) letter = relance_letter_new (template, data, &error);
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *total = relance_merge_format_amount (data->total_open, "fr");
  g_autofree char *claimed = relance_merge_format_amount (data->total_claimed, "fr");
  g_autofree char *total_line = g_strdup_printf ("\nTotal\u00a0: %s\n", total);
  g_autofree char *claimed_line = g_strdup_printf ("\nTotal réclamé\u00a0: %s", claimed);
  RelanceLetterInvoice *invoice;
  guint d, m, y;

  g_assert_no_error (error);
  text = relance_letter_get_text (letter);

  invoice = g_ptr_array_index (data->invoices, 0);
  relance_day_to_dmy (invoice->due_date, &d, &m, &y);
  first = g_strdup_printf ("\n- FA-2026-0001, échéance %02u/%02u/%u\u00a0: 1\u202f000,00\u00a0€\n", d, m, y);

  g_assert_true (g_str_has_prefix (text, "Bonjour Marie Dupont,\n\n"));
  assert_has (text, "« le virement partira dès réception du bon de livraison signé »");
  assert_has (text, first);
  assert_has (text, total_line);
  assert_has (text, "Intérêts de retard au taux annuel de 12,15\u00a0%\u00a0: ");
  assert_has (text, claimed_line);
  g_assert_true (g_str_has_suffix (text, "\n\nClaire Vernier\nResponsable comptable\nHorlogerie Comtoise"));
  g_assert_null (strstr (text, "{{"));
}

static void
test_registered (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, TRUE);
  g_autoptr(RelanceTemplate) registered = make_template ("Mise en demeure", body_fr,
                                                         RELANCE_CHANNEL_REGISTERED_LETTER, "fr");
  g_autoptr(RelanceTemplate) plain = make_template ("Relance", body_fr,
                                                    RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(RelanceTemplate) email = make_template ("Relance", body_fr,
                                                    RELANCE_CHANNEL_EMAIL, "fr");
  g_autoptr(PopplerDocument) document = letter_pdf (registered, data, NULL);
  g_autoptr(PopplerDocument) plain_document = letter_pdf (plain, data, NULL);
  g_autoptr(PopplerDocument) email_document = letter_pdf (email, data, NULL);
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = page_text (document, 0);
  g_autofree char *plain_text = page_text (plain_document, 0);
  g_autofree char *email_text = page_text (email_document, 0);
  PopplerRectangle mention = { 0 }, name = { 0 };

  assert_has (text, "Lettre recommandée avec accusé de réception");
  g_assert_null (strstr (plain_text, "recommandée"));
  g_assert_null (strstr (email_text, "recommandée"));

  /* Above the address. */
  g_assert_true (find_text (page, "Lettre recommandée", &mention));
  g_assert_true (find_text (page, "Boulangerie Martin", &name));
  g_assert_cmpfloat (mention.y2, <=, name.y1);
  g_assert_cmpfloat (mention.x1, >=, RELANCE_LETTER_WINDOW_X);
}

static void
test_window (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  PopplerRectangle r = { 0 }, head = { 0 };

  set (&data->address, "Zone industrielle des Tilleuls\n3 place du Marché\nBâtiment B, 2e étage\nBP 42");
  set (&data->country, "CH");
  set (&data->city, "Lausanne");
  set (&data->postcode, "1000");
  document = letter_pdf (template, data, "letter-window.pdf");
  page = poppler_document_get_page (document, 0);

  /* Orientation: the letterhead is near the top. */
  g_assert_true (find_text (page, "Horlogerie Comtoise", &head));
  g_assert_cmpfloat (head.y1, <, 150);

  for (const char * const *line = (const char * const[]) {
         "Boulangerie Martin", "À l’attention de Marie Dupont", "Zone industrielle des Tilleuls",
         "BP 42", "1000 LAUSANNE", "SUISSE", NULL };
       *line != NULL; line++)
    {
      if (!find_text (page, *line, &r))
        g_error ("“%s” is not on the page", *line);
      if (!inside_window (&r))
        g_error ("“%s” at %g,%g–%g,%g is outside the window", *line, r.x1, r.y1, r.x2, r.y2);
    }
}

/* Too many street lines, a very long name: all of it still in the window. */
static void
test_window_crowded (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_REGISTERED_LETTER, "fr");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  PopplerRectangle *rectangles = NULL;
  guint n = 0;
  guint in_window = 0;

  for (guint i = 0; i < 30; i++)
    g_string_append (name, "Société Anonyme ");
  set (&data->customer_name, name->str);
  set (&data->address, "Ligne un\nLigne deux\nLigne trois\nLigne quatre\nLigne cinq\nLigne six\nLigne sept\nLigne huit");
  set (&data->city, "Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson");
  set (&data->country, "DE");
  document = letter_pdf (template, data, "letter-crowded.pdf");
  page = poppler_document_get_page (document, 0);

  /* Whatever lies in the window's column, below the mention and above
   * the date, lies in the window. */
  g_assert_true (poppler_page_get_text_layout (page, &rectangles, &n));
  for (guint i = 0; i < n; i++)
    {
      const PopplerRectangle *r = &rectangles[i];

      if (r->x1 >= RELANCE_LETTER_WINDOW_X - 1 && r->y1 >= RELANCE_LETTER_WINDOW_Y - 2
          && r->y1 < RELANCE_LETTER_WINDOW_Y + RELANCE_LETTER_WINDOW_HEIGHT + 10 * 72 / 25.4 - 12)
        {
          g_assert_true (inside_window (r));
          in_window++;
        }
    }
  g_free (rectangles);
  g_assert_cmpuint (in_window, >, 40);

  {
    PopplerRectangle r = { 0 };

    g_assert_true (find_text (page, "SAINT-RÉMY", &r));
    g_assert_true (inside_window (&r));
    g_assert_true (find_text (page, "ALLEMAGNE", &r));
    g_assert_true (inside_window (&r));
  }
}

static void
test_long_table (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 200, TRUE);
  g_autoptr(RelanceTemplate) template = make_template ("Relevé", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(PopplerDocument) document = letter_pdf (template, data, "letter-200.pdf");
  int n_pages = poppler_document_get_n_pages (document);
  g_autofree char *last = page_text (document, n_pages - 1);

  g_assert_cmpint (n_pages, >, 3);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (document, i);
      g_autofree char *number = g_strdup_printf ("%d/%d", i + 1, n_pages);

      assert_has (text, number);
      assert_has (text, "Horlogerie Comtoise · SIREN 123 456 782");
      if (i > 0 && strstr (text, "FA-2026-") != NULL)
        {
          /* The header again on every page the table goes on. */
          assert_has (text, "N° de facture");
          assert_has (text, "Échéance");
          /* And the continuation line. */
          assert_has (text, "Boulangerie Martin — 23 novembre 2026");
        }
    }

  {
    g_autofree char *second = page_text (document, 1);

    assert_has (second, "N° de facture");
  }

  /* Every invoice is there once. */
  for (guint k = 1; k <= 200; k++)
    {
      g_autofree char *number = g_strdup_printf ("FA-2026-%04u", k);
      guint found = 0;

      for (int i = 0; i < n_pages; i++)
        {
          g_autofree char *text = page_text (document, i);

          if (strstr (text, number) != NULL)
            found++;
        }
      g_assert_cmpuint (found, ==, 1);
    }

  assert_has (last, "Total réclamé");
  assert_has (last, "Claire Vernier");
  assert_text_on_pages (document);
}

/* "1/3", "2/3", "3/3": a body three pages long. */
static void
test_page_numbers (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(GString) body = g_string_new ("{{salutation}}\n\n");
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  guint n_paragraphs = 0;

  /* Paragraphs until the letter takes three pages. */
  while (TRUE)
    {
      g_string_append_printf (body, "Paragraphe %u. Nous revenons vers vous au sujet de vos "
                              "factures restées impayées, dont le montant total s’élève à "
                              "{{total.due}}, et vous remercions de votre attention.\n\n",
                              ++n_paragraphs);
      g_clear_pointer (&template, relance_template_free);
      template = make_template ("Relance", body->str, RELANCE_CHANNEL_LETTER, "fr");
      g_clear_object (&document);
      document = letter_pdf (template, data, NULL);
      if (poppler_document_get_n_pages (document) == 3)
        break;
      g_assert_cmpint (poppler_document_get_n_pages (document), <, 3);
      n_paragraphs += 2;
      g_string_append (body, "Une ligne de plus pour avancer plus vite.\n\n"
                             "Et encore une autre ligne.\n\n");
    }

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = page_text (document, i);
      g_autofree char *number = g_strdup_printf ("%d/3", i + 1);

      assert_has (text, number);
    }

  /* Every paragraph once, the signature at the end. */
  for (guint k = 1; k <= n_paragraphs; k++)
    {
      g_autofree char *paragraph = g_strdup_printf ("Paragraphe %u.", k);
      guint found = 0;

      for (int i = 0; i < 3; i++)
        {
          g_autofree char *text = page_text (document, i);

          found += strstr (text, paragraph) != NULL;
        }
      if (strstr (body->str, paragraph) != NULL)
        g_assert_cmpuint (found, ==, 1);
    }
  {
    g_autofree char *last = page_text (document, 2);

    assert_has (last, "Claire Vernier");
  }
  assert_text_on_pages (document);
}

static void
test_long_names (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance {{customer.name}} {{company.name}}",
                                                       "{{salutation}}\n\n{{company.name}} écrit à "
                                                       "{{customer.name}}.\n{{invoices.table}}\n"
                                                       "Pas d’espace : AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(GString) company = g_string_new (NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  PopplerRectangle r = { 0 };

  while (g_utf8_strlen (company->str, -1) < 300)
    g_string_append (company, "Manufacture Générale d’Horlogerie ");
  set (&data->company->name, company->str);
  set (&data->company->address, "Une rue au nom interminable qui ne tient pas sur une seule ligne de l’en-tête de la lettre");
  set (&data->customer_name, "Общество с ограниченной ответственностью «Ромашка» 株式会社山田製作所");
  set (&data->contact_name, "Ёлкина Татьяна 山田太郎");
  ((RelanceLetterInvoice *) g_ptr_array_index (data->invoices, 0))->number =
    (g_free (((RelanceLetterInvoice *) g_ptr_array_index (data->invoices, 0))->number),
     g_strdup ("FACTURE-AU-NUMERO-VRAIMENT-TRES-LONG-0000000000000000000000000000001"));

  document = letter_pdf (template, data, "letter-long-names.pdf");
  page = poppler_document_get_page (document, 0);
  text = page_text (document, 0);

  assert_has (text, "Общество");
  assert_text_on_pages (document);

  /* The name in the window, the Cyrillic words inside it. */
  g_assert_true (find_text (page, "Общество", &r));
  g_assert_true (inside_window (&r));
  g_assert_true (find_text (page, "Ёлкина", &r));
  g_assert_true (inside_window (&r));

  /* The letterhead stays left of the window. */
  g_assert_true (find_text (page, "Manufacture", &r));
  g_assert_cmpfloat (r.x2, <, RELANCE_LETTER_WINDOW_X);
}

static void
test_body_flows (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(GString) body = g_string_new ("{{salutation}}\n\n");
  g_autoptr(RelanceTemplate) template = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *last = NULL;

  /* One very long paragraph, with single line breaks. */
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (body, "Ligne %u du même paragraphe, assez longue pour occuper la "
                            "largeur de la page et passer à la ligne suivante.\n", i + 1);
  g_string_append (body, "\nFIN DU COURRIER");
  template = make_template ("Relance", body->str, RELANCE_CHANNEL_LETTER, "fr");
  document = letter_pdf (template, data, "letter-flow.pdf");

  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 3);
  last = page_text (document, poppler_document_get_n_pages (document) - 1);
  assert_has (last, "FIN DU COURRIER");
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *line = g_strdup_printf ("Ligne %u du même", i + 1);
      gboolean seen = FALSE;

      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          g_autofree char *text = page_text (document, p);

          seen |= strstr (text, line) != NULL;
        }
      g_assert_true (seen);
    }
  assert_text_on_pages (document);
}

/* Images */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
png_bytes (int    width,
           int    height,
           double red,
           double green,
           double blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *out = g_byte_array_new ();

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, out), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (out);
}

static const char svg_logo[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"80\" viewBox=\"0 0 200 80\">\n"
  "  <rect x=\"0\" y=\"0\" width=\"200\" height=\"80\" fill=\"#ff0000\"/>\n"
  "</svg>\n";

/* How many pixels of the first page, rendered at 72 dpi, are close to
 * @red, @green, @blue (0-255) inside the box @x, @y, @width, @height. */
static guint
count_colour (PopplerDocument *document,
              int              red,
              int              green,
              int              blue,
              double           x,
              double           y,
              double           width,
              double           height)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  guint count = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int j = (int) y; j < (int) (y + height) && j < 842; j++)
    for (int i = (int) x; i < (int) (x + width) && i < 596; i++)
      {
        guint32 pixel = *(guint32 *) (void *) (cairo_image_surface_get_data (surface)
                                               + j * cairo_image_surface_get_stride (surface) + i * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (ABS (r - red) < 20 && ABS (g - green) < 20 && ABS (b - blue) < 20)
          count++;
      }
  cairo_surface_destroy (surface);

  return count;
}

static void
test_png_logo (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  GList *images;
  double mm = 72 / 25.4;

  data->company->logo = png_bytes (300, 100, 0, 0, 1);
  data->company->signature = png_bytes (240, 80, 0, 0.5, 0);
  document = letter_pdf (template, data, "letter-png.pdf");
  page = poppler_document_get_page (document, 0);

  images = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (images), ==, 2);
  poppler_page_free_image_mapping (images);

  /* The logo in the top left box, 50 × 20 mm at most. */
  g_assert_cmpuint (count_colour (document, 0, 0, 255, 20 * mm, 15 * mm, 50 * mm, 20 * mm), >,
                    (guint) (45 * mm * 14 * mm));
  g_assert_cmpuint (count_colour (document, 0, 0, 255, 0, 0, 596, 15 * mm - 1), ==, 0);
  g_assert_cmpuint (count_colour (document, 0, 0, 255, 71 * mm, 0, 596 - 71 * mm, 842), ==, 0);
  /* The signature below the middle of the page. */
  g_assert_cmpuint (count_colour (document, 0, 128, 0, 0, 421, 596, 421), >, 1000);
  g_assert_cmpuint (count_colour (document, 0, 128, 0, 0, 0, 596, 421), ==, 0);
}

static void
test_svg_logo (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerDocument) plain = NULL;
  double mm = 72 / 25.4;

  plain = letter_pdf (template, data, NULL);
  g_assert_cmpuint (count_colour (plain, 255, 0, 0, 0, 0, 596, 842), ==, 0);

  data->company->logo = g_bytes_new_static (svg_logo, sizeof svg_logo - 1);
  document = letter_pdf (template, data, "letter-svg.pdf");

  /* 200 × 80 scaled into 50 × 20 mm: the whole box, red. */
  g_assert_cmpuint (count_colour (document, 255, 0, 0, 20 * mm, 15 * mm, 50 * mm, 20 * mm), >,
                    (guint) (48 * mm * 18 * mm));
  g_assert_cmpuint (count_colour (document, 255, 0, 0, 71 * mm, 0, 596 - 71 * mm, 842), ==, 0);
}

static void
test_broken_images (void)
{
  static const char not_png[] = "\x89PNG\r\n\x1a\n this is not a PNG at all";
  static const char not_svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" <rect";
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  struct
  {
    const char *bytes;
    gsize       size;
    gboolean    signature;
    const char *named;
  } cases[] = {
    { not_png, sizeof not_png - 1, FALSE, "logo" },
    { not_svg, sizeof not_svg - 1, FALSE, "logo" },
    { "GIF89a", 6, FALSE, "logo" },
    { not_png, sizeof not_png - 1, TRUE, "signature" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(RelanceLetter) letter = NULL;
      g_autoptr(GBytes) pdf = NULL;
      GBytes *bytes = g_bytes_new (cases[i].bytes, cases[i].size);

      if (cases[i].signature)
        data->company->signature = bytes;
      else
        data->company->logo = bytes;

      letter = relance_letter_new (template, data, &error);
      g_assert_no_error (error);
      pdf = relance_letter_to_pdf (letter, &error);
      g_assert_null (pdf);
      g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

/* Several letters in one PDF; with odd_page, each starts on an odd page. */
static void
test_writer_odd_pages (void)
{
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  const guint sizes[] = { 3, 80, 3, 3, 200 };
  const char *names[] = { "Alpha SARL", "Bêta SA", "Gamma SAS", "Delta EURL", "Epsilon SA" };
  guint start[G_N_ELEMENTS (sizes)];
  guint end[G_N_ELEMENTS (sizes)];
  guint page = 0;
  RelanceLetterWriter *writer = relance_letter_writer_new (stream);
  int n_pages;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(RelanceLetterData) data = make_data ("fr", sizes[i], FALSE);
      g_autoptr(RelanceLetter) letter = NULL;
      guint pages;

      set (&data->customer_name, names[i]);
      letter = relance_letter_new (template, data, &error);
      g_assert_no_error (error);
      pages = relance_letter_writer_add (writer, letter, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pages, >, 0);
      if (page % 2 == 1)
        page++;
      start[i] = page;
      page += pages;
      end[i] = page;
    }
  g_assert_true (relance_letter_writer_finish (writer, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  keep (bytes, "letters-odd.pdf");
  document = open_pdf (bytes);

  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, ==, page);
  /* The second letter takes more than one page, so blank pages were
   * needed. */
  g_assert_cmpuint (start[2] - start[1], >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = page_text (document, start[i]);

      /* 0-based even index: page 1, 3, 5... */
      g_assert_cmpuint (start[i] % 2, ==, 0);
      assert_has (text, names[i]);
      assert_has (text, "Objet : Relance");
      if (start[i] > 0)
        {
          g_autofree char *before = page_text (document, start[i] - 1);

          g_assert_null (strstr (before, names[i]));
        }
    }

  /* The pages put in between are blank. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (sizes); i++)
    if (start[i + 1] > end[i])
      {
        g_autofree char *blank = page_text (document, end[i]);

        g_assert_cmpuint (start[i + 1], ==, end[i] + 1);
        g_assert_cmpstr (g_strstrip (blank), ==, "");
      }
}

/* Without odd_page, each letter follows the last one straight away. */
static void
test_writer_no_odd (void)
{
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  const char *names[] = { "Alpha SARL", "Bêta SA", "Gamma SAS" };
  guint pages[3];
  RelanceLetterWriter *writer = relance_letter_writer_new (stream);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RelanceLetterData) data = make_data ("fr", i == 1 ? 80 : 3, FALSE);
      g_autoptr(RelanceLetter) letter = NULL;

      set (&data->customer_name, names[i]);
      letter = relance_letter_new (template, data, &error);
      g_assert_no_error (error);
      pages[i] = relance_letter_writer_add (writer, letter, FALSE, &error);
      g_assert_no_error (error);
    }
  g_assert_true (relance_letter_writer_finish (writer, &error));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  document = open_pdf (bytes);

  g_assert_cmpuint (pages[0], ==, 1);
  g_assert_cmpuint (pages[1], >, 1);
  g_assert_cmpuint (pages[2], ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, pages[0] + pages[1] + pages[2]);
  {
    g_autofree char *second = page_text (document, 1);
    g_autofree char *third = page_text (document, 1 + pages[1]);

    assert_has (second, "Bêta SA");
    assert_has (second, "Objet : Relance");
    assert_has (third, "Gamma SAS");
    assert_has (third, "Objet : Relance");
  }
}

/* A stream that refuses to be written. */
static void
test_writer_stream_error (void)
{
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceLetter) letter = relance_letter_new (template, data, NULL);
  g_autofree char *buffer = g_malloc (64);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 64, NULL, NULL);
  g_autoptr(GError) error = NULL;
  RelanceLetterWriter *writer = relance_letter_writer_new (stream);
  guint pages;

  pages = relance_letter_writer_add (writer, letter, FALSE, &error);
  if (pages > 0)
    {
      g_assert_no_error (error);
      g_assert_false (relance_letter_writer_finish (writer, &error));
    }
  else
    relance_letter_writer_finish (writer, NULL);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PDF"));
}

static void
test_letter_api (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance du {{date}} {{promise.date}}",
                                                       "{{salutation}}\n\n"
                                                       "Promesse : {{promise.amount}} {{promise.date}}.\n"
                                                       "{{invoices.table}}",
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(RelanceTemplate) broken = make_template ("Relance", "Bonjour {{client}}",
                                                     RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(RelanceLetter) letter = NULL;
  g_autoptr(RelanceLetter) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  const char * const *empty;

  none = relance_letter_new (broken, data, &error);
  g_assert_null (none);
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 1, column 9"));
  g_clear_error (&error);

  letter = relance_letter_new (template, data, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (relance_letter_get_subject (letter), ==, "Relance du 23 novembre 2026");
  g_assert_true (relance_letter_get_data (letter) != data);
  g_assert_cmpstr (relance_letter_get_data (letter)->customer_name, ==, "Boulangerie Martin");
  g_assert_true (relance_letter_get_template (letter) != template);
  g_assert_cmpstr (relance_letter_get_template (letter)->body, ==, template->body);

  empty = relance_letter_get_empty_fields (letter);
  g_assert_nonnull (empty);
  g_assert_cmpuint (g_strv_length ((GStrv) empty), ==, 2);
  g_assert_true (g_strv_contains (empty, "promise.date"));
  g_assert_true (g_strv_contains (empty, "promise.amount"));

  file_name = relance_letter_get_file_name (letter);
  g_assert_cmpstr (file_name, ==, "Relance-C0042-2026-11-23.pdf");

  {
    g_autoptr(RelanceLetter) odd = NULL;
    g_autofree char *odd_name = NULL;

    set (&data->customer_code, "../C 42/é");
    odd = relance_letter_new (template, data, NULL);
    odd_name = relance_letter_get_file_name (odd);
    g_assert_cmpstr (odd_name, ==, "Relance-C_42-2026-11-23.pdf");
  }
}

static void
test_missing (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(RelanceLetter) complete = relance_letter_new (template, data, NULL);
  g_autoptr(RelanceLetter) incomplete = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_auto(GStrv) none = relance_letter_get_missing (complete);
  g_auto(GStrv) missing = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_assert_null (none);

  set (&data->company->siren, "");
  set (&data->company->signatory_name, " ");
  set (&data->address, "");
  set (&data->city, "");
  incomplete = relance_letter_new (template, data, NULL);
  missing = relance_letter_get_missing (incomplete);
  g_assert_nonnull (missing);
  g_assert_cmpuint (g_strv_length (missing), ==, 4);
  g_assert_cmpstr (missing[0], ==, "Your company: SIREN");
  g_assert_cmpstr (missing[1], ==, "Your company: Signatory’s name");
  g_assert_cmpstr (missing[2], ==, "Customer: Address");
  g_assert_cmpstr (missing[3], ==, "Customer: City");

  /* It is made all the same. */
  pdf = relance_letter_to_pdf (incomplete, NULL);
  g_assert_nonnull (pdf);
}

/* A blank line starts a paragraph, a single one breaks the line, and a
 * line whose only fields are empty goes away. */
static void
test_paragraphs (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, FALSE);
  g_autoptr(RelanceTemplate) template = make_template ("Relance",
                                                       "Premier paragraphe\nsa deuxième ligne\n"
                                                       "{{contact.name}}\n\n\n"
                                                       "Second paragraphe",
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  PopplerRectangle first = { 0 }, second = { 0 }, third = { 0 };
  double line;

  set (&data->contact_name, "");
  document = letter_pdf (template, data, NULL);
  page = poppler_document_get_page (document, 0);

  g_assert_true (find_text (page, "Premier paragraphe", &first));
  g_assert_true (find_text (page, "sa deuxième ligne", &second));
  g_assert_true (find_text (page, "Second paragraphe", &third));
  line = second.y1 - first.y1;
  g_assert_cmpfloat (line, >, 10);
  g_assert_cmpfloat (line, <, 16);
  g_assert_cmpfloat (ABS (second.x1 - first.x1), <, 0.5);
  /* One line and a gap, not two empty lines. */
  g_assert_cmpfloat (third.y1 - second.y1, >, line + 4);
  g_assert_cmpfloat (third.y1 - second.y1, <, 2 * line);
}

/* Many letters through one writer, as a batch does. */
static void
test_batch (void)
{
  g_autoptr(RelanceTemplate) template = make_template ("Relance", body_fr,
                                                       RELANCE_CHANNEL_LETTER, "fr");
  g_autoptr(RelanceLetterData) data = make_data ("fr", 3, TRUE);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GBytes) logo = png_bytes (600, 200, 0.1, 0.2, 0.6);
  RelanceLetterWriter *writer = relance_letter_writer_new (stream);
  gsize one_letter;

  {
    g_autoptr(RelanceLetter) letter = NULL;
    g_autoptr(GBytes) single = NULL;

    data->company->logo = g_bytes_ref (logo);
    letter = relance_letter_new (template, data, NULL);
    single = relance_letter_to_pdf (letter, NULL);
    one_letter = g_bytes_get_size (single);
  }

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(RelanceLetter) letter = NULL;

      /* A copy of the logo each time, as from the database. */
      g_clear_pointer (&data->company->logo, g_bytes_unref);
      data->company->logo = g_bytes_new (g_bytes_get_data (logo, NULL), g_bytes_get_size (logo));
      letter = relance_letter_new (template, data, NULL);
      g_assert_cmpuint (relance_letter_writer_add (writer, letter, FALSE, NULL), ==, 1);
    }
  g_assert_true (relance_letter_writer_finish (writer, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  document = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 50);
  /* The logo and the fonts are stored once, not 50 times. */
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 20 * one_letter);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letters/text/fr", test_text_fr);
  g_test_add_func ("/letters/text/en", test_text_en);
  g_test_add_func ("/letters/penalties", test_penalties);
  g_test_add_func ("/letters/penalty-periods", test_penalty_periods);
  g_test_add_func ("/letters/plain-text", test_plain_text);
  g_test_add_func ("/letters/registered", test_registered);
  g_test_add_func ("/letters/window", test_window);
  g_test_add_func ("/letters/window/crowded", test_window_crowded);
  g_test_add_func ("/letters/long-table", test_long_table);
  g_test_add_func ("/letters/page-numbers", test_page_numbers);
  g_test_add_func ("/letters/long-names", test_long_names);
  g_test_add_func ("/letters/body-flows", test_body_flows);
  g_test_add_func ("/letters/paragraphs", test_paragraphs);
  g_test_add_func ("/letters/images/png", test_png_logo);
  g_test_add_func ("/letters/images/svg", test_svg_logo);
  g_test_add_func ("/letters/images/broken", test_broken_images);
  g_test_add_func ("/letters/writer/odd-pages", test_writer_odd_pages);
  g_test_add_func ("/letters/writer/no-odd", test_writer_no_odd);
  g_test_add_func ("/letters/writer/stream-error", test_writer_stream_error);
  g_test_add_func ("/letters/writer/batch", test_batch);
  g_test_add_func ("/letters/api", test_letter_api);
  g_test_add_func ("/letters/missing", test_missing);

  return g_test_run ();
}
