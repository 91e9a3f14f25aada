/* relance-claim-declaration.c
 *
 * The declaration is a letter like the others: its text is written here,
 * in the debtor's language, as the body of a registered letter whose
 * recipient is the mandataire, and relance-letter.c lays it out (the
 * invoices table with the interest and indemnities included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-claim-declaration.h"
#include "relance-letter-words.h"
#include "relance-merge.h"

/* The fixed words of the declaration, per language (the letter's, not the
 * user's: not translated by gettext, like relance-letter-words.c). */
typedef struct
{
  const char *language;
  const char *kinds[3];
  const char *subject;          /* debtor */
  const char *salutation;
  const char *opening;          /* judgment date, " (court)", kind, debtor, " (identity)", BODACC date */
  const char *siren;
  const char *declare;          /* ", creditor (identity)," and the judgment date */
  const char *due;              /* amount, judgment date */
  const char *to_fall_due;      /* amount */
  const char *to_fall_due_item; /* number, due date, amount */
  const char *nothing_to_fall_due;
  const char *penalties;        /* interest, judgment date, indemnity, count */
  const char *total;            /* amount */
  const char *late;             /* deadline */
  const char *security;
  const char *attached;         /* invoice numbers */
  const char *certify;
  const char *closing;
  const char *list_sep;
} ClaimWords;

static const ClaimWords french = {
  .language = "fr",
  .kinds = { "sauvegarde", "redressement judiciaire", "liquidation judiciaire" },
  .subject = "Déclaration de créance — %s",
  .salutation = "Maître,",
  .opening = "Par jugement du %s%s, une procédure de %s a été ouverte à l’égard de %s%s. "
             "Ce jugement a été publié au BODACC le %s.",
  .siren = "SIREN %s",
  .declare = "Conformément aux articles L622-24 et R622-23 du Code de commerce, nous%s "
             "déclarons entre vos mains notre créance, arrêtée au jour du jugement (%s), "
             "au titre des factures ci-dessous demeurées impayées :",
  .due = "Sommes échues au jour du jugement : %s, à titre chirographaire.",
  .to_fall_due = "Sommes à échoir après le jugement : %s, à titre chirographaire :",
  .to_fall_due_item = "– facture %s, échéance du %s : %s",
  .nothing_to_fall_due = "Sommes à échoir après le jugement : néant.",
  .penalties = "Intérêts de retard arrêtés au jour du jugement (%s) : %s ; indemnités forfaitaires "
               "pour frais de recouvrement (article L441-10 du Code de commerce) : %s.",
  .total = "Montant total de la créance déclarée : %s.",
  .late = "Le délai de déclaration ayant expiré le %s, nous présentons parallèlement au "
          "juge-commissaire une requête en relevé de forclusion (article L622-26 du Code de commerce).",
  .security = "Sûretés et privilèges : aucun.",
  .attached = "Pièces jointes : copies des factures %s ; extrait du compte client.",
  .certify = "Nous certifions sincère et véritable la créance déclarée ci-dessus.",
  .closing = "Nous vous prions d’agréer, Maître, l’expression de nos salutations distinguées.",
  .list_sep = ", ",
};

static const ClaimWords english = {
  .language = "en",
  .kinds = { "safeguard (sauvegarde)", "receivership (redressement judiciaire)",
             "compulsory liquidation (liquidation judiciaire)" },
  .subject = "Proof of claim (déclaration de créance) — %s",
  .salutation = "Dear Sir or Madam,",
  .opening = "By a judgment of %s%s, %s proceedings were opened against %s%s. "
             "The judgment was published in the BODACC on %s.",
  .siren = "SIREN %s",
  .declare = "Under articles L622-24 and R622-23 of the French Commercial Code, we%s "
             "hereby declare to you our claim, as it stood on the day of the judgment (%s), "
             "for the unpaid invoices below:",
  .due = "Sums due on the day of the judgment: %s, as an unsecured claim.",
  .to_fall_due = "Sums falling due after the judgment: %s, as an unsecured claim:",
  .to_fall_due_item = "– invoice %s, due on %s: %s",
  .nothing_to_fall_due = "Sums falling due after the judgment: none.",
  .penalties = "Late-payment interest up to the day of the judgment (%s): %s; fixed recovery "
               "indemnities (article L441-10 of the French Commercial Code): %s.",
  .total = "Total amount of the claim declared: %s.",
  .late = "As the time limit to declare expired on %s, we are applying at the same time to the "
          "juge-commissaire for relief from forclusion (article L622-26 of the French Commercial Code).",
  .security = "Security and preferential rights: none.",
  .attached = "Documents attached: copies of invoices %s; an extract of the customer’s account.",
  .certify = "We certify that the claim declared above is true and accurate.",
  .closing = "Yours faithfully,",
  .list_sep = ", ",
};

/* Helpers */

static const ClaimWords *
get_words (const char *language)
{
  if (language != NULL && g_ascii_strncasecmp (language, "en", 2) == 0)
    return &english;
  return &french;
}

/* Text typed by people goes in the template's body: "{{" would read as a
 * merge field, so it is broken. */
static void
append_plain (GString    *out,
              const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}'))
        g_string_append (out, "\xe2\x80\x8b");   /* U+200B zero width space */
    }
}

static char *
plain (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean first = TRUE;

  /* One line: an address typed on several lines is joined by commas. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (!first)
        g_string_append (out, ", ");
      append_plain (out, lines[i]);
      first = FALSE;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The patterns hold "%s" replaced in order, never handed to printf. */
#define fill(...) relance_letter_words_format (__VA_ARGS__, NULL)

/* "512 345 679" for nine digits, as typed otherwise. */
static char *
group_siren (const char *siren)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = siren; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != ' ')
      return g_strdup (siren);
  if (digits->len != 9)
    return g_strdup (siren);

  return g_strdup_printf ("%.3s %.3s %.3s", digits->str, digits->str + 3, digits->str + 6);
}

/* "SIREN 123 456 789, 3 rue X, 75001 Paris" (what is known of it) */
static char *
identity (const ClaimWords *words,
          const char       *siren,
          const char       *address,
          const char       *postcode,
          const char       *city)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *street = plain (address);
  g_autofree char *town = NULL;
  g_autofree char *town_plain = NULL;

  if (siren != NULL && siren[0] != '\0')
    {
      g_autofree char *number = plain (siren);
      g_autofree char *grouped = group_siren (number);
      g_autofree char *text = fill (words->siren, grouped);

      g_string_append (out, text);
    }
  if (street[0] != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", street);
  town = g_strstrip (g_strdup_printf ("%s %s", postcode != NULL ? postcode : "",
                                      city != NULL ? city : ""));
  town_plain = plain (town);
  if (town_plain[0] != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", town_plain);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
make_body (const RelanceClaimData *data,
           const ClaimWords       *words)
{
  const RelanceProceedings *p = data->proceedings;
  const RelanceLetterData *letter = data->letter;
  const RelanceCompany *company = letter->company;
  const char *lang = words->language;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autofree char *judgment = relance_merge_format_date (p->judgment_date, lang);
  g_autofree char *bodacc = relance_merge_format_date (p->bodacc_date, lang);
  g_autofree char *court_plain = plain (p->court);
  g_autofree char *court = court_plain[0] != '\0' ? g_strdup_printf (" (%s)", court_plain) : g_strdup ("");
  g_autofree char *debtor = plain (data->debtor_name);
  g_autofree char *debtor_identity = identity (words, data->debtor_siren, data->debtor_address,
                                               data->debtor_postcode, data->debtor_city);
  g_autofree char *creditor_name = plain (company != NULL ? company->name : "");
  g_autofree char *creditor_identity = NULL;
  g_autofree char *creditor = NULL;
  g_autofree char *debtor_text = NULL;
  g_autofree char *due = relance_merge_format_amount (data->due, lang);
  g_autofree char *to_fall_due = relance_merge_format_amount (data->to_fall_due, lang);
  g_autofree char *interest = relance_merge_format_amount (data->interest, lang);
  g_autofree char *indemnity = relance_merge_format_amount (data->indemnity, lang);
  g_autofree char *total = relance_merge_format_amount (data->total, lang);
  g_autofree char *opening = NULL;
  g_autofree char *declare = NULL;
  guint n_to_fall_due = 0;

  if (company != NULL)
    creditor_identity = identity (words, company->siren, company->address,
                                  company->postcode, company->city);
  else
    creditor_identity = g_strdup ("");

  /* ", Dupont SA (SIREN …, address)," or nothing when unknown. */
  if (creditor_name[0] != '\0' && creditor_identity[0] != '\0')
    creditor = g_strdup_printf (", %s (%s),", creditor_name, creditor_identity);
  else if (creditor_name[0] != '\0')
    creditor = g_strdup_printf (", %s,", creditor_name);
  else
    creditor = g_strdup ("");
  debtor_text = debtor_identity[0] != '\0' ? g_strdup_printf (" (%s)", debtor_identity) : g_strdup ("");

  opening = fill (words->opening, judgment, court, words->kinds[p->kind], debtor,
                  debtor_text, bodacc);
  declare = fill (words->declare, creditor, judgment);

  g_string_append_printf (body, "%s\n\n%s\n\n%s\n\n{{invoices.table}}\n\n",
                          words->salutation, opening, declare);

  {
    g_autofree char *line = fill (words->due, due);

    g_string_append_printf (body, "%s\n\n", line);
  }

  for (guint i = 0; i < letter->invoices->len; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (letter->invoices, i);
      g_autofree char *number = plain (invoice->number);

      if (!invoice->credit_note)
        g_string_append_printf (numbers, "%s%s", numbers->len > 0 ? words->list_sep : "", number);
      if (invoice->due_date > p->judgment_date)
        n_to_fall_due++;
    }

  /* The invoices paid late before the judgment whose interest is claimed. */
  for (guint i = 0; i < letter->paid_late->len; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (letter->paid_late, i);
      g_autofree char *number = plain (invoice->number);

      g_string_append_printf (numbers, "%s%s", numbers->len > 0 ? words->list_sep : "", number);
    }

  if (n_to_fall_due > 0)
    {
      g_autofree char *line = fill (words->to_fall_due, to_fall_due);

      g_string_append (body, line);
      for (guint i = 0; i < letter->invoices->len; i++)
        {
          const RelanceLetterInvoice *invoice = g_ptr_array_index (letter->invoices, i);
          g_autofree char *number = NULL;
          g_autofree char *day = NULL;
          g_autofree char *amount = NULL;
          g_autofree char *item = NULL;

          if (invoice->due_date <= p->judgment_date)
            continue;
          number = plain (invoice->number);
          day = relance_merge_format_date (invoice->due_date, lang);
          amount = relance_merge_format_amount (invoice->open, lang);
          item = fill (words->to_fall_due_item, number, day, amount);
          g_string_append_printf (body, "\n%s", item);
        }
      g_string_append (body, "\n\n");
    }
  else
    g_string_append_printf (body, "%s\n\n", words->nothing_to_fall_due);

  {
    g_autofree char *penalties = fill (words->penalties, judgment, interest, indemnity);
    g_autofree char *line = fill (words->total, total);
    g_autofree char *attached = fill (words->attached, numbers->str);

    g_string_append_printf (body, "%s\n\n%s\n\n", penalties, line);
    /* Late: the declaration goes with a request for relief. */
    if (data->late)
      {
        g_autofree char *deadline = relance_merge_format_date (p->deadline, lang);
        g_autofree char *late = fill (words->late, deadline);

        g_string_append_printf (body, "%s\n\n", late);
      }
    g_string_append_printf (body, "%s\n\n%s\n\n%s\n\n%s",
                            words->security, attached, words->certify, words->closing);
  }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Public API */

/**
 * relance_claim_declaration_new:
 * @data: the declaration's data (relance_claim_data_get())
 *
 * Returns: (transfer full): the letter, or %NULL with @error set
 */
RelanceLetter *
relance_claim_declaration_new (const RelanceClaimData  *data,
                               GError                 **error)
{
  g_autoptr(RelanceTemplate) template = relance_template_new ();
  const ClaimWords *words;
  g_autofree char *debtor = NULL;

  g_return_val_if_fail (data != NULL && data->letter != NULL && data->proceedings != NULL, NULL);

  words = get_words (data->letter->language);
  debtor = plain (data->debtor_name);

  g_free (template->name);
  template->name = g_strdup ("claim-declaration");
  template->kind = RELANCE_TEMPLATE_FORMAL_NOTICE;
  template->channel = RELANCE_CHANNEL_REGISTERED_LETTER;
  g_free (template->language);
  template->language = g_strdup (words->language);
  g_free (template->subject);
  template->subject = fill (words->subject, debtor);
  g_free (template->body);
  template->body = make_body (data, words);

  return relance_letter_new (template, data->letter, error);
}

char *
relance_claim_declaration_get_file_name (const RelanceClaimData *data)
{
  g_autoptr(RelanceLetterData) letter = NULL;
  g_autoptr(RelanceTemplate) template = relance_template_new ();
  g_autoptr(RelanceLetter) made = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (data != NULL && data->letter != NULL, NULL);

  g_free (template->subject);
  template->subject = g_strdup ("-");
  g_free (template->body);
  template->body = g_strdup ("-");
  made = relance_letter_new (template, data->letter, NULL);
  name = relance_letter_get_file_name (made);

  /* "Relance-C0042-2026-12-03.pdf" */
  return g_strconcat ("Declaration-creance-", name + strlen ("Relance-"), NULL);
}

char *
relance_claim_declaration_get_warning (const RelanceClaimData *data)
{
  g_autofree char *deadline = NULL;
  g_autofree char *relief = NULL;

  g_return_val_if_fail (data != NULL && data->proceedings != NULL, NULL);

  if (!data->late)
    return NULL;

  deadline = relance_day_to_iso (data->proceedings->deadline);
  relief = relance_day_to_iso (data->proceedings->relief_deadline);

  if (data->relief_too_late)
    return g_strdup_printf (_("The deadline to declare the claim was %s, and relief from forclusion could be asked until %s: "
                              "the mandataire may refuse this declaration"),
                            deadline, relief);

  return g_strdup_printf (_("The deadline to declare the claim was %s: send the declaration with a request to the "
                            "juge-commissaire for relief from forclusion (relevé de forclusion), before %s"),
                          deadline, relief);
}
