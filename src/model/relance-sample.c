/* relance-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-money.h"
#include "relance-sample.h"
#include "relance-text.h"

/* Eighteen months of invoices. */
#define HISTORY_DAYS 540

typedef enum
{
  PAYER_PROMPT,    /* pays within a few days of the due date */
  PAYER_LATE,      /* two to six weeks late */
  PAYER_BAD,       /* months late, sometimes never */
  PAYER_PARTIAL,   /* pays in instalments */
} PayerProfile;

typedef struct
{
  guint64 state;
} Random;

typedef struct
{
  gint64       id;
  char        *code;
  int          terms;
  PayerProfile profile;
  char        *contact;
} Customer;

typedef struct
{
  RelanceDatabase *db;
  Random           random;
  RelanceDay       today;
  GArray          *customers;
  sqlite3_stmt    *invoice;
  sqlite3_stmt    *payment;
  sqlite3_stmt    *allocation;
  sqlite3_stmt    *dispute;
  sqlite3_stmt    *action;
  sqlite3_stmt    *action_invoice;
  sqlite3_stmt    *promise;
  guint            credit_note_seq;
} Generator;

static const char * const last_names[] = {
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
  "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
  "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre",
  "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
  "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
  "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
  "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis",
  "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël",
};

static const char * const trades[] = {
  "Menuiserie", "Boulangerie", "Transports", "Garage", "Imprimerie", "Plomberie",
  "Électricité", "Bâtiment", "Pharmacie", "Hôtel", "Librairie", "Pâtisserie",
  "Métallerie", "Charpente", "Opticien", "Fromagerie", "Cave", "Pépinières",
  "Carrosserie", "Traiteur", "Ébénisterie", "Clinique vétérinaire", "Cabinet", "Scierie",
};

static const char * const forms[] = { "SARL", "SAS", "EURL", "SA", "Ets", "SCI" };

static const struct {
  const char *city;
  const char *postcode;
  const char *phone_prefix;
} cities[] = {
  { "Besançon", "25000", "03 81" }, { "Dijon", "21000", "03 80" },
  { "Orléans", "45000", "02 38" }, { "Évry-Courcouronnes", "91000", "01 60" },
  { "Nîmes", "30000", "04 66" }, { "Saint-Étienne", "42000", "04 77" },
  { "Lyon", "69003", "04 78" }, { "Grenoble", "38000", "04 76" },
  { "Montbéliard", "25200", "03 81" }, { "Chambéry", "73000", "04 79" },
  { "Périgueux", "24000", "05 53" }, { "Béziers", "34500", "04 67" },
  { "Clermont-Ferrand", "63000", "04 73" }, { "Nancy", "54000", "03 83" },
  { "Angoulême", "16000", "05 45" }, { "Vesoul", "70000", "03 84" },
  { "Mâcon", "71000", "03 85" }, { "Alès", "30100", "04 66" },
};

static const char * const streets[] = {
  "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta",
  "rue des Écoles", "place de l’Église", "rue du Général de Gaulle", "chemin des Prés",
  "zone artisanale des Tilleuls", "rue Pasteur", "allée des Châtaigniers", "quai de la Loire",
};

/* With the civility their letters are addressed with. */
static const struct {
  const char *name;
  const char *civility;
} first_names[] = {
  { "Nathalie", "madame" }, { "Isabelle", "madame" }, { "Sylvie", "madame" },
  { "Catherine", "madame" }, { "Philippe", "monsieur" }, { "Christophe", "monsieur" },
  { "Stéphane", "monsieur" }, { "Sandrine", "madame" }, { "Céline", "madame" },
  { "Frédéric", "monsieur" }, { "Valérie", "madame" }, { "Hélène", "madame" },
  { "Jérôme", "monsieur" }, { "Aurélie", "madame" }, { "Loïc", "monsieur" },
  { "Maëlle", "madame" },
};

static const char * const roles[] = {
  N_("Accounts payable"), N_("Manager"), N_("Accountant"), N_("Purchasing"),
};

static const char * const call_outcomes[] = {
  "Promesse de règlement par virement",
  "Facture non reçue : duplicata envoyé par e-mail",
  "Le comptable est absent, rappeler la semaine prochaine",
  "Règlement bloqué en attente de validation du bon de livraison",
};

static guint64
random_next (Random *random)
{
  guint64 z = (random->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A whole number in [0, n). */
static guint
random_below (Random *random,
              guint   n)
{
  return (guint)(random_next (random) % n);
}

static int
random_between (Random *random,
                int     low,
                int     high)
{
  return low + (int)random_below (random, (guint)(high - low + 1));
}

static gboolean
random_chance (Random *random,
               guint   percent)
{
  return random_below (random, 100) < percent;
}

#define PICK(random, array) ((array)[random_below ((random), G_N_ELEMENTS (array))])

/* Invoice amounts of a small firm: most a few hundred euros, some thousands. */
static gint64
random_amount (Random *random)
{
  guint roll = random_below (random, 100);
  gint64 euros;

  if (roll < 55)
    euros = random_between (random, 80, 900);
  else if (roll < 90)
    euros = random_between (random, 900, 4500);
  else
    euros = random_between (random, 4500, 24000);

  return euros * 100 + random_below (random, 100);
}

static void
customer_clear (gpointer data)
{
  Customer *customer = data;

  g_free (customer->code);
  g_free (customer->contact);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return *(const RelanceDay *)a - *(const RelanceDay *)b;
}

/* Made-up identifiers that pass relance_company_check(): a SIREN with a
 * right Luhn digit and its French VAT key, and the IBAN banks print as
 * their example. */
static gboolean
insert_company (Generator  *gen,
                GError    **error)
{
  return _relance_database_exec (gen->db,
    "UPDATE company SET name = 'Atelier Martin & Fils (société d’exemple)',"
    " address = '12 rue des Granges', postcode = '25000', city = 'Besançon',"
    " siren = '123456782', vat_number = 'FR11123456782',"
    " iban = 'FR7630006000011234567890189', bic = 'AGRIFRPPXXX',"
    " phone = '03 81 00 00 00', email = 'compta@exemple.invalid',"
    " signatory_name = 'Claire Martin', signatory_title = 'Gérante', place = 'Besançon'"
    " WHERE id = 1", error);
}

static gboolean
insert_segments (Generator  *gen,
                 GError    **error)
{
  return _relance_database_exec (gen->db,
    "INSERT INTO segments (id, name, tone, scenario_id) VALUES"
    " (1, 'Grands comptes', 'courteous', (SELECT id FROM scenarios WHERE key = 'key_accounts')),"
    " (2, 'Clients réguliers', 'standard', (SELECT id FROM scenarios WHERE key = 'standard')),"
    " (3, 'Clients à surveiller', 'firm', (SELECT id FROM scenarios WHERE key = 'firm'))", error);
}

static gboolean
insert_customers (Generator  *gen,
                  guint       n_customers,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) customer = NULL;
  g_autoptr(sqlite3_stmt) contact = NULL;
  Random *random = &gen->random;

  customer = _relance_database_prepare (gen->db,
    "INSERT INTO customers (code, name, sort_key, siren, address, postcode, city, email,"
    " phone, segment_id, payment_terms, credit_limit)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  contact = _relance_database_prepare (gen->db,
    "INSERT INTO contacts (customer_id, name, role, phone, email, is_collections, civility)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (customer == NULL || contact == NULL)
    return FALSE;

  for (guint i = 0; i < n_customers; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%05u", i + 1);
      g_autofree char *name = NULL;
      g_autofree char *sort_key = NULL;
      g_autofree char *address = NULL;
      g_autofree char *siren = NULL;
      g_autofree char *email = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *login = NULL;
      g_autofree char *contact_name = NULL;
      const char *last = PICK (random, last_names);
      guint city = random_below (random, G_N_ELEMENTS (cities));
      guint segment_roll = random_below (random, 100);
      int segment = segment_roll < 12 ? 1 : segment_roll < 82 ? 2 : 3;
      static const int terms[] = { 30, 30, 30, 45, 45, 60, 0 };
      const char *contact_last;
      guint first;
      Customer entry = { 0 };

      if (random_chance (random, 55))
        name = g_strdup_printf ("%s %s", PICK (random, trades), last);
      else
        name = g_strdup_printf ("%s %s %s", PICK (random, forms), last, cities[city].city);
      sort_key = relance_text_fold (name);
      address = g_strdup_printf ("%d %s", random_between (random, 1, 120), PICK (random, streets));
      siren = g_strdup_printf ("%09u", random_below (random, 999999999));
      login = relance_text_fold (last);
      email = g_strdup_printf ("compta.%s%u@exemple.invalid", login, i + 1);
      phone = g_strdup_printf ("%s %02u %02u %02u", cities[city].phone_prefix,
                               random_below (random, 100), random_below (random, 100),
                               random_below (random, 100));

      entry.code = g_strdup (code);
      entry.terms = PICK (random, terms);
      if (segment == 3)
        entry.profile = random_chance (random, 60) ? PAYER_BAD : PAYER_PARTIAL;
      else if (segment == 1)
        entry.profile = random_chance (random, 80) ? PAYER_PROMPT : PAYER_LATE;
      else
        entry.profile = random_chance (random, 60) ? PAYER_PROMPT
                        : random_chance (random, 75) ? PAYER_LATE : PAYER_PARTIAL;

      sqlite3_reset (customer);
      _relance_bind_text (customer, 1, code);
      _relance_bind_text (customer, 2, name);
      _relance_bind_text (customer, 3, sort_key);
      _relance_bind_text (customer, 4, siren);
      _relance_bind_text (customer, 5, address);
      _relance_bind_text (customer, 6, cities[city].postcode);
      _relance_bind_text (customer, 7, cities[city].city);
      _relance_bind_text (customer, 8, email);
      _relance_bind_text (customer, 9, phone);
      sqlite3_bind_int (customer, 10, segment);
      sqlite3_bind_int (customer, 11, entry.terms);
      sqlite3_bind_int64 (customer, 12, (gint64)random_between (random, 5, 60) * 100000);
      if (!_relance_database_run (gen->db, customer, error))
        return FALSE;
      entry.id = sqlite3_last_insert_rowid (_relance_database_get_handle (gen->db));

      /* The last name drawn first, as the sample always did. */
      contact_last = PICK (random, last_names);
      first = random_below (random, G_N_ELEMENTS (first_names));
      contact_name = g_strdup_printf ("%s %s", first_names[first].name, contact_last);
      entry.contact = g_strdup (contact_name);
      sqlite3_reset (contact);
      sqlite3_bind_int64 (contact, 1, entry.id);
      _relance_bind_text (contact, 2, contact_name);
      _relance_bind_text (contact, 3, _(PICK (random, roles)));
      _relance_bind_text (contact, 4, phone);
      _relance_bind_text (contact, 5, email);
      sqlite3_bind_int (contact, 6, 1);
      _relance_bind_text (contact, 7, first_names[first].civility);
      if (!_relance_database_run (gen->db, contact, error))
        return FALSE;

      g_array_append_val (gen->customers, entry);
    }

  return TRUE;
}

static gint64
insert_row (Generator     *gen,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  if (!_relance_database_run (gen->db, stmt, error))
    return 0;
  sqlite3_reset (stmt);
  return sqlite3_last_insert_rowid (_relance_database_get_handle (gen->db));
}

static gint64
add_invoice (Generator    *gen,
             Customer     *customer,
             const char   *number,
             gboolean      credit_note,
             RelanceDay    issued,
             RelanceDay    due,
             gint64        amount,
             GError      **error)
{
  sqlite3_bind_int64 (gen->invoice, 1, customer->id);
  _relance_bind_text (gen->invoice, 2, number);
  _relance_bind_text (gen->invoice, 3, credit_note ? "credit_note" : "invoice");
  sqlite3_bind_int (gen->invoice, 4, issued);
  sqlite3_bind_int (gen->invoice, 5, due);
  sqlite3_bind_int64 (gen->invoice, 6, amount);
  return insert_row (gen, gen->invoice, error);
}

static gboolean
add_payment (Generator   *gen,
             Customer    *customer,
             gint64       invoice_id,
             RelanceDay   date,
             gint64       amount,
             const char  *number,
             GError     **error)
{
  g_autofree char *reference = g_strdup_printf ("VIR %s", number);
  gint64 payment_id;

  sqlite3_bind_int64 (gen->payment, 1, customer->id);
  sqlite3_bind_int (gen->payment, 2, date);
  sqlite3_bind_int64 (gen->payment, 3, amount);
  _relance_bind_text (gen->payment, 4, random_chance (&gen->random, 85) ? "transfer" : "cheque");
  _relance_bind_text (gen->payment, 5, reference);
  payment_id = insert_row (gen, gen->payment, error);
  if (payment_id == 0)
    return FALSE;

  sqlite3_bind_int64 (gen->allocation, 1, invoice_id);
  sqlite3_bind_int64 (gen->allocation, 2, payment_id);
  sqlite3_bind_null (gen->allocation, 3);
  sqlite3_bind_int (gen->allocation, 4, date);
  sqlite3_bind_int64 (gen->allocation, 5, amount);
  return insert_row (gen, gen->allocation, error) != 0;
}

static gint64
add_action (Generator   *gen,
            Customer    *customer,
            gint64       invoice_id,
            const char  *kind,
            RelanceDay   date,
            const char  *outcome,
            const char  *summary,
            GError     **error)
{
  gint64 action_id;

  sqlite3_bind_int64 (gen->action, 1, customer->id);
  _relance_bind_text (gen->action, 2, kind);
  sqlite3_bind_int (gen->action, 3, date);
  _relance_bind_text (gen->action, 4, g_str_equal (kind, "call") ? customer->contact : "");
  _relance_bind_text (gen->action, 5, outcome);
  _relance_bind_text (gen->action, 6, summary);
  action_id = insert_row (gen, gen->action, error);
  if (action_id == 0)
    return 0;

  sqlite3_bind_int64 (gen->action_invoice, 1, action_id);
  sqlite3_bind_int64 (gen->action_invoice, 2, invoice_id);
  if (!_relance_database_run (gen->db, gen->action_invoice, error))
    return 0;
  sqlite3_reset (gen->action_invoice);

  return action_id;
}

/* How many days after the due date this customer pays this invoice;
 * G_MAXINT for never. */
static int
payment_delay (Random       *random,
               PayerProfile  profile)
{
  switch (profile)
    {
    case PAYER_PROMPT:
      return random_chance (random, 85) ? random_between (random, -10, 3) : random_between (random, 4, 20);
    case PAYER_LATE:
      return random_between (random, 5, 50);
    case PAYER_BAD:
      return random_chance (random, 15) ? G_MAXINT : random_between (random, 30, 160);
    case PAYER_PARTIAL:
      return random_between (random, 0, 70);
    default:
      g_return_val_if_reached (0);
    }
}

/* Calls and letters for an invoice paid late, or still unpaid. */
static gboolean
add_history (Generator   *gen,
             Customer    *customer,
             gint64       invoice_id,
             const char  *number,
             RelanceDay   due,
             RelanceDay   paid_on,
             gint64       amount,
             GError     **error)
{
  Random *random = &gen->random;
  RelanceDay letter_on = due + 10;
  RelanceDay call_on = due + 25;
  g_autofree char *letter_summary = NULL;
  g_autofree char *call_summary = NULL;
  g_autofree char *decimal = relance_money_to_decimal (amount);
  gint64 call_id;
  RelanceDay promised;

  if (letter_on >= gen->today || letter_on >= paid_on)
    return TRUE;

  letter_summary = g_strdup_printf ("Lettre de relance pour la facture %s (%s €)", number, decimal);
  if (add_action (gen, customer, invoice_id, "letter", letter_on, "sent", letter_summary, error) == 0)
    return FALSE;

  if (call_on >= gen->today || call_on >= paid_on)
    return TRUE;

  call_summary = g_strdup_printf ("Appel à %s au sujet de la facture %s : %s",
                                  customer->contact, number, PICK (random, call_outcomes));
  call_id = add_action (gen, customer, invoice_id, "call", call_on, "promise", call_summary, error);
  if (call_id == 0)
    return FALSE;

  promised = call_on + random_between (random, 5, 15);
  sqlite3_bind_int64 (gen->promise, 1, customer->id);
  sqlite3_bind_int64 (gen->promise, 2, call_id);
  sqlite3_bind_int (gen->promise, 3, promised);
  sqlite3_bind_int64 (gen->promise, 4, amount);
  _relance_bind_text (gen->promise, 5,
                      paid_on <= promised + 3 ? "kept"
                      : promised + 3 < gen->today ? "broken" : "pending");
  return insert_row (gen, gen->promise, error) != 0;
}

static const char *
pick_cause (Random *random)
{
  guint roll = random_below (random, 100);

  return roll < 35 ? "A" : roll < 60 ? "B" : roll < 85 ? "C" : "D";
}

static int
resolution_days (Random     *random,
                 const char *cause)
{
  switch (cause[0])
    {
    case 'A': return random_between (random, 5, 40);
    case 'B': return random_between (random, 10, 70);
    case 'C': return random_between (random, 3, 30);
    default: return random_between (random, 15, 90);
    }
}

/* A dispute on an invoice; returns the day it was resolved, or G_MAXINT if
 * it is still open. Billing disputes resolved end with a credit note. */
static RelanceDay
add_dispute (Generator   *gen,
             Customer    *customer,
             gint64       invoice_id,
             const char  *number,
             RelanceDay   issued,
             RelanceDay   due,
             gint64       amount,
             gint64      *credited,
             GError     **error)
{
  Random *random = &gen->random;
  const char *cause = pick_cause (random);
  RelanceDay opened = MAX (issued, due + random_between (random, -5, 20));
  RelanceDay resolved = opened + resolution_days (random, cause);
  gint64 disputed = random_chance (random, 60) ? amount : amount * random_between (random, 10, 60) / 100;
  gboolean open = resolved >= gen->today;

  *credited = 0;
  if (opened >= gen->today)
    return issued;   /* too recent to be disputed yet */

  sqlite3_bind_int64 (gen->dispute, 1, invoice_id);
  _relance_bind_text (gen->dispute, 2, cause);
  sqlite3_bind_int64 (gen->dispute, 3, MAX (disputed, 100));
  sqlite3_bind_int (gen->dispute, 4, opened);
  if (open)
    sqlite3_bind_null (gen->dispute, 5);
  else
    sqlite3_bind_int (gen->dispute, 5, resolved);
  _relance_bind_text (gen->dispute, 6, open ? "open" : "resolved");
  _relance_bind_text (gen->dispute, 7, cause[0] == 'A' ? "Erreur de prix sur la facture"
                                       : cause[0] == 'B' ? "Marchandise livrée endommagée"
                                       : cause[0] == 'C' ? "Remise accordée oralement par le commercial"
                                       : "Matériel en panne, intervention demandée");
  _relance_bind_text (gen->dispute, 8, open ? "" : cause[0] == 'A' ? "Avoir émis" : "Réglé avec le client");
  if (insert_row (gen, gen->dispute, error) == 0)
    return 0;

  if (open)
    return G_MAXINT;

  if (cause[0] == 'A')
    {
      g_autofree char *credit_number = g_strdup_printf ("AV-%06u", ++gen->credit_note_seq);
      gint64 credit = MIN (MAX (disputed, 100), amount);
      gint64 credit_id;

      credit_id = add_invoice (gen, customer, credit_number, TRUE, resolved, resolved, credit, error);
      if (credit_id == 0)
        return 0;

      sqlite3_bind_int64 (gen->allocation, 1, invoice_id);
      sqlite3_bind_null (gen->allocation, 2);
      sqlite3_bind_int64 (gen->allocation, 3, credit_id);
      sqlite3_bind_int (gen->allocation, 4, resolved);
      sqlite3_bind_int64 (gen->allocation, 5, credit);
      if (insert_row (gen, gen->allocation, error) == 0)
        return 0;
      *credited = credit;
    }

  return resolved;
}

static gboolean
insert_invoices (Generator  *gen,
                 guint       n_invoices,
                 GError    **error)
{
  g_autofree RelanceDay *dates = g_new (RelanceDay, MAX (n_invoices, 1));
  Random *random = &gen->random;

  for (guint i = 0; i < n_invoices; i++)
    dates[i] = gen->today - 1 - random_between (random, 0, HISTORY_DAYS - 1);
  qsort (dates, n_invoices, sizeof (RelanceDay), compare_days);

  for (guint i = 0; i < n_invoices; i++)
    {
      Customer *customer = &g_array_index (gen->customers, Customer,
                                           random_below (random, gen->customers->len));
      g_autofree char *number = NULL;
      RelanceDay issued = dates[i];
      RelanceDay due = issued + customer->terms;
      gint64 amount = random_amount (random);
      gint64 credited = 0;
      gint64 invoice_id;
      RelanceDay paid_on;
      RelanceDay free_on = issued;
      int delay;
      guint d, m, y;

      relance_day_to_dmy (issued, &d, &m, &y);
      number = g_strdup_printf ("FA%u-%06u", y, i + 1);

      invoice_id = add_invoice (gen, customer, number, FALSE, issued, due, amount, error);
      if (invoice_id == 0)
        return FALSE;

      if (random_chance (random, 4))
        {
          free_on = add_dispute (gen, customer, invoice_id, number, issued, due,
                                 amount, &credited, error);
          if (free_on == 0)
            return FALSE;
        }

      delay = payment_delay (random, customer->profile);
      if (free_on == G_MAXINT || delay == G_MAXINT)
        paid_on = G_MAXINT;
      else
        paid_on = MAX (due + delay, free_on + random_between (random, 2, 15));

      if (credited >= amount)
        continue;

      if (!add_history (gen, customer, invoice_id, number, due, paid_on, amount - credited, error))
        return FALSE;

      if (paid_on >= gen->today)
        continue;

      if (customer->profile == PAYER_PARTIAL && amount - credited >= 200)
        {
          gint64 first = (amount - credited) * random_between (random, 30, 70) / 100;
          RelanceDay second_on = paid_on + random_between (random, 20, 60);

          if (!add_payment (gen, customer, invoice_id, paid_on, first, number, error))
            return FALSE;
          if (second_on < gen->today &&
              !add_payment (gen, customer, invoice_id, second_on, amount - credited - first, number, error))
            return FALSE;
        }
      else if (!add_payment (gen, customer, invoice_id, paid_on, amount - credited, number, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_statements (Generator  *gen,
                    GError    **error)
{
  gen->invoice = _relance_database_prepare (gen->db,
    "INSERT INTO invoices (customer_id, number, kind, issue_date, due_date, amount, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'sample')", error);
  if (gen->invoice == NULL)
    return FALSE;
  gen->payment = _relance_database_prepare (gen->db,
    "INSERT INTO payments (customer_id, date, amount, method, reference)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (gen->payment == NULL)
    return FALSE;
  gen->allocation = _relance_database_prepare (gen->db,
    "INSERT INTO allocations (invoice_id, payment_id, credit_note_id, date, amount)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (gen->allocation == NULL)
    return FALSE;
  gen->dispute = _relance_database_prepare (gen->db,
    "INSERT INTO disputes (invoice_id, cause_id, amount, opened_on, resolved_on, status,"
    " description, resolution)"
    " VALUES (?1, (SELECT id FROM dispute_causes WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (gen->dispute == NULL)
    return FALSE;
  gen->action = _relance_database_prepare (gen->db,
    "INSERT INTO actions (customer_id, kind, date, who, contact, outcome, summary)"
    " VALUES (?1, ?2, ?3, 'Claire Martin', ?4, ?5, ?6)", error);
  if (gen->action == NULL)
    return FALSE;
  gen->action_invoice = _relance_database_prepare (gen->db,
    "INSERT INTO action_invoices (action_id, invoice_id) VALUES (?1, ?2)", error);
  if (gen->action_invoice == NULL)
    return FALSE;
  gen->promise = _relance_database_prepare (gen->db,
    "INSERT INTO promises (customer_id, action_id, promised_date, amount, status, made_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT date FROM actions WHERE id = ?2))", error);
  return gen->promise != NULL;
}

/* The scenario steps that the history's letters and calls did: each action
 * marks done, for its invoice, the curative steps of the customer's
 * scenario whose day had come by then and that no earlier action did, so
 * that the worklist goes on from where the history stops (the next step,
 * not the first one again). */
static gboolean
mark_steps_done (Generator  *gen,
                 GError    **error)
{
  return _relance_database_exec (gen->db,
    "INSERT OR IGNORE INTO step_states (invoice_id, step_id, state, date, action_id)"
    " SELECT ai.invoice_id, s.id, 'done', a.date, a.id"
    " FROM actions a JOIN action_invoices ai ON ai.action_id = a.id"
    " JOIN invoices i ON i.id = ai.invoice_id"
    " JOIN customers c ON c.id = i.customer_id"
    " LEFT JOIN segments g ON g.id = c.segment_id"
    " JOIN scenario_steps s ON s.scenario_id = coalesce (g.scenario_id,"
    "   (SELECT id FROM scenarios WHERE is_default = 1))"
    " WHERE s.offset_days > 0 AND s.offset_days <= a.date - i.due_date"
    " ORDER BY a.date, a.id",
    error);
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->invoice, sqlite3_finalize);
  g_clear_pointer (&gen->payment, sqlite3_finalize);
  g_clear_pointer (&gen->allocation, sqlite3_finalize);
  g_clear_pointer (&gen->dispute, sqlite3_finalize);
  g_clear_pointer (&gen->action, sqlite3_finalize);
  g_clear_pointer (&gen->action_invoice, sqlite3_finalize);
  g_clear_pointer (&gen->promise, sqlite3_finalize);
  g_clear_pointer (&gen->customers, g_array_unref);
}

void
relance_sample_options_init (RelanceSampleOptions *options,
                             RelanceDay            today)
{
  g_return_if_fail (options != NULL);

  options->n_customers = 150;
  options->n_invoices = 3000;
  options->seed = 1;
  options->today = today;
}

/**
 * relance_sample_generate:
 * @db: an empty ledger
 * @options: how big, which seed, and the day the ledger is seen from
 * @error: a message the user can read
 *
 * Fills @db with the sample company: customers in three segments, eighteen
 * months of invoices paid on time, late, in part or not at all, credit
 * notes, disputes of every cause opened and resolved, and the letters,
 * calls and promises of their collection. All in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_sample_generate (RelanceDatabase             *db,
                         const RelanceSampleOptions  *options,
                         GError                     **error)
{
  Generator gen = { 0 };
  gboolean ok;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->n_customers == 0 || options->n_invoices == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The sample needs at least one customer and one invoice"));
      return FALSE;
    }
  if (!relance_day_is_valid (options->today - HISTORY_DAYS))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The sample needs a valid date for today"));
      return FALSE;
    }
  if (!relance_database_is_empty (db))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The sample company can only be created in an empty ledger"));
      return FALSE;
    }

  gen.db = db;
  gen.random.state = options->seed;
  gen.today = options->today;
  gen.customers = g_array_sized_new (FALSE, TRUE, sizeof (Customer), options->n_customers);
  g_array_set_clear_func (gen.customers, customer_clear);

  /* A big sample updates a dozen indexes a million times: give SQLite a
   * page cache to match while it writes, and take it back after. */
  _relance_database_exec (db, "PRAGMA cache_size = -262144", NULL);

  if (!_relance_database_begin (db, error))
    {
      generator_clear (&gen);
      _relance_database_exec (db, "PRAGMA cache_size = -2000", NULL);
      return FALSE;
    }

  ok = prepare_statements (&gen, error) &&
       insert_company (&gen, error) &&
       insert_segments (&gen, error) &&
       insert_customers (&gen, options->n_customers, error) &&
       insert_invoices (&gen, options->n_invoices, error) &&
       mark_steps_done (&gen, error);

  generator_clear (&gen);

  if (!ok)
    _relance_database_rollback (db);
  else
    ok = _relance_database_commit (db, error);

  _relance_database_exec (db, "PRAGMA cache_size = -2000", NULL);
  return ok;
}
