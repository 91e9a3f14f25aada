/* relance-cli-company.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "relance-cli-commands.h"
#include "relance-cli-company.h"
#include "relance-cli-output.h"
#include "relance-company.h"
#include "relance-database.h"
#include "relance-error.h"

enum { COMPANY_FIELD, COMPANY_VALUE };

/* The names are what scripts read and are never translated. */
static const RelanceCliColumn company_columns[] = {
  { "field", N_("Field"), RELANCE_CLI_COLUMN_TEXT },
  { "value", N_("Value"), RELANCE_CLI_COLUMN_TEXT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (company_columns) == COMPANY_VALUE + 1);

/* The rows of "company show", in the order of the form. */
typedef struct
{
  const char *keyword;
  const char *label;
  glong       offset;   /* of the member in RelanceCompany: a string, or an image */
} CompanyRow;

#define TEXT_ROW(keyword, label, member) { keyword, label, G_STRUCT_OFFSET (RelanceCompany, member) }

static const CompanyRow company_rows[] = {
  TEXT_ROW ("name", N_("Company name"), name),
  TEXT_ROW ("address", N_("Address"), address),
  TEXT_ROW ("postcode", N_("Postcode"), postcode),
  TEXT_ROW ("city", N_("City"), city),
  TEXT_ROW ("country", N_("Country"), country),
  TEXT_ROW ("siren", N_("SIREN"), siren),
  TEXT_ROW ("vat_number", N_("VAT number"), vat_number),
  TEXT_ROW ("iban", N_("IBAN"), iban),
  TEXT_ROW ("bic", N_("BIC"), bic),
  TEXT_ROW ("phone", N_("Phone"), phone),
  TEXT_ROW ("email", N_("E-mail"), email),
  TEXT_ROW ("signatory_name", N_("Signatory’s name"), signatory_name),
  TEXT_ROW ("signatory_title", N_("Signatory’s title"), signatory_title),
  TEXT_ROW ("place", N_("Place"), place),
  TEXT_ROW ("logo", N_("Logo"), logo),
  TEXT_ROW ("signature", N_("Signature"), signature),
};

/* "PNG, 12 KB", or "" when there is no image. */
static char *
describe_image (GBytes *bytes)
{
  const guint8 *data;
  gsize size = 0;
  g_autofree char *formatted = NULL;

  if (bytes == NULL)
    return g_strdup ("");

  data = g_bytes_get_data (bytes, &size);
  formatted = g_format_size (size);
  if (size >= 4 && memcmp (data, "\x89PNG", 4) == 0)
    /* TRANSLATORS: an image's kind and size, "PNG, 12.3 kB" */
    return g_strdup_printf (_("PNG, %s"), formatted);

  /* TRANSLATORS: an image's kind and size, "SVG, 3.1 kB" */
  return g_strdup_printf (_("SVG, %s"), formatted);
}

static void
fill_company_row (RelanceCliRow *row,
                  guint          position,
                  gpointer       user_data)
{
  RelanceCompany *company = user_data;
  const CompanyRow *info = &company_rows[position];

  relance_cli_row_set_keyword (row, COMPANY_FIELD, info->keyword, _(info->label));

  if (info->offset == G_STRUCT_OFFSET (RelanceCompany, logo) ||
      info->offset == G_STRUCT_OFFSET (RelanceCompany, signature))
    {
      GBytes *bytes = G_STRUCT_MEMBER (GBytes *, company, info->offset);
      g_autofree char *text = describe_image (bytes);

      relance_cli_row_set_text (row, COMPANY_VALUE, text);
    }
  else
    relance_cli_row_set_text (row, COMPANY_VALUE, G_STRUCT_MEMBER (char *, company, info->offset));
}

int
relance_cli_company_show (const char   *command,
                          char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command, .lists = TRUE };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Shows the identity your letters are written with, "
                                                "one line per field, and warns about what they "
                                                "still lack."),
                                       NULL, args, &status))
    return status;

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);

  company = relance_company_get (relance_context_get_database (context), &error);
  if (company == NULL)
    return relance_cli_fail (error);

  status = relance_cli_write_list (&inv, company_columns, G_N_ELEMENTS (company_columns),
                                   G_N_ELEMENTS (company_rows), fill_company_row, company);

  missing = relance_company_list_missing (company);
  if (missing != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", missing);

      g_printerr (_("Warning: letters need what is missing here: %s\n"), names);
    }

  return status;
}

/* Reads an image named on the command line and checks it is one a letter
 * can show. */
static GBytes *
read_image (const char  *path,
            const char  *option,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: cannot read “%s”: %s"), option, path, local->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!relance_company_check_image (bytes, &local))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: “%s” cannot be used: %s"), option, path, local->message);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* Replaces *@field by @value when the option was given. */
static void
take_option (char **field,
             char **value)
{
  if (*value == NULL)
    return;

  g_free (*field);
  *field = g_steal_pointer (value);
}

int
relance_cli_company_set (const char   *command,
                         char       ***args)
{
  g_auto(RelanceCliInvocation) inv = { command, .creates_ledger = TRUE };
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;
  g_autofree char *siren = NULL;
  g_autofree char *vat = NULL;
  g_autofree char *iban = NULL;
  g_autofree char *bic = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *signatory = NULL;
  g_autofree char *signatory_title = NULL;
  g_autofree char *place = NULL;
  g_autofree char *logo_path = NULL;
  g_autofree char *signature_path = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Your company’s name"), N_("NAME") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address,
      N_("The street address, up to 4 lines separated by new lines"), N_("TEXT") },
    { "postcode", 0, 0, G_OPTION_ARG_STRING, &postcode, N_("The postcode"), N_("POSTCODE") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("The city"), N_("CITY") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("The country’s two-letter code, such as FR"),
      N_("CODE") },
    { "siren", 0, 0, G_OPTION_ARG_STRING, &siren, N_("The SIREN (9 digits)"), N_("SIREN") },
    { "vat", 0, 0, G_OPTION_ARG_STRING, &vat, N_("The intra-EU VAT number"), N_("NUMBER") },
    { "iban", 0, 0, G_OPTION_ARG_STRING, &iban, N_("The IBAN customers pay to"), N_("IBAN") },
    { "bic", 0, 0, G_OPTION_ARG_STRING, &bic, N_("The bank’s BIC"), N_("BIC") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The phone number"), N_("NUMBER") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The e-mail address"), N_("ADDRESS") },
    { "signatory", 0, 0, G_OPTION_ARG_STRING, &signatory, N_("Who signs the letters"), N_("NAME") },
    { "signatory-title", 0, 0, G_OPTION_ARG_STRING, &signatory_title,
      N_("The signatory’s title, such as Gérante"), N_("TITLE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("The place letters are written from (“Fait à …”)"), N_("PLACE") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo_path, N_("The logo, a PNG or SVG file"), N_("FILE") },
    { "signature", 0, 0, G_OPTION_ARG_FILENAME, &signature_path,
      N_("The signature, a PNG or SVG file"), N_("FILE") },
    { NULL }
  };
  g_autoptr(RelanceContext) context = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!relance_cli_parse_command_line (&inv, N_("Sets the identity your letters are written with. "
                                                "Only the fields given change; each is checked "
                                                "(SIREN, VAT number, IBAN and BIC check digits) "
                                                "and nothing is written if one is wrong."),
                                       entries, args, &status))
    return status;

  /* The files first: a wrong one must not open, let alone change, the ledger. */
  if (logo_path != NULL && (logo = read_image (logo_path, "--logo", &error)) == NULL)
    return relance_cli_fail (error);
  if (signature_path != NULL && (signature = read_image (signature_path, "--signature", &error)) == NULL)
    return relance_cli_fail (error);

  context = relance_cli_open_ledger (&inv, &error);
  if (context == NULL)
    return relance_cli_fail (error);

  company = relance_company_get (relance_context_get_database (context), &error);
  if (company == NULL)
    return relance_cli_fail (error);

  take_option (&company->name, &name);
  take_option (&company->address, &address);
  take_option (&company->postcode, &postcode);
  take_option (&company->city, &city);
  take_option (&company->country, &country);
  take_option (&company->siren, &siren);
  take_option (&company->vat_number, &vat);
  take_option (&company->iban, &iban);
  take_option (&company->bic, &bic);
  take_option (&company->phone, &phone);
  take_option (&company->email, &email);
  take_option (&company->signatory_name, &signatory);
  take_option (&company->signatory_title, &signatory_title);
  take_option (&company->place, &place);
  if (logo != NULL)
    {
      g_clear_pointer (&company->logo, g_bytes_unref);
      company->logo = g_steal_pointer (&logo);
    }
  if (signature != NULL)
    {
      g_clear_pointer (&company->signature, g_bytes_unref);
      company->signature = g_steal_pointer (&signature);
    }

  if (!relance_company_set (relance_context_get_database (context), company, NULL, &error))
    return relance_cli_fail (error);

  return RELANCE_CLI_EXIT_OK;
}
