/* test-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-company.h"
#include "relance-database.h"
#include "relance-error.h"
#include "relance-sample.h"

static const guint8 png_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                     0, 0, 0, 13, 'I', 'H', 'D', 'R' };
static const guint8 jpeg_header[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };

static RelanceDatabase *
open_ledger (void)
{
  g_autoptr(GError) error = NULL;
  RelanceDatabase *db = relance_database_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

static RelanceCompany *
get_company (RelanceDatabase *db)
{
  g_autoptr(GError) error = NULL;
  RelanceCompany *company = relance_company_get (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (company);
  return company;
}

/* A complete, valid identity as a user would type it. */
static RelanceCompany *
typed_company (void)
{
  RelanceCompany *company = relance_company_new ();

  g_free (company->name);
  company->name = g_strdup ("  Menuiserie Durand  ");
  g_free (company->address);
  company->address = g_strdup ("3 chemin des Vignes\r\nZA des Prés  ");
  g_free (company->postcode);
  company->postcode = g_strdup ("25000");
  g_free (company->city);
  company->city = g_strdup ("Besançon");
  g_free (company->country);
  company->country = g_strdup ("fr");
  g_free (company->siren);
  company->siren = g_strdup ("732 829 320");
  g_free (company->vat_number);
  company->vat_number = g_strdup ("fr 44 732 829 320");
  g_free (company->iban);
  company->iban = g_strdup ("fr76 3000 6000 0112 3456 7890 189");
  g_free (company->bic);
  company->bic = g_strdup ("agri frpp");
  g_free (company->phone);
  company->phone = g_strdup ("03 81 12 34 56");
  g_free (company->email);
  company->email = g_strdup ("compta@durand.example");
  g_free (company->signatory_name);
  company->signatory_name = g_strdup ("Paul Durand");
  g_free (company->signatory_title);
  company->signatory_title = g_strdup ("Gérant");
  g_free (company->place);
  company->place = g_strdup ("Besançon");
  company->logo = g_bytes_new_static (png_header, sizeof png_header);

  return company;
}

static void
store (RelanceDatabase      *db,
       const RelanceCompany *company)
{
  g_autoptr(GError) error = NULL;
  RelanceCompanyField field = RELANCE_COMPANY_FIELD_PHONE;

  g_assert_true (relance_company_set (db, company, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (field, ==, RELANCE_COMPANY_FIELD_NONE);
}

static void
assert_same (const RelanceCompany *a,
             const RelanceCompany *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->address, ==, b->address);
  g_assert_cmpstr (a->postcode, ==, b->postcode);
  g_assert_cmpstr (a->city, ==, b->city);
  g_assert_cmpstr (a->country, ==, b->country);
  g_assert_cmpstr (a->siren, ==, b->siren);
  g_assert_cmpstr (a->vat_number, ==, b->vat_number);
  g_assert_cmpstr (a->iban, ==, b->iban);
  g_assert_cmpstr (a->bic, ==, b->bic);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->signatory_name, ==, b->signatory_name);
  g_assert_cmpstr (a->signatory_title, ==, b->signatory_title);
  g_assert_cmpstr (a->place, ==, b->place);
  g_assert_true ((a->logo == NULL) == (b->logo == NULL));
  g_assert_true (a->logo == NULL || g_bytes_equal (a->logo, b->logo));
  g_assert_true ((a->signature == NULL) == (b->signature == NULL));
  g_assert_true (a->signature == NULL || g_bytes_equal (a->signature, b->signature));
}

static void
test_company_fresh (void)
{
  g_autoptr(RelanceDatabase) db = open_ledger ();
  g_autoptr(RelanceCompany) company = get_company (db);
  g_auto(GStrv) missing = NULL;
  const char * const expected[] = { "Company name", "Address", "Postcode", "City", "SIREN",
                                    "Signatory’s name", NULL };

  g_assert_cmpstr (company->name, ==, "");
  g_assert_cmpstr (company->siren, ==, "");
  g_assert_cmpstr (company->iban, ==, "");
  g_assert_null (company->logo);
  g_assert_null (company->signature);
  g_assert_true (relance_company_check (company, NULL, NULL));

  missing = relance_company_list_missing (company);
  g_assert_nonnull (missing);
  g_assert_true (g_strv_equal ((const char * const *)missing, expected));
}

static void
test_company_round_trip (void)
{
  g_autoptr(RelanceDatabase) db = open_ledger ();
  g_autoptr(RelanceCompany) typed = typed_company ();
  g_autoptr(RelanceCompany) stored = NULL;
  g_autoptr(RelanceCompany) copy = NULL;

  store (db, typed);
  stored = get_company (db);

  g_assert_cmpstr (stored->name, ==, "Menuiserie Durand");
  g_assert_cmpstr (stored->address, ==, "3 chemin des Vignes\nZA des Prés");
  g_assert_cmpstr (stored->country, ==, "FR");
  g_assert_cmpstr (stored->siren, ==, "732829320");
  g_assert_cmpstr (stored->vat_number, ==, "FR44732829320");
  g_assert_cmpstr (stored->iban, ==, "FR7630006000011234567890189");
  g_assert_cmpstr (stored->bic, ==, "AGRIFRPP");
  g_assert_cmpstr (stored->city, ==, "Besançon");
  g_assert_nonnull (stored->logo);
  g_assert_true (g_bytes_equal (stored->logo, typed->logo));
  g_assert_null (stored->signature);
  g_assert_null (relance_company_list_missing (stored));

  /* What is stored is already normal: storing it again changes nothing. */
  copy = relance_company_copy (stored);
  assert_same (copy, stored);
  store (db, copy);
  g_clear_pointer (&stored, relance_company_free);
  stored = get_company (db);
  assert_same (copy, stored);

  /* Clearing a field and the image. */
  g_free (copy->phone);
  copy->phone = g_strdup ("");
  g_clear_pointer (&copy->logo, g_bytes_unref);
  store (db, copy);
  g_clear_pointer (&stored, relance_company_free);
  stored = get_company (db);
  g_assert_cmpstr (stored->phone, ==, "");
  g_assert_null (stored->logo);
}

typedef void (*Spoil) (RelanceCompany *company);

typedef struct
{
  const char          *name;
  Spoil                spoil;
  RelanceCompanyField  field;
  const char          *message;   /* a part of the error's message */
} Refusal;

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void spoil_siren (RelanceCompany *c) { replace (&c->siren, "732 829 321"); }
static void spoil_vat_key (RelanceCompany *c) { replace (&c->vat_number, "FR45732829320"); }
static void spoil_vat_siren (RelanceCompany *c) { replace (&c->vat_number, "FR11123456782"); }
static void spoil_iban_check (RelanceCompany *c) { replace (&c->iban, "FR76 3000 6000 0112 3456 7890 188"); }
static void spoil_iban_short (RelanceCompany *c) { replace (&c->iban, "FR76 3000 6000 0112 3456 7890 18"); }
static void spoil_bic (RelanceCompany *c) { replace (&c->bic, "AGR1FRPP"); }
static void spoil_postcode (RelanceCompany *c) { replace (&c->postcode, "7500"); }
static void spoil_email (RelanceCompany *c) { replace (&c->email, "compta.durand.example"); }
static void spoil_country (RelanceCompany *c) { replace (&c->country, "FRA"); }
static void spoil_city (RelanceCompany *c) { replace (&c->city, "Besan\tçon"); }
static void spoil_phone (RelanceCompany *c) { replace (&c->phone, "voir site"); }

static void
spoil_name (RelanceCompany *c)
{
  g_autoptr(GString) name = g_string_new (NULL);

  /* 300 characters, 600 bytes: the limit counts characters. */
  for (guint i = 0; i < 300; i++)
    g_string_append (name, "é");
  g_free (c->name);
  c->name = g_string_free (g_steal_pointer (&name), FALSE);
}

static void
spoil_address (RelanceCompany *c)
{
  replace (&c->address, "1\n2\n3\n4\n5");
}

static void
spoil_logo_jpeg (RelanceCompany *c)
{
  g_bytes_unref (c->logo);
  c->logo = g_bytes_new_static (jpeg_header, sizeof jpeg_header);
}

static void
spoil_logo_text (RelanceCompany *c)
{
  g_bytes_unref (c->logo);
  c->logo = g_bytes_new_static ("Menuiserie Durand\n", 18);
}

static void
spoil_signature_empty (RelanceCompany *c)
{
  c->signature = g_bytes_new_static ("", 0);
}

static void
spoil_logo_big (RelanceCompany *c)
{
  guint8 *data = g_malloc0 (RELANCE_COMPANY_IMAGE_MAX + 1);

  memcpy (data, png_header, sizeof png_header);
  g_bytes_unref (c->logo);
  c->logo = g_bytes_new_take (data, RELANCE_COMPANY_IMAGE_MAX + 1);
}

static const Refusal refusals[] = {
  { "siren-luhn", spoil_siren, RELANCE_COMPANY_FIELD_SIREN,
    "The SIREN 732 829 321 is wrong: its check digit does not match" },
  { "vat-key", spoil_vat_key, RELANCE_COMPANY_FIELD_VAT_NUMBER, "its key 45 does not match" },
  { "vat-siren", spoil_vat_siren, RELANCE_COMPANY_FIELD_VAT_NUMBER, "does not match the SIREN 732 829 320" },
  { "iban-check", spoil_iban_check, RELANCE_COMPANY_FIELD_IBAN, "check digits do not match" },
  { "iban-short", spoil_iban_short, RELANCE_COMPANY_FIELD_IBAN, "it has 26 characters" },
  { "bic", spoil_bic, RELANCE_COMPANY_FIELD_BIC, "The BIC AGR1FRPP is wrong" },
  { "postcode", spoil_postcode, RELANCE_COMPANY_FIELD_POSTCODE, "“7500”" },
  { "name", spoil_name, RELANCE_COMPANY_FIELD_NAME, "300 characters, at most 80" },
  { "address", spoil_address, RELANCE_COMPANY_FIELD_ADDRESS, "5 lines" },
  { "email", spoil_email, RELANCE_COMPANY_FIELD_EMAIL, "compta.durand.example" },
  { "country", spoil_country, RELANCE_COMPANY_FIELD_COUNTRY, "“FRA”" },
  { "city", spoil_city, RELANCE_COMPANY_FIELD_CITY, "one line" },
  { "phone", spoil_phone, RELANCE_COMPANY_FIELD_PHONE, "“voir site”" },
  { "logo-jpeg", spoil_logo_jpeg, RELANCE_COMPANY_FIELD_LOGO, "neither a PNG nor an SVG" },
  { "logo-text", spoil_logo_text, RELANCE_COMPANY_FIELD_LOGO, "neither a PNG nor an SVG" },
  { "signature-empty", spoil_signature_empty, RELANCE_COMPANY_FIELD_SIGNATURE, "empty" },
  { "logo-big", spoil_logo_big, RELANCE_COMPANY_FIELD_LOGO, "too large" },
};

/* Each wrong field is refused, named, explained, and nothing is written. */
static void
test_company_refusals (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autoptr(RelanceDatabase) db = open_ledger ();
  g_autoptr(RelanceCompany) typed = typed_company ();
  g_autoptr(RelanceCompany) before = NULL;
  g_autoptr(RelanceCompany) after = NULL;
  g_autoptr(RelanceCompany) wrong = NULL;
  g_autoptr(GError) error = NULL;
  RelanceCompanyField field = RELANCE_COMPANY_FIELD_NONE;

  store (db, typed);
  before = get_company (db);

  wrong = relance_company_copy (before);
  g_free (wrong->phone);
  wrong->phone = g_strdup ("01 23 45 67 89");
  refusal->spoil (wrong);

  g_assert_false (relance_company_check (wrong, NULL, NULL));
  g_assert_false (relance_company_set (db, wrong, &field, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_cmpint (field, ==, refusal->field);
  if (strstr (error->message, refusal->message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, refusal->message);

  after = get_company (db);
  assert_same (before, after);
  g_assert_cmpstr (after->phone, ==, "03 81 12 34 56");
}

static void
test_company_field_checks (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (relance_company_check_siren ("", NULL));
  g_assert_true (relance_company_check_siren ("732 829 320", NULL));
  g_assert_false (relance_company_check_siren ("73282932", &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (relance_company_check_siren ("73282932A", NULL));

  g_assert_true (relance_company_check_vat_number ("FR 44 732829320", NULL));
  g_assert_true (relance_company_check_vat_number ("BE0123456789", NULL));
  g_assert_true (relance_company_check_vat_number ("DE123456789", NULL));
  g_assert_false (relance_company_check_vat_number ("DE1", NULL));
  g_assert_false (relance_company_check_vat_number ("DE1234567890123", NULL));
  g_assert_false (relance_company_check_vat_number ("US123456789", NULL));
  g_assert_false (relance_company_check_vat_number ("FR4473282932", NULL));

  g_assert_true (relance_company_check_iban ("FR76 3000 6000 0112 3456 7890 189", NULL));
  g_assert_true (relance_company_check_iban ("DE89 3704 0044 0532 0130 00", NULL));
  g_assert_true (relance_company_check_iban ("GB82 WEST 1234 5698 7654 32", NULL));
  g_assert_false (relance_company_check_iban ("GB82 WEST 1234 5698 7654 33", NULL));
  g_assert_false (relance_company_check_iban ("FR76 3000 6000 0112 3456 7890 1899", NULL));
  g_assert_false (relance_company_check_iban ("7630006000011234567890189", NULL));

  g_assert_true (relance_company_check_bic ("AGRIFRPP", NULL));
  g_assert_true (relance_company_check_bic ("BNPAFRPPXXX", NULL));
  g_assert_false (relance_company_check_bic ("BNPAFRPPXX", NULL));
  g_assert_false (relance_company_check_bic ("BNPA1RPP", NULL));
  g_assert_false (relance_company_check_bic ("BNPAFRP-", NULL));
}

static void
test_company_images (void)
{
  g_autoptr(GBytes) png = g_bytes_new_static (png_header, sizeof png_header);
  g_autoptr(GBytes) svg = g_bytes_new_static ("\xef\xbb\xbf\n  <?xml version=\"1.0\"?>\n"
                                              "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 68);
  g_autoptr(GBytes) bare_svg = g_bytes_new_static ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", 40);
  g_autoptr(GBytes) xml_not_svg = g_bytes_new_static ("<?xml version=\"1.0\"?><html/>", 28);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_header, sizeof jpeg_header);
  g_autoptr(GBytes) text = g_bytes_new_static ("<p>svg</p> <svg", 15);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(RelanceDatabase) db = open_ledger ();
  g_autoptr(RelanceCompany) company = relance_company_new ();
  g_autoptr(RelanceCompany) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (relance_company_check_image (png, NULL));
  g_assert_true (relance_company_check_image (svg, NULL));
  g_assert_true (relance_company_check_image (bare_svg, NULL));
  g_assert_false (relance_company_check_image (xml_not_svg, NULL));
  g_assert_false (relance_company_check_image (jpeg, NULL));
  g_assert_false (relance_company_check_image (text, NULL));
  g_assert_false (relance_company_check_image (empty, &error));
  g_assert_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID);
  g_assert_false (relance_company_check_image (NULL, NULL));

  company->logo = g_bytes_ref (svg);
  company->signature = g_bytes_ref (png);
  store (db, company);
  stored = get_company (db);
  g_assert_true (g_bytes_equal (stored->logo, svg));
  g_assert_true (g_bytes_equal (stored->signature, png));
}

static void
test_company_sample (void)
{
  g_autoptr(RelanceDatabase) db = open_ledger ();
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  RelanceCompanyField field = RELANCE_COMPANY_FIELD_NONE;
  RelanceSampleOptions options;

  relance_sample_options_init (&options, relance_day_from_dmy (23, 11, 2026));
  g_assert_true (relance_sample_generate (db, &options, &error));
  g_assert_no_error (error);

  company = get_company (db);
  if (!relance_company_check (company, &field, &error))
    g_error ("The sample company is refused (field %d): %s", field, error->message);
  missing = relance_company_list_missing (company);
  g_assert_null (missing);

  /* And it can be stored back as it is. */
  store (db, company);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/company/fresh", test_company_fresh);
  g_test_add_func ("/company/round-trip", test_company_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/company/refused/%s", refusals[i].name);

      g_test_add_data_func (path, &refusals[i], test_company_refusals);
    }
  g_test_add_func ("/company/field-checks", test_company_field_checks);
  g_test_add_func ("/company/images", test_company_images);
  g_test_add_func ("/company/sample", test_company_sample);

  return g_test_run ();
}
