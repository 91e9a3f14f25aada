/* relance-format.h
 *
 * Money and days as the user's locale writes them. Only ui/ (and later
 * letters/) format for people; the model and the CLI keep ISO dates and
 * plain decimals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "relance-date.h"

G_BEGIN_DECLS

char *relance_format_money (gint64     cents);
char *relance_format_day   (RelanceDay day);

G_END_DECLS
