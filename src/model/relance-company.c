/* relance-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-company.h"
#include "relance-database-private.h"
#include "relance-error.h"

/* Longest line of a one-line field other than the name, and of a street
 * line: what fits a window envelope. */
#define LINE_MAX_CHARS 80
#define ADDRESS_LINE_MAX 60
#define ADDRESS_LINES_MAX 4
#define POSTCODE_MAX 10

static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

/* The countries of the European Union as VAT numbers write them (Greece
 * is "EL"), and Northern Ireland ("XI"). */
static const char * const eu_vat_prefixes[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR",
  "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI",
  "SK", "XI",
};

/* IBAN lengths of the countries a French firm banks in most (ISO 13616
 * registry); other countries get the general 15-34 rule. */
static const struct
{
  const char *country;
  guint       length;
} iban_lengths[] = {
  { "AT", 20 }, { "BE", 16 }, { "CH", 21 }, { "DE", 22 }, { "ES", 24 },
  { "FR", 27 }, { "GB", 22 }, { "IE", 22 }, { "IT", 27 }, { "LU", 20 },
  { "MC", 27 }, { "NL", 18 }, { "PT", 25 },
};

static gboolean
refuse (RelanceCompanyField *field,
        RelanceCompanyField  which)
{
  if (field != NULL)
    *field = which;
  return FALSE;
}

/* @text without its spaces (typed ones and no-break ones), upper case. */
static char *
compact_upper (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_alnum_upper (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

static gboolean
is_upper_letters (const char *text,
                  gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

/* The Luhn sum of the digits of @digits is a multiple of 10. */
static gboolean
luhn_ok (const char *digits)
{
  gsize length = strlen (digits);
  guint sum = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint d = (guint)(digits[length - 1 - i] - '0');

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return sum % 10 == 0;
}

/* "123 456 789" for a SIREN in a message; anything else as typed. */
static char *
format_siren (const char *compact,
              const char *typed)
{
  if (is_digits (compact, 9))
    return g_strdup_printf ("%.3s %.3s %.3s", compact, compact + 3, compact + 6);

  return g_strstrip (g_strdup (typed));
}

/* The two-digit key of a French VAT number for @siren (9 digits). */
static guint
french_vat_key (const char *siren)
{
  guint64 value = g_ascii_strtoull (siren, NULL, 10);

  return (guint)((12 + 3 * (value % 97)) % 97);
}

/* ISO 7064 mod 97-10 of an IBAN: the four first characters moved to the
 * end, letters as 10 to 35. */
static guint
iban_remainder (const char *iban)
{
  gsize length = strlen (iban);
  guint remainder = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = iban[(i + 4) % length];
      guint value = g_ascii_isdigit (c) ? (guint)(c - '0') : (guint)(c - 'A' + 10);

      if (value >= 10)
        remainder = (remainder * 100 + value) % 97;
      else
        remainder = (remainder * 10 + value) % 97;
    }

  return remainder;
}

static guint
iban_length_for (const char *country)
{
  for (guint i = 0; i < G_N_ELEMENTS (iban_lengths); i++)
    if (strncmp (iban_lengths[i].country, country, 2) == 0)
      return iban_lengths[i].length;

  return 0;
}

static gboolean
has_control (const char *text,
             gboolean    newlines)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (newlines && c == '\n')
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

/* A one-line field: valid UTF-8, no control character, at most @max
 * characters. @label is the field's translated name. */
static gboolean
check_line (const char  *text,
            const char  *label,
            glong        max,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return _relance_invalid (error, _("The %s is not valid text"), label);
  if (has_control (text, FALSE))
    return _relance_invalid (error, _("The %s must fit on one line, without tabs or "
                                      "other control characters"), label);
  if (g_utf8_strlen (text, -1) > max)
    return _relance_invalid (error, _("The %s is too long: %ld characters, at most %ld "
                                      "fit on a letter"),
                             label, g_utf8_strlen (text, -1), max);

  return TRUE;
}

static gboolean
check_address (const char  *text,
               GError     **error)
{
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  if (!g_utf8_validate (text, -1, NULL))
    return _relance_invalid (error, _("The address is not valid text"));
  if (has_control (text, TRUE))
    return _relance_invalid (error, _("The address may not contain tabs or other control characters"));
  if (*text == '\0')
    return TRUE;

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  if (n_lines > ADDRESS_LINES_MAX)
    return _relance_invalid (error, _("The address has %u lines: at most %d fit in an envelope’s window"),
                             n_lines, ADDRESS_LINES_MAX);

  for (guint i = 0; i < n_lines; i++)
    if (g_utf8_strlen (lines[i], -1) > ADDRESS_LINE_MAX)
      return _relance_invalid (error, _("Line %u of the address is too long: %ld characters, "
                                        "at most %d fit in an envelope’s window"),
                               i + 1, g_utf8_strlen (lines[i], -1), ADDRESS_LINE_MAX);

  return TRUE;
}

static gboolean
check_country (const char  *text,
               GError     **error)
{
  if (*text == '\0')
    return TRUE;
  if (strlen (text) != 2 || !is_upper_letters (text, 2))
    return _relance_invalid (error, _("The country “%s” is wrong: write its two-letter code "
                                      "in capitals, such as FR or BE"), text);

  return TRUE;
}

/* A French postcode when the country is France (or not given). */
static gboolean
check_postcode (const char  *text,
                const char  *country,
                GError     **error)
{
  if (*text == '\0')
    return TRUE;

  if (*country == '\0' || g_str_equal (country, "FR"))
    {
      if (!is_digits (text, 5))
        return _relance_invalid (error, _("The postcode “%s” is wrong: a French postcode has "
                                          "5 digits, such as 25000"), text);
      return TRUE;
    }

  return check_line (text, _("postcode"), POSTCODE_MAX, error);
}

static gboolean
check_phone (const char  *text,
             GError     **error)
{
  guint digits = 0;

  if (!check_line (text, _("phone number"), LINE_MAX_CHARS, error))
    return FALSE;
  if (*text == '\0')
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +.-()/", *p) == NULL)
        return _relance_invalid (error, _("The phone number “%s” is wrong: use digits, spaces "
                                          "and + . - ( ) only"), text);
    }

  if (digits < 4)
    return _relance_invalid (error, _("The phone number “%s” is too short"), text);

  return TRUE;
}

static gboolean
check_email (const char  *text,
             GError     **error)
{
  if (!check_line (text, _("e-mail address"), LINE_MAX_CHARS, error))
    return FALSE;
  if (*text != '\0' && !_relance_looks_like_email (text))
    return _relance_invalid (error, _("The e-mail address “%s” is wrong: it should look like "
                                      "name@example.fr"), text);

  return TRUE;
}

/* The SIREN of a French VAT number must be the company's. */
static gboolean
check_vat_matches_siren (const char  *vat,
                         const char  *siren,
                         GError     **error)
{
  g_autofree char *vat_compact = compact_upper (vat);
  g_autofree char *siren_compact = compact_upper (siren);

  if (*vat_compact == '\0' || *siren_compact == '\0' || !g_str_has_prefix (vat_compact, "FR"))
    return TRUE;

  if (!g_str_equal (vat_compact + 4, siren_compact))
    {
      g_autofree char *shown = format_siren (siren_compact, siren);

      return _relance_invalid (error, _("The VAT number %s does not match the SIREN %s: a French "
                                        "VAT number ends with the company’s SIREN"),
                               vat_compact, shown);
    }

  return TRUE;
}

static gboolean
is_svg (const guint8 *data,
        gsize         size)
{
  const char *text = (const char *)data;
  gsize start = 0;

  if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    start = 3;
  while (start < size && g_ascii_isspace (text[start]))
    start++;

  if (!(size - start >= 5 && memcmp (text + start, "<?xml", 5) == 0) &&
      !(size - start >= 4 && memcmp (text + start, "<svg", 4) == 0))
    return FALSE;

  /* memmem is not in C99: look for "<svg" by hand. */
  for (gsize i = start; i + 4 <= size; i++)
    if (memcmp (text + i, "<svg", 4) == 0)
      return TRUE;

  return FALSE;
}

static GBytes *
dup_blob (sqlite3_stmt *stmt,
          int           column)
{
  const void *data = sqlite3_column_blob (stmt, column);
  int size = sqlite3_column_bytes (stmt, column);

  return (data != NULL && size > 0) ? g_bytes_new (data, (gsize)size) : NULL;
}

static void
bind_image (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  gsize size = 0;
  const void *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL || size == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
}

/* Trims, turns "\r\n" into "\n" and drops the spaces at the end of each
 * line of the address. */
static char *
normalise_address (const char *text)
{
  g_autofree char *trimmed = _relance_dup_trimmed (text);
  g_auto(GStrv) lines = g_strsplit (trimmed, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_strchomp (lines[i]);

  return g_strjoinv ("\n", lines);
}

/* The copy relance_company_set() stores: trimmed, spaces out of the
 * identifiers, codes in capitals. */
static RelanceCompany *
normalise (const RelanceCompany *company)
{
  RelanceCompany *n = g_new0 (RelanceCompany, 1);

  n->name = _relance_dup_trimmed (company->name);
  n->address = normalise_address (company->address);
  n->postcode = _relance_dup_trimmed (company->postcode);
  n->city = _relance_dup_trimmed (company->city);
  n->country = compact_upper (company->country);
  n->siren = compact_upper (company->siren);
  n->vat_number = compact_upper (company->vat_number);
  n->iban = compact_upper (company->iban);
  n->bic = compact_upper (company->bic);
  n->phone = _relance_dup_trimmed (company->phone);
  n->email = _relance_dup_trimmed (company->email);
  n->signatory_name = _relance_dup_trimmed (company->signatory_name);
  n->signatory_title = _relance_dup_trimmed (company->signatory_title);
  n->place = _relance_dup_trimmed (company->place);
  n->logo = company->logo != NULL ? g_bytes_ref (company->logo) : NULL;
  n->signature = company->signature != NULL ? g_bytes_ref (company->signature) : NULL;

  return n;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/**
 * relance_company_new:
 *
 * Returns: (transfer full): an identity with every string empty and no
 *   image
 */
RelanceCompany *
relance_company_new (void)
{
  RelanceCompany *company = g_new0 (RelanceCompany, 1);

  company->name = g_strdup ("");
  company->address = g_strdup ("");
  company->postcode = g_strdup ("");
  company->city = g_strdup ("");
  company->country = g_strdup ("");
  company->siren = g_strdup ("");
  company->vat_number = g_strdup ("");
  company->iban = g_strdup ("");
  company->bic = g_strdup ("");
  company->phone = g_strdup ("");
  company->email = g_strdup ("");
  company->signatory_name = g_strdup ("");
  company->signatory_title = g_strdup ("");
  company->place = g_strdup ("");

  return company;
}

RelanceCompany *
relance_company_copy (const RelanceCompany *company)
{
  RelanceCompany *copy;

  g_return_val_if_fail (company != NULL, NULL);

  copy = g_new0 (RelanceCompany, 1);
  copy->name = g_strdup (or_empty (company->name));
  copy->address = g_strdup (or_empty (company->address));
  copy->postcode = g_strdup (or_empty (company->postcode));
  copy->city = g_strdup (or_empty (company->city));
  copy->country = g_strdup (or_empty (company->country));
  copy->siren = g_strdup (or_empty (company->siren));
  copy->vat_number = g_strdup (or_empty (company->vat_number));
  copy->iban = g_strdup (or_empty (company->iban));
  copy->bic = g_strdup (or_empty (company->bic));
  copy->phone = g_strdup (or_empty (company->phone));
  copy->email = g_strdup (or_empty (company->email));
  copy->signatory_name = g_strdup (or_empty (company->signatory_name));
  copy->signatory_title = g_strdup (or_empty (company->signatory_title));
  copy->place = g_strdup (or_empty (company->place));
  copy->logo = company->logo != NULL ? g_bytes_ref (company->logo) : NULL;
  copy->signature = company->signature != NULL ? g_bytes_ref (company->signature) : NULL;

  return copy;
}

void
relance_company_free (RelanceCompany *company)
{
  if (company == NULL)
    return;

  g_free (company->name);
  g_free (company->address);
  g_free (company->postcode);
  g_free (company->city);
  g_free (company->country);
  g_free (company->siren);
  g_free (company->vat_number);
  g_free (company->iban);
  g_free (company->bic);
  g_free (company->phone);
  g_free (company->email);
  g_free (company->signatory_name);
  g_free (company->signatory_title);
  g_free (company->place);
  g_clear_pointer (&company->logo, g_bytes_unref);
  g_clear_pointer (&company->signature, g_bytes_unref);
  g_free (company);
}

/**
 * relance_company_get:
 *
 * Returns: (transfer full): the identity stored in the ledger, or %NULL
 *   with @error set
 */
RelanceCompany *
relance_company_get (RelanceDatabase  *db,
                     GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
    "SELECT name, address, postcode, city, country, siren, vat_number, iban, bic,"
    " phone, email, signatory_name, signatory_title, place, logo, signature"
    " FROM company WHERE id = 1", error);
  if (stmt == NULL || !_relance_database_step (db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    return relance_company_new ();

  company = g_new0 (RelanceCompany, 1);
  company->name = _relance_column_dup (stmt, 0);
  company->address = _relance_column_dup (stmt, 1);
  company->postcode = _relance_column_dup (stmt, 2);
  company->city = _relance_column_dup (stmt, 3);
  company->country = _relance_column_dup (stmt, 4);
  company->siren = _relance_column_dup (stmt, 5);
  company->vat_number = _relance_column_dup (stmt, 6);
  company->iban = _relance_column_dup (stmt, 7);
  company->bic = _relance_column_dup (stmt, 8);
  company->phone = _relance_column_dup (stmt, 9);
  company->email = _relance_column_dup (stmt, 10);
  company->signatory_name = _relance_column_dup (stmt, 11);
  company->signatory_title = _relance_column_dup (stmt, 12);
  company->place = _relance_column_dup (stmt, 13);
  company->logo = dup_blob (stmt, 14);
  company->signature = dup_blob (stmt, 15);

  return g_steal_pointer (&company);
}

/**
 * relance_company_check_siren:
 * @text: a SIREN as typed; spaces are allowed, an empty one is accepted
 *
 * Returns: %TRUE if @text is empty or 9 digits whose Luhn check holds
 */
gboolean
relance_company_check_siren (const char  *text,
                             GError     **error)
{
  g_autofree char *compact = compact_upper (text);
  g_autofree char *shown = NULL;

  if (*compact == '\0')
    return TRUE;

  shown = format_siren (compact, text);
  if (!is_digits (compact, 9))
    return _relance_invalid (error, _("The SIREN %s is wrong: it has 9 digits, such as 123 456 782"),
                             shown);
  if (!luhn_ok (compact))
    return _relance_invalid (error, _("The SIREN %s is wrong: its check digit does not match"), shown);

  return TRUE;
}

/**
 * relance_company_check_vat_number:
 * @text: an intra-EU VAT number as typed; spaces and small letters are
 *   allowed, an empty one is accepted
 *
 * A French one is "FR", a two-digit key and the SIREN, the key being
 * (12 + 3 × (SIREN mod 97)) mod 97; another country's is its two-letter
 * code and 2 to 12 letters or digits.
 */
gboolean
relance_company_check_vat_number (const char  *text,
                                  GError     **error)
{
  g_autofree char *vat = compact_upper (text);
  gboolean eu = FALSE;
  gsize length = strlen (vat);

  if (length == 0)
    return TRUE;

  if (length >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (eu_vat_prefixes); i++)
      if (strncmp (vat, eu_vat_prefixes[i], 2) == 0)
        eu = TRUE;
  if (!eu)
    return _relance_invalid (error, _("The VAT number %s is wrong: it starts with the code of an "
                                      "EU country, such as FR"), vat);

  if (g_str_has_prefix (vat, "FR"))
    {
      char key[3] = { 0 };

      if (length != 13 || !is_digits (vat + 2, 11))
        return _relance_invalid (error, _("The VAT number %s is wrong: a French one is FR, 2 digits "
                                          "and the 9 digits of the SIREN"), vat);
      if (!luhn_ok (vat + 4))
        return _relance_invalid (error, _("The VAT number %s is wrong: the SIREN in it has a check "
                                          "digit that does not match"), vat);

      memcpy (key, vat + 2, 2);
      if ((guint)g_ascii_strtoull (key, NULL, 10) != french_vat_key (vat + 4))
        return _relance_invalid (error, _("The VAT number %s is wrong: its key %s does not match "
                                          "the SIREN (it should be %02u)"),
                                 vat, key, french_vat_key (vat + 4));
      return TRUE;
    }

  if (length < 4 || length > 14 || !is_alnum_upper (vat + 2))
    return _relance_invalid (error, _("The VAT number %s is wrong: after the country code come "
                                      "2 to 12 letters or digits"), vat);

  return TRUE;
}

/**
 * relance_company_check_iban:
 * @text: an IBAN as typed; spaces and small letters are allowed, an
 *   empty one is accepted
 *
 * Checks the country's length (27 for France) and the ISO 13616 check
 * digits.
 */
gboolean
relance_company_check_iban (const char  *text,
                            GError     **error)
{
  g_autofree char *iban = compact_upper (text);
  gsize length = strlen (iban);
  guint expected;

  if (length == 0)
    return TRUE;

  if (length < 4 || !is_upper_letters (iban, 2) || !g_ascii_isdigit (iban[2]) ||
      !g_ascii_isdigit (iban[3]) || !is_alnum_upper (iban))
    return _relance_invalid (error, _("The IBAN %s is wrong: it starts with a country code and "
                                      "2 digits, then letters and digits only"), iban);

  expected = iban_length_for (iban);
  if (expected != 0 && length != expected)
    return _relance_invalid (error, _("The IBAN %s is wrong: it has %u characters, an IBAN of "
                                      "%.2s has %u"), iban, (guint)length, iban, expected);
  if (length < 15 || length > 34)
    return _relance_invalid (error, _("The IBAN %s is wrong: it has %u characters, an IBAN has "
                                      "15 to 34"), iban, (guint)length);
  if (iban_remainder (iban) != 1)
    return _relance_invalid (error, _("The IBAN %s is wrong: its check digits do not match; "
                                      "look for a mistyped character"), iban);

  return TRUE;
}

/**
 * relance_company_check_bic:
 * @text: a BIC (SWIFT code) as typed; an empty one is accepted
 *
 * 8 or 11 characters: 4 letters (the bank), 2 letters (the country), 2
 * letters or digits (the place), and optionally 3 for the branch.
 */
gboolean
relance_company_check_bic (const char  *text,
                           GError     **error)
{
  g_autofree char *bic = compact_upper (text);
  gsize length = strlen (bic);

  if (length == 0)
    return TRUE;

  if ((length != 8 && length != 11) || !is_upper_letters (bic, 6) || !is_alnum_upper (bic))
    return _relance_invalid (error, _("The BIC %s is wrong: it has 8 or 11 characters, 6 letters "
                                      "then letters or digits, such as AGRIFRPP"), bic);

  return TRUE;
}

/**
 * relance_company_check_image:
 * @bytes: (nullable): the file's contents
 *
 * Looks at the first bytes only: a PNG signature, or an SVG document.
 */
gboolean
relance_company_check_image (GBytes  *bytes,
                             GError **error)
{
  const guint8 *data;
  gsize size = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  if (data == NULL || size == 0)
    return _relance_invalid (error, _("The image is empty"));
  if (size > RELANCE_COMPANY_IMAGE_MAX)
    {
      g_autofree char *found = g_format_size (size);
      g_autofree char *most = g_format_size (RELANCE_COMPANY_IMAGE_MAX);

      /* TRANSLATORS: two sizes, "The image is too large: 3.1 MB, at most 2.0 MB" */
      return _relance_invalid (error, _("The image is too large: %s, at most %s"), found, most);
    }
  if (size >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    return TRUE;
  if (is_svg (data, size))
    return TRUE;

  return _relance_invalid (error, _("The image is neither a PNG nor an SVG file"));
}

/* The image's own error, with the field's name before it. */
static gboolean
check_image_field (GBytes      *bytes,
                   const char  *label,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (bytes == NULL)
    return TRUE;
  if (relance_company_check_image (bytes, &local))
    return TRUE;

  /* TRANSLATORS: "Logo: The image is empty" */
  return _relance_invalid (error, _("%s: %s"), label, local->message);
}

gboolean
relance_company_check (const RelanceCompany *company,
                       RelanceCompanyField  *field,
                       GError              **error)
{
  g_autofree char *country = NULL;

  g_return_val_if_fail (company != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (field != NULL)
    *field = RELANCE_COMPANY_FIELD_NONE;

  country = compact_upper (company->country);

  if (!check_line (or_empty (company->name), _("company name"), RELANCE_COMPANY_NAME_MAX, error))
    return refuse (field, RELANCE_COMPANY_FIELD_NAME);
  if (!check_address (or_empty (company->address), error))
    return refuse (field, RELANCE_COMPANY_FIELD_ADDRESS);
  if (!check_postcode (or_empty (company->postcode), country, error))
    return refuse (field, RELANCE_COMPANY_FIELD_POSTCODE);
  if (!check_line (or_empty (company->city), _("city"), LINE_MAX_CHARS, error))
    return refuse (field, RELANCE_COMPANY_FIELD_CITY);
  if (!check_country (or_empty (company->country), error))
    return refuse (field, RELANCE_COMPANY_FIELD_COUNTRY);
  if (!relance_company_check_siren (company->siren, error))
    return refuse (field, RELANCE_COMPANY_FIELD_SIREN);
  if (!relance_company_check_vat_number (company->vat_number, error) ||
      !check_vat_matches_siren (or_empty (company->vat_number), or_empty (company->siren), error))
    return refuse (field, RELANCE_COMPANY_FIELD_VAT_NUMBER);
  if (!relance_company_check_iban (company->iban, error))
    return refuse (field, RELANCE_COMPANY_FIELD_IBAN);
  if (!relance_company_check_bic (company->bic, error))
    return refuse (field, RELANCE_COMPANY_FIELD_BIC);
  if (!check_phone (or_empty (company->phone), error))
    return refuse (field, RELANCE_COMPANY_FIELD_PHONE);
  if (!check_email (or_empty (company->email), error))
    return refuse (field, RELANCE_COMPANY_FIELD_EMAIL);
  if (!check_image_field (company->logo, _("Logo"), error))
    return refuse (field, RELANCE_COMPANY_FIELD_LOGO);
  if (!check_image_field (company->signature, _("Signature"), error))
    return refuse (field, RELANCE_COMPANY_FIELD_SIGNATURE);
  if (!check_line (or_empty (company->signatory_name), _("signatory’s name"), LINE_MAX_CHARS, error))
    return refuse (field, RELANCE_COMPANY_FIELD_SIGNATORY_NAME);
  if (!check_line (or_empty (company->signatory_title), _("signatory’s title"), LINE_MAX_CHARS, error))
    return refuse (field, RELANCE_COMPANY_FIELD_SIGNATORY_TITLE);
  if (!check_line (or_empty (company->place), _("place letters are written from"), LINE_MAX_CHARS, error))
    return refuse (field, RELANCE_COMPANY_FIELD_PLACE);

  return TRUE;
}

gboolean
relance_company_set (RelanceDatabase      *db,
                     const RelanceCompany *company,
                     RelanceCompanyField  *field,
                     GError              **error)
{
  g_autoptr(RelanceCompany) n = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (company != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = normalise (company);
  if (!relance_company_check (n, field, error))
    return FALSE;

  stmt = _relance_database_prepare (db,
    "UPDATE company SET name = ?1, address = ?2, postcode = ?3, city = ?4, country = ?5,"
    " siren = ?6, vat_number = ?7, iban = ?8, bic = ?9, phone = ?10, email = ?11,"
    " signatory_name = ?12, signatory_title = ?13, place = ?14, logo = ?15, signature = ?16"
    " WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  _relance_bind_text (stmt, 1, n->name);
  _relance_bind_text (stmt, 2, n->address);
  _relance_bind_text (stmt, 3, n->postcode);
  _relance_bind_text (stmt, 4, n->city);
  _relance_bind_text (stmt, 5, n->country);
  _relance_bind_text (stmt, 6, n->siren);
  _relance_bind_text (stmt, 7, n->vat_number);
  _relance_bind_text (stmt, 8, n->iban);
  _relance_bind_text (stmt, 9, n->bic);
  _relance_bind_text (stmt, 10, n->phone);
  _relance_bind_text (stmt, 11, n->email);
  _relance_bind_text (stmt, 12, n->signatory_name);
  _relance_bind_text (stmt, 13, n->signatory_title);
  _relance_bind_text (stmt, 14, n->place);
  bind_image (stmt, 15, n->logo);
  bind_image (stmt, 16, n->signature);

  return _relance_database_run (db, stmt, error);
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

/**
 * relance_company_list_missing:
 *
 * Returns: (transfer full) (nullable): the translated names of what a
 *   letter needs and @company lacks, or %NULL
 */
GStrv
relance_company_list_missing (const RelanceCompany *company)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) missing = NULL;

  g_return_val_if_fail (company != NULL, NULL);

  if (is_blank (company->name))
    g_strv_builder_add (builder, _("Company name"));
  if (is_blank (company->address))
    g_strv_builder_add (builder, _("Address"));
  if (is_blank (company->postcode))
    g_strv_builder_add (builder, _("Postcode"));
  if (is_blank (company->city))
    g_strv_builder_add (builder, _("City"));
  if (is_blank (company->siren))
    g_strv_builder_add (builder, _("SIREN"));
  if (is_blank (company->signatory_name))
    g_strv_builder_add (builder, _("Signatory’s name"));

  missing = g_strv_builder_end (builder);
  if (missing[0] == NULL)
    return NULL;

  return g_steal_pointer (&missing);
}
