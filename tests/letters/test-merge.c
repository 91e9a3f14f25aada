/* test-merge.c
 *
 * Merge fields: the catalogue, the checks with their lines and columns,
 * the values in the letter's language, the merge and its empty fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-error.h"
#include "relance-letter-words.h"
#include "relance-merge.h"

#define NNBSP "\xe2\x80\xaf"   /* U+202F */
#define NBSP  "\xc2\xa0"       /* U+00A0 */

static RelanceLetterInvoice *
add_invoice (RelanceLetterData *data,
             const char        *number,
             RelanceDay         due,
             gint64             amount,
             gint64             open,
             int                days)
{
  RelanceLetterInvoice *invoice = g_new0 (RelanceLetterInvoice, 1);

  invoice->number = g_strdup (number);
  invoice->issue_date = due - 30;
  invoice->due_date = due;
  invoice->amount = amount;
  invoice->open = open;
  invoice->days_overdue = days;
  g_ptr_array_add (data->invoices, invoice);

  return invoice;
}

static RelanceLetterData *
make_data (const char *language)
{
  RelanceLetterData *data = relance_letter_data_new ();
  RelanceDay today = relance_day_from_dmy (23, 11, 2026);

  data->date = today;
  data->deadline = today + RELANCE_LETTER_DEADLINE_DAYS;
  g_free (data->language);
  data->language = g_strdup (language);

  g_free (data->company->name);
  data->company->name = g_strdup ("Horlogerie Comtoise");
  g_free (data->company->address);
  data->company->address = g_strdup ("12 rue des Granges\nZone artisanale");
  g_free (data->company->postcode);
  data->company->postcode = g_strdup ("25000");
  g_free (data->company->city);
  data->company->city = g_strdup ("Besançon");
  g_free (data->company->siren);
  data->company->siren = g_strdup ("123456782");
  g_free (data->company->phone);
  data->company->phone = g_strdup ("03 81 00 00 00");
  g_free (data->company->iban);
  data->company->iban = g_strdup ("FR7630006000011234567890189");
  g_free (data->company->bic);
  data->company->bic = g_strdup ("AGRIFRPP");
  g_free (data->company->place);
  data->company->place = g_strdup ("Besançon");

  g_free (data->customer_name);
  data->customer_name = g_strdup ("Boulangerie Martin");
  g_free (data->customer_code);
  data->customer_code = g_strdup ("C0042");
  g_free (data->address);
  data->address = g_strdup ("3 place du Marché");
  g_free (data->postcode);
  data->postcode = g_strdup ("39100");
  g_free (data->city);
  data->city = g_strdup ("Dole");
  g_free (data->country);
  data->country = g_strdup ("FR");

  add_invoice (data, "FA-1", today - 40, 100000, 100000, 40);
  add_invoice (data, "FA-2", today - 20, 23456, 23456, 20);
  add_invoice (data, "FA-3", today - 5, 1000, 0, 5);
  data->total_open = 123456;
  data->total_overdue = 123456;
  data->max_days_overdue = 40;
  data->oldest_due_date = today - 40;
  data->total_claimed = data->total_open;
  data->interest_rate = 1215;

  return data;
}

static void
test_catalogue (void)
{
  guint n = 0;
  const RelanceMergeField *fields = relance_merge_get_fields (&n);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint blocks = 0;

  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (fields[i].name);
      g_assert_cmpstr (fields[i].group, !=, "");
      g_assert_cmpstr (fields[i].label, !=, "");
      g_assert_true (g_hash_table_add (seen, (gpointer) fields[i].name));
      g_assert_true (relance_merge_find_field (fields[i].name) == &fields[i]);
      if (fields[i].block)
        {
          blocks++;
          g_assert_cmpstr (fields[i].name, ==, "invoices.table");
        }
    }
  g_assert_cmpuint (blocks, ==, 1);

  /* Every field the header documents. */
  for (const char * const *name = (const char * const[]) {
         "date", "deadline", "company.name", "company.address", "company.phone",
         "company.email", "company.siren", "company.vat_number", "company.iban",
         "company.bic", "company.place", "company.signatory",
         "company.signatory_title", "payment.details", "customer.name",
         "customer.code", "customer.address", "contact.name", "salutation",
         "invoices.table", "invoices.list", "invoices.count", "total.due",
         "total.overdue", "total.claimed", "days_overdue", "due_date.oldest",
         "last_call.date", "last_call.contact", "last_call.who",
         "last_call.summary", "promise.date", "promise.amount",
         "promise.made_on", "penalties.interest", "penalties.indemnity",
         "penalties.total", "penalties.rate", NULL };
       *name != NULL; name++)
    g_assert_nonnull (relance_merge_find_field (*name));

  g_assert_null (relance_merge_find_field ("customer"));
  g_assert_null (relance_merge_find_field (""));
  g_assert_null (relance_merge_find_field (NULL));
}

static const RelanceMergeProblem *
only_problem (GPtrArray *problems)
{
  g_assert_cmpuint (problems->len, ==, 1);

  return g_ptr_array_index (problems, 0);
}

static void
test_check_fine (void)
{
  g_autoptr(GPtrArray) body = NULL;
  g_autoptr(GPtrArray) subject = NULL;

  body = relance_merge_check ("{{salutation}}\n\n"
                              "Nos factures {{ invoices.list }} restent dues : {{total.due}}.\n"
                              "   {{ invoices.table }}  \r\n"
                              "Un { seul } ou } { n’est que du texte, {pas} de souci.\n"
                              "{{company.signatory}}",
                              FALSE);
  g_assert_cmpuint (body->len, ==, 0);

  subject = relance_merge_check ("Relance {{customer.code}} du {{date}}", TRUE);
  g_assert_cmpuint (subject->len, ==, 0);

  g_clear_pointer (&body, g_ptr_array_unref);
  body = relance_merge_check ("", FALSE);
  g_assert_cmpuint (body->len, ==, 0);
}

static void
test_check_unknown (void)
{
  g_autoptr(GPtrArray) problems = relance_merge_check ("Bonjour {{custmer.name}},", FALSE);
  const RelanceMergeProblem *problem = only_problem (problems);
  g_autoptr(GPtrArray) far = NULL;

  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->column, ==, 9);
  g_assert_cmpuint (problem->start, ==, 8);
  g_assert_cmpuint (problem->end, ==, 24);
  g_assert_nonnull (strstr (problem->message, "{{custmer.name}}"));
  /* A near miss is corrected. */
  g_assert_nonnull (strstr (problem->message, "{{customer.name}}"));

  far = relance_merge_check ("x\n\n  {{ zzzzzz }} y", FALSE);
  problem = only_problem (far);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_cmpstr (problem->message, ==, "Unknown field {{zzzzzz}}");
}

static void
test_check_unclosed (void)
{
  g_autoptr(GPtrArray) problems = relance_merge_check ("Madame,\nle {{customer.name\nsuite }}", FALSE);
  const RelanceMergeProblem *problem = only_problem (problems);
  g_autoptr(GPtrArray) twice = NULL;

  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpuint (problem->column, ==, 4);
  g_assert_cmpuint (problem->start, ==, 11);
  /* Up to the end of its line. */
  g_assert_cmpuint (problem->end, ==, 11 + strlen ("{{customer.name"));
  g_assert_nonnull (strstr (problem->message, "{{"));

  /* "{{" opened again before it closes: the first one is unclosed, the
   * second is read on its own. */
  twice = relance_merge_check ("a {{ b {{date}} {{nope}}", FALSE);
  g_assert_cmpuint (twice->len, ==, 2);
  problem = g_ptr_array_index (twice, 0);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_nonnull (strstr (problem->message, "not closed"));
  problem = g_ptr_array_index (twice, 1);
  g_assert_cmpuint (problem->column, ==, 17);
  g_assert_nonnull (strstr (problem->message, "{{nope}}"));
}

/* Columns count characters, offsets count bytes. */
static void
test_check_positions (void)
{
  g_autoptr(GPtrArray) problems = relance_merge_check ("Échéance dépassée\nÀ régler : {{dû}}", FALSE);
  const RelanceMergeProblem *problem = only_problem (problems);
  const char *text = "Échéance dépassée\nÀ régler : {{dû}}";

  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpuint (problem->column, ==, 12);
  g_assert_cmpuint (problem->start, ==, strstr (text, "{{") - text);
  g_assert_cmpuint (problem->end, ==, strlen (text));
}

static void
test_check_block (void)
{
  g_autoptr(GPtrArray) inline_use = relance_merge_check ("Voici : {{invoices.table}}", FALSE);
  g_autoptr(GPtrArray) after = relance_merge_check ("{{invoices.table}} ci-dessus", FALSE);
  g_autoptr(GPtrArray) in_subject = relance_merge_check ("Factures {{invoices.table}}", TRUE);
  g_autoptr(GPtrArray) two_lines = relance_merge_check ("Relance\n{{date}}", TRUE);
  g_autoptr(GPtrArray) alone = relance_merge_check ("Texte\n\t{{invoices.table}}\nFin", FALSE);
  const RelanceMergeProblem *problem;

  problem = only_problem (inline_use);
  g_assert_cmpuint (problem->column, ==, 9);
  g_assert_nonnull (strstr (problem->message, "alone"));

  problem = only_problem (after);
  g_assert_cmpuint (problem->column, ==, 1);

  problem = only_problem (in_subject);
  g_assert_nonnull (strstr (problem->message, "subject"));

  problem = only_problem (two_lines);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->column, ==, 8);
  g_assert_nonnull (strstr (problem->message, "line"));

  g_assert_cmpuint (alone->len, ==, 0);
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (relance_merge_validate ("Relance {{customer.code}}", "Bonjour,\n{{invoices.table}}", NULL));

  g_assert_false (relance_merge_validate ("Relance", "Madame,\n\nVoici le solde de {{customer.name}}\n"
                                          "et de {{custmer.name}} aussi", &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Body, line 4, column 7: unknown field {{custmer.name}}: did you mean {{customer.name}}?");
  g_clear_error (&error);

  g_assert_false (relance_merge_validate ("Relance {{invoices.table}}", "{{nope}}", &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Subject, line 1, column 9: "));
}

static void
test_format_amount (void)
{
  static const struct
  {
    gint64      cents;
    const char *fr;
    const char *en;
  } cases[] = {
    { 123456, "1" NNBSP "234,56" NBSP "€", "€1,234.56" },
    { 0, "0,00" NBSP "€", "€0.00" },
    { 5, "0,05" NBSP "€", "€0.05" },
    { 99999, "999,99" NBSP "€", "€999.99" },
    { 100000, "1" NNBSP "000,00" NBSP "€", "€1,000.00" },
    { 123456789012, "1" NNBSP "234" NNBSP "567" NNBSP "890,12" NBSP "€", "€1,234,567,890.12" },
    { -4000, "\xe2\x88\x92" "40,00" NBSP "€", "\xe2\x88\x92" "€40.00" },
    { G_MININT64, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fr = relance_merge_format_amount (cases[i].cents, "fr");
      g_autofree char *en = relance_merge_format_amount (cases[i].cents, "en");
      g_autofree char *other = relance_merge_format_amount (cases[i].cents, "de");

      if (cases[i].fr == NULL)
        {
          /* No overflow on the smallest value. */
          g_assert_true (g_str_has_suffix (fr, "92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP
                                               "547" NNBSP "758,08" NBSP "€"));
          continue;
        }
      g_assert_cmpstr (fr, ==, cases[i].fr);
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (other, ==, cases[i].fr);
    }
}

static void
test_format_date (void)
{
  g_autofree char *fr = relance_merge_format_date (relance_day_from_dmy (23, 11, 2026), "fr");
  g_autofree char *en = relance_merge_format_date (relance_day_from_dmy (23, 11, 2026), "en");
  g_autofree char *first = relance_merge_format_date (relance_day_from_dmy (1, 12, 2026), "fr");
  g_autofree char *first_en = relance_merge_format_date (relance_day_from_dmy (1, 12, 2026), "en");
  g_autofree char *august = relance_merge_format_date (relance_day_from_dmy (15, 8, 2027), "fr");
  g_autofree char *none = relance_merge_format_date (RELANCE_DAY_NONE, "fr");
  g_autofree char *other = relance_merge_format_date (relance_day_from_dmy (2, 2, 2026), NULL);

  g_assert_cmpstr (fr, ==, "23 novembre 2026");
  g_assert_cmpstr (en, ==, "23 November 2026");
  g_assert_cmpstr (first, ==, "1er décembre 2026");
  g_assert_cmpstr (first_en, ==, "1 December 2026");
  g_assert_cmpstr (august, ==, "15 août 2027");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (other, ==, "2 février 2026");
}

static char *
value (const RelanceLetterData *data,
       const char              *name)
{
  char *text = relance_merge_get_value (data, name);

  g_assert_nonnull (text);

  return text;
}

#define assert_value(data, name, expected) \
  G_STMT_START { \
    g_autofree char *v_ = value ((data), (name)); \
    g_assert_cmpstr (v_, ==, (expected)); \
  } G_STMT_END

static void
test_values_fr (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr");

  assert_value (data, "date", "23 novembre 2026");
  assert_value (data, "deadline", "1er décembre 2026");
  assert_value (data, "company.name", "Horlogerie Comtoise");
  assert_value (data, "company.address", "12 rue des Granges\nZone artisanale\n25000 Besançon");
  assert_value (data, "company.siren", "123" NBSP "456" NBSP "782");
  /* A phone number never breaks across lines. */
  assert_value (data, "company.phone", "03" NBSP "81" NBSP "00" NBSP "00" NBSP "00");
  assert_value (data, "company.iban", "FR76 3000 6000 0112 3456 7890 189");
  assert_value (data, "payment.details", "IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP");
  assert_value (data, "company.place", "Besançon");
  assert_value (data, "customer.name", "Boulangerie Martin");
  assert_value (data, "customer.code", "C0042");
  assert_value (data, "customer.address", "3 place du Marché\n39100 Dole");
  assert_value (data, "contact.name", "");
  assert_value (data, "salutation", "Madame, Monsieur,");
  assert_value (data, "invoices.list", "FA-1, FA-2 et FA-3");
  assert_value (data, "invoices.count", "3");
  assert_value (data, "total.due", "1" NNBSP "234,56" NBSP "€");
  assert_value (data, "total.claimed", "1" NNBSP "234,56" NBSP "€");
  assert_value (data, "days_overdue", "40");
  assert_value (data, "due_date.oldest", "14 octobre 2026");

  /* No call, no promise, no penalties: empty, never "0" or a 1st January. */
  assert_value (data, "last_call.date", "");
  assert_value (data, "last_call.summary", "");
  assert_value (data, "promise.date", "");
  assert_value (data, "promise.amount", "");
  assert_value (data, "penalties.interest", "");
  assert_value (data, "penalties.rate", "");

  data->last_call_date = relance_day_from_dmy (16, 11, 2026);
  g_free (data->last_call_summary);
  data->last_call_summary = g_strdup ("Paiement promis avant la fin du mois");
  g_free (data->last_call_contact);
  data->last_call_contact = g_strdup ("Marie Dupont");
  data->promise_date = relance_day_from_dmy (30, 11, 2026);
  data->promise_made_on = relance_day_from_dmy (16, 11, 2026);
  data->promise_amount = 50000;
  data->claims_penalties = TRUE;
  data->interest = 1234;
  data->indemnity = 12000;
  data->total_claimed = data->total_open + 13234;
  g_free (data->contact_name);
  data->contact_name = g_strdup ("Marie Dupont");
  g_free (data->country);
  data->country = g_strdup ("be");

  assert_value (data, "last_call.date", "16 novembre 2026");
  assert_value (data, "last_call.contact", "Marie Dupont");
  assert_value (data, "last_call.summary", "Paiement promis avant la fin du mois");
  assert_value (data, "promise.date", "30 novembre 2026");
  assert_value (data, "promise.made_on", "16 novembre 2026");
  assert_value (data, "promise.amount", "500,00" NBSP "€");
  assert_value (data, "penalties.interest", "12,34" NBSP "€");
  assert_value (data, "penalties.indemnity", "120,00" NBSP "€");
  assert_value (data, "penalties.total", "132,34" NBSP "€");
  assert_value (data, "penalties.rate", "12,15" NBSP "%");
  assert_value (data, "total.claimed", "1" NNBSP "366,90" NBSP "€");
  assert_value (data, "salutation", "Bonjour Marie Dupont,");
  assert_value (data, "contact.name", "Marie Dupont");
  assert_value (data, "customer.address", "3 place du Marché\n39100 Dole\nBELGIQUE");

  /* Block and unknown fields have no value. */
  g_assert_null (relance_merge_get_value (data, "invoices.table"));
  g_assert_null (relance_merge_get_value (data, "customer.nom"));
}

static void
test_values_en (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("en");

  g_free (data->country);
  data->country = g_strdup ("DE");
  data->claims_penalties = TRUE;
  data->interest_rate = 1000;
  g_free (data->contact_name);
  data->contact_name = g_strdup ("Jane Smith");

  assert_value (data, "date", "23 November 2026");
  assert_value (data, "deadline", "1 December 2026");
  assert_value (data, "total.due", "€1,234.56");
  assert_value (data, "invoices.list", "FA-1, FA-2 and FA-3");
  assert_value (data, "salutation", "Dear Jane Smith,");
  assert_value (data, "penalties.rate", "10%");
  assert_value (data, "customer.address", "3 place du Marché\n39100 Dole\nGERMANY");

  g_free (data->contact_name);
  data->contact_name = g_strdup ("");
  assert_value (data, "salutation", "Dear Sir or Madam,");

  /* One invoice: no "and". */
  g_ptr_array_set_size (data->invoices, 1);
  assert_value (data, "invoices.list", "FA-1");
  g_ptr_array_set_size (data->invoices, 0);
  assert_value (data, "invoices.list", "");
  assert_value (data, "days_overdue", "");
}

/* Every field of the catalogue has a value, block fields excepted. */
static void
test_values_all (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr");
  guint n;
  const RelanceMergeField *fields = relance_merge_get_fields (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = relance_merge_get_value (data, fields[i].name);

      if (fields[i].block)
        g_assert_null (text);
      else
        g_assert_true (text != NULL && g_utf8_validate (text, -1, NULL));
    }
}

/* Civility, elision and agreement, in both languages. */
static void
test_words (void)
{
  g_autoptr(RelanceLetterData) fr = make_data ("fr");
  g_autoptr(RelanceLetterData) en = make_data ("en");
  const RelanceLetterWords *french = relance_letter_words_get ("fr");
  const RelanceLetterWords *english = relance_letter_words_get ("en");
  g_autofree char *text = NULL;

  /* No contact: the formal salutation of any letter. */
  assert_value (fr, "salutation.formal", "Madame, Monsieur,");
  assert_value (en, "salutation.formal", "Dear Sir or Madam,");

  g_free (fr->contact_name);
  fr->contact_name = g_strdup ("Isabelle Roux");
  g_free (en->contact_name);
  en->contact_name = g_strdup ("Isabelle Roux");
  assert_value (fr, "salutation.formal", "Madame, Monsieur,");
  assert_value (fr, "salutation", "Bonjour Isabelle Roux,");
  assert_value (en, "salutation", "Dear Isabelle Roux,");

  g_free (fr->contact_civility);
  fr->contact_civility = g_strdup ("madame");
  g_free (en->contact_civility);
  en->contact_civility = g_strdup ("monsieur");
  assert_value (fr, "salutation.formal", "Madame,");
  assert_value (en, "salutation.formal", "Dear Mr Roux,");
  assert_value (en, "salutation", "Dear Mr Roux,");

  /* "de" elides before a vowel, accented or not; an h only for a person. */
  assert_value (fr, "customer.of_name", "de Boulangerie Martin");
  g_free (fr->customer_name);
  fr->customer_name = g_strdup ("Imprimerie Petit");
  assert_value (fr, "customer.of_name", "d’Imprimerie Petit");
  g_free (fr->customer_name);
  fr->customer_name = g_strdup ("Éditions Roux");
  assert_value (fr, "customer.of_name", "d’Éditions Roux");
  g_free (fr->customer_name);
  fr->customer_name = g_strdup ("Hachette");
  assert_value (fr, "customer.of_name", "de Hachette");
  assert_value (en, "customer.of_name", "Boulangerie Martin");
  text = relance_letter_words_attention (french, "", "Hélène Martin");
  g_assert_cmpstr (text, ==, "À l’attention d’Hélène Martin");
  g_free (text);
  text = relance_letter_words_attention (french, "", "Paul Martin");
  g_assert_cmpstr (text, ==, "À l’attention de Paul Martin");
  g_free (text);
  text = relance_letter_words_attention (french, "madame", "Isabelle Roux");
  g_assert_cmpstr (text, ==, "À l’attention de Madame Isabelle Roux");
  g_free (text);
  text = relance_letter_words_attention (english, "madame", "Isabelle Roux");
  g_assert_cmpstr (text, ==, "For the attention of Ms Isabelle Roux");
  g_clear_pointer (&text, g_free);

  /* FA-1, FA-2, FA-3: the plural; one invoice (and a credit note): the
   * singular. */
  assert_value (fr, "invoices.below", "les factures ci-dessous");
  assert_value (fr, "invoices.of_below", "des factures ci-dessous");
  assert_value (fr, "invoices.remain_unpaid", "demeurent impayées");
  assert_value (en, "invoices.below", "the invoices below");
  g_ptr_array_set_size (fr->invoices, 1);
  g_ptr_array_set_size (en->invoices, 1);
  add_invoice (fr, "AV-1", fr->date - 3, -5000, -5000, 3)->credit_note = TRUE;
  assert_value (fr, "invoices.below", "la facture ci-dessous");
  assert_value (fr, "invoices.of_below", "de la facture ci-dessous");
  assert_value (fr, "invoices.remain_unpaid", "demeure impayée");
  assert_value (en, "invoices.of_below", "of the invoice below");
  assert_value (en, "invoices.remain_unpaid", "remains unpaid");
}

/* The sentences say nothing when there is nothing to say, and the merge
 * does not report them as empty. */
static void
test_sentences_empty (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr");
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *merged = NULL;

  assert_value (data, "last_call.sentence", "");
  assert_value (data, "promise.sentence", "");
  assert_value (data, "disputed.sentence", "");
  assert_value (data, "history.sentence", "");
  /* Without a promise, the request is the total by the deadline. */
  assert_value (data, "request.sentence", "Nous vous remercions de nous régler 1" NNBSP "234,56" NBSP "€ au plus tard le 1er décembre 2026.");

  merged = relance_merge_apply ("{{last_call.sentence}}{{promise.sentence}}{{disputed.sentence}}{{history.sentence}}",
                                data, empty);
  g_assert_cmpstr (merged, ==, "");
  g_assert_cmpuint (empty->len, ==, 0);

  /* A call with no notes that reached someone is thanked for. */
  data->last_call_date = relance_day_from_dmy (12, 11, 2026);
  data->last_call_reached = TRUE;
  assert_value (data, "last_call.sentence", "Nous vous remercions pour notre entretien téléphonique du 12 novembre 2026.");
}

static void
test_apply (void)
{
  g_autoptr(RelanceLetterData) data = make_data ("fr");
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *merged = NULL;
  g_autofree char *plain = NULL;

  merged = relance_merge_apply ("{{salutation}}\n"
                                "Le {{ date }}, {{customer.name}} doit {{total.due}}.\n"
                                "Appel du {{last_call.date}} : {{last_call.summary}} ({{last_call.date}})\n"
                                "{{invoices.table}}\n"
                                "{ un } {{contact.name}}",
                                data, empty);
  g_assert_cmpstr (merged, ==,
                   "Madame, Monsieur,\n"
                   "Le 23 novembre 2026, Boulangerie Martin doit 1" NNBSP "234,56" NBSP "€.\n"
                   "Appel du  :  ()\n"
                   "{{invoices.table}}\n"
                   "{ un } ");
  g_assert_cmpuint (empty->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (empty, 0), ==, "last_call.date");
  g_assert_cmpstr (g_ptr_array_index (empty, 1), ==, "last_call.summary");
  g_assert_cmpstr (g_ptr_array_index (empty, 2), ==, "contact.name");

  /* A value is never read again as a field. */
  g_free (data->customer_name);
  data->customer_name = g_strdup ("{{total.due}}");
  plain = relance_merge_apply ("{{customer.name}} {{customer.code}}", data, NULL);
  g_assert_cmpstr (plain, ==, "{{total.due}} C0042");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/catalogue", test_catalogue);
  g_test_add_func ("/merge/check/fine", test_check_fine);
  g_test_add_func ("/merge/check/unknown", test_check_unknown);
  g_test_add_func ("/merge/check/unclosed", test_check_unclosed);
  g_test_add_func ("/merge/check/positions", test_check_positions);
  g_test_add_func ("/merge/check/block", test_check_block);
  g_test_add_func ("/merge/validate", test_validate);
  g_test_add_func ("/merge/format/amount", test_format_amount);
  g_test_add_func ("/merge/format/date", test_format_date);
  g_test_add_func ("/merge/values/fr", test_values_fr);
  g_test_add_func ("/merge/values/en", test_values_en);
  g_test_add_func ("/merge/values/all", test_values_all);
  g_test_add_func ("/merge/apply", test_apply);
  g_test_add_func ("/merge/words", test_words);
  g_test_add_func ("/merge/sentences-empty", test_sentences_empty);

  return g_test_run ();
}
