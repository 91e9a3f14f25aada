/* relance-scenarios.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "relance-checks-private.h"
#include "relance-database-private.h"
#include "relance-error.h"
#include "relance-scenarios.h"
#include "relance-text.h"

static const char * const channel_names[] = {
  [RELANCE_CHANNEL_PHONE] = "phone",
  [RELANCE_CHANNEL_EMAIL] = "email",
  [RELANCE_CHANNEL_LETTER] = "letter",
  [RELANCE_CHANNEL_REGISTERED_LETTER] = "registered_letter",
};

static const char * const template_names[] = {
  [RELANCE_TEMPLATE_PREVENTIVE] = "preventive",
  [RELANCE_TEMPLATE_FIRST_REMINDER] = "first_reminder",
  [RELANCE_TEMPLATE_SECOND_REMINDER] = "second_reminder",
  [RELANCE_TEMPLATE_AFTER_CALL] = "after_call",
  [RELANCE_TEMPLATE_BROKEN_PROMISE] = "broken_promise",
  [RELANCE_TEMPLATE_FORMAL_NOTICE] = "formal_notice",
  [RELANCE_TEMPLATE_CALL] = "call",
};

static const char * const tone_names[] = {
  [RELANCE_TONE_COURTEOUS] = "courteous",
  [RELANCE_TONE_STANDARD] = "standard",
  [RELANCE_TONE_FIRM] = "firm",
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *text,
             int                *value)
{
  for (guint i = 0; text != NULL && i < n_names; i++)
    if (strcmp (names[i], text) == 0)
      {
        *value = (int)i;
        return TRUE;
      }

  return FALSE;
}

const char *
relance_channel_to_string (RelanceChannel channel)
{
  g_return_val_if_fail ((guint)channel < G_N_ELEMENTS (channel_names), NULL);

  return channel_names[channel];
}

gboolean
relance_channel_from_string (const char     *text,
                             RelanceChannel *channel)
{
  int value;

  if (!lookup_name (channel_names, G_N_ELEMENTS (channel_names), text, &value))
    return FALSE;
  *channel = (RelanceChannel)value;
  return TRUE;
}

const char *
relance_template_kind_to_string (RelanceTemplateKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (template_names), NULL);

  return template_names[kind];
}

gboolean
relance_template_kind_from_string (const char          *text,
                                   RelanceTemplateKind *kind)
{
  int value;

  if (!lookup_name (template_names, G_N_ELEMENTS (template_names), text, &value))
    return FALSE;
  *kind = (RelanceTemplateKind)value;
  return TRUE;
}

const char *
relance_tone_to_string (RelanceTone tone)
{
  g_return_val_if_fail ((guint)tone < G_N_ELEMENTS (tone_names), NULL);

  return tone_names[tone];
}

gboolean
relance_tone_from_string (const char  *text,
                          RelanceTone *tone)
{
  int value;

  if (!lookup_name (tone_names, G_N_ELEMENTS (tone_names), text, &value))
    return FALSE;
  *tone = (RelanceTone)value;
  return TRUE;
}

const char *
relance_channel_get_label (RelanceChannel channel)
{
  switch (channel)
    {
    case RELANCE_CHANNEL_PHONE:
      return C_("channel", "Phone call");
    case RELANCE_CHANNEL_EMAIL:
      return C_("channel", "E-mail");
    case RELANCE_CHANNEL_LETTER:
      return C_("channel", "Letter");
    case RELANCE_CHANNEL_REGISTERED_LETTER:
      return C_("channel", "Registered letter");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
relance_template_kind_get_label (RelanceTemplateKind kind)
{
  switch (kind)
    {
    case RELANCE_TEMPLATE_PREVENTIVE:
      return _("Preventive reminder");
    case RELANCE_TEMPLATE_FIRST_REMINDER:
      return _("First reminder");
    case RELANCE_TEMPLATE_SECOND_REMINDER:
      return _("Second reminder");
    case RELANCE_TEMPLATE_AFTER_CALL:
      return _("Reminder after a call");
    case RELANCE_TEMPLATE_BROKEN_PROMISE:
      return _("Reminder after a broken promise");
    case RELANCE_TEMPLATE_FORMAL_NOTICE:
      return _("Formal notice");
    case RELANCE_TEMPLATE_CALL:
      return _("Reminder call");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
relance_tone_get_label (RelanceTone tone)
{
  switch (tone)
    {
    case RELANCE_TONE_COURTEOUS:
      return C_("tone", "Courteous");
    case RELANCE_TONE_STANDARD:
      return C_("tone", "Standard");
    case RELANCE_TONE_FIRM:
      return C_("tone", "Firm");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * relance_step_format_offset:
 * @offset_days: days from the due date
 *
 * Returns: "D-5", "D", "D+20": how collectors write a step's day
 */
char *
relance_step_format_offset (int offset_days)
{
  /* Translators: the due date ("D" in "D+20", "D-5"); French uses "J" */
  const char *d = C_("due date", "D");

  if (offset_days == 0)
    return g_strdup (d);
  return g_strdup_printf ("%s%+d", d, offset_days);
}

/* Scenarios, their steps, and the segments */

#define NAME_MAX_CHARS 60

static gboolean
query_int64 (RelanceDatabase  *db,
             sqlite3_stmt     *stmt,
             gint64           *value,
             GError          **error)
{
  gboolean has_row;

  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The name of a shipped scenario in the user's language. */
static const char *
shipped_name (const char *key)
{
  if (g_strcmp0 (key, "key_accounts") == 0)
    return C_("scenario", "Key accounts");
  if (g_strcmp0 (key, "standard") == 0)
    return C_("scenario", "Standard");
  if (g_strcmp0 (key, "firm") == 0)
    return C_("scenario", "Firm");
  return NULL;
}


static RelanceScenarioStep *
read_step (sqlite3_stmt  *stmt,
           int            first,
           GError       **error)
{
  g_autofree RelanceScenarioStep *step = g_new0 (RelanceScenarioStep, 1);
  const char *channel = (const char *)sqlite3_column_text (stmt, first + 2);
  const char *template = (const char *)sqlite3_column_text (stmt, first + 3);

  step->id = sqlite3_column_int64 (stmt, first);
  step->offset_days = sqlite3_column_int (stmt, first + 1);
  step->claims_penalties = sqlite3_column_int (stmt, first + 4) != 0;
  step->min_gap_days = sqlite3_column_int (stmt, first + 5);

  if (!relance_channel_from_string (channel, &step->channel) ||
      !relance_template_kind_from_string (template, &step->template_kind))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DATABASE,
                   _("A scenario step of the ledger is damaged (channel “%s”, message “%s”)"),
                   channel ? channel : "", template ? template : "");
      return NULL;
    }

  return g_steal_pointer (&step);
}

/* All the scenarios with their steps, or only @only_id's if it is not 0. */
static GPtrArray *
load_scenarios (RelanceDatabase  *db,
                gint64            only_id,
                GError          **error)
{
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_scenario_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) steps = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db,
                                    "SELECT s.id, s.key, s.name, s.is_default,"
                                    "  (SELECT count(*) FROM segments g WHERE g.scenario_id = s.id)"
                                    " FROM scenarios s WHERE ?1 = 0 OR s.id = ?1 ORDER BY s.id",
                                    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);

  for (;;)
    {
      RelanceScenario *scenario;
      const char *key;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      key = (const char *)sqlite3_column_text (stmt, 1);
      scenario = g_new0 (RelanceScenario, 1);
      scenario->id = sqlite3_column_int64 (stmt, 0);
      scenario->key = g_strdup (key);
      scenario->name = relance_scenario_dup_display_name (key, (const char *)sqlite3_column_text (stmt, 2));
      scenario->is_default = sqlite3_column_int (stmt, 3) != 0;
      scenario->n_segments = (guint)sqlite3_column_int64 (stmt, 4);
      scenario->steps = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (scenarios, scenario);
      g_hash_table_insert (by_id, &scenario->id, scenario);
    }

  steps = _relance_database_prepare (db,
                                     "SELECT scenario_id, id, offset_days, channel, template, claims_penalties,"
                                     " min_gap_days FROM scenario_steps WHERE ?1 = 0 OR scenario_id = ?1"
                                     " ORDER BY scenario_id, offset_days",
                                     error);
  if (steps == NULL)
    return NULL;
  sqlite3_bind_int64 (steps, 1, only_id);

  for (;;)
    {
      RelanceScenario *scenario;
      RelanceScenarioStep *step;
      gint64 scenario_id;

      if (!_relance_database_step (db, steps, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      scenario_id = sqlite3_column_int64 (steps, 0);
      scenario = g_hash_table_lookup (by_id, &scenario_id);
      if (scenario == NULL)
        continue;
      step = read_step (steps, 1, error);
      if (step == NULL)
        return NULL;
      g_ptr_array_add (scenario->steps, step);
    }

  return g_steal_pointer (&scenarios);
}

static gboolean
scenario_not_found (GError **error)
{
  g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
               _("This scenario no longer exists"));
  return FALSE;
}

static gboolean
scenario_exists (RelanceDatabase  *db,
                 gint64            scenario_id,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 found = 0;

  stmt = _relance_database_prepare (db, "SELECT id FROM scenarios WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (!query_int64 (db, stmt, &found, error))
    return FALSE;

  return found != 0 || scenario_not_found (error);
}

/* The key of a shipped scenario, NULL for the user's own. */
static gboolean
scenario_key (RelanceDatabase  *db,
              gint64            scenario_id,
              char            **key,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _relance_database_prepare (db, "SELECT key FROM scenarios WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (!_relance_database_step (db, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return scenario_not_found (error);

  *key = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  return TRUE;
}

static gboolean
segment_exists (RelanceDatabase  *db,
                gint64            segment_id,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 found = 0;

  stmt = _relance_database_prepare (db, "SELECT id FROM segments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  if (!query_int64 (db, stmt, &found, error))
    return FALSE;

  if (found == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("This target group no longer exists"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_name_length (const char  *name,
                   GError     **error)
{
  if (!g_utf8_validate (name, -1, NULL))
    return _relance_invalid (error, _("The name is not valid text"));

  if (g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    return _relance_invalid (error, _("The name “%s” is too long: at most %d characters"),
                             name, NAME_MAX_CHARS);

  return TRUE;
}

/* Names are unique whatever the case and accents, and against the names
 * shown for the shipped scenarios too. */
static gboolean
check_scenario_name (RelanceDatabase  *db,
                     gint64            scenario_id,
                     const char       *name,
                     GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = NULL;
  gboolean has_row;

  if (name[0] == '\0')
    return _relance_invalid (error, _("The scenario’s name is empty: give it a name, such as “Public sector”"));
  if (!check_name_length (name, error))
    return FALSE;

  folded = relance_text_fold (name);
  stmt = _relance_database_prepare (db, "SELECT key, name FROM scenarios WHERE id <> ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);

  for (;;)
    {
      g_autofree char *other = NULL;
      g_autofree char *other_folded = NULL;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      other = relance_scenario_dup_display_name ((const char *)sqlite3_column_text (stmt, 0),
                            (const char *)sqlite3_column_text (stmt, 1));
      other_folded = relance_text_fold (other);
      if (g_str_equal (folded, other_folded))
        {
          g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                       _("Another scenario is already called “%s”"), other);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_segment (RelanceDatabase  *db,
               gint64            segment_id,
               const char       *name,
               RelanceTone       tone,
               gint64            scenario_id,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 found = 0;

  if (name[0] == '\0')
    return _relance_invalid (error, _("The target group’s name is empty: give it a name, such as “Local authorities”"));
  if (!check_name_length (name, error))
    return FALSE;

  if ((guint)tone >= G_N_ELEMENTS (tone_names))
    return _relance_invalid (error, _("This tone is unknown: choose courteous, standard or firm"));

  if (scenario_id < 0)
    return scenario_not_found (error);
  if (scenario_id > 0 && !scenario_exists (db, scenario_id, error))
    return FALSE;

  stmt = _relance_database_prepare (db,
                                    "SELECT id FROM segments"
                                    " WHERE id <> ?1 AND relance_fold (name) = relance_fold (?2)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  _relance_bind_text (stmt, 2, name);
  if (!query_int64 (db, stmt, &found, error))
    return FALSE;

  if (found != 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                   _("Another target group is already called “%s”"), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
count_steps (RelanceDatabase  *db,
             gint64            scenario_id,
             gint64           *count,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db, "SELECT count(*) FROM scenario_steps WHERE scenario_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);

  return query_int64 (db, stmt, count, error);
}

/* The scenario a step belongs to; FALSE with @error set if it is gone. */
static gboolean
step_scenario (RelanceDatabase  *db,
               gint64            step_id,
               gint64           *scenario_id,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _relance_database_prepare (db, "SELECT scenario_id FROM scenario_steps WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (!query_int64 (db, stmt, scenario_id, error))
    return FALSE;

  if (*scenario_id == 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_NOT_FOUND,
                   _("This step no longer exists"));
      return FALSE;
    }

  return TRUE;
}

/* What a step may be, alone and beside the other steps of its scenario. */
static gboolean
check_step (RelanceDatabase            *db,
            gint64                      scenario_id,
            gint64                      step_id,
            const RelanceScenarioStep  *step,
            GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  gint64 found = 0;

  if ((guint)step->channel >= G_N_ELEMENTS (channel_names))
    return _relance_invalid (error, _("This channel is unknown: choose a phone call, an e-mail, a letter or a registered letter"));
  if ((guint)step->template_kind >= G_N_ELEMENTS (template_names))
    return _relance_invalid (error, _("This kind of message is unknown"));

  day = relance_step_format_offset (step->offset_days);
  if (step->offset_days < RELANCE_STEP_OFFSET_MIN || step->offset_days > RELANCE_STEP_OFFSET_MAX)
    {
      g_autofree char *min = relance_step_format_offset (RELANCE_STEP_OFFSET_MIN);
      g_autofree char *max = relance_step_format_offset (RELANCE_STEP_OFFSET_MAX);

      /* Translators: "D+400 is too far: a step comes between D-90 and D+365" */
      return _relance_invalid (error, _("%s is too far: a step comes between %s and %s"), day, min, max);
    }

  if (step->template_kind == RELANCE_TEMPLATE_FORMAL_NOTICE &&
      step->channel != RELANCE_CHANNEL_REGISTERED_LETTER)
    return _relance_invalid (error, _("A formal notice is sent by registered letter: choose “%s” for this step"),
                             relance_channel_get_label (RELANCE_CHANNEL_REGISTERED_LETTER));

  if (step->template_kind == RELANCE_TEMPLATE_CALL && step->channel != RELANCE_CHANNEL_PHONE)
    return _relance_invalid (error, _("A reminder call is made by phone: choose “%s” for this step, or another message"),
                             relance_channel_get_label (RELANCE_CHANNEL_PHONE));

  if (step->channel == RELANCE_CHANNEL_PHONE && step->template_kind != RELANCE_TEMPLATE_CALL)
    return _relance_invalid (error, _("A phone step is a reminder call: choose “%s” as its message"),
                             relance_template_kind_get_label (RELANCE_TEMPLATE_CALL));

  if (step->min_gap_days < 0 || step->min_gap_days > RELANCE_STEP_GAP_MAX)
    return _relance_invalid (error, _("A step comes at most %d days after the step before it"),
                             RELANCE_STEP_GAP_MAX);

  if (step->claims_penalties && step->offset_days <= 0)
    return _relance_invalid (error, _("Interest and the indemnity are owed only after the due date: the step at %s cannot claim them"),
                             day);

  stmt = _relance_database_prepare (db,
                                    "SELECT id FROM scenario_steps"
                                    " WHERE scenario_id = ?1 AND offset_days = ?2 AND id <> ?3",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  sqlite3_bind_int (stmt, 2, step->offset_days);
  sqlite3_bind_int64 (stmt, 3, step_id);
  if (!query_int64 (db, stmt, &found, error))
    return FALSE;

  if (found != 0)
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_DUPLICATE,
                   _("This scenario already has a step at %s"), day);
      return FALSE;
    }

  return TRUE;
}

static gboolean
too_many_steps (GError **error)
{
  return _relance_invalid (error, _("This scenario already has %d steps, the most it can have: change or remove one instead"),
                           RELANCE_SCENARIO_STEPS_MAX);
}

static void
bind_step (sqlite3_stmt              *stmt,
           int                        first,
           const RelanceScenarioStep *step)
{
  sqlite3_bind_int (stmt, first, step->offset_days);
  _relance_bind_text (stmt, first + 1, channel_names[step->channel]);
  _relance_bind_text (stmt, first + 2, template_names[step->template_kind]);
  sqlite3_bind_int (stmt, first + 3, step->claims_penalties ? 1 : 0);
  sqlite3_bind_int (stmt, first + 4, step->min_gap_days);
}

/* Public API */

void
relance_scenario_free (RelanceScenario *scenario)
{
  if (scenario == NULL)
    return;

  g_free (scenario->key);
  g_free (scenario->name);
  g_clear_pointer (&scenario->steps, g_ptr_array_unref);
  g_free (scenario);
}

void
relance_segment_free (RelanceSegment *segment)
{
  if (segment == NULL)
    return;

  g_free (segment->name);
  g_free (segment);
}

static gboolean
is_space_at (const char  *p,
             const char **next)
{
  /* A space, a no-break space or a narrow no-break space (French "2,15 %"). */
  static const char * const spaces[] = { " ", "\t", "\xc2\xa0", "\xe2\x80\xaf" };

  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    if (g_str_has_prefix (p, spaces[i]))
      {
        *next = p + strlen (spaces[i]);
        return TRUE;
      }

  return FALSE;
}

static const char *
skip_spaces (const char *p)
{
  while (is_space_at (p, &p))
    ;
  return p;
}

/**
 * relance_rate_parse:
 * @text: a percentage as typed: "2,15", "12.5 %", "0"
 * @basis_points: (out): the rate in hundredths of a percent (215)
 * @error: where to say why @text is refused
 *
 * Accepts digits with at most two decimals after a comma or a point, and
 * an optional "%" sign, from 0 to 100 %; refuses signs, thousands
 * separators and anything else rather than guess.
 *
 * Returns: %TRUE if @text is a rate
 */
gboolean
relance_rate_parse (const char  *text,
                    int         *basis_points,
                    GError     **error)
{
  g_autofree char *shown = NULL;
  const char *p;
  guint int_digits = 0;
  guint frac_digits = 0;
  int units = 0;
  int fraction = 0;
  int value;

  g_return_val_if_fail (basis_points != NULL, FALSE);

  shown = g_strstrip (g_strdup (text != NULL ? text : ""));
  p = skip_spaces (shown);

  if (*p == '\0')
    return _relance_invalid (error, _("The rate is empty: type a percentage, such as “2,15”"));

  if (*p == '-' || g_str_has_prefix (p, "\xe2\x88\x92"))
    return _relance_invalid (error, _("“%s” is negative: a rate is at least 0"), shown);

  for (; g_ascii_isdigit (*p); p++)
    {
      /* Past three digits it is too high anyway; stop counting before an overflow. */
      if (int_digits < 4)
        units = units * 10 + (*p - '0');
      int_digits++;
    }

  if (*p == ',' || *p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (frac_digits < 2)
            fraction = fraction * 10 + (*p - '0');
          frac_digits++;
        }
    }

  p = skip_spaces (p);
  if (*p == '%')
    p = skip_spaces (p + 1);

  if (*p != '\0' || (int_digits == 0 && frac_digits == 0))
    return _relance_invalid (error, _("“%s” is not a percentage: type a number such as “2,15” or “12,5 %%”"), shown);

  if (frac_digits > 2)
    return _relance_invalid (error, _("“%s” has too many decimals: a rate has at most two, such as “2,15”"), shown);

  if (frac_digits == 1)
    fraction *= 10;

  if (int_digits > 3 || units * 100 + fraction > 10000)
    return _relance_invalid (error, _("“%s” is too high: a rate is at most 100 %%"), shown);

  value = units * 100 + fraction;
  *basis_points = value;
  return TRUE;
}

/**
 * relance_scenarios_list:
 *
 * Returns: (transfer full) (element-type RelanceScenario): every scenario,
 *   the shipped ones first, each with its steps by offset; %NULL with
 *   @error set
 */
GPtrArray *
relance_scenarios_list (RelanceDatabase  *db,
                        GError          **error)
{
  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  return load_scenarios (db, 0, error);
}

/**
 * relance_scenarios_get:
 *
 * Returns: (transfer full): the scenario with its steps, or %NULL with
 *   @error set (%RELANCE_ERROR_NOT_FOUND if there is none)
 */
RelanceScenario *
relance_scenarios_get (RelanceDatabase  *db,
                       gint64            scenario_id,
                       GError          **error)
{
  g_autoptr(GPtrArray) scenarios = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  if (scenario_id <= 0)
    {
      scenario_not_found (error);
      return NULL;
    }

  scenarios = load_scenarios (db, scenario_id, error);
  if (scenarios == NULL)
    return NULL;
  if (scenarios->len == 0)
    {
      scenario_not_found (error);
      return NULL;
    }

  return g_ptr_array_steal_index (scenarios, 0);
}

/**
 * relance_scenarios_add:
 * @name: the new scenario's name, unique whatever the case
 * @copy_from: a scenario whose steps the new one copies, or 0 for one step
 *   (a first reminder by e-mail at D+1)
 *
 * Returns: the new scenario's id, or 0 with @error set
 */
gint64
relance_scenarios_add (RelanceDatabase  *db,
                       const char       *name,
                       gint64            copy_from,
                       GError          **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) steps = NULL;
  gint64 id;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  trimmed = _relance_dup_trimmed (name);
  if (!check_scenario_name (db, 0, trimmed, error))
    return 0;
  if (copy_from != 0 && !scenario_exists (db, copy_from, error))
    return 0;

  if (!_relance_database_begin (db, error))
    return 0;

  insert = _relance_database_prepare (db, "INSERT INTO scenarios (name) VALUES (?1)", error);
  if (insert == NULL)
    goto failed;
  _relance_bind_text (insert, 1, trimmed);
  if (!_relance_database_run (db, insert, error))
    goto failed;
  id = sqlite3_last_insert_rowid (_relance_database_get_handle (db));

  if (copy_from != 0)
    {
      steps = _relance_database_prepare (db,
                                         "INSERT INTO scenario_steps"
                                         " (scenario_id, offset_days, channel, template, claims_penalties,"
                                         " min_gap_days)"
                                         " SELECT ?1, offset_days, channel, template, claims_penalties,"
                                         " min_gap_days"
                                         " FROM scenario_steps WHERE scenario_id = ?2",
                                         error);
      if (steps == NULL)
        goto failed;
      sqlite3_bind_int64 (steps, 2, copy_from);
    }
  else
    {
      steps = _relance_database_prepare (db,
                                         "INSERT INTO scenario_steps"
                                         " (scenario_id, offset_days, channel, template, claims_penalties,"
                                         " min_gap_days)"
                                         " VALUES (?1, 1, 'email', 'first_reminder', 0, 1)",
                                         error);
      if (steps == NULL)
        goto failed;
    }
  sqlite3_bind_int64 (steps, 1, id);
  if (!_relance_database_run (db, steps, error))
    goto failed;

  if (!_relance_database_commit (db, error))
    return 0;
  return id;

failed:
  _relance_database_rollback (db);
  return 0;
}

/**
 * relance_scenarios_rename:
 *
 * Gives a scenario the user's name. A shipped one keeps its key (the
 * worklist and letters know it by it) but shows the new name.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_scenarios_rename (RelanceDatabase  *db,
                          gint64            scenario_id,
                          const char       *name,
                          GError          **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *key = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  trimmed = _relance_dup_trimmed (name);
  if (!scenario_key (db, scenario_id, &key, error) ||
      !check_scenario_name (db, scenario_id, trimmed, error))
    return FALSE;

  /* A shipped scenario given back its own name follows the language again. */
  stmt = _relance_database_prepare (db,
                                    "UPDATE scenarios SET name = CASE WHEN ?1 = ?3 THEN '' ELSE ?1 END"
                                    " WHERE id = ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, trimmed);
  sqlite3_bind_int64 (stmt, 2, scenario_id);
  _relance_bind_text (stmt, 3, shipped_name (key));

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_scenarios_set_default:
 *
 * Makes @scenario_id the scenario of customers without a segment and of
 * segments without a scenario of their own; the previous default is no
 * longer one. There is always exactly one default.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_scenarios_set_default (RelanceDatabase  *db,
                               gint64            scenario_id,
                               GError          **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) set = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!scenario_exists (db, scenario_id, error))
    return FALSE;

  if (!_relance_database_begin (db, error))
    return FALSE;

  clear = _relance_database_prepare (db, "UPDATE scenarios SET is_default = 0 WHERE is_default = 1 AND id <> ?1", error);
  if (clear == NULL)
    goto failed;
  sqlite3_bind_int64 (clear, 1, scenario_id);
  if (!_relance_database_run (db, clear, error))
    goto failed;

  set = _relance_database_prepare (db, "UPDATE scenarios SET is_default = 1 WHERE id = ?1", error);
  if (set == NULL)
    goto failed;
  sqlite3_bind_int64 (set, 1, scenario_id);
  if (!_relance_database_run (db, set, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_scenarios_remove:
 *
 * Removes a scenario with its steps. The default scenario and a scenario
 * that a target group uses are refused.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_scenarios_remove (RelanceDatabase  *db,
                          gint64            scenario_id,
                          GError          **error)
{
  g_autoptr(RelanceScenario) scenario = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  scenario = relance_scenarios_get (db, scenario_id, error);
  if (scenario == NULL)
    return FALSE;

  if (scenario->is_default)
    return _relance_invalid (error, _("“%s” is the default scenario and cannot be removed: make another one the default first"),
                             scenario->name);

  if (scenario->n_segments > 0)
    return _relance_invalid (error,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” cannot be removed: it is used by %u target group. Give that group another scenario first",
                                          "“%s” cannot be removed: it is used by %u target groups. Give those groups another scenario first",
                                          scenario->n_segments),
                             scenario->name, scenario->n_segments);

  /* Its steps, and what was done of them, go with it. */
  if (!_relance_database_begin (db, error))
    return FALSE;

  stmt = _relance_database_prepare (db, "DELETE FROM scenarios WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_scenarios_check_step:
 * @scenario_id: the scenario of the step
 * @step_id: the step being changed, or 0 for a new one
 *
 * Checks @step as relance_scenarios_add_step() or
 * relance_scenarios_update_step() would, without writing anything: for a
 * form that says what is wrong as the user changes it.
 *
 * Returns: %TRUE if @step may be saved
 */
gboolean
relance_scenarios_check_step (RelanceDatabase            *db,
                              gint64                      scenario_id,
                              gint64                      step_id,
                              const RelanceScenarioStep  *step,
                              GError                    **error)
{
  gint64 count = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (step_id != 0)
    {
      gint64 owner = 0;

      if (!step_scenario (db, step_id, &owner, error))
        return FALSE;
      if (owner != scenario_id)
        return scenario_not_found (error);
    }
  else
    {
      if (!scenario_exists (db, scenario_id, error) ||
          !count_steps (db, scenario_id, &count, error))
        return FALSE;
      if (count >= RELANCE_SCENARIO_STEPS_MAX)
        return too_many_steps (error);
    }

  return check_step (db, scenario_id, step_id, step, error);
}

/**
 * relance_scenarios_add_step:
 * @step: the new step (its id is not read)
 *
 * Returns: the new step's id, or 0 with @error set
 */
gint64
relance_scenarios_add_step (RelanceDatabase            *db,
                            gint64                      scenario_id,
                            const RelanceScenarioStep  *step,
                            GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);
  g_return_val_if_fail (step != NULL, 0);

  if (!scenario_exists (db, scenario_id, error) ||
      !count_steps (db, scenario_id, &count, error))
    return 0;

  if (count >= RELANCE_SCENARIO_STEPS_MAX)
    {
      too_many_steps (error);
      return 0;
    }

  if (!check_step (db, scenario_id, 0, step, error))
    return 0;

  stmt = _relance_database_prepare (db,
                                    "INSERT INTO scenario_steps"
                                    " (scenario_id, offset_days, channel, template, claims_penalties,"
                                    " min_gap_days)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, scenario_id);
  bind_step (stmt, 2, step);
  if (!_relance_database_run (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_relance_database_get_handle (db));
}

/**
 * relance_scenarios_update_step:
 * @step: the step's new day, channel, message and penalties (its id is
 *   not read)
 *
 * Changes a step; what was already done of it for each invoice stays done.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_scenarios_update_step (RelanceDatabase            *db,
                               gint64                      step_id,
                               const RelanceScenarioStep  *step,
                               GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 scenario_id = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (!step_scenario (db, step_id, &scenario_id, error) ||
      !check_step (db, scenario_id, step_id, step, error))
    return FALSE;

  stmt = _relance_database_prepare (db,
                                    "UPDATE scenario_steps SET offset_days = ?1, channel = ?2,"
                                    " template = ?3, claims_penalties = ?4, min_gap_days = ?5 WHERE id = ?6",
                                    error);
  if (stmt == NULL)
    return FALSE;
  bind_step (stmt, 1, step);
  sqlite3_bind_int64 (stmt, 6, step_id);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_scenarios_remove_step:
 *
 * Removes a step, and the record of which invoices it was done for; the
 * last step of a scenario is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
relance_scenarios_remove_step (RelanceDatabase  *db,
                               gint64            step_id,
                               GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 scenario_id = 0;
  gint64 count = 0;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!step_scenario (db, step_id, &scenario_id, error) ||
      !count_steps (db, scenario_id, &count, error))
    return FALSE;

  if (count <= 1)
    return _relance_invalid (error, _("The last step of a scenario cannot be removed: a scenario needs at least one"));

  if (!_relance_database_begin (db, error))
    return FALSE;

  stmt = _relance_database_prepare (db, "DELETE FROM scenario_steps WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, step_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_segments_list:
 *
 * Returns: (transfer full) (element-type RelanceSegment): the target
 *   groups by name, each with how many customers it has (archived ones
 *   included); %NULL with @error set
 */
GPtrArray *
relance_segments_list (RelanceDatabase  *db,
                       GError          **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify)relance_segment_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), NULL);

  stmt = _relance_database_prepare (db,
                                    "SELECT g.id, g.name, g.tone, coalesce (g.scenario_id, 0),"
                                    "  (SELECT count(*) FROM customers c WHERE c.segment_id = g.id)"
                                    " FROM segments g ORDER BY relance_fold (g.name), g.id",
                                    error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      RelanceSegment *segment;

      if (!_relance_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      segment = g_new0 (RelanceSegment, 1);
      segment->id = sqlite3_column_int64 (stmt, 0);
      segment->name = _relance_column_dup (stmt, 1);
      if (!relance_tone_from_string ((const char *)sqlite3_column_text (stmt, 2), &segment->tone))
        segment->tone = RELANCE_TONE_STANDARD;
      segment->scenario_id = sqlite3_column_int64 (stmt, 3);
      segment->n_customers = (guint)sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (segments, segment);
    }

  return g_steal_pointer (&segments);
}

/**
 * relance_segments_add:
 * @scenario_id: the group's scenario, or 0 for the default one
 *
 * Returns: the new target group's id, or 0 with @error set
 */
gint64
relance_segments_add (RelanceDatabase  *db,
                      const char       *name,
                      RelanceTone       tone,
                      gint64            scenario_id,
                      GError          **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), 0);

  trimmed = _relance_dup_trimmed (name);
  if (!check_segment (db, 0, trimmed, tone, scenario_id, error))
    return 0;

  stmt = _relance_database_prepare (db, "INSERT INTO segments (name, tone, scenario_id) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  _relance_bind_text (stmt, 1, trimmed);
  _relance_bind_text (stmt, 2, tone_names[tone]);
  if (scenario_id > 0)
    sqlite3_bind_int64 (stmt, 3, scenario_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (!_relance_database_run (db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_relance_database_get_handle (db));
}

/**
 * relance_segments_update:
 * @scenario_id: the group's scenario, or 0 for the default one
 *
 * Returns: %TRUE on success
 */
gboolean
relance_segments_update (RelanceDatabase  *db,
                         gint64            segment_id,
                         const char       *name,
                         RelanceTone       tone,
                         gint64            scenario_id,
                         GError          **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  trimmed = _relance_dup_trimmed (name);
  if (!segment_exists (db, segment_id, error) ||
      !check_segment (db, segment_id, trimmed, tone, scenario_id, error))
    return FALSE;

  stmt = _relance_database_prepare (db,
                                    "UPDATE segments SET name = ?1, tone = ?2, scenario_id = ?3 WHERE id = ?4",
                                    error);
  if (stmt == NULL)
    return FALSE;
  _relance_bind_text (stmt, 1, trimmed);
  _relance_bind_text (stmt, 2, tone_names[tone]);
  if (scenario_id > 0)
    sqlite3_bind_int64 (stmt, 3, scenario_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, segment_id);

  return _relance_database_run (db, stmt, error);
}

/**
 * relance_segments_remove:
 *
 * Removes a target group; its customers are left without one (and follow
 * the default scenario).
 *
 * Returns: %TRUE on success
 */
gboolean
relance_segments_remove (RelanceDatabase  *db,
                         gint64            segment_id,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RELANCE_IS_DATABASE (db), FALSE);

  if (!segment_exists (db, segment_id, error))
    return FALSE;

  if (!_relance_database_begin (db, error))
    return FALSE;

  stmt = _relance_database_prepare (db, "DELETE FROM segments WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, segment_id);
  if (!_relance_database_run (db, stmt, error))
    goto failed;

  return _relance_database_commit (db, error);

failed:
  _relance_database_rollback (db);
  return FALSE;
}

/**
 * relance_scenario_dup_display_name:
 * @key: (nullable): "key_accounts", "standard" or "firm" for a shipped scenario
 * @name: (nullable): the name the user gave it
 *
 * Returns: the name a scenario is shown under: the user's, or else the
 *   translated name of the shipped one
 */
char *
relance_scenario_dup_display_name (const char *key,
                                   const char *name)
{
  const char *shipped;

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  shipped = shipped_name (key);
  return g_strdup (shipped != NULL ? shipped : "");
}
