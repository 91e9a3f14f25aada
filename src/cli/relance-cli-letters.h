/* relance-cli-letters.h
 *
 * relance-cli letter: one customer's reminder letter as a PDF file;
 * relance-cli letters: every letter and formal notice of the day's
 * worklist, one file each or all in one; relance-cli template list, show
 * and check: the letter templates, and a check of a template file edited
 * in a text editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int relance_cli_letter         (const char   *command,
                                char       ***args);
int relance_cli_letters        (const char   *command,
                                char       ***args);
int relance_cli_template_list  (const char   *command,
                                char       ***args);
int relance_cli_template_show  (const char   *command,
                                char       ***args);
int relance_cli_template_check (const char   *command,
                                char       ***args);

G_END_DECLS
