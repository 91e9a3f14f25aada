/* relance-causes.h
 *
 * The dispute causes of a ledger, as the preferences edit them: at most
 * RELANCE_CAUSES_MAX, at least one, each with a short code unique whatever
 * its case, a label, a department and a colour, in the order of their
 * position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"
#include "relance-desk.h"

G_BEGIN_DECLS

#define RELANCE_CAUSES_MAX 6
#define RELANCE_CAUSE_CODE_MAX 3

/* The field a refused cause is wrong in. */
typedef enum
{
  RELANCE_CAUSE_FIELD_NONE,
  RELANCE_CAUSE_FIELD_CODE,
  RELANCE_CAUSE_FIELD_LABEL,
  RELANCE_CAUSE_FIELD_DEPARTMENT,
  RELANCE_CAUSE_FIELD_COLOUR,
} RelanceCauseField;

typedef struct
{
  const char *code;
  const char *label;
  const char *department;  /* may be empty */
  const char *colour;      /* "#rrggbb"; NULL for the default blue */
} RelanceCauseFields;

GPtrArray *relance_causes_list            (RelanceDatabase           *db,
                                           GError                   **error);
gboolean   relance_causes_check           (RelanceDatabase           *db,
                                           gint64                     cause_id,
                                           const RelanceCauseFields  *fields,
                                           RelanceCauseField         *field,
                                           GError                   **error);
gint64     relance_causes_add             (RelanceDatabase           *db,
                                           const RelanceCauseFields  *fields,
                                           GError                   **error);
gboolean   relance_causes_update          (RelanceDatabase           *db,
                                           gint64                     cause_id,
                                           const RelanceCauseFields  *fields,
                                           GError                   **error);
gint64     relance_causes_count_disputes  (RelanceDatabase           *db,
                                           gint64                     cause_id,
                                           GError                   **error);
gboolean   relance_causes_remove          (RelanceDatabase           *db,
                                           gint64                     cause_id,
                                           GError                   **error);
gboolean   relance_causes_move            (RelanceDatabase           *db,
                                           gint64                     cause_id,
                                           int                        delta,
                                           GError                   **error);
char      *relance_causes_next_code       (RelanceDatabase           *db,
                                           GError                   **error);

G_END_DECLS
