/* relance-company-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "relance-resources.h"

#include "relance-company-page.h"
#include "relance-error.h"

typedef struct _TextField TextField;

struct _RelanceCompanyPage
{
  AdwPreferencesPage    parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *no_ledger_group;
  AdwPreferencesGroup  *missing_group;
  AdwActionRow         *missing_row;
  AdwPreferencesGroup  *identity_group;
  AdwPreferencesGroup  *payment_group;
  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *signature_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *address2_row;
  AdwEntryRow          *postcode_row;
  AdwEntryRow          *city_row;
  AdwComboRow          *country_row;
  AdwEntryRow          *siren_row;
  AdwEntryRow          *vat_row;
  AdwEntryRow          *iban_row;
  AdwEntryRow          *bic_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *signatory_name_row;
  AdwEntryRow          *signatory_title_row;
  AdwEntryRow          *place_row;
  AdwActionRow         *logo_row;
  GtkStack             *logo_stack;
  GtkPicture           *logo_picture;
  GtkButton            *logo_remove_button;
  AdwActionRow         *signature_row;
  GtkStack             *signature_stack;
  GtkPicture           *signature_picture;
  GtkButton            *signature_remove_button;
  GtkLabel             *identity_error;
  GtkLabel             *payment_error;
  GtkLabel             *contact_error;
  GtkLabel             *signature_error;

  RelanceContext       *context;
  GPtrArray            *country_codes;    /* char*, one per choice of country_row */
  GtkFileChooserNative *chooser;
  RelanceCompanyField   chooser_field;
  guint                 check_source;     /* idle that checks and saves the form */
  gboolean              loading;          /* the stored identity being shown, not typed */
};

/* A row of the form and where its error is told. */
struct _TextField
{
  RelanceCompanyField field;
  gsize               row_offset;     /* of the AdwEntryRow or AdwComboRow */
  gsize               label_offset;   /* of the group's error label */
};

#define ROW(member) G_STRUCT_OFFSET (RelanceCompanyPage, member)

static const TextField text_fields[] = {
  { RELANCE_COMPANY_FIELD_NAME, ROW (name_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_ADDRESS, ROW (address_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_POSTCODE, ROW (postcode_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_CITY, ROW (city_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_COUNTRY, ROW (country_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_SIREN, ROW (siren_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_VAT_NUMBER, ROW (vat_row), ROW (identity_error) },
  { RELANCE_COMPANY_FIELD_IBAN, ROW (iban_row), ROW (payment_error) },
  { RELANCE_COMPANY_FIELD_BIC, ROW (bic_row), ROW (payment_error) },
  { RELANCE_COMPANY_FIELD_PHONE, ROW (phone_row), ROW (contact_error) },
  { RELANCE_COMPANY_FIELD_EMAIL, ROW (email_row), ROW (contact_error) },
  { RELANCE_COMPANY_FIELD_SIGNATORY_NAME, ROW (signatory_name_row), ROW (signature_error) },
  { RELANCE_COMPANY_FIELD_SIGNATORY_TITLE, ROW (signatory_title_row), ROW (signature_error) },
  { RELANCE_COMPANY_FIELD_PLACE, ROW (place_row), ROW (signature_error) },
  { RELANCE_COMPANY_FIELD_LOGO, ROW (logo_row), ROW (signature_error) },
  { RELANCE_COMPANY_FIELD_SIGNATURE, ROW (signature_row), ROW (signature_error) },
};

#undef ROW

/* France first, then the other member states of the European Union. */
static const struct
{
  const char *code;
  const char *name;
} countries[] = {
  { "FR", N_("France") },
  { "DE", N_("Germany") },
  { "AT", N_("Austria") },
  { "BE", N_("Belgium") },
  { "BG", N_("Bulgaria") },
  { "CY", N_("Cyprus") },
  { "HR", N_("Croatia") },
  { "DK", N_("Denmark") },
  { "ES", N_("Spain") },
  { "EE", N_("Estonia") },
  { "FI", N_("Finland") },
  { "GR", N_("Greece") },
  { "HU", N_("Hungary") },
  { "IE", N_("Ireland") },
  { "IT", N_("Italy") },
  { "LV", N_("Latvia") },
  { "LT", N_("Lithuania") },
  { "LU", N_("Luxembourg") },
  { "MT", N_("Malta") },
  { "NL", N_("Netherlands") },
  { "PL", N_("Poland") },
  { "PT", N_("Portugal") },
  { "CZ", N_("Czechia") },
  { "RO", N_("Romania") },
  { "SK", N_("Slovakia") },
  { "SI", N_("Slovenia") },
  { "SE", N_("Sweden") },
};

G_DEFINE_FINAL_TYPE (RelanceCompanyPage, relance_company_page, ADW_TYPE_PREFERENCES_PAGE)

/* Helpers */

static RelanceDatabase *
get_db (RelanceCompanyPage *self)
{
  return self->context != NULL ? relance_context_get_database (self->context) : NULL;
}

static GtkWidget *
field_row (RelanceCompanyPage *self,
           const TextField    *field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field->row_offset);
}

static GtkLabel *
field_label (RelanceCompanyPage *self,
             const TextField    *field)
{
  return G_STRUCT_MEMBER (GtkLabel *, self, field->label_offset);
}

static const TextField *
find_field (RelanceCompanyField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (text_fields[i].field == field)
      return &text_fields[i];

  return NULL;
}

static void
show_message (RelanceCompanyPage *self,
              const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static char *
dup_entry (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The two address rows as "\n"-separated street lines, empty ones left out. */
static char *
dup_address (RelanceCompanyPage *self)
{
  g_autofree char *first = dup_entry (self->address_row);
  g_autofree char *second = dup_entry (self->address2_row);

  if (*first == '\0')
    return g_steal_pointer (&second);
  if (*second == '\0')
    return g_steal_pointer (&first);

  return g_strconcat (first, "\n", second, NULL);
}

static const char *
selected_country (RelanceCompanyPage *self)
{
  guint selected = adw_combo_row_get_selected (self->country_row);

  if (selected >= self->country_codes->len)
    return "";

  return g_ptr_array_index (self->country_codes, selected);
}

/* The stored identity with the text of the form over it. */
static RelanceCompany *
read_form (RelanceCompanyPage *self,
           GError            **error)
{
  g_autoptr(RelanceCompany) company = relance_company_get (get_db (self), error);

  if (company == NULL)
    return NULL;

#define TAKE(member, value) G_STMT_START { g_free (company->member); company->member = (value); } G_STMT_END
  TAKE (name, dup_entry (self->name_row));
  TAKE (address, dup_address (self));
  TAKE (postcode, dup_entry (self->postcode_row));
  TAKE (city, dup_entry (self->city_row));
  TAKE (country, g_strdup (selected_country (self)));
  TAKE (siren, dup_entry (self->siren_row));
  TAKE (vat_number, dup_entry (self->vat_row));
  TAKE (iban, dup_entry (self->iban_row));
  TAKE (bic, dup_entry (self->bic_row));
  TAKE (phone, dup_entry (self->phone_row));
  TAKE (email, dup_entry (self->email_row));
  TAKE (signatory_name, dup_entry (self->signatory_name_row));
  TAKE (signatory_title, dup_entry (self->signatory_title_row));
  TAKE (place, dup_entry (self->place_row));
#undef TAKE

  return g_steal_pointer (&company);
}

static void
set_field_error (RelanceCompanyPage *self,
                 const TextField    *field,
                 const char         *message)
{
  GtkWidget *row = field_row (self, field);
  GtkLabel *label = field_label (self, field);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      if (!gtk_widget_get_visible (GTK_WIDGET (label)))
        {
          gtk_label_set_text (label, message);
          gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
        }
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

static void
clear_errors (RelanceCompanyPage *self)
{
  GtkLabel *labels[] = { self->identity_error, self->payment_error, self->contact_error, self->signature_error };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_text (labels[i], "");
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    set_field_error (self, &text_fields[i], NULL);
}

static void
update_missing (RelanceCompanyPage   *self,
                const RelanceCompany *company)
{
  g_auto(GStrv) missing = relance_company_list_missing (company);
  g_autofree char *list = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), missing != NULL);
  if (missing == NULL)
    return;

  list = g_strjoinv (", ", missing);
  /* Translators: followed by the fields a letter needs and lacks: "Company name, SIREN" */
  title = g_strdup_printf (_("Letters need: %s"), list);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->missing_row), title);
}

/* Marks every wrong row; the field checks first, so that several wrong
 * identifiers are all shown, then the whole identity. */
static gboolean
validate (RelanceCompanyPage   *self,
          const RelanceCompany *company)
{
  static const struct
  {
    RelanceCompanyField field;
    gboolean (*check) (const char *text, GError **error);
  } checks[] = {
    { RELANCE_COMPANY_FIELD_SIREN, relance_company_check_siren },
    { RELANCE_COMPANY_FIELD_VAT_NUMBER, relance_company_check_vat_number },
    { RELANCE_COMPANY_FIELD_IBAN, relance_company_check_iban },
    { RELANCE_COMPANY_FIELD_BIC, relance_company_check_bic },
  };
  const char *texts[] = { company->siren, company->vat_number, company->iban, company->bic };
  g_autoptr(GError) error = NULL;
  RelanceCompanyField wrong = RELANCE_COMPANY_FIELD_NONE;
  gboolean valid = TRUE;

  clear_errors (self);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(GError) local = NULL;

      if (!checks[i].check (texts[i], &local))
        {
          set_field_error (self, find_field (checks[i].field), local->message);
          valid = FALSE;
        }
    }

  if (!relance_company_check (company, &wrong, &error))
    {
      const TextField *field = find_field (wrong);

      if (field != NULL)
        {
          if (!gtk_widget_has_css_class (field_row (self, field), "error"))
            set_field_error (self, field, error->message);
        }
      else
        {
          gtk_label_set_text (self->identity_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->identity_error), TRUE);
        }
      valid = FALSE;
    }

  return valid;
}

/* Checks the form and, when all of it is right, stores it. */
static void
check_and_save (RelanceCompanyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) company = NULL;
  RelanceCompanyField wrong = RELANCE_COMPANY_FIELD_NONE;

  if (self->loading || get_db (self) == NULL)
    return;

  company = read_form (self, &error);
  if (company == NULL)
    {
      show_message (self, error->message);
      return;
    }

  if (!validate (self, company))
    {
      /* What letters lack is what is stored, not what is being typed. */
      g_autoptr(RelanceCompany) saved = relance_company_get (get_db (self), NULL);

      if (saved != NULL)
        update_missing (self, saved);
      return;
    }

  if (!relance_company_set (get_db (self), company, &wrong, &error))
    {
      const TextField *field = find_field (wrong);

      if (field != NULL)
        set_field_error (self, field, error->message);
      else
        show_message (self, error->message);
      return;
    }

  update_missing (self, company);
}

static void
show_image (GtkStack   *stack,
            GtkPicture *picture,
            GtkButton  *remove_button,
            GBytes     *bytes)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, NULL);

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (stack, texture != NULL ? "picture" : "icon");
  gtk_widget_set_sensitive (GTK_WIDGET (remove_button), bytes != NULL);
}

static void
show_company (RelanceCompanyPage   *self,
              const RelanceCompany *company)
{
  g_auto(GStrv) lines = g_strsplit (company->address, "\n", 2);
  g_autofree char *rest = NULL;
  guint country = G_MAXUINT;

  self->loading = TRUE;

  if (lines[0] != NULL && lines[1] != NULL)
    {
      /* Lines beyond the second (older ledgers) go on the second row. */
      g_auto(GStrv) others = g_strsplit (lines[1], "\n", -1);

      rest = g_strjoinv (", ", others);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), company->name);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), lines[0] != NULL ? lines[0] : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address2_row), rest != NULL ? rest : "");
  gtk_editable_set_text (GTK_EDITABLE (self->postcode_row), company->postcode);
  gtk_editable_set_text (GTK_EDITABLE (self->city_row), company->city);
  gtk_editable_set_text (GTK_EDITABLE (self->siren_row), company->siren);
  gtk_editable_set_text (GTK_EDITABLE (self->vat_row), company->vat_number);
  gtk_editable_set_text (GTK_EDITABLE (self->iban_row), company->iban);
  gtk_editable_set_text (GTK_EDITABLE (self->bic_row), company->bic);
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), company->phone);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), company->email);
  gtk_editable_set_text (GTK_EDITABLE (self->signatory_name_row), company->signatory_name);
  gtk_editable_set_text (GTK_EDITABLE (self->signatory_title_row), company->signatory_title);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), company->place);

  /* A country outside the list is kept as its code. */
  if (*company->country != '\0' &&
      !g_ptr_array_find_with_equal_func (self->country_codes, company->country, g_str_equal, &country))
    {
      GtkStringList *names = GTK_STRING_LIST (adw_combo_row_get_model (self->country_row));

      gtk_string_list_append (names, company->country);
      g_ptr_array_add (self->country_codes, g_strdup (company->country));
      country = self->country_codes->len - 1;
    }
  adw_combo_row_set_selected (self->country_row, country != G_MAXUINT ? country : 0);

  show_image (self->logo_stack, self->logo_picture, self->logo_remove_button, company->logo);
  show_image (self->signature_stack, self->signature_picture, self->signature_remove_button, company->signature);

  self->loading = FALSE;

  update_missing (self, company);
  clear_errors (self);
}

static void
reload (RelanceCompanyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RelanceCompany) company = NULL;

  if (get_db (self) == NULL)
    return;

  company = relance_company_get (get_db (self), &error);
  if (company == NULL)
    {
      show_message (self, error->message);
      return;
    }

  show_company (self, company);
}

/* Stores @bytes (NULL to remove) as the logo or the signature of the
 * stored identity, whatever is being typed elsewhere in the form. */
static gboolean
store_image (RelanceCompanyPage  *self,
             RelanceCompanyField  field,
             GBytes              *bytes,
             GError             **error)
{
  g_autoptr(RelanceCompany) company = relance_company_get (get_db (self), error);
  GBytes **slot;

  if (company == NULL)
    return FALSE;

  slot = field == RELANCE_COMPANY_FIELD_LOGO ? &company->logo : &company->signature;
  g_clear_pointer (slot, g_bytes_unref);
  if (bytes != NULL)
    *slot = g_bytes_ref (bytes);

  if (!relance_company_set (get_db (self), company, NULL, error))
    return FALSE;

  if (field == RELANCE_COMPANY_FIELD_LOGO)
    show_image (self->logo_stack, self->logo_picture, self->logo_remove_button, bytes);
  else
    show_image (self->signature_stack, self->signature_picture, self->signature_remove_button, bytes);

  return TRUE;
}

/* Callbacks */

static gboolean
on_check_idle_cb (gpointer data)
{
  RelanceCompanyPage *self = data;

  self->check_source = 0;
  check_and_save (self);

  return G_SOURCE_REMOVE;
}

/* Checked once the text has settled: replacing a row's text deletes it
 * then inserts the new one, and the empty text in between is not what the
 * user means to store. */
static void
on_row_changed_cb (RelanceCompanyPage *self)
{
  if (self->loading || self->check_source != 0)
    return;

  self->check_source = g_idle_add_full (G_PRIORITY_DEFAULT, on_check_idle_cb, self, NULL);
}

static void
on_chooser_response_cb (RelanceCompanyPage   *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !relance_company_page_load_image (self, self->chooser_field, file, &error))
    show_message (self, error->message);

  g_clear_object (&self->chooser);
}

static void
choose_image (RelanceCompanyPage  *self,
              RelanceCompanyField  field)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *title = field == RELANCE_COMPANY_FIELD_LOGO ? _("Choose the Logo") : _("Choose the Signature");

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("PNG or SVG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/svg+xml");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");

  self->chooser_field = field;
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_image (RelanceCompanyPage  *self,
              RelanceCompanyField  field)
{
  g_autoptr(GError) error = NULL;

  if (get_db (self) != NULL && !store_image (self, field, NULL, &error))
    show_message (self, error->message);
}

static void
on_logo_choose_clicked_cb (RelanceCompanyPage *self)
{
  choose_image (self, RELANCE_COMPANY_FIELD_LOGO);
}

static void
on_logo_remove_clicked_cb (RelanceCompanyPage *self)
{
  remove_image (self, RELANCE_COMPANY_FIELD_LOGO);
}

static void
on_signature_choose_clicked_cb (RelanceCompanyPage *self)
{
  choose_image (self, RELANCE_COMPANY_FIELD_SIGNATURE);
}

static void
on_signature_remove_clicked_cb (RelanceCompanyPage *self)
{
  remove_image (self, RELANCE_COMPANY_FIELD_SIGNATURE);
}

/* Overrides */

static void
relance_company_page_dispose (GObject *object)
{
  RelanceCompanyPage *self = RELANCE_COMPANY_PAGE (object);

  /* What was typed last is saved, if right, before the page goes. */
  if (self->check_source != 0)
    {
      g_clear_handle_id (&self->check_source, g_source_remove);
      check_and_save (self);
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (relance_company_page_parent_class)->dispose (object);
}

static void
relance_company_page_class_init (RelanceCompanyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = relance_company_page_dispose;

  g_resources_register (relance_get_resource ());
  gtk_widget_class_set_template_from_resource (widget_class, "/fr/relance/Relance/relance-company-page.ui");

#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RelanceCompanyPage, name)
  CHILD (no_ledger_group);
  CHILD (missing_group);
  CHILD (missing_row);
  CHILD (identity_group);
  CHILD (payment_group);
  CHILD (contact_group);
  CHILD (signature_group);
  CHILD (name_row);
  CHILD (address_row);
  CHILD (address2_row);
  CHILD (postcode_row);
  CHILD (city_row);
  CHILD (country_row);
  CHILD (siren_row);
  CHILD (vat_row);
  CHILD (iban_row);
  CHILD (bic_row);
  CHILD (phone_row);
  CHILD (email_row);
  CHILD (signatory_name_row);
  CHILD (signatory_title_row);
  CHILD (place_row);
  CHILD (logo_row);
  CHILD (logo_stack);
  CHILD (logo_picture);
  CHILD (logo_remove_button);
  CHILD (signature_row);
  CHILD (signature_stack);
  CHILD (signature_picture);
  CHILD (signature_remove_button);
  CHILD (identity_error);
  CHILD (payment_error);
  CHILD (contact_error);
  CHILD (signature_error);
#undef CHILD

  gtk_widget_class_bind_template_callback (widget_class, on_logo_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_signature_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_signature_remove_clicked_cb);
}

static void
relance_company_page_init (RelanceCompanyPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->country_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      gtk_string_list_append (names, _(countries[i].name));
      g_ptr_array_add (self->country_codes, g_strdup (countries[i].code));
    }
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (names));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = field_row (self, &text_fields[i]);

      if (ADW_IS_ENTRY_ROW (row))
        g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->address2_row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "notify::selected", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);

  relance_company_page_set_context (self, NULL);
}

/* Public API */

/**
 * relance_company_page_set_context:
 * @context: (nullable): the ledger whose company is shown
 *
 * Shows the company of @context's ledger; without one, the page says to
 * open a ledger and has nothing to edit.
 */
void
relance_company_page_set_context (RelanceCompanyPage *self,
                                  RelanceContext     *context)
{
  AdwPreferencesGroup *groups[4];
  gboolean open;

  g_return_if_fail (RELANCE_IS_COMPANY_PAGE (self));
  g_return_if_fail (context == NULL || RELANCE_IS_CONTEXT (context));

  if (self->check_source != 0)
    {
      g_clear_handle_id (&self->check_source, g_source_remove);
      check_and_save (self);
    }

  g_set_object (&self->context, context);
  open = get_db (self) != NULL;

  groups[0] = self->identity_group;
  groups[1] = self->payment_group;
  groups[2] = self->contact_group;
  groups[3] = self->signature_group;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (GTK_WIDGET (groups[i]), open);
  gtk_widget_set_visible (GTK_WIDGET (self->no_ledger_group), !open);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), FALSE);

  reload (self);
}

/**
 * relance_company_page_load_image:
 * @field: %RELANCE_COMPANY_FIELD_LOGO or %RELANCE_COMPANY_FIELD_SIGNATURE
 * @file: a PNG or SVG image
 *
 * Reads @file and stores it as the company's logo or signature, as the
 * "Choose…" button does. A file that cannot be read, is too large or is
 * neither a PNG nor an SVG is refused and the stored image kept.
 *
 * Returns: %TRUE if the image was stored
 */
gboolean
relance_company_page_load_image (RelanceCompanyPage  *self,
                                 RelanceCompanyField  field,
                                 GFile               *file,
                                 GError             **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree guint8 *data = NULL;
  g_autofree char *name = NULL;
  gsize size = 0;

  g_return_val_if_fail (RELANCE_IS_COMPANY_PAGE (self), FALSE);
  g_return_val_if_fail (field == RELANCE_COMPANY_FIELD_LOGO ||
                        field == RELANCE_COMPANY_FIELD_SIGNATURE, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (get_db (self) == NULL)
    {
      g_set_error_literal (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, _("No ledger is open"));
      return FALSE;
    }

  name = g_file_get_parse_name (file);
  stream = g_file_read (file, NULL, &local);
  /* One byte more than allowed, so that a larger file is told too large
   * without being read whole. */
  data = g_malloc (RELANCE_COMPANY_IMAGE_MAX + 1);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, RELANCE_COMPANY_IMAGE_MAX + 1,
                                &size, NULL, &local))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID,
                   _("The image %s cannot be read: %s"), name, local->message);
      return FALSE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  if (!relance_company_check_image (bytes, &local))
    {
      g_set_error (error, RELANCE_ERROR, RELANCE_ERROR_INVALID, "%s: %s", name, local->message);
      return FALSE;
    }

  return store_image (self, field, bytes, error);
}
