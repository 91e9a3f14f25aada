/* relance-letter-words.h
 *
 * The fixed words of a letter in its language (the customer's, not the
 * user's): month names, salutations, table headings, the registered-letter
 * mention, country names. They are letter content, not user interface, so
 * they live in this small table and not in gettext: a French user writes
 * to an English customer in English whatever the desktop's language.
 *
 * Patterns hold one "%s" that relance_letter_words_fill() replaces (never
 * handed to printf).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *language;            /* "fr", "en" */
  const char *months[12];
  const char *first_day;           /* "1er" in French, NULL: the number */
  const char *list_and;            /* " et " */
  const char *salutation;          /* "Madame, Monsieur," */
  const char *salutation_named;    /* "Bonjour %s," */
  const char *attention;           /* "À l’attention de %s" */
  const char *registered;          /* "Lettre recommandée avec accusé de réception" */
  const char *place_date;          /* "%s, le " + date, see place_date_sep */
  const char *date_only;           /* "Le %s" */
  const char *subject;             /* "Objet : " */
  const char *col_number;
  const char *col_date;
  const char *col_due;
  const char *col_amount;
  const char *col_open;
  const char *col_days;
  const char *credit_note;         /* "avoir" */
  const char *disputed;            /* "en litige" */
  const char *not_due;             /* "non échue" */
  const char *total;               /* "Total" */
  const char *interest;            /* "Intérêts de retard au taux annuel de %s" */
  const char *indemnity;           /* "Indemnité forfaitaire pour frais de recouvrement" */
  const char *total_claimed;       /* "Total réclamé" */
  const char *siren;               /* "SIREN %s" */
  const char *vat_number;          /* "TVA intracommunautaire %s" */
  const char *phone;               /* "Tél. %s" */
  const char *email;               /* "Courriel %s" */
  const char *page;                /* "Page %s" */
  const char *decimal_point;
  const char *thousands_sep;       /* U+202F in French */
  gboolean    currency_first;      /* "€1.00" */
  const char *percent;             /* "%s %" (no-break space in French) */
  const char *label_sep;           /* between a label and its value: " : " in French */
  /* A line of interest per period: "Intérêts de retard, facture F-1 payée
   * le 20/10/2026, du 02/09/2026 au 20/10/2026 (49 jours sur 400,00 € à
   * 12,15 %)" */
  const char *interest_line;       /* "Intérêts de retard, facture %s" */
  const char *paid_on;             /* "payée le %s" */
  const char *period_from;         /* "du %s" */
  const char *period_to;           /* "au %s" */
  const char *day_one;             /* "%s jour" */
  const char *day_many;            /* "%s jours" */
  const char *on_amount;           /* "sur %s" */
  const char *at_rate;             /* "à %s" */
  const char *rate_then;           /* between the rates of successive periods: " puis " */
} RelanceLetterWords;

/* The words of @language ("fr", "en"; anything else: French). */
const RelanceLetterWords *relance_letter_words_get (const char *language);

/* @pattern with its "%s" replaced by @value. */
char       *relance_letter_words_fill      (const char *pattern,
                                            const char *value);

/* The name of country @code (ISO 3166 alpha-2) in capitals, as the last
 * line of a postal address in @words' language; @code itself when the
 * table does not know it. */
char       *relance_letter_words_country   (const RelanceLetterWords *words,
                                            const char               *code);

G_END_DECLS
