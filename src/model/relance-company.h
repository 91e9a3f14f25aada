/* relance-company.h
 *
 * The user's own firm, as its letters present it: name and address, legal
 * identifiers (SIREN, VAT number), how to pay it (IBAN, BIC), how to reach
 * it, its logo and the signature of the person who signs, and the place
 * letters are written from ("Fait à Besançon"). One per ledger. Every
 * field is checked before it is stored: a SIREN or an IBAN with a wrong
 * check digit, a name too long for a letterhead, an image that is not a
 * PNG or an SVG are refused with a message saying which field and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

/* Longest name a letterhead shows on one line. */
#define RELANCE_COMPANY_NAME_MAX 80
/* Largest logo or signature image, in bytes. */
#define RELANCE_COMPANY_IMAGE_MAX (2 * 1000 * 1000)

typedef enum
{
  RELANCE_COMPANY_FIELD_NONE,
  RELANCE_COMPANY_FIELD_NAME,
  RELANCE_COMPANY_FIELD_ADDRESS,
  RELANCE_COMPANY_FIELD_POSTCODE,
  RELANCE_COMPANY_FIELD_CITY,
  RELANCE_COMPANY_FIELD_COUNTRY,
  RELANCE_COMPANY_FIELD_SIREN,
  RELANCE_COMPANY_FIELD_VAT_NUMBER,
  RELANCE_COMPANY_FIELD_IBAN,
  RELANCE_COMPANY_FIELD_BIC,
  RELANCE_COMPANY_FIELD_PHONE,
  RELANCE_COMPANY_FIELD_EMAIL,
  RELANCE_COMPANY_FIELD_LOGO,
  RELANCE_COMPANY_FIELD_SIGNATURE,
  RELANCE_COMPANY_FIELD_SIGNATORY_NAME,
  RELANCE_COMPANY_FIELD_SIGNATORY_TITLE,
  RELANCE_COMPANY_FIELD_PLACE,
} RelanceCompanyField;

/* Strings are never NULL once read ("" when not given); images may be NULL. */
typedef struct
{
  char   *name;
  char   *address;          /* street lines, "\n"-separated */
  char   *postcode;
  char   *city;
  char   *country;          /* ISO 3166 code: "FR" */
  char   *siren;            /* 9 digits, stored without spaces */
  char   *vat_number;       /* "FR40123456824", stored without spaces */
  char   *iban;             /* stored without spaces, upper case */
  char   *bic;
  char   *phone;
  char   *email;
  char   *signatory_name;
  char   *signatory_title;
  char   *place;            /* "Besançon", for "Fait à Besançon, le …" */
  GBytes *logo;             /* PNG or SVG */
  GBytes *signature;        /* PNG or SVG */
} RelanceCompany;

RelanceCompany *relance_company_new           (void);
RelanceCompany *relance_company_copy          (const RelanceCompany *company);
void            relance_company_free          (RelanceCompany       *company);

RelanceCompany *relance_company_get           (RelanceDatabase      *db,
                                               GError              **error);
/* Checks every field (and normalises nothing); @field, if not NULL, is set
 * to the first wrong one. */
gboolean        relance_company_check         (const RelanceCompany *company,
                                               RelanceCompanyField  *field,
                                               GError              **error);
/* Checks, normalises (spaces out of SIREN, VAT number, IBAN; upper case)
 * and stores the whole identity in one write. */
gboolean        relance_company_set           (RelanceDatabase      *db,
                                               const RelanceCompany *company,
                                               RelanceCompanyField  *field,
                                               GError              **error);

/* What a letter needs and is not given: the translated names of the
 * missing fields (name, address, postcode, city, SIREN, signatory), or
 * NULL when nothing is missing. */
GStrv           relance_company_list_missing  (const RelanceCompany *company);

/* Field checks, usable as the user types. */
gboolean        relance_company_check_siren   (const char           *text,
                                               GError              **error);
gboolean        relance_company_check_vat_number (const char        *text,
                                               GError              **error);
gboolean        relance_company_check_iban    (const char           *text,
                                               GError              **error);
gboolean        relance_company_check_bic     (const char           *text,
                                               GError              **error);
/* PNG or SVG, not empty, at most RELANCE_COMPANY_IMAGE_MAX bytes. */
gboolean        relance_company_check_image   (GBytes               *bytes,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceCompany, relance_company_free)

G_END_DECLS
