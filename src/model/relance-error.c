/* relance-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-error.h"

G_DEFINE_QUARK (relance-error-quark, relance_error)
