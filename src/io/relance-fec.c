/* relance-fec.c
 *
 * What is read, and the choices made (article A47 A-1 of the Livre des
 * procédures fiscales fixes the 18 columns; nothing fixes the journals):
 *
 *  - The header must name the 18 columns in order (case and accents
 *    ignored); the separator is the tab or the pipe that splits it in 18.
 *    A pipe-separated line with more fields has pipes in a label: the extra
 *    fields are put back into EcritureLib when Debit and Credit then read
 *    as amounts.
 *  - Only the lines of accounts 411… are read. The customer is CompAuxNum,
 *    or CompteNum itself when CompAuxNum is empty (a customer sub-account
 *    such as 411DUPONT); its name is CompAuxLib, else CompteLib.
 *  - A debit is an invoice numbered PieceRef (journal and EcritureNum when
 *    PieceRef is empty), dated PieceDate (else EcritureDate). Debits of
 *    the same customer with the same PieceRef add up (instalments).
 *  - A credit in a sales journal (JournalCode starting with V, or a
 *    JournalLib saying "vente"), or whose label or PieceRef says "avoir",
 *    is a credit note; any other credit (bank, cash, miscellaneous,
 *    opening) is a payment, identified by journal and EcritureNum for
 *    re-imports.
 *  - Opening entries (journal AN, RAN, ANO or a JournalLib saying
 *    "à-nouveaux") are read like the others: their debits are the invoices
 *    still open at the start of the year, their credits payments on
 *    account.
 *  - Lines with the same customer and EcritureLet settle each other: the
 *    credits are allocated to the debits of the group, oldest first, dated
 *    DateLet (else the credit's date). A group that does not net leaves
 *    the rest open. Credits without lettrage stay unallocated.
 *  - The FEC has no due date: it comes from the customer's payment terms
 *    (the default given for new customers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-delimited.h"
#include "relance-error.h"
#include "relance-fec.h"
#include "relance-money.h"
#include "relance-text.h"

enum
{
  JOURNAL_CODE, JOURNAL_LIB, ECRITURE_NUM, ECRITURE_DATE, COMPTE_NUM, COMPTE_LIB,
  COMP_AUX_NUM, COMP_AUX_LIB, PIECE_REF, PIECE_DATE, ECRITURE_LIB, DEBIT, CREDIT,
  ECRITURE_LET, DATE_LET, VALID_DATE, MONTANT_DEVISE, IDEVISE, N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
  "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
  "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
};

typedef struct
{
  RelanceImportInvoice *invoice;   /* or */
  RelanceImportPayment *payment;
  gint64                amount;    /* this line's part */
  gint64                left;      /* still to allocate in its group */
  RelanceDay            date;
  RelanceDay            date_let;
} Item;

typedef struct
{
  char      *customer;
  GPtrArray *debits;    /* Item */
  GPtrArray *credits;   /* Item */
} Group;

typedef struct
{
  RelanceImportBatch *batch;
  char                separator;
  gboolean            header_done;
  GHashTable         *customers;   /* code -> RelanceImportCustomer */
  GHashTable         *invoices;    /* "customer\x1fkind\x1fnumber" -> RelanceImportInvoice */
  GHashTable         *numbers;     /* folded number -> customer code (invoices) */
  GHashTable         *payments;    /* "customer\x1freference" -> RelanceImportPayment */
  GHashTable         *groups;      /* "customer\x1fletter" -> Group */
  GPtrArray          *group_list;  /* Group, in file order */
  GPtrArray          *item_blocks; /* the Items, ITEM_BLOCK to a block */
  guint               items_left;  /* in the last block */
  GString            *key;         /* lookup keys, made without allocating */
  GString            *folded;
  GString            *group_key;
  char                date_text[9];  /* the last date read, and its day */
  RelanceDay          date_day;
} FecState;

#define ITEM_BLOCK 4096

static void
group_free (Group *group)
{
  g_free (group->customer);
  g_ptr_array_unref (group->debits);
  g_ptr_array_unref (group->credits);
  g_free (group);
}

static char *
normalise (const char *text)
{
  g_autofree char *folded = relance_text_fold (text);

  return g_strstrip (g_steal_pointer (&folded));
}

static gboolean
check_header (const char * const  *fields,
              guint                n_fields,
              const char          *file,
              GError             **error)
{
  if (n_fields != N_COLUMNS)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is not a FEC: its first line has %u columns, a FEC has 18 "
                     "(JournalCode, JournalLib, EcritureNum… Idevise), separated by "
                     "tabs or pipes"),
                   file, n_fields);
      return FALSE;
    }

  /* The last two are spelt in many ways ("MontantDevise", "ICodeDevise"). */
  for (guint i = 0; i < MONTANT_DEVISE; i++)
    {
      g_autofree char *found = normalise (fields[i]);
      g_autofree char *expected = normalise (column_names[i]);

      if (!g_str_equal (found, expected))
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                       _("%s is not a FEC: column %u of the header is “%s” where a FEC "
                         "has “%s”"),
                       file, i + 1, fields[i], column_names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* A million lines go through the functions below: the common cases take
 * short cuts that give what the general code gives. */

static gboolean
is_ascii (const char *text)
{
  for (; *text != '\0'; text++)
    if ((guchar)*text >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @text, folded by relance_text_fold(), contains @needle (ASCII,
 * lower case). ASCII text folds to its lower case. */
static gboolean
folded_contains (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;
  gsize length = strlen (needle);

  if (is_ascii (text))
    {
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_strncasecmp (p, needle, length) == 0)
          return TRUE;
      return FALSE;
    }

  folded = relance_text_fold (text);
  return strstr (folded, needle) != NULL;
}

/* g_utf8_casefold() into @buffer; for ASCII text, that is its lower case. */
static const char *
casefold_into (GString    *buffer,
               const char *text)
{
  if (is_ascii (text))
    {
      g_string_truncate (buffer, 0);
      for (const char *c = text; *c != '\0'; c++)
        g_string_append_c (buffer, g_ascii_tolower (*c));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      g_string_assign (buffer, folded);
    }

  return buffer->str;
}

/* relance_money_parse() of what FEC files write ("1234,56", "-12.5",
 * "0,00"): digits, then a separator and one or two digits. */
static gboolean
parse_plain_amount (const char *text,
                    gint64     *cents)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 units = 0;
  gint64 fraction = 0;
  guint int_digits = 0;
  guint frac_digits = 0;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++, int_digits++)
    {
      units = units * 10 + (*p - '0');
      if (units > RELANCE_MONEY_MAX / 100)
        return FALSE;
    }
  if (int_digits == 0)
    return FALSE;
  if (*p == ',' || *p == '.')
    for (p++; g_ascii_isdigit (*p) && frac_digits < 3; p++, frac_digits++)
      fraction = fraction * 10 + (*p - '0');
  if (*p != '\0' || frac_digits > 2 || (p[-1] == ',' || p[-1] == '.'))
    return FALSE;

  if (frac_digits == 1)
    fraction *= 10;
  *cents = (units * 100 + fraction) * (negative ? -1 : 1);
  return TRUE;
}

static gboolean
read_amount (const char *text,
             gint64     *cents)
{
  while (*text == ' ')
    text++;
  if (*text == '\0')
    {
      *cents = 0;
      return TRUE;
    }
  return parse_plain_amount (text, cents) || relance_money_parse (text, cents, NULL);
}

static gboolean
read_date (FecState    *state,
           const char  *text,
           guint        line,
           guint        column,
           gboolean     optional,
           RelanceDay  *day)
{
  g_autofree char *copy = NULL;
  const char *date = text;

  /* g_strstrip(), without a copy when there is nothing to strip. */
  while (g_ascii_isspace (*date))
    date++;
  if (*date != '\0' && g_ascii_isspace (date[strlen (date) - 1]))
    date = copy = g_strstrip (g_strdup (date));

  *day = RELANCE_DAY_NONE;
  if (*date == '\0' && optional)
    return TRUE;
  /* The lines of an entry share their dates. */
  if (*state->date_text != '\0' && strcmp (date, state->date_text) == 0)
    {
      *day = state->date_day;
      return TRUE;
    }
  if (relance_day_parse_compact (date, day, NULL))
    {
      g_strlcpy (state->date_text, date, sizeof state->date_text);
      state->date_day = *day;
      return TRUE;
    }
  /* Some packages write 2026-11-23 or 23/11/2026 despite the rule. */
  if (relance_day_parse (date, day, NULL))
    return TRUE;

  relance_import_batch_add_problem (state->batch, line, column_names[column],
                                    _("“%s” is not a date (a FEC writes 20261123)"), date);
  return FALSE;
}

static gboolean
is_opening (const char *journal,
            const char *journal_lib)
{
  return g_ascii_strcasecmp (journal, "AN") == 0 || g_ascii_strcasecmp (journal, "RAN") == 0 ||
         g_ascii_strcasecmp (journal, "ANO") == 0 || folded_contains (journal_lib, "nouveau");
}

static gboolean
is_credit_note (const char *journal,
                const char *journal_lib,
                const char *label,
                const char *piece)
{
  return g_ascii_toupper (journal[0]) == 'V' || folded_contains (journal_lib, "vente") ||
         folded_contains (label, "avoir") || g_ascii_strncasecmp (piece, "AV", 2) == 0;
}

static RelanceImportCustomer *
get_customer (FecState   *state,
              const char *code,
              const char *name,
              guint       line)
{
  RelanceImportCustomer *customer = g_hash_table_lookup (state->customers, code);

  if (customer == NULL)
    {
      customer = relance_import_batch_add_customer (state->batch);
      customer->line = line;
      customer->code = g_strdup (code);
      g_hash_table_insert (state->customers, customer->code, customer);
    }
  if ((customer->name == NULL || *customer->name == '\0') && name != NULL && *name != '\0')
    {
      g_free (customer->name);
      customer->name = g_strdup (name);
    }

  return customer;
}

static Item *
new_item (FecState   *state,
          gint64      amount,
          RelanceDay  date,
          RelanceDay  date_let)
{
  Item *item;

  if (state->items_left == 0)
    {
      g_ptr_array_add (state->item_blocks, g_new0 (Item, ITEM_BLOCK));
      state->items_left = ITEM_BLOCK;
    }
  item = (Item *)g_ptr_array_index (state->item_blocks, state->item_blocks->len - 1) +
         (ITEM_BLOCK - state->items_left--);
  item->amount = amount;
  item->left = amount;
  item->date = date;
  item->date_let = date_let;
  return item;
}

static void
add_to_group (FecState   *state,
              const char *customer,
              const char *letter,
              Item       *item,
              gboolean    debit)
{
  Group *group;

  if (*letter == '\0')
    return;

  g_string_assign (state->group_key, customer);
  g_string_append_c (state->group_key, '\x1f');
  g_string_append (state->group_key, letter);
  group = g_hash_table_lookup (state->groups, state->group_key->str);
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->customer = g_strdup (customer);
      group->debits = g_ptr_array_new ();
      group->credits = g_ptr_array_new ();
      g_hash_table_insert (state->groups, g_strdup (state->group_key->str), group);
      g_ptr_array_add (state->group_list, group);
    }
  g_ptr_array_add (debit ? group->debits : group->credits, item);
}

static gboolean
on_record_cb (const char * const  *row,
              guint                n_fields,
              guint                line,
              gpointer             user_data,
              GError             **error)
{
  FecState *state = user_data;
  RelanceImportBatch *batch = state->batch;
  const char *fields[N_COLUMNS];
  g_autofree char *label = NULL;
  g_autofree char *piece_owned = NULL;
  const char *customer_code;
  const char *piece;
  const char *letter;
  const char *name;
  gint64 debit = 0, credit = 0, net;
  RelanceDay entry_date, piece_date, date_let;
  gboolean ok = TRUE;

  if (!state->header_done)
    {
      if (!check_header (row, n_fields, batch->file, error))
        return FALSE;
      state->header_done = TRUE;
      return TRUE;
    }

  if (n_fields == 1 && *row[0] == '\0')
    return TRUE;

  batch->n_records++;

  if (n_fields > N_COLUMNS && state->separator == '|')
    {
      /* Pipes in EcritureLib: glue the extra fields back into it. */
      guint extra = n_fields - N_COLUMNS;
      g_autoptr(GString) joined = g_string_new (row[ECRITURE_LIB]);

      for (guint i = 1; i <= extra; i++)
        g_string_append_printf (joined, "|%s", row[ECRITURE_LIB + i]);
      label = g_string_free (g_steal_pointer (&joined), FALSE);
      for (guint i = 0; i < N_COLUMNS; i++)
        fields[i] = i < ECRITURE_LIB ? row[i] : i == ECRITURE_LIB ? label : row[i + extra];
      if (!read_amount (fields[DEBIT], &debit) || !read_amount (fields[CREDIT], &credit))
        {
          relance_import_batch_add_problem (batch, line, NULL,
                                            _("the line has %u columns instead of 18"),
                                            n_fields);
          return TRUE;
        }
    }
  else if (n_fields != N_COLUMNS)
    {
      relance_import_batch_add_problem (batch, line, NULL,
                                        _("the line has %u columns instead of 18"), n_fields);
      return TRUE;
    }
  else
    for (guint i = 0; i < N_COLUMNS; i++)
      fields[i] = row[i];

  /* Only customer accounts. */
  {
    const char *account = fields[COMPTE_NUM];

    while (*account == ' ')
      account++;
    if (strncmp (account, "411", 3) != 0)
      return TRUE;
  }

  /* The fields are this record's own copies: they are trimmed in place. */
  customer_code = g_strstrip ((char *)(*fields[COMP_AUX_NUM] ? fields[COMP_AUX_NUM] : fields[COMPTE_NUM]));
  name = *fields[COMP_AUX_LIB] ? fields[COMP_AUX_LIB] : fields[COMPTE_LIB];

  if (!read_amount (fields[DEBIT], &debit))
    {
      relance_import_batch_add_problem (batch, line, column_names[DEBIT],
                                        _("“%s” is not an amount"), fields[DEBIT]);
      ok = FALSE;
    }
  if (!read_amount (fields[CREDIT], &credit))
    {
      relance_import_batch_add_problem (batch, line, column_names[CREDIT],
                                        _("“%s” is not an amount"), fields[CREDIT]);
      ok = FALSE;
    }
  ok = read_date (state, fields[ECRITURE_DATE], line, ECRITURE_DATE, FALSE, &entry_date) && ok;
  ok = read_date (state, fields[PIECE_DATE], line, PIECE_DATE, TRUE, &piece_date) && ok;
  ok = read_date (state, fields[DATE_LET], line, DATE_LET, TRUE, &date_let) && ok;
  if (!ok)
    return TRUE;

  net = debit - credit;
  if (net == 0)
    return TRUE;
  if (!relance_day_is_valid (piece_date))
    piece_date = entry_date;

  piece = g_strstrip ((char *)fields[PIECE_REF]);
  if (is_opening (fields[JOURNAL_CODE], fields[JOURNAL_LIB]) && net > 0)
    {
      /* A balance carried forward per customer often has no invoice
       * number, or the journal's name as one. */
      const char *owner = g_hash_table_lookup (state->numbers, casefold_into (state->folded, piece));

      if (*piece == '\0' || g_ascii_strcasecmp (piece, fields[JOURNAL_CODE]) == 0 ||
          (owner != NULL && !g_str_equal (owner, customer_code)))
        piece = piece_owned = g_strdup_printf ("AN %s %s", customer_code,
                                               g_strstrip ((char *)fields[ECRITURE_NUM]));
    }
  if (*piece == '\0')
    piece = piece_owned = g_strdup_printf ("%s-%s", g_strstrip ((char *)fields[JOURNAL_CODE]),
                                           g_strstrip ((char *)fields[ECRITURE_NUM]));
  letter = g_strstrip ((char *)fields[ECRITURE_LET]);

  get_customer (state, customer_code, name, line);

  if (net > 0 || is_credit_note (fields[JOURNAL_CODE], fields[JOURNAL_LIB],
                                 fields[ECRITURE_LIB], piece))
    {
      gboolean credit_note = net < 0;
      RelanceImportInvoice *invoice;
      const char *owner;
      Item *item;

      g_string_assign (state->key, customer_code);
      g_string_append (state->key, credit_note ? "\x1f" "1\x1f" : "\x1f" "0\x1f");
      g_string_append (state->key, piece);
      invoice = g_hash_table_lookup (state->invoices, state->key->str);
      owner = g_hash_table_lookup (state->numbers, casefold_into (state->folded, piece));

      if (invoice == NULL)
        {
          g_autofree char *number = NULL;

          if (credit_note && owner != NULL)
            number = g_strconcat (piece, "/AV", NULL);   /* an avoir reusing the invoice's number */
          else if (owner != NULL && !g_str_equal (owner, customer_code))
            {
              relance_import_batch_add_problem (batch, line, column_names[PIECE_REF],
                                                _("invoice %s is also on an other customer’s "
                                                  "account (%s)"), piece, owner);
              return TRUE;
            }
          else
            number = g_strdup (piece);

          invoice = relance_import_batch_add_invoice (batch);
          invoice->line = line;
          invoice->number = g_steal_pointer (&number);
          invoice->customer_code = g_strdup (customer_code);
          invoice->issue_date = piece_date;
          invoice->credit_note = credit_note;
          invoice->currency = NULL;
          invoice->source_ref = g_strconcat (fields[JOURNAL_CODE], " ", fields[ECRITURE_NUM], NULL);
          g_hash_table_insert (state->invoices, g_strdup (state->key->str), invoice);
          if (!credit_note)
            g_hash_table_insert (state->numbers, g_strdup (casefold_into (state->folded, invoice->number)),
                                 g_strdup (customer_code));
        }
      invoice->amount += ABS (net);
      invoice->issue_date = MIN (invoice->issue_date, piece_date);

      item = new_item (state, ABS (net), piece_date, date_let);
      item->invoice = invoice;
      add_to_group (state, customer_code, letter, item, !credit_note);
    }
  else
    {
      g_autofree char *reference = g_strconcat ("FEC ", g_strstrip ((char *)fields[JOURNAL_CODE]), " ",
                                                g_strstrip ((char *)fields[ECRITURE_NUM]), NULL);
      RelanceImportPayment *payment;
      Item *item;

      g_string_assign (state->key, customer_code);
      g_string_append_c (state->key, '\x1f');
      g_string_append (state->key, reference);
      payment = g_hash_table_lookup (state->payments, state->key->str);
      if (payment == NULL)
        {
          payment = relance_import_batch_add_payment (batch);
          payment->line = line;
          payment->customer_code = g_strdup (customer_code);
          payment->reference = g_steal_pointer (&reference);
          payment->date = entry_date;
          g_hash_table_insert (state->payments, g_strdup (state->key->str), payment);
        }
      payment->amount += -net;

      item = new_item (state, -net, entry_date, date_let);
      item->payment = payment;
      add_to_group (state, customer_code, letter, item, FALSE);
    }

  return TRUE;
}

static int
compare_items_by_date (gconstpointer a,
                       gconstpointer b)
{
  const Item *x = *(const Item * const *)a;
  const Item *y = *(const Item * const *)b;

  return (x->date > y->date) - (x->date < y->date);
}

static void
allocate_groups (FecState *state)
{
  for (guint g = 0; g < state->group_list->len; g++)
    {
      Group *group = g_ptr_array_index (state->group_list, g);
      guint d = 0;

      g_ptr_array_sort (group->debits, compare_items_by_date);
      g_ptr_array_sort (group->credits, compare_items_by_date);

      for (guint c = 0; c < group->credits->len; c++)
        {
          Item *credit = g_ptr_array_index (group->credits, c);

          while (credit->left > 0 && d < group->debits->len)
            {
              Item *debit = g_ptr_array_index (group->debits, d);
              gint64 part = MIN (credit->left, debit->left);
              RelanceImportAllocation *allocation;

              if (part > 0)
                {
                  allocation = relance_import_batch_add_allocation (state->batch);
                  allocation->invoice_number = g_strdup (debit->invoice->number);
                  allocation->customer_code = g_strdup (group->customer);
                  if (credit->payment != NULL)
                    allocation->payment_reference = g_strdup (credit->payment->reference);
                  else
                    allocation->credit_note_number = g_strdup (credit->invoice->number);
                  allocation->amount = part;
                  allocation->date = relance_day_is_valid (credit->date_let)
                                     ? MAX (credit->date_let, credit->date)
                                     : credit->date;
                  credit->left -= part;
                  debit->left -= part;
                }
              if (debit->left == 0)
                d++;
            }
        }
    }
}

/**
 * relance_fec_read_text:
 * @text: the FEC, decoded to UTF-8
 * @file: its name, for messages
 * @default_terms: payment terms in days for the customers it creates
 *
 * Returns: (transfer full): the batch, or %NULL if this is not a FEC
 */
RelanceImportBatch *
relance_fec_read_text (const char  *text,
                       const char  *file,
                       int          default_terms,
                       GError     **error)
{
  g_autoptr(RelanceImportBatch) batch = relance_import_batch_new (RELANCE_IMPORT_FEC, file);
  FecState state = { batch };
  const char *eol = text + strcspn (text, "\r\n");
  guint tabs = 0, pipes = 0;
  gboolean ok;

  for (const char *p = text; p < eol; p++)
    {
      tabs += *p == '\t';
      pipes += *p == '|';
    }
  if (*text == '\0')
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, _("%s is empty"), file);
      return NULL;
    }

  state.separator = tabs == N_COLUMNS - 1 ? '\t' : pipes == N_COLUMNS - 1 ? '|' : tabs >= pipes ? '\t' : '|';
  batch->default_terms = default_terms;
  state.customers = g_hash_table_new (g_str_hash, g_str_equal);
  state.invoices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state.payments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.group_list = g_ptr_array_new_with_free_func ((GDestroyNotify)group_free);
  state.item_blocks = g_ptr_array_new_with_free_func (g_free);
  state.key = g_string_new (NULL);
  state.folded = g_string_new (NULL);
  state.group_key = g_string_new (NULL);

  ok = relance_delimited_parse (text, state.separator, file, on_record_cb, &state, error);
  if (ok && !state.header_done)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, _("%s is empty"), file);
      ok = FALSE;
    }
  if (ok)
    allocate_groups (&state);

  g_hash_table_unref (state.customers);
  g_hash_table_unref (state.invoices);
  g_hash_table_unref (state.numbers);
  g_hash_table_unref (state.payments);
  g_hash_table_unref (state.groups);
  g_ptr_array_unref (state.group_list);
  g_ptr_array_unref (state.item_blocks);
  g_string_free (state.key, TRUE);
  g_string_free (state.folded, TRUE);
  g_string_free (state.group_key, TRUE);

  if (!ok)
    return NULL;

  return g_steal_pointer (&batch);
}

/**
 * relance_fec_load:
 * @path: the FEC file
 * @encoding: (nullable): %NULL or "auto" to guess
 *
 * Returns: (transfer full): the batch, or %NULL
 */
RelanceImportBatch *
relance_fec_load (const char  *path,
                  const char  *encoding,
                  int          default_terms,
                  GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *text = relance_text_file_load (path, encoding, NULL, error);

  if (text == NULL)
    return NULL;

  return relance_fec_read_text (text, name, default_terms, error);
}
