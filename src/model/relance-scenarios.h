/* relance-scenarios.h
 *
 * Reminder scenarios and the target groups (segments) that use them. A
 * scenario is a list of steps, each an offset in days from an invoice's
 * due date (negative: a preventive step, before the due date), a channel,
 * the kind of message to send, whether interest and the indemnity are
 * claimed, and the fewest days after the step before it was done (the
 * steps are a sequence: a late step re-times the ones after it; see
 * relance-worklist.h). Three scenarios ship (key accounts, standard, firm); one of them
 * is the default, used for customers without a segment or whose segment
 * has no scenario. Users edit them and create their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-database.h"

G_BEGIN_DECLS

#define RELANCE_STEP_OFFSET_MIN (-90)
#define RELANCE_STEP_OFFSET_MAX 365
#define RELANCE_SCENARIO_STEPS_MAX 12
#define RELANCE_STEP_GAP_MAX 365

typedef enum
{
  RELANCE_CHANNEL_PHONE,
  RELANCE_CHANNEL_EMAIL,
  RELANCE_CHANNEL_LETTER,
  RELANCE_CHANNEL_REGISTERED_LETTER,
} RelanceChannel;

/* What a step sends or says; letters pick their text from it. */
typedef enum
{
  RELANCE_TEMPLATE_PREVENTIVE,
  RELANCE_TEMPLATE_FIRST_REMINDER,
  RELANCE_TEMPLATE_SECOND_REMINDER,
  RELANCE_TEMPLATE_AFTER_CALL,
  RELANCE_TEMPLATE_BROKEN_PROMISE,
  RELANCE_TEMPLATE_FORMAL_NOTICE,
  RELANCE_TEMPLATE_CALL,
} RelanceTemplateKind;

typedef enum
{
  RELANCE_TONE_COURTEOUS,
  RELANCE_TONE_STANDARD,
  RELANCE_TONE_FIRM,
} RelanceTone;

typedef struct
{
  gint64               id;
  int                  offset_days;
  RelanceChannel       channel;
  RelanceTemplateKind  template_kind;
  gboolean             claims_penalties;
  int                  min_gap_days;   /* at least this many days after the step before was done */
} RelanceScenarioStep;

typedef struct
{
  gint64      id;
  char       *key;        /* "key_accounts", "standard", "firm"; NULL for the user's own */
  char       *name;       /* shown to the user: the translated name of a shipped one unless renamed */
  gboolean    is_default;
  GPtrArray  *steps;      /* RelanceScenarioStep, by offset */
  guint       n_segments; /* segments that use it */
} RelanceScenario;

typedef struct
{
  gint64       id;
  char        *name;
  RelanceTone  tone;
  gint64       scenario_id;  /* 0: the default scenario */
  guint        n_customers;
} RelanceSegment;

void         relance_scenario_free            (RelanceScenario *scenario);
void         relance_segment_free             (RelanceSegment  *segment);

/* A percentage as a person types it ("2,15", "12.5 %", "0") in basis
 * points (215, 1250, 0), without floating point: at most two decimals,
 * from 0 to 100 %. */
gboolean     relance_rate_parse               (const char          *text,
                                               int                 *basis_points,
                                               GError             **error);

/* Stable names, as stored and as relance-cli prints them. */
const char  *relance_channel_to_string        (RelanceChannel       channel);
gboolean     relance_channel_from_string      (const char          *text,
                                               RelanceChannel      *channel);
const char  *relance_template_kind_to_string  (RelanceTemplateKind  kind);
gboolean     relance_template_kind_from_string (const char         *text,
                                               RelanceTemplateKind *kind);
const char  *relance_tone_to_string           (RelanceTone          tone);
gboolean     relance_tone_from_string         (const char          *text,
                                               RelanceTone         *tone);

/* Names for people, translated. */
const char  *relance_channel_get_label        (RelanceChannel       channel);
const char  *relance_template_kind_get_label  (RelanceTemplateKind  kind);
const char  *relance_tone_get_label           (RelanceTone          tone);
char        *relance_scenario_dup_display_name (const char     *key,
                                               const char          *name);
/* "D-5", "D+20": the offset as the user reads it */
char        *relance_step_format_offset       (int                  offset_days);

/* Scenarios. A new one (relance_scenarios_add() with @copy_from 0)
 * starts with one step, a first reminder by e-mail at D+1: a scenario
 * always has at least one step. */
GPtrArray   *relance_scenarios_list           (RelanceDatabase  *db,
                                               GError          **error);
RelanceScenario *relance_scenarios_get        (RelanceDatabase  *db,
                                               gint64            scenario_id,
                                               GError          **error);
gint64       relance_scenarios_add            (RelanceDatabase  *db,
                                               const char       *name,
                                               gint64            copy_from,
                                               GError          **error);
gboolean     relance_scenarios_rename         (RelanceDatabase  *db,
                                               gint64            scenario_id,
                                               const char       *name,
                                               GError          **error);
gboolean     relance_scenarios_set_default    (RelanceDatabase  *db,
                                               gint64            scenario_id,
                                               GError          **error);
gboolean     relance_scenarios_remove         (RelanceDatabase  *db,
                                               gint64            scenario_id,
                                               GError          **error);
/* Checks @step as relance_scenarios_add_step() (@step_id 0) or
 * relance_scenarios_update_step() would, without writing: for a form. */
gboolean     relance_scenarios_check_step     (RelanceDatabase  *db,
                                               gint64            scenario_id,
                                               gint64            step_id,
                                               const RelanceScenarioStep *step,
                                               GError          **error);
gint64       relance_scenarios_add_step       (RelanceDatabase  *db,
                                               gint64            scenario_id,
                                               const RelanceScenarioStep *step,
                                               GError          **error);
gboolean     relance_scenarios_update_step    (RelanceDatabase  *db,
                                               gint64            step_id,
                                               const RelanceScenarioStep *step,
                                               GError          **error);
gboolean     relance_scenarios_remove_step    (RelanceDatabase  *db,
                                               gint64            step_id,
                                               GError          **error);

/* Segments */
GPtrArray   *relance_segments_list            (RelanceDatabase  *db,
                                               GError          **error);
gint64       relance_segments_add             (RelanceDatabase  *db,
                                               const char       *name,
                                               RelanceTone       tone,
                                               gint64            scenario_id,
                                               GError          **error);
gboolean     relance_segments_update          (RelanceDatabase  *db,
                                               gint64            segment_id,
                                               const char       *name,
                                               RelanceTone       tone,
                                               gint64            scenario_id,
                                               GError          **error);
gboolean     relance_segments_remove          (RelanceDatabase  *db,
                                               gint64            segment_id,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceScenario, relance_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelanceSegment, relance_segment_free)

G_END_DECLS
