/* test-proceedings-cli.c
 *
 * relance-cli proceedings open|close|list and claim-declaration run as a
 * user would, on a ledger made with relance-cli itself. The declaration's
 * PDF is read back with pdftotext, in French and in English. The figures
 * are worked out by hand in tests/test-proceedings.c (same ledger):
 * échu 3 200,00, à échoir 900,00 (F-103, due 1 April 2026), interest up to
 * the judgment of 16 March 2026 15,98 + 7,99 = 23,97, indemnities 2 × 40,00,
 * total 4 203,97. BODACC 27 March 2026: declare by 27 May (27 July
 * abroad), relief by 27 September.
 *
 * Usage: test-proceedings-cli [--tap] PATH-TO-RELANCE-CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <string.h>

#include "relance-test-utils.h"

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static RelanceTestRun *
run_cli (Fixture    *f,
         const char *first,
         ...) G_GNUC_NULL_TERMINATED;

static RelanceTestRun *
run_cli (Fixture    *f,
         const char *first,
         ...)
{
  g_autofree char *xdg = g_build_filename (f->dir, "xdg", NULL);
  RelanceTestRun *run;
  va_list ap;

  va_start (ap, first);
  run = relance_test_run_valist (cli_path, f->db, xdg, first, ap);
  va_end (ap);

  return run;
}

static void
assert_ok (RelanceTestRun *run)
{
  if (run->status != 0)
    g_error ("relance-cli failed with %d: %s", run->status, run->err);
}

#define RUN_OK(f, ...) \
  G_STMT_START { \
    g_autoptr(RelanceTestRun) ok_run = run_cli (f, __VA_ARGS__, NULL); \
    assert_ok (ok_run); \
  } G_STMT_END

/* The ledger of tests/test-proceedings.c, the customer writing in
 * @language. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *language = data != NULL ? data : "fr";
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("relance-proceedings-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "ledger.db", NULL);

  RUN_OK (f, "company", "set", "--name", "Atelier Durand SARL", "--address", "4 rue des Forges",
          "--postcode", "69003", "--city", "Lyon", "--siren", "401234562",
          "--signatory", "Claire Durand", "--signatory-title", "Gérante", "--place", "Lyon");
  RUN_OK (f, "customer", "add", "--code", "NORD", "--name", "Nordbat SARL", "--address", "12 avenue Foch",
          "--postcode", "59000", "--city", "Lille", "--siren", "512345679", "--language", language);
  RUN_OK (f, "invoice", "add", "--customer", "NORD", "--number", "F-101", "--issued", "2026-01-05",
          "--due", "2026-02-04", "--amount", "1200");
  RUN_OK (f, "invoice", "add", "--customer", "NORD", "--number", "F-102", "--issued", "2026-02-02",
          "--due", "2026-03-04", "--amount", "2400");
  RUN_OK (f, "invoice", "add", "--customer", "NORD", "--number", "F-103", "--issued", "2026-03-02",
          "--due", "2026-04-01", "--amount", "900");
  RUN_OK (f, "invoice", "add", "--customer", "NORD", "--number", "F-104", "--issued", "2026-03-20",
          "--due", "2026-04-19", "--amount", "300");
  RUN_OK (f, "payment", "add", "--customer", "NORD", "--amount", "400", "--date", "2026-02-20",
          "--invoice", "F-102");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  relance_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static RelanceTestRun *
open_proceedings (Fixture    *f,
                  const char *judgment,
                  const char *bodacc,
                  const char *extra)
{
  return run_cli (f, "--date", "2026-04-10", "proceedings", "open", "--customer", "NORD",
                  "--kind", "redressement", "--judgment-date", judgment, "--bodacc-date", bodacc,
                  "--court", "Tribunal de commerce de Lille Métropole",
                  "--mandataire", "Maître Sophie Lefebvre",
                  "--mandataire-address", "SELARL Lefebvre & Associés, 8 place du Théâtre, 59000 Lille",
                  extra, NULL);
}

/* Whitespace (line breaks, no-break spaces) as single spaces. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The PDF's text as pdftotext gives it (reading order), normalised. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                     "pdftotext", path, "-", NULL);

  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return normalise (out);
}

#define assert_has(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) == NULL) \
      g_error ("“%s” not found in:\n%s", (part), (text)); \
  } G_STMT_END

static void
test_open_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RelanceTestRun) open = open_proceedings (f, "2026-03-16", "2026-03-27", "--abroad");
  g_autoptr(RelanceTestRun) list = NULL;
  g_autoptr(RelanceTestRun) only = NULL;
  g_autoptr(RelanceTestRun) twice = NULL;

  assert_ok (open);
  /* Abroad: 27 March + 4 months. */
  assert_has (open->out, "Declare the claim to the mandataire before 2026-07-27.");

  list = run_cli (f, "proceedings", "--format", "csv", NULL);
  assert_ok (list);
  g_assert_cmpstr (list->out, ==,
                   "customer,name,kind,judgment,bodacc,deadline,relief_deadline,mandataire,status,"
                   "claim,claim_date,written_off,written_off_vat\n"
                   "NORD,Nordbat SARL,redressement,2026-03-16,2026-03-27,2026-07-27,2026-09-27,"
                   "Maître Sophie Lefebvre,open,,,,\n");
  only = run_cli (f, "proceedings", "list", "--customer", "NORD", NULL);
  assert_ok (only);
  assert_has (only->out, "2026-07-27");

  twice = open_proceedings (f, "2026-03-16", "2026-03-27", NULL);
  g_assert_cmpint (twice->status, ==, 1);
  assert_has (twice->err, "already in proceedings");
}

/* Bad input: refused, exit status 1 (2 for a missing option), nothing
 * written. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RelanceTestRun) early = open_proceedings (f, "2026-03-16", "2026-03-10", NULL);
  g_autoptr(RelanceTestRun) future = open_proceedings (f, "2026-04-11", "2026-04-20", NULL);
  g_autoptr(RelanceTestRun) kind = NULL;
  g_autoptr(RelanceTestRun) missing = NULL;
  g_autoptr(RelanceTestRun) close = NULL;
  g_autoptr(RelanceTestRun) outcome = NULL;
  g_autoptr(RelanceTestRun) claim = NULL;
  g_autoptr(RelanceTestRun) list = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "declaration.pdf", NULL);

  g_assert_cmpint (early->status, ==, 1);
  assert_has (early->err, "The BODACC publication (2026-03-10) cannot be before the judgment (2026-03-16)");
  g_assert_cmpint (future->status, ==, 1);
  assert_has (future->err, "is in the future");

  kind = run_cli (f, "proceedings", "open", "--customer", "NORD", "--kind", "faillite",
                  "--judgment-date", "2026-03-16", "--bodacc-date", "2026-03-27",
                  "--mandataire", "Maître Lefebvre", NULL);
  g_assert_cmpint (kind->status, ==, 1);
  assert_has (kind->err, "Unknown kind of proceedings “faillite”");

  missing = run_cli (f, "proceedings", "open", "--customer", "NORD", "--kind", "liquidation",
                     "--judgment-date", "2026-03-16", "--bodacc-date", "2026-03-27", NULL);
  g_assert_cmpint (missing->status, ==, 2);
  assert_has (missing->err, "--mandataire");

  close = run_cli (f, "proceedings", "close", "--customer", "NORD", "--outcome", "plan", NULL);
  g_assert_cmpint (close->status, ==, 1);
  assert_has (close->err, "nothing to close");
  outcome = run_cli (f, "proceedings", "close", "--customer", "NORD", "--outcome", "won", NULL);
  g_assert_cmpint (outcome->status, ==, 1);

  claim = run_cli (f, "claim-declaration", "--customer", "NORD", "--out", pdf, NULL);
  g_assert_cmpint (claim->status, ==, 1);
  assert_has (claim->err, "no insolvency proceedings");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  list = run_cli (f, "proceedings", "--format", "csv", NULL);
  assert_ok (list);
  g_assert_cmpstr (list->out, ==,
                   "customer,name,kind,judgment,bodacc,deadline,relief_deadline,mandataire,status,"
                   "claim,claim_date,written_off,written_off_vat\n");
}

/* In French, in time, recorded. */
static void
test_declaration_french (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RelanceTestRun) open = open_proceedings (f, "2026-03-16", "2026-03-27", NULL);
  g_autoptr(RelanceTestRun) claim = NULL;
  g_autoptr(RelanceTestRun) list = NULL;
  g_autoptr(RelanceTestRun) history = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "declaration.pdf", NULL);
  g_autofree char *text = NULL;

  assert_ok (open);
  assert_has (open->out, "Declare the claim to the mandataire before 2026-05-27.");

  claim = run_cli (f, "--date", "2026-04-10", "claim-declaration", "--customer", "NORD",
                   "--out", pdf, "--record", NULL);
  assert_ok (claim);
  g_assert_cmpstr (claim->err, ==, "");   /* in time: no warning */
  text = pdf_text (pdf);

  assert_has (text, "Lettre recommandée avec accusé de réception");
  assert_has (text, "Maître Sophie Lefebvre SELARL Lefebvre & Associés 8 place du Théâtre 59000 LILLE");
  assert_has (text, "Objet : Déclaration de créance — Nordbat SARL");
  assert_has (text, "Par jugement du 16 mars 2026 (Tribunal de commerce de Lille Métropole), une procédure "
                    "de redressement judiciaire a été ouverte à l’égard de Nordbat SARL (SIREN 512 345 679, "
                    "12 avenue Foch, 59000 Lille). Ce jugement a été publié au BODACC le 27 mars 2026.");
  assert_has (text, "nous, Atelier Durand SARL (SIREN 401 234 562, 4 rue des Forges, 69003 Lyon), déclarons");
  /* The table: days late at the judgment, F-103 not due then. */
  assert_has (text, "F-101 05/01/2026 04/02/2026 1 200,00 € 1 200,00 € 40");
  assert_has (text, "F-102 02/02/2026 04/03/2026 2 400,00 € 2 000,00 € 12");
  assert_has (text, "F-103 02/03/2026 01/04/2026 900,00 € 900,00 € non échue");
  assert_has (text, "du 05/02/2026 au 16/03/2026 (40 jours sur 1 200,00 € à 12,15 %) 15,98 €");
  assert_has (text, "du 05/03/2026 au 16/03/2026 (12 jours sur 2 000,00 € à 12,15 %) 7,99 €");
  assert_has (text, "(40 € × 2) 80,00 €");
  assert_has (text, "Total réclamé 4 203,97 €");
  assert_has (text, "Sommes échues au jour du jugement : 3 200,00 €, à titre chirographaire.");
  assert_has (text, "Sommes à échoir après le jugement : 900,00 €, à titre chirographaire : "
                    "– facture F-103, échéance du 1er avril 2026 : 900,00 €");
  assert_has (text, "Intérêts de retard arrêtés au jour du jugement (16 mars 2026) : 23,97 €");
  assert_has (text, "Montant total de la créance déclarée : 4 203,97 €.");
  assert_has (text, "Sûretés et privilèges : aucun.");
  assert_has (text, "Pièces jointes : copies des factures F-101, F-102, F-103 ; extrait du compte client.");
  assert_has (text, "Claire Durand Gérante");
  /* Born after the judgment: not declared. In time: no relief asked. */
  g_assert_null (strstr (text, "F-104"));
  g_assert_null (strstr (text, "forclusion"));

  list = run_cli (f, "proceedings", "--format", "csv", NULL);
  assert_ok (list);
  assert_has (list->out, ",open,4203.97,2026-04-10,,\n");
  history = run_cli (f, "history", "--customer", "NORD", "--format", "csv", NULL);
  assert_ok (history);
  assert_has (history->out, "formal_notice");
  assert_has (history->out, "Claim of 4203.97 declared to Maître Sophie Lefebvre");
}

/* In English; after the deadline: a warning that proposes the relief. */
static void
test_declaration_english_late (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RelanceTestRun) open = open_proceedings (f, "2026-03-16", "2026-03-27", NULL);
  g_autoptr(RelanceTestRun) claim = NULL;
  g_autoptr(RelanceTestRun) list = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "declaration.pdf", NULL);
  g_autofree char *text = NULL;

  assert_ok (open);
  claim = run_cli (f, "--date", "2026-06-01", "claim-declaration", "--customer", "NORD", "--out", pdf, NULL);
  assert_ok (claim);
  assert_has (claim->err, "The deadline to declare the claim was 2026-05-27");
  assert_has (claim->err, "relief from forclusion");
  assert_has (claim->err, "before 2026-09-27");
  text = pdf_text (pdf);

  assert_has (text, "Registered letter with acknowledgement of receipt");
  assert_has (text, "Subject: Proof of claim (déclaration de créance) — Nordbat SARL");
  assert_has (text, "By a judgment of 16 March 2026 (Tribunal de commerce de Lille Métropole), receivership "
                    "(redressement judiciaire) proceedings were opened against Nordbat SARL");
  assert_has (text, "F-103 2 Mar 2026 1 Apr 2026 €900.00 €900.00 not due");
  /* The interest stays at the judgment, though written on 1 June. */
  assert_has (text, "from 5 Feb 2026 to 16 Mar 2026 (40 days on €1,200.00 at 12.15%) €15.98");
  assert_has (text, "Sums due on the day of the judgment: €3,200.00, as an unsecured claim.");
  assert_has (text, "Sums falling due after the judgment: €900.00, as an unsecured claim: "
                    "– invoice F-103, due on 1 April 2026: €900.00");
  assert_has (text, "Total amount of the claim declared: €4,203.97.");
  assert_has (text, "As the time limit to declare expired on 27 May 2026, we are applying at the same time "
                    "to the juge-commissaire for relief from forclusion");
  assert_has (text, "Security and preferential rights: none.");
  assert_has (text, "Documents attached: copies of invoices F-101, F-102, F-103");

  /* Not recorded without --record. */
  list = run_cli (f, "proceedings", "--format", "csv", NULL);
  assert_ok (list);
  assert_has (list->out, ",open,,,,\n");
}

/* Closed for lack of assets: 4 100,00 written off, VAT 683,33 at 20 %
 * (worked out in tests/test-proceedings.c). */
static void
test_close_write_off (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RelanceTestRun) open = open_proceedings (f, "2026-03-16", "2026-03-27", NULL);
  g_autoptr(RelanceTestRun) close = NULL;
  g_autoptr(RelanceTestRun) list = NULL;

  assert_ok (open);
  close = run_cli (f, "--date", "2026-11-30", "proceedings", "close", "--customer", "NORD",
                   "--outcome", "closed", "--write-off", NULL);
  assert_ok (close);
  assert_has (close->out, "Proceedings of NORD ended on 2026-11-30: closed for lack of assets.");
  assert_has (close->out, "Written off as irrecoverable: 4100.00, of which VAT 683.33.");

  list = run_cli (f, "proceedings", "--format", "csv", NULL);
  assert_ok (list);
  assert_has (list->out, ",closed,,,4100.00,683.33\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  cli_path = argc > 1 ? argv[1] : g_getenv ("RELANCE_CLI");
  if (cli_path == NULL)
    {
      g_printerr ("Usage: %s [--tap] PATH-TO-RELANCE-CLI\n", argv[0]);
      return 1;
    }

  g_test_add ("/proceedings-cli/open-list", Fixture, NULL, fixture_set_up, test_open_list, fixture_tear_down);
  g_test_add ("/proceedings-cli/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/proceedings-cli/declaration/french", Fixture, "fr", fixture_set_up,
              test_declaration_french, fixture_tear_down);
  g_test_add ("/proceedings-cli/declaration/english-late", Fixture, "en", fixture_set_up,
              test_declaration_english_late, fixture_tear_down);
  g_test_add ("/proceedings-cli/close-write-off", Fixture, NULL, fixture_set_up,
              test_close_write_off, fixture_tear_down);

  return g_test_run ();
}
