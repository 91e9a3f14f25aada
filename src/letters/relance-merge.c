/* relance-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-error.h"
#include "relance-letter-words.h"
#include "relance-merge.h"

#define NO_BREAK_SPACE "\xc2\xa0"       /* U+00A0 */
#define MINUS_SIGN     "\xe2\x88\x92"   /* U+2212 */
#define EURO_SIGN      "\xe2\x82\xac"   /* U+20AC */

/* The catalogue as written (N_() marks it); relance_merge_get_fields()
 * hands out a translated copy made once. */
static const RelanceMergeField catalogue[] = {
  { "date",                    N_("Letter"),       N_("Letter’s date"),                  FALSE, FALSE },
  { "deadline",                N_("Letter"),       N_("Date to pay by"),                 FALSE, FALSE },
  { "salutation",              N_("Letter"),       N_("Salutation"),                     FALSE, FALSE },
  { "salutation.formal",       N_("Letter"),       N_("Formal salutation (Madame, Monsieur)"), FALSE, FALSE },
  { "closing.formal",          N_("Letter"),       N_("Formal closing"),                 FALSE, FALSE },
  { "history.sentence",        N_("Letter"),       N_("What was done so far (letters and calls)"), FALSE, TRUE },
  { "company.name",            N_("Your company"), N_("Company name"),                   FALSE, FALSE },
  { "company.address",         N_("Your company"), N_("Company’s address"),              FALSE, FALSE },
  { "company.phone",           N_("Your company"), N_("Company’s phone"),                FALSE, FALSE },
  { "company.email",           N_("Your company"), N_("Company’s e-mail"),               FALSE, FALSE },
  { "company.siren",           N_("Your company"), N_("SIREN"),                          FALSE, FALSE },
  { "company.vat_number",      N_("Your company"), N_("VAT number"),                     FALSE, FALSE },
  { "company.iban",            N_("Your company"), N_("IBAN"),                           FALSE, FALSE },
  { "company.bic",             N_("Your company"), N_("BIC"),                            FALSE, FALSE },
  { "payment.details",         N_("Your company"), N_("Payment details (IBAN and BIC)"), FALSE, FALSE },
  { "company.place",           N_("Your company"), N_("Place letters are written from"), FALSE, FALSE },
  { "company.signatory",       N_("Your company"), N_("Signatory’s name"),               FALSE, FALSE },
  { "company.signatory_title", N_("Your company"), N_("Signatory’s title"),              FALSE, FALSE },
  { "customer.name",           N_("Customer"),     N_("Customer’s name"),                FALSE, FALSE },
  { "customer.code",           N_("Customer"),     N_("Customer’s code"),                FALSE, FALSE },
  { "customer.of_name",        N_("Customer"),     N_("Customer’s name after “de” (d’…)"), FALSE, FALSE },
  { "customer.address",        N_("Customer"),     N_("Customer’s address"),             FALSE, FALSE },
  { "contact.name",            N_("Customer"),     N_("Collections contact"),            FALSE, FALSE },
  { "invoices.table",          N_("Invoices"),     N_("Table of invoices and totals"),   TRUE, FALSE },
  { "invoices.list",           N_("Invoices"),     N_("Invoice numbers"),                FALSE, FALSE },
  { "invoices.count",          N_("Invoices"),     N_("Number of invoices"),             FALSE, FALSE },
  { "invoices.below",          N_("Invoices"),     N_("“The invoice(s) below”"),         FALSE, FALSE },
  { "invoices.of_below",       N_("Invoices"),     N_("“Of the invoice(s) below”"),      FALSE, FALSE },
  { "invoices.remain_unpaid",  N_("Invoices"),     N_("“Remain(s) unpaid”"),             FALSE, FALSE },
  { "disputed.sentence",       N_("Invoices"),     N_("Invoices under dispute, not claimed"), FALSE, TRUE },
  { "request.sentence",        N_("Invoices"),     N_("What to pay by when"),            FALSE, FALSE },
  { "total.due",               N_("Invoices"),     N_("Total due"),                      FALSE, FALSE },
  { "total.overdue",           N_("Invoices"),     N_("Total overdue"),                  FALSE, FALSE },
  { "total.claimed",           N_("Invoices"),     N_("Total claimed (with penalties)"), FALSE, FALSE },
  { "days_overdue",            N_("Invoices"),     N_("Most days overdue"),              FALSE, FALSE },
  { "due_date.oldest",         N_("Invoices"),     N_("Oldest due date"),                FALSE, FALSE },
  { "last_call.sentence",      N_("Last call"),    N_("The last call, quoted"),          FALSE, TRUE },
  { "last_call.date",          N_("Last call"),    N_("Date of the last call"),          FALSE, FALSE },
  { "last_call.contact",       N_("Last call"),    N_("Person reached"),                 FALSE, FALSE },
  { "last_call.who",           N_("Last call"),    N_("Who called"),                     FALSE, FALSE },
  { "last_call.summary",       N_("Last call"),    N_("What was said"),                  FALSE, FALSE },
  { "promise.sentence",        N_("Promise"),      N_("The promise, quoted"),            FALSE, TRUE },
  { "promise.date",            N_("Promise"),      N_("Date promised"),                  FALSE, FALSE },
  { "promise.amount",          N_("Promise"),      N_("Amount promised"),                FALSE, FALSE },
  { "promise.made_on",         N_("Promise"),      N_("Date the promise was made"),      FALSE, FALSE },
  { "penalties.interest",      N_("Penalties"),    N_("Late-payment interest"),          FALSE, FALSE },
  { "penalties.indemnity",     N_("Penalties"),    N_("Recovery indemnity"),             FALSE, FALSE },
  { "penalties.total",         N_("Penalties"),    N_("Interest and indemnity"),         FALSE, FALSE },
  { "penalties.rate",          N_("Penalties"),    N_("Interest rate"),                  FALSE, FALSE },
};

/* One "{{ … }}" found in a text. */
typedef enum
{
  TOKEN_FIELD,        /* well formed; field may be NULL (unknown name) */
  TOKEN_UNCLOSED,
} TokenKind;

typedef struct
{
  TokenKind                kind;
  const char              *start;   /* the first "{" */
  const char              *end;     /* just after "}}", or where the unclosed part ends */
  char                    *name;    /* without the braces and spaces */
  const RelanceMergeField *field;
} Token;

static const RelanceMergeField *
translated_fields (void)
{
  static RelanceMergeField fields[G_N_ELEMENTS (catalogue)];
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
        {
          fields[i].name = catalogue[i].name;
          fields[i].group = _(catalogue[i].group);
          fields[i].label = _(catalogue[i].label);
          fields[i].block = catalogue[i].block;
          fields[i].optional = catalogue[i].optional;
        }
      g_once_init_leave (&ready, 1);
    }

  return fields;
}

static const char *
line_end (const char *p)
{
  const char *eol = strchr (p, '\n');

  return eol != NULL ? eol : p + strlen (p);
}

/* @needle in [@from, @to), or NULL. */
static const char *
find_between (const char *from,
              const char *to,
              const char *needle)
{
  gsize length = strlen (needle);

  for (const char *p = from; p + length <= to; p++)
    if (memcmp (p, needle, length) == 0)
      return p;

  return NULL;
}

/* Reads the token at @p (which starts with "{{"). */
static void
read_token (const char *p,
            Token      *token)
{
  const char *eol = line_end (p);
  const char *close = find_between (p + 2, eol, "}}");
  const char *reopen = find_between (p + 2, close != NULL ? close : eol, "{{");

  memset (token, 0, sizeof *token);
  token->start = p;

  if (close == NULL || reopen != NULL)
    {
      token->kind = TOKEN_UNCLOSED;
      token->end = reopen != NULL ? reopen : eol;
      /* A "\r" of a Windows line end is not part of it. */
      while (token->end > p + 2 && token->end[-1] == '\r')
        token->end--;
      return;
    }

  token->kind = TOKEN_FIELD;
  token->end = close + 2;
  token->name = g_strstrip (g_strndup (p + 2, close - (p + 2)));
  token->field = relance_merge_find_field (token->name);
}

static gboolean
is_blank_between (const char *from,
                  const char *to)
{
  for (const char *p = from; p < to; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;

  return TRUE;
}

/* Edit distance, for "did you mean". */
static guint
distance (const char *a,
          const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[lb];
}

static const char *
closest_field (const char *name)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    {
      guint d = distance (name, catalogue[i].name);

      if (d < best_distance)
        {
          best = catalogue[i].name;
          best_distance = d;
        }
    }

  return best;
}

static void
add_problem (GPtrArray  *problems,
             const char *text,
             const char *start,
             const char *end,
             guint       line,
             const char *line_start,
             char       *message)
{
  RelanceMergeProblem *problem = g_new0 (RelanceMergeProblem, 1);

  problem->start = start - text;
  problem->end = end - text;
  problem->line = line;
  problem->column = g_utf8_strlen (line_start, start - line_start) + 1;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Months, days... */

static char *
format_day_or_empty (RelanceDay  day,
                     const char *language)
{
  if (day == RELANCE_DAY_NONE)
    return g_strdup ("");

  return relance_merge_format_date (day, language);
}

static char *
format_siren (const char *siren)
{
  if (siren != NULL && strlen (siren) == 9)
    return g_strdup_printf ("%.3s" NO_BREAK_SPACE "%.3s" NO_BREAK_SPACE "%.3s",
                            siren, siren + 3, siren + 6);

  return g_strdup (siren != NULL ? siren : "");
}

/* "FR76 3000 6000 …": groups of four. */
static char *
format_iban (const char *iban)
{
  GString *out = g_string_new (NULL);
  guint count = 0;

  for (const char *p = iban != NULL ? iban : ""; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (count > 0 && count % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *p);
      count++;
    }

  return g_string_free (out, FALSE);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Street lines (trimmed, blank ones left out), then "postcode city", then
 * @country_line when not NULL, "\n"-separated. */
static char *
format_address (const char *street,
                const char *postcode,
                const char *city,
                const char *country_line)
{
  g_auto(GStrv) lines = g_strsplit (or_empty (street), "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *town = g_strstrip (g_strdup_printf ("%s %s", or_empty (postcode), or_empty (city)));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }

  if (town[0] != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, town);
    }

  if (country_line != NULL && country_line[0] != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, country_line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The customer's country as the address's last line, or NULL when it is
 * the company's own (France by default). */
static char *
customer_country_line (const RelanceLetterData *data)
{
  g_autofree char *home = g_strdup ("FR");
  g_autofree char *country = g_strstrip (g_strdup (or_empty (data->country)));

  if (data->company != NULL && !is_blank (data->company->country))
    {
      g_free (home);
      home = g_strstrip (g_strdup (data->company->country));
    }
  if (country[0] == '\0' || g_ascii_strcasecmp (country, home) == 0)
    return NULL;

  return relance_letter_words_country (relance_letter_words_get (data->language), data->country);
}

static int
compare_periods_by_day (gconstpointer a,
                        gconstpointer b)
{
  const RelanceLetterInterestPeriod *x = *(RelanceLetterInterestPeriod * const *) a;
  const RelanceLetterInterestPeriod *y = *(RelanceLetterInterestPeriod * const *) b;

  return (x->from > y->from) - (x->from < y->from);
}

static char *format_rate (int basis_points, const RelanceLetterWords *words);

/* The rate of the interest claimed: "12,15 %", or, when the ECB rate
 * changed during the lateness, each rate in the order of the days it
 * held, "13,15 % puis 12,15 %". The rate of the letter's day when there
 * is no line of interest. */
static char *
format_rates (const RelanceLetterData  *data,
              const RelanceLetterWords *words)
{
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GString) out = NULL;
  int last = 0;

  if (data->interest_periods == NULL || data->interest_periods->len == 0)
    return format_rate (data->interest_rate, words);

  periods = g_ptr_array_copy (data->interest_periods, NULL, NULL);
  g_ptr_array_set_free_func (periods, NULL);   /* the copy keeps the original's */
  g_ptr_array_sort (periods, compare_periods_by_day);
  out = g_string_new (NULL);
  for (guint i = 0; i < periods->len; i++)
    {
      const RelanceLetterInterestPeriod *period = g_ptr_array_index (periods, i);
      g_autofree char *rate = NULL;

      if (i > 0 && period->rate == last)
        continue;
      rate = format_rate (period->rate, words);
      if (i > 0)
        g_string_append (out, words->rate_then);
      g_string_append (out, rate);
      last = period->rate;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_rate (int                       basis_points,
             const RelanceLetterWords *words)
{
  g_autofree char *number = NULL;
  int whole = basis_points / 100;
  int fraction = ABS (basis_points % 100);

  if (fraction == 0)
    number = g_strdup_printf ("%s%d", basis_points < 0 ? "-" : "", ABS (whole));
  else
    number = g_strdup_printf ("%s%d%s%02d", basis_points < 0 ? "-" : "", ABS (whole),
                              words->decimal_point, fraction);

  return relance_letter_words_fill (words->percent, number);
}

static char *
invoice_list (const RelanceLetterData   *data,
              const RelanceLetterWords *words)
{
  GString *out = g_string_new (NULL);
  guint n = data->invoices != NULL ? data->invoices->len : 0;

  for (guint i = 0; i < n; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (data->invoices, i);

      if (i > 0)
        g_string_append (out, i == n - 1 ? words->list_and : ", ");
      g_string_append (out, or_empty (invoice->number));
    }

  return g_string_free (out, FALSE);
}

/* Public API */

/**
 * relance_merge_get_fields:
 * @n_fields: (out) (optional): the number of fields
 *
 * Returns: (transfer none) (array length=n_fields): the catalogue, in menu
 *   order, with translated groups and labels
 */
const RelanceMergeField *
relance_merge_get_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (catalogue);

  return translated_fields ();
}

const RelanceMergeField *
relance_merge_find_field (const char *name)
{
  const RelanceMergeField *fields = translated_fields ();

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];

  return NULL;
}

void
relance_merge_problem_free (RelanceMergeProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/**
 * relance_merge_check:
 * @text: a subject or a body
 * @is_subject: whether @text is a subject (one line, no block field)
 *
 * Returns: (transfer container) (element-type RelanceMergeProblem): the
 *   problems, in order; empty when @text is fine
 */
GPtrArray *
relance_merge_check (const char *text,
                     gboolean    is_subject)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) relance_merge_problem_free);
  const char *line_start;
  const char *p;
  guint line = 1;
  gboolean reported_break = FALSE;

  if (text == NULL)
    return problems;

  if (!g_utf8_validate (text, -1, NULL))
    {
      RelanceMergeProblem *problem = g_new0 (RelanceMergeProblem, 1);
      const char *bad = NULL;

      g_utf8_validate (text, -1, &bad);
      problem->start = bad - text;
      problem->end = problem->start + 1;
      problem->line = 1;
      problem->column = 1;
      for (const char *q = text; q < bad; q++)
        if (*q == '\n')
          {
            problem->line++;
            problem->column = 1;
          }
        else if (((guchar) *q & 0xc0) != 0x80)
          problem->column++;
      problem->message = g_strdup (_("The text has characters that are not valid UTF-8"));
      g_ptr_array_add (problems, problem);
      return problems;
    }

  line_start = text;
  p = text;
  while (*p != '\0')
    {
      Token token;

      if (*p == '\n')
        {
          if (is_subject && !reported_break && p[1] != '\0')
            {
              add_problem (problems, text, p, p + 1, line, line_start,
                           g_strdup (_("A subject is a single line: remove the line break")));
              reported_break = TRUE;
            }
          line++;
          line_start = ++p;
          continue;
        }

      if (p[0] != '{' || p[1] != '{')
        {
          p++;
          continue;
        }

      read_token (p, &token);
      if (token.kind == TOKEN_UNCLOSED)
        {
          add_problem (problems, text, token.start, token.end, line, line_start,
                       g_strdup (_("“{{” is not closed by “}}” on the same line")));
        }
      else if (token.field == NULL)
        {
          const char *guess = closest_field (token.name);

          if (guess != NULL)
            add_problem (problems, text, token.start, token.end, line, line_start,
                         g_strdup_printf (_("Unknown field {{%s}}: did you mean {{%s}}?"),
                                          token.name, guess));
          else
            add_problem (problems, text, token.start, token.end, line, line_start,
                         g_strdup_printf (_("Unknown field {{%s}}"), token.name));
        }
      else if (token.field->block && is_subject)
        {
          add_problem (problems, text, token.start, token.end, line, line_start,
                       g_strdup_printf (_("The field {{%s}} cannot be used in a subject"),
                                        token.name));
        }
      else if (token.field->block
               && (!is_blank_between (line_start, token.start)
                   || !is_blank_between (token.end, line_end (token.end))))
        {
          add_problem (problems, text, token.start, token.end, line, line_start,
                       g_strdup_printf (_("The field {{%s}} must stand alone on its line"),
                                        token.name));
        }

      g_free (token.name);
      p = token.end;
    }

  return problems;
}

static gboolean
validate_one (const char  *text,
              gboolean     is_subject,
              GError     **error)
{
  g_autoptr(GPtrArray) problems = relance_merge_check (text, is_subject);
  const RelanceMergeProblem *problem;
  g_autofree char *message = NULL;
  char first[8] = { 0 };

  if (problems->len == 0)
    return TRUE;

  /* "Unknown field …" reads "…: unknown field …" after the position. */
  problem = g_ptr_array_index (problems, 0);
  g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (problem->message)), first);
  message = g_strconcat (first, g_utf8_next_char (problem->message), NULL);

  if (is_subject)
    g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                 _("Subject, line %u, column %u: %s"),
                 problem->line, problem->column, message);
  else
    g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                 _("Body, line %u, column %u: %s"),
                 problem->line, problem->column, message);

  return FALSE;
}

gboolean
relance_merge_validate (const char  *subject,
                        const char  *body,
                        GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_one (subject != NULL ? subject : "", TRUE, error)
         && validate_one (body != NULL ? body : "", FALSE, error);
}

/* The sentences that quote the ledger and the history */

static guint
count_claimed (const RelanceLetterData *data)
{
  guint n = 0;

  for (guint i = 0; data->invoices != NULL && i < data->invoices->len; i++)
    if (!((RelanceLetterInvoice *) g_ptr_array_index (data->invoices, i))->credit_note)
      n++;

  return n;
}

/* 0 for one invoice, 1 for several (or none). */
static guint
plural_index (const RelanceLetterData *data)
{
  return count_claimed (data) == 1 ? 0 : 1;
}

/* Notes as one line in quotes, without a final full stop (the sentence
 * has one). */
static char *
quote_notes (const char               *notes,
             const RelanceLetterWords *words)
{
  g_auto(GStrv) lines = g_strsplit (or_empty (notes), "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, lines[i]);
    }
  while (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return g_strdup ("");

  return g_strconcat (words->quote_open, out->str, words->quote_close, NULL);
}

static char *
disputed_sentence (const RelanceLetterData  *data,
                   const RelanceLetterWords *words)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = data->disputed != NULL ? data->disputed->len : 0;

  if (n == 0)
    return g_strdup ("");

  for (guint i = 0; i < n; i++)
    {
      const RelanceLetterInvoice *invoice = g_ptr_array_index (data->disputed, i);
      g_autofree char *amount = relance_merge_format_amount (invoice->open, words->language);
      g_autofree char *item = relance_letter_words_format (words->amount_in_brackets,
                                                           or_empty (invoice->number), amount, NULL);

      if (i > 0)
        g_string_append (list, i + 1 == n ? words->list_and : ", ");
      g_string_append (list, item);
    }

  return relance_letter_words_fill (words->disputed_apart[n == 1 ? 0 : 1], list->str);
}

static char *
last_call_sentence (const RelanceLetterData  *data,
                    const RelanceLetterWords *words)
{
  g_autofree char *day = NULL;
  g_autofree char *with = NULL;
  g_autofree char *notes = NULL;

  if (data->last_call_date == RELANCE_DAY_NONE)
    return g_strdup ("");

  day = relance_merge_format_date (data->last_call_date, words->language);
  if (!data->last_call_reached)
    return relance_letter_words_fill (words->call_unanswered, day);

  if (is_blank (data->last_call_contact))
    with = g_strdup ("");
  else
    {
      g_autofree char *contact = g_strstrip (g_strdup (data->last_call_contact));

      with = relance_letter_words_fill (words->call_with, contact);
    }
  notes = quote_notes (data->last_call_summary, words);
  if (notes[0] == '\0')
    return relance_letter_words_format (words->call_reached, day, with, NULL);

  return relance_letter_words_format (words->call_reached_noted, day, with, notes, NULL);
}

static char *
promise_sentence (const RelanceLetterData  *data,
                  const RelanceLetterWords *words)
{
  const char *lang = words->language;
  g_autofree char *made = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *day = NULL;
  gboolean broken = g_str_equal (or_empty (data->promise_status), "broken");
  gboolean named = !is_blank (data->promise_contact);

  if (data->promise_date == RELANCE_DAY_NONE ||
      !(broken || g_str_equal (or_empty (data->promise_status), "pending")))
    return g_strdup ("");

  made = relance_merge_format_date (data->promise_made_on != RELANCE_DAY_NONE
                                    ? data->promise_made_on : data->promise_date, lang);
  {
    char *opening = relance_letter_words_fill (data->promise_in_call ? words->promise_in_call
                                                                     : words->promise_on_day, made);

    g_free (made);
    made = opening;
  }
  amount = relance_merge_format_amount (data->promise_amount, lang);
  day = relance_merge_format_date (data->promise_date, lang);

  if (named)
    return relance_letter_words_format (broken ? words->promise_broken_named : words->promise_named,
                                        made, data->promise_contact, amount, day, NULL);

  return relance_letter_words_format (broken ? words->promise_broken_unnamed : words->promise_unnamed,
                                      made, amount, day, NULL);
}

static char *
request_sentence (const RelanceLetterData  *data,
                  const RelanceLetterWords *words)
{
  const char *lang = words->language;
  gboolean pending = g_str_equal (or_empty (data->promise_status), "pending")
                     && data->promise_date >= data->date && data->promise_date != RELANCE_DAY_NONE;

  if (pending)
    {
      gint64 promised = MIN (data->promise_amount, data->total_claimed);
      g_autofree char *amount = relance_merge_format_amount (promised, lang);
      g_autofree char *day = relance_merge_format_date (data->promise_date, lang);
      g_autofree char *first = relance_letter_words_format (words->request_promise, amount, day, NULL);
      g_autofree char *rest = NULL;
      g_autofree char *by = NULL;
      g_autofree char *remainder = NULL;

      if (data->remainder <= 0)
        return g_steal_pointer (&first);

      rest = relance_merge_format_amount (data->remainder, lang);
      by = relance_merge_format_date (data->remainder_deadline, lang);
      remainder = relance_letter_words_format (words->request_remainder, rest, by, NULL);
      return g_strconcat (first, remainder, NULL);
    }
  else
    {
      g_autofree char *amount = relance_merge_format_amount (data->total_claimed, lang);
      g_autofree char *day = relance_merge_format_date (data->deadline, lang);

      return relance_letter_words_format (words->request, amount, day, NULL);
    }
}

/* "le 3 novembre 2026 et le 18 novembre 2026" */
static char *
day_list (GArray                   *days,
          const RelanceLetterWords *words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      g_autofree char *date = relance_merge_format_date (g_array_index (days, RelanceDay, i), words->language);
      g_autofree char *item = relance_letter_words_fill (words->day_in_list, date);

      if (i > 0)
        g_string_append (out, i + 1 == days->len ? words->list_and : ", ");
      g_string_append (out, item);
    }

  return g_string_free (out, FALSE);
}

static char *
history_sentence (const RelanceLetterData  *data,
                  const RelanceLetterWords *words)
{
  g_autoptr(GArray) wrote = g_array_new (FALSE, FALSE, sizeof (RelanceDay));
  g_autoptr(GArray) spoke = g_array_new (FALSE, FALSE, sizeof (RelanceDay));
  g_autoptr(GArray) tried = g_array_new (FALSE, FALSE, sizeof (RelanceDay));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  GArray *lists[3];
  const char *patterns[3];
  char first[8] = { 0 };

  for (guint i = 0; data->history != NULL && i < data->history->len; i++)
    {
      const RelanceLetterStep *step = &g_array_index (data->history, RelanceLetterStep, i);
      GArray *list = step->kind != RELANCE_ACTION_CALL ? wrote : step->reached ? spoke : tried;

      /* Two actions the same day are one date. */
      if (list->len == 0 || g_array_index (list, RelanceDay, list->len - 1) != step->date)
        g_array_append_val (list, step->date);
    }

  lists[0] = wrote, patterns[0] = words->history_wrote;
  lists[1] = spoke, patterns[1] = words->history_spoke;
  lists[2] = tried, patterns[2] = words->history_tried;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i]->len > 0)
      {
        g_autofree char *days = day_list (lists[i], words);

        g_ptr_array_add (parts, relance_letter_words_fill (patterns[i], days));
      }

  if (parts->len == 0)
    return g_strdup ("");

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == parts->len ? words->list_and : ", ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  g_string_append_c (out, '.');

  /* A capital to begin the sentence. */
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (out->str)), first);
  return g_strconcat (first, g_utf8_next_char (out->str), NULL);
}

/**
 * relance_merge_get_value:
 * @data: the letter's data
 * @name: a field of the catalogue
 *
 * Returns: (transfer full) (nullable): the value of @name in the letter's
 *   language, "" when @data has none, %NULL for block and unknown fields
 */
char *
relance_merge_get_value (const RelanceLetterData *data,
                         const char              *name)
{
  const RelanceMergeField *field = relance_merge_find_field (name);
  const RelanceLetterWords *words;
  const RelanceCompany *company;
  const char *lang;

  g_return_val_if_fail (data != NULL, NULL);

  if (field == NULL || field->block)
    return NULL;

  lang = data->language;
  words = relance_letter_words_get (lang);
  company = data->company;

  if (g_str_equal (name, "date"))
    return format_day_or_empty (data->date, lang);
  if (g_str_equal (name, "deadline"))
    return format_day_or_empty (data->deadline, lang);
  if (g_str_equal (name, "salutation"))
    {
      if (is_blank (data->contact_name))
        return g_strdup (words->salutation);
      /* "Dear Ms Roux,"; French says "Bonjour Isabelle Roux,". */
      if (strstr (words->salutation_madame, "%s") != NULL && !is_blank (data->contact_civility))
        return relance_letter_words_formal_salutation (words, data->contact_civility, data->contact_name);
      return relance_letter_words_fill (words->salutation_named, data->contact_name);
    }
  if (g_str_equal (name, "salutation.formal"))
    return relance_letter_words_formal_salutation (words, data->contact_civility,
                                                   is_blank (data->contact_name) ? "" : data->contact_name);
  if (g_str_equal (name, "closing.formal"))
    return relance_letter_words_formal_closing (words, data->contact_civility,
                                                is_blank (data->contact_name) ? "" : data->contact_name);
  if (g_str_equal (name, "history.sentence"))
    return history_sentence (data, words);

  if (g_str_has_prefix (name, "company.") || g_str_equal (name, "payment.details"))
    {
      if (company == NULL)
        return g_strdup ("");

      if (g_str_equal (name, "company.name"))
        return g_strdup (or_empty (company->name));
      if (g_str_equal (name, "company.address"))
        return format_address (company->address, company->postcode, company->city, NULL);
      /* A phone number never breaks across lines. */
      if (g_str_equal (name, "company.phone"))
        {
          g_auto(GStrv) parts = g_strsplit (or_empty (company->phone), " ", -1);

          return g_strjoinv (NO_BREAK_SPACE, parts);
        }
      if (g_str_equal (name, "company.email"))
        return g_strdup (or_empty (company->email));
      if (g_str_equal (name, "company.siren"))
        return format_siren (company->siren);
      if (g_str_equal (name, "company.vat_number"))
        return g_strdup (or_empty (company->vat_number));
      if (g_str_equal (name, "company.iban"))
        return format_iban (company->iban);
      if (g_str_equal (name, "company.bic"))
        return g_strdup (or_empty (company->bic));
      if (g_str_equal (name, "company.place"))
        return g_strdup (or_empty (company->place));
      if (g_str_equal (name, "company.signatory"))
        return g_strdup (or_empty (company->signatory_name));
      if (g_str_equal (name, "company.signatory_title"))
        return g_strdup (or_empty (company->signatory_title));
      if (g_str_equal (name, "payment.details"))
        {
          g_autofree char *iban = format_iban (company->iban);

          if (iban[0] == '\0')
            return g_strdup ("");
          if (is_blank (company->bic))
            return g_strdup_printf ("IBAN %s", iban);
          return g_strdup_printf ("IBAN %s — BIC %s", iban, company->bic);
        }
    }

  if (g_str_equal (name, "customer.name"))
    return g_strdup (or_empty (data->customer_name));
  if (g_str_equal (name, "customer.code"))
    return g_strdup (or_empty (data->customer_code));
  if (g_str_equal (name, "customer.address"))
    {
      g_autofree char *country = customer_country_line (data);

      return format_address (data->address, data->postcode, data->city, country);
    }
  if (g_str_equal (name, "contact.name"))
    return g_strdup (or_empty (data->contact_name));
  if (g_str_equal (name, "customer.of_name"))
    return relance_letter_words_of (words, or_empty (data->customer_name));

  if (g_str_equal (name, "invoices.below"))
    return g_strdup (words->below[plural_index (data)]);
  if (g_str_equal (name, "invoices.of_below"))
    return g_strdup (words->of_below[plural_index (data)]);
  if (g_str_equal (name, "invoices.remain_unpaid"))
    return g_strdup (words->remain_unpaid[plural_index (data)]);
  if (g_str_equal (name, "disputed.sentence"))
    return disputed_sentence (data, words);
  if (g_str_equal (name, "request.sentence"))
    return request_sentence (data, words);
  if (g_str_equal (name, "last_call.sentence"))
    return last_call_sentence (data, words);
  if (g_str_equal (name, "promise.sentence"))
    return promise_sentence (data, words);

  if (g_str_equal (name, "invoices.list"))
    return invoice_list (data, words);
  if (g_str_equal (name, "invoices.count"))
    return g_strdup_printf ("%u", data->invoices != NULL ? data->invoices->len : 0);
  if (g_str_equal (name, "total.due"))
    return relance_merge_format_amount (data->total_open, lang);
  if (g_str_equal (name, "total.overdue"))
    return relance_merge_format_amount (data->total_overdue, lang);
  if (g_str_equal (name, "total.claimed"))
    return relance_merge_format_amount (data->total_claimed, lang);
  if (g_str_equal (name, "days_overdue"))
    {
      if (data->invoices == NULL || data->invoices->len == 0)
        return g_strdup ("");
      return g_strdup_printf ("%d", data->max_days_overdue);
    }
  if (g_str_equal (name, "due_date.oldest"))
    return format_day_or_empty (data->oldest_due_date, lang);

  if (g_str_has_prefix (name, "last_call."))
    {
      if (data->last_call_date == RELANCE_DAY_NONE)
        return g_strdup ("");
      if (g_str_equal (name, "last_call.date"))
        return relance_merge_format_date (data->last_call_date, lang);
      if (g_str_equal (name, "last_call.contact"))
        return g_strdup (or_empty (data->last_call_contact));
      if (g_str_equal (name, "last_call.who"))
        return g_strdup (or_empty (data->last_call_who));
      if (g_str_equal (name, "last_call.summary"))
        return g_strdup (or_empty (data->last_call_summary));
    }

  if (g_str_has_prefix (name, "promise."))
    {
      if (data->promise_date == RELANCE_DAY_NONE)
        return g_strdup ("");
      if (g_str_equal (name, "promise.date"))
        return relance_merge_format_date (data->promise_date, lang);
      if (g_str_equal (name, "promise.amount"))
        return relance_merge_format_amount (data->promise_amount, lang);
      if (g_str_equal (name, "promise.made_on"))
        return format_day_or_empty (data->promise_made_on, lang);
    }

  if (g_str_has_prefix (name, "penalties."))
    {
      if (!data->claims_penalties)
        return g_strdup ("");
      if (g_str_equal (name, "penalties.interest"))
        return relance_merge_format_amount (data->interest, lang);
      if (g_str_equal (name, "penalties.indemnity"))
        return relance_merge_format_amount (data->indemnity, lang);
      if (g_str_equal (name, "penalties.total"))
        return relance_merge_format_amount (data->interest + data->indemnity, lang);
      if (g_str_equal (name, "penalties.rate"))
        return format_rates (data, words);
    }

  g_return_val_if_reached (g_strdup (""));
}

/**
 * relance_merge_apply:
 * @text: a subject or body that passes relance_merge_check()
 * @data: the letter's data
 * @empty_fields: (nullable) (element-type utf8): where to add the names of
 *   the fields used that have no value
 *
 * Returns: (transfer full): @text with its inline fields replaced
 */
char *
relance_merge_apply (const char              *text,
                     const RelanceLetterData *data,
                     GPtrArray               *empty_fields)
{
  GString *out;
  const char *p;
  const char *copied;

  g_return_val_if_fail (data != NULL, NULL);

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text) + 256);
  copied = p = text;
  while (*p != '\0')
    {
      Token token;

      if (p[0] != '{' || p[1] != '{')
        {
          p++;
          continue;
        }

      read_token (p, &token);
      if (token.kind == TOKEN_FIELD && token.field != NULL && !token.field->block)
        {
          g_autofree char *value = relance_merge_get_value (data, token.field->name);

          g_string_append_len (out, copied, token.start - copied);
          g_string_append (out, value);
          copied = token.end;

          if (value[0] == '\0' && empty_fields != NULL && !token.field->optional
              && !g_ptr_array_find_with_equal_func (empty_fields, token.field->name,
                                                    g_str_equal, NULL))
            g_ptr_array_add (empty_fields, g_strdup (token.field->name));
        }

      g_free (token.name);
      p = token.end;
    }

  g_string_append (out, copied);

  return g_string_free (out, FALSE);
}

/**
 * relance_merge_format_date:
 * @day: a day
 * @language: "fr" or "en"
 *
 * Returns: (transfer full): "23 novembre 2026", "1er décembre 2026",
 *   "23 November 2026"; "" for no day
 */
char *
relance_merge_format_date (RelanceDay  day,
                           const char *language)
{
  const RelanceLetterWords *words = relance_letter_words_get (language);
  guint d, m, y;

  if (day == RELANCE_DAY_NONE || !relance_day_is_valid (day))
    return g_strdup ("");

  relance_day_to_dmy (day, &d, &m, &y);
  if (d == 1 && words->first_day != NULL)
    return g_strdup_printf ("%s %s %u", words->first_day, words->months[m - 1], y);

  return g_strdup_printf ("%u %s %u", d, words->months[m - 1], y);
}

/**
 * relance_merge_format_amount:
 * @cents: euro cents
 * @language: "fr" or "en"
 *
 * Computed on integers. French groups thousands with a narrow no-break
 * space and puts a no-break space before the euro sign ("1 234,56 €");
 * English writes "€1,234.56". A negative amount starts with a minus sign.
 *
 * Returns: (transfer full): the amount
 */
char *
relance_merge_format_amount (gint64      cents,
                             const char *language)
{
  const RelanceLetterWords *words = relance_letter_words_get (language);
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  char digits[32];
  GString *out = g_string_new (NULL);
  gsize length;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);
  length = strlen (digits);

  if (cents < 0)
    g_string_append (out, MINUS_SIGN);
  if (words->currency_first)
    g_string_append (out, EURO_SIGN);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, words->thousands_sep);
      g_string_append_c (out, digits[i]);
    }

  g_string_append_printf (out, "%s%02u", words->decimal_point, (guint) (magnitude % 100));

  if (!words->currency_first)
    g_string_append (out, NO_BREAK_SPACE EURO_SIGN);

  return g_string_free (out, FALSE);
}

/**
 * relance_merge_format_rate:
 * @basis_points: a yearly rate, 1215 for 12.15 %
 * @language: the letter's language
 *
 * Returns: (transfer full): "12,15 %" in French, "12.15%" in English
 */
char *
relance_merge_format_rate (int         basis_points,
                           const char *language)
{
  return format_rate (basis_points, relance_letter_words_get (language));
}
