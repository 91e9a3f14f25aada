/* relance-csv.c
 *
 * One row is one invoice or credit note (a negative amount, or a type
 * column saying "avoir" / "credit", makes a credit note). The customer
 * columns of the row create or update the customer. An "open" (reste dû,
 * solde) or "paid" (réglé) column says how much is still owed: Relance
 * records the difference as a payment (see relance-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-csv.h"
#include "relance-delimited.h"
#include "relance-error.h"
#include "relance-money.h"
#include "relance-text.h"

#define PREVIEW_ROWS 10

struct _RelanceCsvFile
{
  char      *file;
  char      *text;
  char      *encoding;
  char       separator;
  GPtrArray *headers;     /* char* */
  GPtrArray *preview;     /* GStrv */
  int        columns[RELANCE_CSV_N_FIELDS];
};

typedef struct
{
  const char *name;      /* for --map and saved mappings: never translated */
  const char *title;
  const char *synonyms;  /* folded header names, '|' separated, best first */
} FieldInfo;

/* Matched exactly first, then as a part of a header, in this order: the
 * longer, more specific names come first. */
static const FieldInfo fields_info[RELANCE_CSV_N_FIELDS] = {
  [RELANCE_CSV_NUMBER] = { "number", N_("Invoice number"),
    "numero facture|numero de facture|n facture|n de facture|no facture|num facture|"
    "invoice number|invoice no|invoice|facture|numero|number|piece|n piece|ref facture|reference|n" },
  [RELANCE_CSV_CUSTOMER] = { "customer", N_("Customer code"),
    "code client|compte client|customer code|customer id|customer account|client|customer|"
    "code tiers|compte auxiliaire|tiers|compte|account|code" },
  [RELANCE_CSV_NAME] = { "name", N_("Customer name"),
    "raison sociale|nom client|nom du client|customer name|societe|company|nom|name|libelle client" },
  [RELANCE_CSV_SIREN] = { "siren", N_("SIREN"), "siren|n siren|siret" },
  [RELANCE_CSV_ISSUE_DATE] = { "issued", N_("Issue date"),
    "date facture|date de facture|invoice date|issue date|date emission|date d emission|date piece|date" },
  [RELANCE_CSV_DUE_DATE] = { "due", N_("Due date"),
    "echeance|date echeance|date d echeance|due date|due|date limite de paiement|date limite" },
  [RELANCE_CSV_AMOUNT] = { "amount", N_("Amount"),
    "montant ttc|total ttc|montant facture|amount incl tax|amount|montant|total|ttc|net a payer" },
  [RELANCE_CSV_OPEN] = { "open", N_("Still open"),
    "reste du|reste a payer|restant du|montant restant|solde du|solde|open amount|open|"
    "outstanding|amount due|balance" },
  [RELANCE_CSV_PAID] = { "paid", N_("Already paid"),
    "montant regle|deja regle|regle|paye|amount paid|paid|reglement" },
  [RELANCE_CSV_KIND] = { "kind", N_("Invoice or credit note"),
    "type de piece|type|nature|kind|document type" },
  [RELANCE_CSV_CURRENCY] = { "currency", N_("Currency"), "devise|currency|monnaie" },
  [RELANCE_CSV_ADDRESS] = { "address", N_("Address"), "adresse|address" },
  [RELANCE_CSV_POSTCODE] = { "postcode", N_("Postcode"), "code postal|cp|postcode|postal code|zip" },
  [RELANCE_CSV_CITY] = { "city", N_("City"), "ville|city|localite" },
  [RELANCE_CSV_COUNTRY] = { "country", N_("Country"), "pays|country" },
  [RELANCE_CSV_EMAIL] = { "email", N_("E-mail"), "email|e mail|courriel|mail" },
  [RELANCE_CSV_TERMS] = { "terms", N_("Payment terms (days)"),
    "delai de paiement|conditions de paiement|payment terms|terms|delai" },
};

/* The order fields pick their columns in when matching parts of headers:
 * "date d'échéance" is a due date before it is a date. */
static const RelanceCsvField guess_order[] = {
  RELANCE_CSV_DUE_DATE, RELANCE_CSV_ISSUE_DATE, RELANCE_CSV_OPEN, RELANCE_CSV_PAID,
  RELANCE_CSV_AMOUNT, RELANCE_CSV_NAME, RELANCE_CSV_SIREN, RELANCE_CSV_POSTCODE,
  RELANCE_CSV_CUSTOMER, RELANCE_CSV_NUMBER, RELANCE_CSV_KIND, RELANCE_CSV_CURRENCY,
  RELANCE_CSV_ADDRESS, RELANCE_CSV_CITY, RELANCE_CSV_COUNTRY, RELANCE_CSV_EMAIL,
  RELANCE_CSV_TERMS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (guess_order) == RELANCE_CSV_N_FIELDS);

/* "N° Facture" -> "n facture"; "Date d'échéance" -> "date d echeance". */
static char *
normalise_header (const char *header)
{
  g_autofree char *folded = relance_text_fold (header);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else if (c != 0x00B0 && c != 0x00BA)   /* "n°", "nº" */
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    if ((p == haystack || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;

  return FALSE;
}

static void
guess_mapping (RelanceCsvFile *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *taken = g_new0 (gboolean, self->headers->len);

  for (guint i = 0; i < RELANCE_CSV_N_FIELDS; i++)
    self->columns[i] = -1;
  for (guint c = 0; c < self->headers->len; c++)
    g_ptr_array_add (names, normalise_header (g_ptr_array_index (self->headers, c)));

  /* 1. Exact names. */
  for (guint o = 0; o < G_N_ELEMENTS (guess_order); o++)
    {
      RelanceCsvField f = guess_order[o];
      g_auto(GStrv) synonyms = g_strsplit (fields_info[f].synonyms, "|", -1);

      for (guint s = 0; synonyms[s] != NULL && self->columns[f] < 0; s++)
        for (guint c = 0; c < names->len; c++)
          if (!taken[c] && g_str_equal (g_ptr_array_index (names, c), synonyms[s]))
            {
              self->columns[f] = (int)c;
              taken[c] = TRUE;
              break;
            }
    }

  /* 2. Names that contain a synonym as whole words ("Montant TTC (EUR)"). */
  for (guint o = 0; o < G_N_ELEMENTS (guess_order); o++)
    {
      RelanceCsvField f = guess_order[o];
      g_auto(GStrv) synonyms = g_strsplit (fields_info[f].synonyms, "|", -1);

      for (guint s = 0; synonyms[s] != NULL && self->columns[f] < 0; s++)
        {
          if (strlen (synonyms[s]) < 3)
            continue;
          for (guint c = 0; c < names->len; c++)
            if (!taken[c] && contains_words (g_ptr_array_index (names, c), synonyms[s]))
              {
                self->columns[f] = (int)c;
                taken[c] = TRUE;
                break;
              }
        }
    }
}

typedef struct
{
  RelanceCsvFile *self;
  gboolean        header_done;
} LoadState;

static gboolean
on_load_record_cb (const char * const  *fields,
                   guint                n_fields,
                   guint                line,
                   gpointer             user_data,
                   GError             **error)
{
  LoadState *state = user_data;
  RelanceCsvFile *self = state->self;

  if (!state->header_done)
    {
      if (n_fields == 1 && *fields[0] == '\0')
        return TRUE;   /* blank lines before the header */
      for (guint i = 0; i < n_fields; i++)
        g_ptr_array_add (self->headers, g_strstrip (g_strdup (fields[i])));
      state->header_done = TRUE;
      return TRUE;
    }

  if (self->preview->len >= PREVIEW_ROWS)
    return TRUE;
  if (n_fields == 1 && *fields[0] == '\0')
    return TRUE;
  g_ptr_array_add (self->preview, g_strdupv ((char **)fields));
  return TRUE;
}

/**
 * relance_csv_file_new_from_text:
 * @text: the file, decoded to UTF-8
 * @file: its name, for messages
 * @separator: 0 to guess
 *
 * Returns: (transfer full): the file with its header read and mapped
 */
RelanceCsvFile *
relance_csv_file_new_from_text (const char  *text,
                                const char  *file,
                                char         separator,
                                GError     **error)
{
  g_autoptr(RelanceCsvFile) self = g_new0 (RelanceCsvFile, 1);
  LoadState state = { self, FALSE };

  self->file = g_strdup (file);
  self->text = g_strdup (text);
  self->encoding = g_strdup ("UTF-8");
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  self->separator = separator != 0 ? separator : relance_delimited_guess_separator (text);

  /* The preview only needs the start; a quote never closed is reported
   * by relance_csv_file_read() with its line. */
  if (!relance_delimited_parse (text, self->separator, file, on_load_record_cb, &state, error))
    return NULL;

  if (self->headers->len == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is empty: it has no header line"), file);
      return NULL;
    }

  guess_mapping (self);
  return g_steal_pointer (&self);
}

/**
 * relance_csv_file_load:
 * @path: the file
 * @encoding: (nullable): %NULL or "auto" to guess
 * @separator: 0 to guess
 *
 * Returns: (transfer full): the file, or %NULL
 */
RelanceCsvFile *
relance_csv_file_load (const char  *path,
                       const char  *encoding,
                       char         separator,
                       GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *detected = NULL;
  g_autofree char *text = relance_text_file_load (path, encoding, &detected, error);
  RelanceCsvFile *self;

  if (text == NULL)
    return NULL;

  self = relance_csv_file_new_from_text (text, name, separator, error);
  if (self != NULL)
    {
      g_free (self->encoding);
      self->encoding = g_steal_pointer (&detected);
    }

  return self;
}

void
relance_csv_file_free (RelanceCsvFile *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->text);
  g_free (self->encoding);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_free (self);
}

const char *
relance_csv_file_get_encoding (RelanceCsvFile *self)
{
  return self->encoding;
}

char
relance_csv_file_get_separator (RelanceCsvFile *self)
{
  return self->separator;
}

guint
relance_csv_file_get_n_columns (RelanceCsvFile *self)
{
  return self->headers->len;
}

const char *
relance_csv_file_get_header (RelanceCsvFile *self,
                             guint           column)
{
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

/**
 * relance_csv_file_get_preview:
 *
 * Returns: (transfer none) (element-type GStrv): the first rows
 */
GPtrArray *
relance_csv_file_get_preview (RelanceCsvFile *self)
{
  return self->preview;
}

int
relance_csv_file_get_column (RelanceCsvFile  *self,
                             RelanceCsvField  field)
{
  g_return_val_if_fail (field < RELANCE_CSV_N_FIELDS, -1);

  return self->columns[field];
}

void
relance_csv_file_set_column (RelanceCsvFile  *self,
                             RelanceCsvField  field,
                             int              column)
{
  g_return_if_fail (field < RELANCE_CSV_N_FIELDS);
  g_return_if_fail (column < (int)self->headers->len);

  /* A column feeds one field. */
  for (guint i = 0; column >= 0 && i < RELANCE_CSV_N_FIELDS; i++)
    if (self->columns[i] == column)
      self->columns[i] = -1;
  self->columns[field] = column < 0 ? -1 : column;
}

const char *
relance_csv_field_get_name (RelanceCsvField field)
{
  g_return_val_if_fail (field < RELANCE_CSV_N_FIELDS, NULL);

  return fields_info[field].name;
}

const char *
relance_csv_field_get_title (RelanceCsvField field)
{
  g_return_val_if_fail (field < RELANCE_CSV_N_FIELDS, NULL);

  return _(fields_info[field].title);
}

static int
find_header (RelanceCsvFile *self,
             const char     *header)
{
  g_autofree char *wanted = normalise_header (header);

  for (guint c = 0; c < self->headers->len; c++)
    {
      g_autofree char *name = normalise_header (g_ptr_array_index (self->headers, c));

      if (g_str_equal (name, wanted))
        return (int)c;
    }

  /* A column number, from 1. */
  if (*header != '\0' && strspn (header, "0123456789") == strlen (header))
    {
      guint64 n = g_ascii_strtoull (header, NULL, 10);

      if (n >= 1 && n <= self->headers->len)
        return (int)n - 1;
    }

  return -1;
}

/**
 * relance_csv_file_set_mapping:
 * @mapping: "field=Header;field=Header", the fields named as
 *   relance_csv_field_get_name() says; a header may also be a column number
 *   from 1, or empty to leave a field unmapped
 *
 * Overrides the guessed mapping for the fields named.
 *
 * Returns: %TRUE if every field and header exists
 */
gboolean
relance_csv_file_set_mapping (RelanceCsvFile  *self,
                              const char      *mapping,
                              GError         **error)
{
  g_auto(GStrv) pairs = g_strsplit (mapping, ";", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *eq = strchr (pairs[i], '=');
      g_autofree char *field_name = NULL;
      g_autofree char *header = NULL;
      int field = -1;
      int column;

      if (*g_strstrip (pairs[i]) == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("“%s” is not a column mapping: write it as field=Header, "
                         "such as number=N° facture"), pairs[i]);
          return FALSE;
        }
      field_name = g_strstrip (g_strndup (pairs[i], eq - pairs[i]));
      header = g_strstrip (g_strdup (eq + 1));

      for (guint f = 0; f < RELANCE_CSV_N_FIELDS; f++)
        if (g_ascii_strcasecmp (fields_info[f].name, field_name) == 0)
          field = (int)f;
      if (field < 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint f = 0; f < RELANCE_CSV_N_FIELDS; f++)
            g_string_append_printf (names, "%s%s", f > 0 ? ", " : "", fields_info[f].name);
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("There is no field “%s”; the fields are: %s"), field_name, names->str);
          return FALSE;
        }

      if (*header == '\0')
        {
          self->columns[field] = -1;
          continue;
        }

      column = find_header (self, header);
      if (column < 0)
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("%s has no column “%s”"), self->file, header);
          return FALSE;
        }
      relance_csv_file_set_column (self, (RelanceCsvField)field, column);
    }

  return TRUE;
}

/**
 * relance_csv_file_get_mapping:
 *
 * Returns: (transfer full): the mapping, as relance_csv_file_set_mapping()
 *   reads it
 */
char *
relance_csv_file_get_mapping (RelanceCsvFile *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint f = 0; f < RELANCE_CSV_N_FIELDS; f++)
    {
      if (self->columns[f] < 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append_printf (out, "%s=%s", fields_info[f].name,
                              (const char *)g_ptr_array_index (self->headers, self->columns[f]));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * relance_csv_file_get_signature:
 *
 * Returns: (transfer full): the file's layout, to remember its mapping
 */
char *
relance_csv_file_get_signature (RelanceCsvFile *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint c = 0; c < self->headers->len; c++)
    {
      g_autofree char *name = normalise_header (g_ptr_array_index (self->headers, c));

      if (c > 0)
        g_string_append_c (out, '|');
      g_string_append (out, name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reading the rows */

typedef struct
{
  RelanceCsvFile     *self;
  RelanceImportBatch *batch;
  GHashTable         *customers;  /* folded code -> RelanceImportCustomer */
  GHashTable         *numbers;    /* folded number -> line */
  gboolean            header_done;
} ReadState;

static const char *
cell (RelanceCsvFile      *self,
      const char * const  *fields,
      guint                n_fields,
      RelanceCsvField      field)
{
  int column = self->columns[field];

  if (column < 0 || (guint)column >= n_fields)
    return NULL;
  return fields[column];
}

static const char *
column_title (RelanceCsvFile  *self,
              RelanceCsvField  field)
{
  return g_ptr_array_index (self->headers, self->columns[field]);
}

static char *
clean (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A code for a customer the file names only: "Dupont & Fils" -> "DUPONTFILS". */
static char *
code_from_name (const char *name)
{
  g_autofree char *folded = relance_text_fold (name);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0' && out->len < 20; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (out, FALSE);
}

static void
fill (char      **target,
      const char *value)
{
  if ((*target == NULL || **target == '\0') && !is_blank (value))
    {
      g_free (*target);
      *target = clean (value);
    }
}

static gboolean
read_amount (ReadState            *state,
             const char           *text,
             RelanceCsvField       field,
             guint                 line,
             gint64               *cents)
{
  g_autoptr(GError) error = NULL;

  if (relance_money_parse (text, cents, &error))
    return TRUE;

  relance_import_batch_add_problem (state->batch, line, column_title (state->self, field),
                                    "%s", error->message);
  return FALSE;
}

static gboolean
read_day (ReadState        *state,
          const char       *text,
          RelanceCsvField   field,
          guint             line,
          RelanceDay       *day)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = clean (text);

  /* Some software writes the time too: "23/11/2026 00:00:00". */
  if (copy != NULL && strchr (copy, ' ') != NULL)
    *strchr (copy, ' ') = '\0';
  if (copy != NULL && strlen (copy) == 8 && strspn (copy, "0123456789") == 8)
    {
      if (relance_day_parse_compact (copy, day, &error))
        return TRUE;
    }
  else if (relance_day_parse (copy, day, &error))
    return TRUE;

  relance_import_batch_add_problem (state->batch, line, column_title (state->self, field),
                                    "%s", error->message);
  return FALSE;
}

static gboolean
on_read_record_cb (const char * const  *fields,
                   guint                n_fields,
                   guint                line,
                   gpointer             user_data,
                   GError             **error)
{
  ReadState *state = user_data;
  RelanceCsvFile *self = state->self;
  RelanceImportBatch *batch = state->batch;
  RelanceImportCustomer *customer;
  RelanceImportInvoice *invoice;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *number_key = NULL;
  g_autofree char *code_key = NULL;
  g_autofree char *siren = NULL;
  const char *name = cell (self, fields, n_fields, RELANCE_CSV_NAME);
  const char *text;
  gint64 amount = 0;
  gint64 open = -1;
  RelanceDay issued = RELANCE_DAY_NONE;
  RelanceDay due = RELANCE_DAY_NONE;
  gboolean credit_note = FALSE;
  gboolean ok = TRUE;
  int terms = -1;

  if (!state->header_done)
    {
      if (n_fields == 1 && *fields[0] == '\0')
        return TRUE;
      state->header_done = TRUE;
      return TRUE;
    }

  /* Blank lines, and the "Total" lines spreadsheets add, are not invoices. */
  {
    gboolean all_blank = TRUE;

    for (guint i = 0; i < n_fields && all_blank; i++)
      all_blank = is_blank (fields[i]);
    if (all_blank)
      return TRUE;
  }

  batch->n_records++;

  if (n_fields > self->headers->len)
    {
      relance_import_batch_add_problem (batch, line, NULL,
                                        _("the row has %u columns, the header %u: "
                                          "a separator inside a field that is not quoted?"),
                                        n_fields, self->headers->len);
      return TRUE;
    }

  number = clean (cell (self, fields, n_fields, RELANCE_CSV_NUMBER));
  code = clean (cell (self, fields, n_fields, RELANCE_CSV_CUSTOMER));
  if (is_blank (code) && !is_blank (name))
    {
      g_free (code);
      code = code_from_name (name);
    }

  if (is_blank (number))
    {
      g_autofree char *folded = relance_text_fold (code ? code : "");

      if (g_str_has_prefix (folded, "total"))
        {
          batch->n_records--;
          return TRUE;
        }
      relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_NUMBER),
                                        _("the invoice number is missing"));
      return TRUE;
    }
  if (is_blank (code))
    {
      relance_import_batch_add_problem (batch, line,
                                        self->columns[RELANCE_CSV_CUSTOMER] >= 0
                                        ? column_title (self, RELANCE_CSV_CUSTOMER)
                                        : column_title (self, RELANCE_CSV_NAME),
                                        _("the customer is missing"));
      return TRUE;
    }

  number_key = g_utf8_casefold (number, -1);
  if (g_hash_table_contains (state->numbers, number_key))
    {
      relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_NUMBER),
                                        _("invoice %s is already on line %u"), number,
                                        GPOINTER_TO_UINT (g_hash_table_lookup (state->numbers,
                                                                               number_key)));
      return TRUE;
    }

  text = cell (self, fields, n_fields, RELANCE_CSV_AMOUNT);
  if (is_blank (text))
    {
      relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_AMOUNT),
                                        _("the amount is missing"));
      ok = FALSE;
    }
  else
    ok = read_amount (state, text, RELANCE_CSV_AMOUNT, line, &amount) && ok;

  text = cell (self, fields, n_fields, RELANCE_CSV_KIND);
  if (!is_blank (text))
    {
      g_autofree char *kind = relance_text_fold (text);

      credit_note = strstr (kind, "avoir") != NULL || strstr (kind, "credit") != NULL ||
                    g_str_equal (g_strstrip (kind), "381");
    }
  if (amount < 0)
    {
      credit_note = TRUE;
      amount = -amount;
    }
  if (ok && amount == 0)
    {
      relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_AMOUNT),
                                        _("the amount is zero"));
      ok = FALSE;
    }

  text = cell (self, fields, n_fields, RELANCE_CSV_ISSUE_DATE);
  if (is_blank (text))
    {
      relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_ISSUE_DATE),
                                        _("the invoice date is missing"));
      ok = FALSE;
    }
  else
    ok = read_day (state, text, RELANCE_CSV_ISSUE_DATE, line, &issued) && ok;

  text = cell (self, fields, n_fields, RELANCE_CSV_DUE_DATE);
  if (!is_blank (text))
    ok = read_day (state, text, RELANCE_CSV_DUE_DATE, line, &due) && ok;

  text = cell (self, fields, n_fields, RELANCE_CSV_OPEN);
  if (!is_blank (text))
    {
      ok = read_amount (state, text, RELANCE_CSV_OPEN, line, &open) && ok;
      if (open < 0)
        open = credit_note ? -open : 0;
    }
  else
    {
      gint64 paid = 0;

      text = cell (self, fields, n_fields, RELANCE_CSV_PAID);
      if (!is_blank (text) && read_amount (state, text, RELANCE_CSV_PAID, line, &paid))
        open = MAX (amount - ABS (paid), 0);
      else if (!is_blank (text))
        ok = FALSE;
    }

  text = cell (self, fields, n_fields, RELANCE_CSV_SIREN);
  if (!is_blank (text))
    {
      GString *digits = g_string_new (NULL);

      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
        else if (*p != ' ' && *p != '.' && *p != '-')
          g_string_append_c (digits, 'x');
      if (digits->len == 14 && strchr (digits->str, 'x') == NULL)
        g_string_truncate (digits, 9);   /* a SIRET starts with the SIREN */
      siren = g_string_free (digits, FALSE);
      if (strlen (siren) != 9 || strchr (siren, 'x') != NULL)
        {
          relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_SIREN),
                                            _("“%s” is not a SIREN (nine digits)"), text);
          ok = FALSE;
        }
    }

  text = cell (self, fields, n_fields, RELANCE_CSV_TERMS);
  if (!is_blank (text))
    {
      const char *p = text;
      guint64 days = 0;

      while (g_ascii_isspace (*p))
        p++;
      if (!g_ascii_isdigit (*p) || (days = g_ascii_strtoull (p, NULL, 10)) > 365)
        {
          relance_import_batch_add_problem (batch, line, column_title (self, RELANCE_CSV_TERMS),
                                            _("“%s” is not a number of days from 0 to 365"), text);
          ok = FALSE;
        }
      terms = (int)days;
    }

  if (!ok)
    return TRUE;

  g_hash_table_insert (state->numbers, g_steal_pointer (&number_key), GUINT_TO_POINTER (line));

  code_key = g_utf8_casefold (code, -1);
  customer = g_hash_table_lookup (state->customers, code_key);
  if (customer == NULL)
    {
      customer = relance_import_batch_add_customer (batch);
      customer->line = line;
      customer->code = g_strdup (code);
      g_hash_table_insert (state->customers, g_steal_pointer (&code_key), customer);
    }
  fill (&customer->name, name);
  fill (&customer->siren, siren);
  fill (&customer->address, cell (self, fields, n_fields, RELANCE_CSV_ADDRESS));
  fill (&customer->postcode, cell (self, fields, n_fields, RELANCE_CSV_POSTCODE));
  fill (&customer->city, cell (self, fields, n_fields, RELANCE_CSV_CITY));
  fill (&customer->country, cell (self, fields, n_fields, RELANCE_CSV_COUNTRY));
  fill (&customer->email, cell (self, fields, n_fields, RELANCE_CSV_EMAIL));
  if (customer->payment_terms < 0)
    customer->payment_terms = terms;

  invoice = relance_import_batch_add_invoice (batch);
  invoice->line = line;
  invoice->number = g_steal_pointer (&number);
  invoice->customer_code = g_strdup (customer->code);
  invoice->issue_date = issued;
  invoice->due_date = due;
  invoice->amount = amount;
  invoice->open = open;
  invoice->credit_note = credit_note;
  invoice->currency = clean (cell (self, fields, n_fields, RELANCE_CSV_CURRENCY));
  invoice->source_ref = g_strdup_printf ("%s:%u", self->file, line);

  return TRUE;
}

/**
 * relance_csv_file_read:
 *
 * Reads every row with the current mapping. Rows that cannot be read are
 * in the batch's problems, with their line and column.
 *
 * Returns: (transfer full): the batch, or %NULL if the file cannot be
 *   read at all (a required column not mapped, a quote never closed)
 */
RelanceImportBatch *
relance_csv_file_read (RelanceCsvFile  *self,
                       GError         **error)
{
  g_autoptr(RelanceImportBatch) batch = NULL;
  static const RelanceCsvField required[] = {
    RELANCE_CSV_NUMBER, RELANCE_CSV_ISSUE_DATE, RELANCE_CSV_AMOUNT,
  };
  ReadState state = { self };
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (self->columns[required[i]] < 0)
      {
        g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                     _("%s: no column was recognised as “%s”; name it with a mapping "
                       "such as %s=HEADER"),
                     self->file, _(fields_info[required[i]].title), fields_info[required[i]].name);
        return NULL;
      }
  if (self->columns[RELANCE_CSV_CUSTOMER] < 0 && self->columns[RELANCE_CSV_NAME] < 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: no column was recognised as the customer; name it with a mapping "
                     "such as customer=HEADER"), self->file);
      return NULL;
    }

  batch = relance_import_batch_new (RELANCE_IMPORT_CSV, self->file);
  state.batch = batch;
  state.customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = relance_delimited_parse (self->text, self->separator, self->file,
                                on_read_record_cb, &state, error);

  g_hash_table_unref (state.customers);
  g_hash_table_unref (state.numbers);

  if (!ok)
    return NULL;

  return g_steal_pointer (&batch);
}
