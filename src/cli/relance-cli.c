/* relance-cli.c
 *
 * relance-cli [--db FILE] [--date DAY] COMMAND [OPTION…] [--format FORMAT]
 *
 * The batch tool: finds the command among the arguments, global options
 * being allowed before it, and hands the rest to the command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "relance-cli-commands.h"
#include "relance-cli-company.h"
#include "relance-cli-io.h"
#include "relance-cli-letters.h"
#include "relance-cli-penalties.h"
#include "relance-cli-proceedings.h"
#include "relance-cli-stats.h"
#include "relance-cli-worklist.h"

typedef struct
{
  const char            *group;    /* "customer" in "customer add", or NULL */
  const char            *name;
  RelanceCliCommandFunc  run;
  const char            *summary;
} Command;

static const Command commands[] = {
  { NULL, "demo", relance_cli_demo, N_("Create the sample company in an empty ledger") },
  { "company", "set", relance_cli_company_set, N_("Set your company’s identity for letters") },
  { "company", "show", relance_cli_company_show, N_("Show your company’s identity") },
  { "customer", "add", relance_cli_customer_add, N_("Add a customer") },
  { NULL, "customers", relance_cli_customers, N_("List the customers and their balance") },
  { "contact", "add", relance_cli_contact_add, N_("Add a contact to a customer") },
  { NULL, "contacts", relance_cli_contacts, N_("List a customer’s contacts") },
  { NULL, "history", relance_cli_history, N_("What happened with a customer: calls, letters, promises…") },
  { "invoice", "add", relance_cli_invoice_add, N_("Add an invoice or a credit note") },
  { NULL, "invoices", relance_cli_invoices, N_("List the invoices and what is open on them") },
  { "payment", "add", relance_cli_payment_add, N_("Record a payment and settle invoices with it") },
  { "dispute", "open", relance_cli_dispute_open, N_("Record that a customer disputes an invoice") },
  { "dispute", "resolve", relance_cli_dispute_resolve, N_("Record that a dispute is settled") },
  { NULL, "disputes", relance_cli_disputes, N_("List the disputes") },
  { NULL, "aged-balance", relance_cli_aged_balance, N_("What each customer owes, by age") },
  { NULL, "worklist", relance_cli_worklist, N_("What to do today: calls, e-mails, letters, promises to check") },
  { "action", "add", relance_cli_action_add, N_("Record a call, letter, e-mail or note") },
  { NULL, "letter", relance_cli_letter, N_("Write a customer’s reminder letter as a PDF file") },
  { NULL, "letters", relance_cli_letters, N_("Write the day’s letters and formal notices as PDF files") },
  { "template", "list", relance_cli_template_list, N_("List the letter templates") },
  { "template", "show", relance_cli_template_show, N_("Print a letter template") },
  { "template", "check", relance_cli_template_check, N_("Check a template file edited in a text editor") },
  { NULL, "penalties", relance_cli_penalties, N_("Late-payment interest and indemnities a customer owes") },
  { "proceedings", "open", relance_cli_proceedings_open, N_("Record that a customer is in insolvency proceedings") },
  { "proceedings", "close", relance_cli_proceedings_close, N_("Record how a customer’s insolvency proceedings ended") },
  { "proceedings", "list", relance_cli_proceedings_list, N_("List the customers in insolvency proceedings and their deadlines") },
  { NULL, "claim-declaration", relance_cli_claim_declaration, N_("Write the claim declaration to the mandataire as a PDF file") },
  { "import", "csv", relance_cli_import_csv, N_("Import invoices from CSV files") },
  { "import", "fec", relance_cli_import_fec, N_("Import customer accounts from FEC files") },
  { "import", "facturx", relance_cli_import_facturx, N_("Import Factur-X PDF invoices") },
  { "export", "open-items", relance_cli_export_open_items, N_("Write the open items as CSV") },
  { "export", "aged-balance", relance_cli_export_aged_balance, N_("Write the aged balance as CSV") },
  { NULL, "case-file", relance_cli_case_file, N_("Write a customer’s case file for an agency") },
  { NULL, "backup", relance_cli_backup, N_("Write a copy of the ledger") },
  { NULL, "restore", relance_cli_restore, N_("Replace the ledger by a backup") },
  { "stats", "disputes", relance_cli_stats_disputes, N_("Disputes of a period by cause, and how long they took") },
  { NULL, "chart", relance_cli_chart, N_("Draw a dashboard chart into a PNG, SVG or PDF file") },
};

/* The global options that take a value in the next argument. */
static const char * const global_with_value[] = { "--db", "--date", "--format" };

static gboolean
is_group (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].group, word) == 0)
      return TRUE;

  return FALSE;
}

static const Command *
find_command (const char *group,
              const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].group, group) == 0 && g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

/* "open, resolve" for "dispute". */
static char *
group_commands (const char *group)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].group, group) != 0)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, commands[i].name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
command_title (const Command *command)
{
  if (command->group != NULL)
    return g_strdup_printf ("%s %s", command->group, command->name);

  return g_strdup (command->name);
}

static void
print_commands (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *title = NULL;

      if (group != NULL && g_strcmp0 (commands[i].group, group) != 0)
        continue;

      title = command_title (&commands[i]);
      g_print ("  %-22s%s\n", title, _(commands[i].summary));
    }
}

static void
print_help (void)
{
  g_print (_("Usage:\n"
             "  relance-cli [--db FILE] [--date DAY] COMMAND [OPTION…] [--format FORMAT]\n"
             "\n"
             "Chase unpaid invoices from scripts, on the ledger of the Relance application.\n"
             "\n"
             "Commands:\n"));
  print_commands (NULL);
  g_print (_("\n"
             "Options for every command, before or after it:\n"
             "  --db FILE         The ledger (default: $XDG_DATA_HOME/relance/relance.db)\n"
             "  --date DAY        Work as if today were DAY (2026-11-23 or 23/11/2026);\n"
             "                    for payment add and dispute, the day of the event\n"
             "  --format FORMAT   For lists: table (the default), csv or json\n"
             "  -h, --help        Show this help; “relance-cli COMMAND --help” for a command\n"
             "  --version         Show the version\n"));
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "-?");
}

static gboolean
is_global_option (const char *arg,
                  gboolean   *takes_next)
{
  *takes_next = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (global_with_value); i++)
    {
      gsize len = strlen (global_with_value[i]);

      if (g_str_equal (arg, global_with_value[i]))
        {
          *takes_next = TRUE;
          return TRUE;
        }
      if (strncmp (arg, global_with_value[i], len) == 0 && arg[len] == '=')
        return TRUE;
    }

  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) args = NULL;
  g_auto(GStrv) strv = NULL;
  g_autofree char *title = NULL;
  const Command *command = NULL;
  const char *group = NULL;
  gboolean help = FALSE;
  int words[2] = { -1, -1 };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("relance-cli");

  /* Find the command words; only global options may come before them. */
  for (int i = 1; i < argc && command == NULL; i++)
    {
      const char *arg = argv[i];
      gboolean takes_next;

      if (g_str_equal (arg, "--"))
        break;

      if (arg[0] == '-' && arg[1] != '\0')
        {
          if (is_help (arg))
            help = TRUE;
          else if (g_str_equal (arg, "--version"))
            {
              g_print ("relance-cli %s\n", PACKAGE_VERSION);
              return RELANCE_CLI_EXIT_OK;
            }
          else if (is_global_option (arg, &takes_next))
            {
              if (takes_next)
                i++;
            }
          else if (group != NULL)
            break;   /* "proceedings --customer C": the group's list, given options */
          else
            return relance_cli_usage_error (NULL, _("Unknown option %s (a command’s options "
                                                    "come after the command)"), arg);
          continue;
        }

      if (group == NULL && is_group (arg))
        {
          group = arg;
          words[0] = i;
          continue;
        }

      command = find_command (group, arg);
      if (command == NULL && group != NULL)
        return relance_cli_usage_error (group, _("Unknown command “%s %s”"), group, arg);
      if (command == NULL)
        return relance_cli_usage_error (NULL, _("Unknown command “%s”"), arg);
      words[group != NULL ? 1 : 0] = i;
    }

  /* A group given no command lists what it holds ("relance-cli
   * template"), or shows it when it is one thing ("relance-cli company"). */
  if (command == NULL && group != NULL && !help)
    command = find_command (group, "list");
  if (command == NULL && group != NULL && !help)
    command = find_command (group, "show");

  if (command == NULL && group != NULL)
    {
      if (help)
        {
          g_print (_("Usage:\n  relance-cli %s COMMAND [OPTION…]\n\nCommands:\n"), group);
          print_commands (group);
          return RELANCE_CLI_EXIT_OK;
        }
      g_autofree char *names = group_commands (group);

      return relance_cli_usage_error (group, _("“%s” needs one of these commands: %s"),
                                      group, names);
    }

  if (command == NULL)
    {
      if (help)
        {
          print_help ();
          return RELANCE_CLI_EXIT_OK;
        }
      return relance_cli_usage_error (NULL, _("No command given"));
    }

  /* The command gets every argument but its words. */
  args = g_ptr_array_new ();
  g_ptr_array_add (args, g_strdup (argv[0]));
  for (int i = 1; i < argc; i++)
    if (i != words[0] && i != words[1])
      g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);
  strv = (char **)g_ptr_array_free (g_steal_pointer (&args), FALSE);

  title = command_title (command);
  return command->run (title, &strv);
}
