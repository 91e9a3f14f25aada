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

  /* Civility and agreement (patterns fill their "%s" in order) */
  const char *madame;              /* "Madame" / "Ms" */
  const char *monsieur;            /* "Monsieur" / "Mr" */
  const char *salutation_madame;   /* "Madame," / "Dear Ms %s," (the surname) */
  const char *salutation_monsieur; /* "Monsieur," / "Dear Mr %s," */
  const char *attention_elided;    /* "À l’attention d’%s" */
  const char *of;                  /* "de %s" / "%s" */
  const char *of_elided;           /* "d’%s" / "%s" */
  const char *below[2];            /* "la facture ci-dessous", "les factures ci-dessous" */
  const char *of_below[2];         /* "de la facture ci-dessous", "des factures ci-dessous" */
  const char *remain_unpaid[2];    /* "demeure impayée", "demeurent impayées" */
  const char *disputed_apart[2];   /* "La facture %s, en litige, est hors relance…" */
  const char *amount_in_brackets;  /* "%s (%s)": a number and its amount */

  /* Sentences that quote the history */
  const char *day_in_list;         /* "le %s" / "%s" */
  const char *call_reached_noted;  /* date, " avec …" or "", what was noted */
  const char *call_reached;        /* date, " avec …" or "" */
  const char *call_with;           /* " avec %s" */
  const char *call_unanswered;     /* date */
  const char *promise_in_call;     /* "Lors de notre appel du %s": the call the promise was made in */
  const char *promise_on_day;      /* "Le %s": the day it was made, not in a call */
  const char *promise_named;       /* opening, who, amount, promised day */
  const char *promise_unnamed;     /* opening, amount, promised day */
  const char *promise_broken_named;
  const char *promise_broken_unnamed;
  const char *request;             /* amount, deadline */
  const char *request_promise;     /* amount, promised day */
  const char *request_remainder;   /* " Le solde, %s, …": remainder, its deadline */
  const char *history_wrote;       /* "nous vous avons écrit %s" */
  const char *history_spoke;       /* "nous nous sommes entretenus avec vous par téléphone %s" */
  const char *history_tried;       /* "nous avons tenté de vous joindre par téléphone %s" */
  const char *closing_formal;      /* "Nous vous prions d’agréer, %s, l’expression…" (the salutation's words) */
  const char *closing_named;       /* "" / "Yours sincerely," when the reader is named */
  const char *closing_unnamed;     /* "" / "Yours faithfully," for "Dear Sir or Madam" */
  const char *quote_open;          /* "« " */
  const char *quote_close;         /* " »" */
} RelanceLetterWords;

/* The words of @language ("fr", "en"; anything else: French). */
const RelanceLetterWords *relance_letter_words_get (const char *language);

/* @pattern with its "%s" replaced by @value. */
char       *relance_letter_words_fill      (const char *pattern,
                                            const char *value);

/* @pattern with each "%s" replaced, in order, by the NULL-terminated
 * values (never handed to printf; missing values are ""). */
char       *relance_letter_words_format    (const char *pattern,
                                            ...) G_GNUC_NULL_TERMINATED;

/* Whether French elides "de" before @name ("d’Imprimerie Petit",
 * "d’Hélène Martin"): it begins with a vowel, or with an h when
 * @person (a first name's h is mute; a firm's may not be). */
gboolean    relance_letter_words_elides    (const char *name,
                                            gboolean    person);

/* "de Dupont SA", "d’Imprimerie Petit"; in English the name alone. */
char       *relance_letter_words_of        (const RelanceLetterWords *words,
                                            const char               *name);

/* The address block's line for the contact: "À l’attention de Madame
 * Isabelle Roux", "À l’attention d’Isabelle Roux", "For the attention of
 * Ms Isabelle Roux". @civility: "", "madame", "monsieur". */
char       *relance_letter_words_attention (const RelanceLetterWords *words,
                                            const char               *civility,
                                            const char               *name);

/* The salutation of a formal letter: "Madame,", "Monsieur,", "Madame,
 * Monsieur,"; "Dear Ms Roux,", "Dear Mr Roux,", "Dear Sir or Madam,". */
char       *relance_letter_words_formal_salutation (const RelanceLetterWords *words,
                                            const char               *civility,
                                            const char               *name);

/* The closing of a formal letter: "Nous vous prions d’agréer, Madame,
 * l’expression de nos salutations distinguées." (the civility again, or
 * "Madame, Monsieur"); "Yours sincerely," to a named reader, "Yours
 * faithfully," to "Dear Sir or Madam". */
char       *relance_letter_words_formal_closing (const RelanceLetterWords *words,
                                            const char               *civility,
                                            const char               *name);

/* The name of country @code (ISO 3166 alpha-2) in capitals, as the last
 * line of a postal address in @words' language; @code itself when the
 * table does not know it. */
char       *relance_letter_words_country   (const RelanceLetterWords *words,
                                            const char               *code);

G_END_DECLS
