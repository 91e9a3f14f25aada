/* relance-letter-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
