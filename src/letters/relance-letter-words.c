/* relance-letter-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "relance-letter-words.h"

static const RelanceLetterWords french = {
  .language = "fr",
  .months = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
  },
  .first_day = "1er",
  .list_and = " et ",
  .salutation = "Madame, Monsieur,",
  .salutation_named = "Bonjour %s,",
  .attention = "À l’attention de %s",
  .registered = "Lettre recommandée avec accusé de réception",
  .place_date = "%s, le ",
  .date_only = "Le %s",
  .subject = "Objet : ",
  .col_number = "N° de facture",
  .col_date = "Date",
  .col_due = "Échéance",
  .col_amount = "Montant",
  .col_open = "Reste dû",
  .col_days = "Jours de retard",
  .credit_note = "avoir",
  .disputed = "en litige",
  .not_due = "non échue",
  .total = "Total",
  .interest = "Intérêts de retard au taux annuel de %s",
  .indemnity = "Indemnité forfaitaire pour frais de recouvrement",
  .total_claimed = "Total réclamé",
  .siren = "SIREN %s",
  .vat_number = "TVA intracommunautaire %s",
  .phone = "Tél. %s",
  .email = "%s",
  .page = "Page %s",
  .decimal_point = ",",
  .thousands_sep = "\xe2\x80\xaf",   /* U+202F narrow no-break space */
  .currency_first = FALSE,
  .percent = "%s\xc2\xa0%",          /* U+00A0 no-break space */
  .label_sep = "\xc2\xa0: ",
  .interest_line = "Intérêts de retard, facture %s",
  .paid_on = "payée le %s",
  .period_from = "du %s",
  .period_to = "au %s",
  .day_one = "%s jour",
  .day_many = "%s jours",
  .on_amount = "sur %s",
  .at_rate = "à %s",
  .rate_then = " puis ",
  .madame = "Madame",
  .monsieur = "Monsieur",
  .salutation_madame = "Madame,",
  .salutation_monsieur = "Monsieur,",
  .attention_elided = "À l’attention d’%s",
  .of = "de %s",
  .of_elided = "d’%s",
  .below = { "la facture ci-dessous", "les factures ci-dessous" },
  .of_below = { "de la facture ci-dessous", "des factures ci-dessous" },
  .remain_unpaid = { "demeure impayée", "demeurent impayées" },
  .disputed_apart = {
    "La facture %s, en litige, est hors relance\xc2\xa0: elle n’est pas comprise dans la somme réclamée.",
    "Les factures %s, en litige, sont hors relance\xc2\xa0: elles ne sont pas comprises dans la somme réclamée.",
  },
  .amount_in_brackets = "%s (%s)",
  .day_in_list = "le %s",
  .call_reached_noted = "Lors de notre entretien téléphonique du %s%s, nous avons noté\xc2\xa0: %s.",
  .call_reached = "Nous vous remercions pour notre entretien téléphonique du %s%s.",
  .call_with = " avec %s",
  .call_unanswered = "Nous avons tenté de vous joindre par téléphone le %s, sans succès.",
  .promise_in_call = "Lors de notre appel du %s",
  .promise_on_day = "Le %s",
  .promise_named = "%s, %s nous a promis un règlement de %s pour le %s.",
  .promise_unnamed = "%s, vous nous avez promis un règlement de %s pour le %s.",
  .promise_broken_named = "%s, %s nous avait promis un règlement de %s pour le %s\xe2\x80\xaf; ce règlement ne nous est pas parvenu.",
  .promise_broken_unnamed = "%s, vous nous aviez promis un règlement de %s pour le %s\xe2\x80\xaf; ce règlement ne nous est pas parvenu.",
  .request = "Nous vous remercions de nous régler %s au plus tard le %s.",
  .request_promise = "Comme convenu, nous attendons votre règlement de %s au plus tard le %s.",
  .request_remainder = " Le solde, %s, reste à régler au plus tard le %s.",
  .history_wrote = "nous vous avons écrit %s",
  .history_spoke = "nous nous sommes entretenus avec vous par téléphone %s",
  .history_tried = "nous avons tenté de vous joindre par téléphone %s",
  .closing_formal = "Nous vous prions d’agréer, %s, l’expression de nos salutations distinguées.",
  .closing_named = "",
  .closing_unnamed = "",
  .quote_open = "«\xc2\xa0",
  .quote_close = "\xc2\xa0»",
};

static const RelanceLetterWords english = {
  .language = "en",
  .months = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  },
  .first_day = NULL,
  .list_and = " and ",
  .salutation = "Dear Sir or Madam,",
  .salutation_named = "Dear %s,",
  .attention = "For the attention of %s",
  .registered = "Registered letter with acknowledgement of receipt",
  .place_date = "%s, ",
  .date_only = "%s",
  .subject = "Subject: ",
  .col_number = "Invoice",
  .col_date = "Date",
  .col_due = "Due date",
  .col_amount = "Amount",
  .col_open = "Open",
  .col_days = "Days overdue",
  .credit_note = "credit note",
  .disputed = "disputed",
  .not_due = "not due",
  .total = "Total",
  .interest = "Late-payment interest at the annual rate of %s",
  .indemnity = "Fixed compensation for recovery costs",
  .total_claimed = "Total claimed",
  .siren = "SIREN %s",
  .vat_number = "VAT number %s",
  .phone = "Tel. %s",
  .email = "%s",
  .page = "Page %s",
  .decimal_point = ".",
  .thousands_sep = ",",
  .currency_first = TRUE,
  .percent = "%s%",
  .label_sep = ": ",
  .interest_line = "Late-payment interest, invoice %s",
  .paid_on = "paid on %s",
  .period_from = "from %s",
  .period_to = "to %s",
  .day_one = "%s day",
  .day_many = "%s days",
  .on_amount = "on %s",
  .at_rate = "at %s",
  .rate_then = " then ",
  .madame = "Ms",
  .monsieur = "Mr",
  .salutation_madame = "Dear Ms %s,",
  .salutation_monsieur = "Dear Mr %s,",
  .attention_elided = "For the attention of %s",
  .of = "%s",
  .of_elided = "%s",
  .below = { "the invoice below", "the invoices below" },
  .of_below = { "of the invoice below", "of the invoices below" },
  .remain_unpaid = { "remains unpaid", "remain unpaid" },
  .disputed_apart = {
    "Invoice %s is under dispute and is not claimed here.",
    "Invoices %s are under dispute and are not claimed here.",
  },
  .amount_in_brackets = "%s (%s)",
  .day_in_list = "%s",
  .call_reached_noted = "In our telephone conversation of %s%s, we noted: %s.",
  .call_reached = "Thank you for our telephone conversation of %s%s.",
  .call_with = " with %s",
  .call_unanswered = "We tried to reach you by phone on %s, without success.",
  .promise_in_call = "In our call of %s",
  .promise_on_day = "On %s",
  .promise_named = "%s, %s promised us a payment of %s by %s.",
  .promise_unnamed = "%s, you promised us a payment of %s by %s.",
  .promise_broken_named = "%s, %s promised us a payment of %s by %s; we have not received it.",
  .promise_broken_unnamed = "%s, you promised us a payment of %s by %s; we have not received it.",
  .request = "Please pay %s by %s.",
  .request_promise = "As agreed, we expect your payment of %s by %s.",
  .request_remainder = " The remaining %s is to be paid by %s.",
  .history_wrote = "we wrote to you on %s",
  .history_spoke = "we spoke with you by phone on %s",
  .history_tried = "we tried to reach you by phone on %s",
  .closing_formal = NULL,
  .closing_named = "Yours sincerely,",
  .closing_unnamed = "Yours faithfully,",
  .quote_open = "“",
  .quote_close = "”",
};

/* The countries a French firm's customers are most often in, as the last
 * line of an address names them. */
static const struct
{
  const char *code;
  const char *fr;
  const char *en;
} countries[] = {
  { "AD", "Andorre", "Andorra" },
  { "AT", "Autriche", "Austria" },
  { "BE", "Belgique", "Belgium" },
  { "BG", "Bulgarie", "Bulgaria" },
  { "CA", "Canada", "Canada" },
  { "CH", "Suisse", "Switzerland" },
  { "CN", "Chine", "China" },
  { "CY", "Chypre", "Cyprus" },
  { "CZ", "Tchéquie", "Czechia" },
  { "DE", "Allemagne", "Germany" },
  { "DK", "Danemark", "Denmark" },
  { "DZ", "Algérie", "Algeria" },
  { "EE", "Estonie", "Estonia" },
  { "ES", "Espagne", "Spain" },
  { "FI", "Finlande", "Finland" },
  { "FR", "France", "France" },
  { "GB", "Royaume-Uni", "United Kingdom" },
  { "GR", "Grèce", "Greece" },
  { "HR", "Croatie", "Croatia" },
  { "HU", "Hongrie", "Hungary" },
  { "IE", "Irlande", "Ireland" },
  { "IT", "Italie", "Italy" },
  { "JP", "Japon", "Japan" },
  { "LI", "Liechtenstein", "Liechtenstein" },
  { "LT", "Lituanie", "Lithuania" },
  { "LU", "Luxembourg", "Luxembourg" },
  { "LV", "Lettonie", "Latvia" },
  { "MA", "Maroc", "Morocco" },
  { "MC", "Monaco", "Monaco" },
  { "MT", "Malte", "Malta" },
  { "NL", "Pays-Bas", "Netherlands" },
  { "NO", "Norvège", "Norway" },
  { "PL", "Pologne", "Poland" },
  { "PT", "Portugal", "Portugal" },
  { "RO", "Roumanie", "Romania" },
  { "RU", "Russie", "Russia" },
  { "SE", "Suède", "Sweden" },
  { "SI", "Slovénie", "Slovenia" },
  { "SK", "Slovaquie", "Slovakia" },
  { "SN", "Sénégal", "Senegal" },
  { "TN", "Tunisie", "Tunisia" },
  { "UA", "Ukraine", "Ukraine" },
  { "US", "États-Unis", "United States" },
};

const RelanceLetterWords *
relance_letter_words_get (const char *language)
{
  if (language != NULL && g_ascii_strncasecmp (language, "en", 2) == 0)
    return &english;

  return &french;
}

char *
relance_letter_words_fill (const char *pattern,
                           const char *value)
{
  const char *mark = strstr (pattern, "%s");
  GString *out;

  if (mark == NULL)
    return g_strdup (pattern);

  out = g_string_new_len (pattern, mark - pattern);
  g_string_append (out, value != NULL ? value : "");
  g_string_append (out, mark + 2);

  return g_string_free (out, FALSE);
}

char *
relance_letter_words_format (const char *pattern,
                             ...)
{
  GString *out = g_string_new (NULL);
  const char *p = pattern;
  const char *mark;
  va_list args;

  va_start (args, pattern);
  while ((mark = strstr (p, "%s")) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_string_append_len (out, p, mark - p);
      if (value == NULL)
        {
          /* Out of values: the rest is left empty. */
          p = mark + 2;
          while ((mark = strstr (p, "%s")) != NULL)
            {
              g_string_append_len (out, p, mark - p);
              p = mark + 2;
            }
          break;
        }
      g_string_append (out, value);
      p = mark + 2;
    }
  va_end (args);
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

gboolean
relance_letter_words_elides (const char *name,
                             gboolean    person)
{
  gunichar decomposed[4];
  gunichar first;
  gsize n;

  if (name == NULL)
    return FALSE;
  while (*name == ' ')
    name++;
  if (*name == '\0')
    return FALSE;

  /* "É" is "E" and an accent. */
  n = g_unichar_fully_decompose (g_utf8_get_char (name), FALSE, decomposed, G_N_ELEMENTS (decomposed));
  first = n > 0 ? g_unichar_tolower (decomposed[0]) : 0;

  if (first == 0 || first >= 0x80)
    return FALSE;
  if (strchr ("aeiouy", (int) first) != NULL)
    return TRUE;

  return person && first == 'h';
}

char *
relance_letter_words_of (const RelanceLetterWords *words,
                         const char               *name)
{
  return relance_letter_words_fill (relance_letter_words_elides (name, FALSE) ? words->of_elided : words->of,
                                    name);
}

char *
relance_letter_words_attention (const RelanceLetterWords *words,
                                const char               *civility,
                                const char               *name)
{
  const char *title = NULL;

  if (g_strcmp0 (civility, "madame") == 0)
    title = words->madame;
  else if (g_strcmp0 (civility, "monsieur") == 0)
    title = words->monsieur;

  if (title != NULL)
    {
      g_autofree char *titled = g_strdup_printf ("%s %s", title, name);

      return relance_letter_words_fill (words->attention, titled);
    }

  return relance_letter_words_fill (relance_letter_words_elides (name, TRUE) ? words->attention_elided
                                                                              : words->attention,
                                    name);
}

char *
relance_letter_words_formal_salutation (const RelanceLetterWords *words,
                                        const char               *civility,
                                        const char               *name)
{
  g_autofree char *surname = NULL;
  const char *pattern;

  if (g_strcmp0 (civility, "madame") == 0)
    pattern = words->salutation_madame;
  else if (g_strcmp0 (civility, "monsieur") == 0)
    pattern = words->salutation_monsieur;
  else
    return g_strdup (words->salutation);

  /* The surname is the name's last word: "Isabelle Roux" is Ms Roux. */
  surname = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (strrchr (surname, ' ') != NULL)
    {
      char *last = g_strdup (strrchr (surname, ' ') + 1);

      g_free (surname);
      surname = last;
    }
  if (surname[0] == '\0' && strstr (pattern, "%s") != NULL)
    return g_strdup (words->salutation);

  return relance_letter_words_fill (pattern, surname);
}

char *
relance_letter_words_formal_closing (const RelanceLetterWords *words,
                                     const char               *civility,
                                     const char               *name)
{
  g_autofree char *salutation = NULL;
  gboolean known = g_strcmp0 (civility, "madame") == 0 || g_strcmp0 (civility, "monsieur") == 0;

  if (words->closing_formal == NULL)
    return g_strdup (known && name != NULL && name[0] != '\0' ? words->closing_named : words->closing_unnamed);

  /* "Madame," / "Madame, Monsieur," without the final comma. */
  salutation = relance_letter_words_formal_salutation (words, civility, name);
  if (g_str_has_suffix (salutation, ","))
    salutation[strlen (salutation) - 1] = '\0';

  return relance_letter_words_fill (words->closing_formal, salutation);
}

char *
relance_letter_words_country (const RelanceLetterWords *words,
                              const char               *code)
{
  g_autofree char *upper = g_ascii_strup (code != NULL ? code : "", -1);

  g_strstrip (upper);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (strcmp (countries[i].code, upper) == 0)
      return g_utf8_strup (words == &english ? countries[i].en : countries[i].fr, -1);

  return g_steal_pointer (&upper);
}
