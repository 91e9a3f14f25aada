/* relance-column-sorter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "relance-column-sorter.h"

typedef struct
{
  const char *key;
} ProbeResult;

struct _RelanceColumnSorter
{
  GtkSorter  parent_instance;

  char      *key;
};

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (RelanceColumnSorter, relance_column_sorter, GTK_TYPE_SORTER)

static GParamSpec *properties[N_PROPS];

static GQuark
probe_quark (void)
{
  return g_quark_from_static_string ("relance-column-sorter-probe");
}

/* Called by the GtkColumnViewSorter for its sort columns in order, the
 * primary one first. Only probe objects are ever compared here: the first
 * sorter called writes its key into the probe, and answers "smaller" so that
 * the view sorter stops there (and inverts the answer for a descending
 * column). */
static GtkOrdering
relance_column_sorter_compare (GtkSorter *sorter,
                               gpointer   item1,
                               gpointer   item2)
{
  RelanceColumnSorter *self = RELANCE_COLUMN_SORTER (sorter);
  ProbeResult *result = g_object_get_qdata (item1, probe_quark ());

  if (result != NULL && result->key == NULL)
    result->key = self->key;

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
relance_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
relance_column_sorter_finalize (GObject *object)
{
  RelanceColumnSorter *self = (RelanceColumnSorter *)object;

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (relance_column_sorter_parent_class)->finalize (object);
}

static void
relance_column_sorter_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RelanceColumnSorter *self = RELANCE_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_column_sorter_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RelanceColumnSorter *self = RELANCE_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      if (g_strcmp0 (self->key, g_value_get_string (value)) != 0)
        {
          g_free (self->key);
          self->key = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
          gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relance_column_sorter_class_init (RelanceColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = relance_column_sorter_finalize;
  object_class->get_property = relance_column_sorter_get_property;
  object_class->set_property = relance_column_sorter_set_property;

  sorter_class->compare = relance_column_sorter_compare;
  sorter_class->get_order = relance_column_sorter_get_order;

  /**
   * RelanceColumnSorter:key:
   *
   * The RelanceListModel sort key of the column.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
relance_column_sorter_init (RelanceColumnSorter *self)
{
}

GtkSorter *
relance_column_sorter_new (const char *key)
{
  return g_object_new (RELANCE_TYPE_COLUMN_SORTER,
                       "key", key,
                       NULL);
}

const char *
relance_column_sorter_get_key (RelanceColumnSorter *self)
{
  g_return_val_if_fail (RELANCE_IS_COLUMN_SORTER (self), NULL);

  return self->key;
}

/**
 * relance_column_sorter_probe:
 * @view_sorter: the sorter of a GtkColumnView whose sortable columns all
 *   have a #RelanceColumnSorter
 * @key: (out) (transfer none): the key of the primary sort column; it
 *   belongs to the column's sorter
 * @descending: (out): whether that column sorts descending
 *
 * Returns: %FALSE if no column sorts the view
 */
gboolean
relance_column_sorter_probe (GtkSorter   *view_sorter,
                             const char **key,
                             gboolean    *descending)
{
  g_autoptr(GObject) probe_a = NULL;
  g_autoptr(GObject) probe_b = NULL;
  ProbeResult result = { NULL };
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (descending != NULL, FALSE);

  probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_qdata (probe_a, probe_quark (), &result);

  order = gtk_sorter_compare (view_sorter, probe_a, probe_b);

  g_object_set_qdata (probe_a, probe_quark (), NULL);

  if (result.key == NULL || order == GTK_ORDERING_EQUAL)
    return FALSE;

  *key = result.key;
  *descending = (order == GTK_ORDERING_LARGER);

  return TRUE;
}
