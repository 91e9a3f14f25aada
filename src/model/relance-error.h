/* relance-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RELANCE_ERROR (relance_error_quark ())

typedef enum
{
  RELANCE_ERROR_INVALID,        /* the user typed or imported something wrong */
  RELANCE_ERROR_NOT_FOUND,      /* a customer, invoice... that does not exist */
  RELANCE_ERROR_DUPLICATE,      /* a code or number that is already used */
  RELANCE_ERROR_DATABASE,       /* SQLite failed */
  RELANCE_ERROR_NEWER_VERSION,  /* the file comes from a newer Relance */
} RelanceError;

GQuark relance_error_quark (void);

G_END_DECLS
