/* relance-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-import.h"

G_BEGIN_DECLS

/* How an import is applied; both paths write the same rows. */
typedef enum
{
  RELANCE_IMPORT_PATH_AUTO,         /* the bulk path for big imports */
  RELANCE_IMPORT_PATH_BULK,
  RELANCE_IMPORT_PATH_ROW_BY_ROW,
} RelanceImportPath;

gboolean _relance_import_apply_on_path (RelanceDatabase           *db,
                                        RelanceImportBatch        *batch,
                                        RelanceImportFlags         flags,
                                        RelanceImportPath          path,
                                        RelanceDay                 today,
                                        GCancellable              *cancellable,
                                        RelanceImportProgressFunc  progress,
                                        gpointer                   progress_data,
                                        RelanceImportSummary      *summary,
                                        GError                   **error);

G_END_DECLS
