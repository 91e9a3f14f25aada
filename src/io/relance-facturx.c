/* relance-facturx.c
 *
 * The fields read (EN 16931 numbering), by the local names of the CII
 * elements, whatever their namespace prefixes:
 *   BT-1   ExchangedDocument/ID                       invoice number
 *   BT-3   ExchangedDocument/TypeCode                 381 credit note, else invoice
 *   BT-2   ExchangedDocument/IssueDateTime/DateTimeString
 *   BT-9   …/ApplicableHeaderTradeSettlement/SpecifiedTradePaymentTerms/
 *          DueDateDateTime/DateTimeString
 *   BT-5   …/ApplicableHeaderTradeSettlement/InvoiceCurrencyCode
 *   BT-44  …/ApplicableHeaderTradeAgreement/BuyerTradeParty/Name
 *   BT-46  …/BuyerTradeParty/ID                       customer code, if any
 *   BT-47  …/BuyerTradeParty/SpecifiedLegalOrganization/ID (SIREN, scheme 0002)
 *   BT-50… …/BuyerTradeParty/PostalTradeAddress
 *   BT-112 …/SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount
 *   BT-115 …/SpecifiedTradeSettlementHeaderMonetarySummation/DuePayableAmount
 *
 * Safety: a document with a DOCTYPE is refused before parsing (CII never
 * has one; that is where entity bombs live), libxml2 runs with NONET and
 * without NOENT, DTDLOAD or HUGE, and attachments are capped in size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler.h>
#include <string.h>

#include "relance-error.h"
#include "relance-facturx.h"
#include "relance-money.h"

static const char * const attachment_names[] = {
  "factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "ZUGFeRD-invoice.xml",
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && g_str_equal ((const char *)c->name, name))
      return c;

  return NULL;
}

/* Follows element local names from @node: path ("A", "B", NULL). */
static xmlNode *
find (xmlNode *node,
      ...)
{
  va_list args;
  const char *name;

  va_start (args, node);
  while (node != NULL && (name = va_arg (args, const char *)) != NULL)
    node = child (node, name);
  va_end (args);

  return node;
}

/* The text directly inside @node (entity references are not followed). */
static char *
text_of (xmlNode *node)
{
  GString *out;

  if (node == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
      g_string_append (out, (const char *)c->content);

  g_strstrip (out->str);
  return g_string_free (out, FALSE);
}

/* "1234.5000" -> cents; CII amounts use '.' and up to four decimals. */
static gboolean
parse_amount (const char *text,
              gint64     *cents)
{
  g_autofree char *copy = NULL;
  char *dot;

  if (text == NULL || *text == '\0')
    return FALSE;

  copy = g_strdup (text);
  dot = strchr (copy, '.');
  if (dot != NULL)
    {
      gsize n = strlen (dot + 1);

      while (n > 2 && dot[n] == '0')
        dot[n--] = '\0';
      if (n == 0)
        *dot = '\0';
    }

  return relance_money_parse (copy, cents, NULL);
}

static gboolean
parse_date (xmlNode    *node,
            RelanceDay *day)
{
  g_autofree char *text = text_of (child (node, "DateTimeString"));

  *day = RELANCE_DAY_NONE;
  if (text == NULL)
    return FALSE;
  return relance_day_parse_compact (text, day, NULL) || relance_day_parse (text, day, NULL);
}

static void
add_file_problem (RelanceImportBatch *batch,
                  const char         *file,
                  char               *reason)
{
  RelanceImportProblem *problem = g_new0 (RelanceImportProblem, 1);

  problem->file = g_strdup (file);
  problem->reason = reason;
  g_ptr_array_add (batch->problems, problem);
}

/**
 * relance_facturx_read_xml:
 * @batch: where the invoice and its buyer go
 * @xml: the CII document
 * @file: the name shown in messages
 *
 * Returns: %FALSE if the document is not a CII invoice; the reason is in
 *   @error (and nothing was added to @batch)
 */
gboolean
relance_facturx_read_xml (RelanceImportBatch  *batch,
                          const char          *xml,
                          gsize                length,
                          const char          *file,
                          GError             **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *number = NULL;
  g_autofree char *type = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *buyer_name = NULL;
  g_autofree char *buyer_id = NULL;
  g_autofree char *siren = NULL;
  g_autofree char *total = NULL;
  g_autofree char *due_payable = NULL;
  xmlNode *root, *document, *transaction, *agreement, *settlement, *buyer, *legal, *address, *sums;
  RelanceImportCustomer *customer;
  RelanceImportInvoice *invoice;
  RelanceDay issued, due;
  gint64 amount = 0, open = -1;

  if (length > RELANCE_FACTURX_XML_MAX)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: the embedded invoice is too large to be an invoice"), file);
      return FALSE;
    }
  if (g_strstr_len (xml, length, "<!DOCTYPE") != NULL || g_strstr_len (xml, length, "<!ENTITY") != NULL)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: the embedded invoice declares a DOCTYPE, which a Factur-X "
                     "invoice never does; it was not read"), file);
      return FALSE;
    }

  doc = xmlReadMemory (xml, (int)length, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || !g_str_equal ((const char *)root->name, "CrossIndustryInvoice"))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: the embedded file is not a Factur-X (CII) invoice"), file);
      return FALSE;
    }

  document = child (root, "ExchangedDocument");
  transaction = child (root, "SupplyChainTradeTransaction");
  agreement = child (transaction, "ApplicableHeaderTradeAgreement");
  settlement = child (transaction, "ApplicableHeaderTradeSettlement");
  buyer = child (agreement, "BuyerTradeParty");
  legal = child (buyer, "SpecifiedLegalOrganization");
  address = child (buyer, "PostalTradeAddress");
  sums = child (settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");

  number = text_of (child (document, "ID"));
  type = text_of (child (document, "TypeCode"));
  currency = text_of (child (settlement, "InvoiceCurrencyCode"));
  buyer_name = text_of (child (buyer, "Name"));
  buyer_id = text_of (child (buyer, "ID"));
  siren = text_of (child (legal, "ID"));
  total = text_of (child (sums, "GrandTotalAmount"));
  due_payable = text_of (child (sums, "DuePayableAmount"));

  if (number == NULL || *number == '\0')
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: the invoice has no number (BT-1)"), file);
      return FALSE;
    }
  if (!parse_date (child (document, "IssueDateTime"), &issued))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: invoice %s has no readable issue date (BT-2)"), file, number);
      return FALSE;
    }
  parse_date (find (settlement, "SpecifiedTradePaymentTerms", "DueDateDateTime", NULL), &due);
  if (!parse_amount (total, &amount) && !parse_amount (due_payable, &amount))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: invoice %s has no readable total (BT-112)"), file, number);
      return FALSE;
    }
  if (due_payable != NULL && !parse_amount (due_payable, &open))
    open = -1;
  if (buyer_name == NULL || *buyer_name == '\0')
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s: invoice %s does not name the buyer (BT-44)"), file, number);
      return FALSE;
    }

  if (siren != NULL)
    {
      if (strlen (siren) == 14 && strspn (siren, "0123456789") == 14)
        siren[9] = '\0';   /* a SIRET */
      if (strlen (siren) != 9 || strspn (siren, "0123456789") != 9)
        g_clear_pointer (&siren, g_free);
    }

  customer = relance_import_batch_add_customer (batch);
  customer->code = buyer_id != NULL && *buyer_id != '\0' ? g_strdup (buyer_id) : NULL;
  customer->siren = g_strdup (siren);
  customer->name = g_strdup (buyer_name);
  customer->address = text_of (child (address, "LineOne"));
  customer->postcode = text_of (child (address, "PostcodeCode"));
  customer->city = text_of (child (address, "CityName"));
  customer->country = text_of (child (address, "CountryID"));
  if (customer->code == NULL && customer->siren == NULL)
    {
      /* Neither an identifier nor a SIREN: the name makes the code. */
      GString *code = g_string_new (NULL);

      for (const char *p = buyer_name; *p != '\0' && code->len < 20; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (code, g_ascii_toupper (*p));
      customer->code = g_string_free (code, FALSE);
    }

  invoice = relance_import_batch_add_invoice (batch);
  invoice->number = g_steal_pointer (&number);
  invoice->customer_code = g_strdup (customer->code ? customer->code : customer->siren);
  invoice->issue_date = issued;
  invoice->due_date = due;
  invoice->amount = ABS (amount);
  invoice->open = open >= 0 ? MIN (open, invoice->amount) : -1;
  invoice->credit_note = g_strcmp0 (type, "381") == 0 || amount < 0;
  invoice->currency = g_steal_pointer (&currency);
  invoice->source_ref = g_strdup (file);
  batch->n_records++;

  return TRUE;
}

static gboolean
collect_cb (const char  *buf,
            gsize        count,
            gpointer     data,
            GError     **error)
{
  GByteArray *bytes = data;

  if (bytes->len + count > RELANCE_FACTURX_XML_MAX)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, "too large");
      return FALSE;
    }
  g_byte_array_append (bytes, (const guint8 *)buf, (guint)count);
  return TRUE;
}

/* Reads the invoice attached to the PDF at @path into @batch. */
static gboolean
read_pdf (RelanceImportBatch  *batch,
          const char          *path,
          GError             **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  GList *attachments;
  PopplerAttachment *found = NULL;
  gboolean ok = FALSE;

  document = poppler_document_new_from_gfile (file, NULL, NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("%s is not a PDF that can be read: %s"), name, local_error->message);
      return FALSE;
    }

  attachments = poppler_document_get_attachments (document);
  for (GList *l = attachments; l != NULL && found == NULL; l = l->next)
    {
      PopplerAttachment *attachment = l->data;

      for (guint i = 0; i < G_N_ELEMENTS (attachment_names); i++)
        if (attachment->name != NULL && g_ascii_strcasecmp (attachment->name, attachment_names[i]) == 0)
          found = attachment;
    }

  if (found == NULL)
    g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                 _("%s is a PDF without a Factur-X invoice inside (no factur-x.xml attached): "
                   "it can only be typed in"), name);
  else if (found->size > RELANCE_FACTURX_XML_MAX)
    g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                 _("%s: the embedded invoice is too large to be an invoice"), name);
  else
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();

      if (!poppler_attachment_save_to_callback (found, collect_cb, bytes, NULL))
        g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                     _("%s: the embedded invoice cannot be read"), name);
      else
        ok = relance_facturx_read_xml (batch, (const char *)bytes->data, bytes->len, name, error);
    }

  g_list_free_full (attachments, g_object_unref);
  g_object_unref (document);

  return ok;
}

/**
 * relance_facturx_read_pdf:
 * @batch: where the invoice goes; a PDF that cannot be read adds a problem
 *   naming the file
 * @path: the PDF
 *
 * Returns: %TRUE if an invoice was added to @batch
 */
gboolean
relance_facturx_read_pdf (RelanceImportBatch  *batch,
                          const char          *path,
                          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  if (read_pdf (batch, path, &local_error))
    return TRUE;

  name = g_filename_display_basename (path);
  add_file_problem (batch, name, g_strdup (local_error->message));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
