/* relance-templates-shipped.c
 *
 * The templates Relance ships, in French and in English: the only copy of
 * their text, written into new ledgers (migration 4), put back by
 * relance_templates_reset(), and put in place of the texts of version 4
 * where the user had not changed them (migration 5). Plain, modern language that keeps the
 * customer and always says the exact date payment is expected; the legal
 * form only in the formal notice (DOMAIN.md: it names itself "mise en
 * demeure", both parties, each amount with its invoice and due date (the
 * table), a deadline, how to pay, the interest and the 40 EUR indemnity of
 * article L441-10 of the Code de commerce, and what comes next).
 *
 * The letter prints the place, the date and the signature: bodies end with
 * the closing formula. The text is the customer's language, not the
 * user's: it is not translated with gettext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "relance-templates-private.h"

static const RelanceShippedTemplate shipped[] = {
  /* Preventive: before the due date */
  {
    "preventive.standard.fr", RELANCE_TEMPLATE_PREVENTIVE, RELANCE_CHANNEL_EMAIL, "fr", RELANCE_TONE_STANDARD,
    "Relance préventive (standard)",
    "Prochaine échéance : {{due_date.oldest}}",
    "{{salutation}}\n"
    "\n"
    "Merci pour votre confiance. Pour vous aider à préparer vos règlements, voici ce qui arrive prochainement à échéance, à partir du {{due_date.oldest}} :\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "Chaque facture est à régler à la date d’échéance indiquée, par virement : {{payment.details}}.\n"
    "\n"
    "Si quelque chose bloque ce paiement (bon de commande ou bon de livraison manquant, facture non reçue, question sur un montant), dites-le-nous dès maintenant au {{company.phone}} : nous réglerons la question avant l’échéance.\n"
    "\n"
    "Si le règlement est déjà programmé, merci, et ne tenez pas compte de ce message.\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "preventive.standard.en", RELANCE_TEMPLATE_PREVENTIVE, RELANCE_CHANNEL_EMAIL, "en", RELANCE_TONE_STANDARD,
    "Preventive reminder (standard)",
    "Payment due on {{due_date.oldest}}",
    "{{salutation}}\n"
    "\n"
    "Thank you for your business. To help you plan your payments, here is what falls due shortly, starting on {{due_date.oldest}}:\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "Each invoice is payable on the due date shown, by bank transfer to {{payment.details}}.\n"
    "\n"
    "If anything is holding this payment up (a missing purchase order or delivery note, an invoice you did not receive, a question about an amount), please tell us now on {{company.phone}} so that we can sort it out before the due date.\n"
    "\n"
    "If the payment is already scheduled, thank you, and please disregard this message.\n"
    "\n"
    "Kind regards,\n",
  },

  /* First reminder: just after the due date. It says nothing of earlier
   * reminders (there were none); a call that reached no one is said
   * ({{last_call.sentence}}), and disputed invoices are set apart. */
  {
    "first_reminder.courteous.fr", RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_CHANNEL_EMAIL, "fr", RELANCE_TONE_COURTEOUS,
    "Première relance (courtoise)",
    "Petit rappel de paiement",
    "{{salutation}}\n"
    "\n"
    "Merci avant tout pour la confiance que vous nous accordez.\n"
    "\n"
    "En faisant le point sur nos comptes, nous avons remarqué que le règlement {{invoices.of_below}} ne nous est pas encore parvenu. C’est sans doute un simple oubli, ou un courrier égaré.\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Pourriez-vous faire le nécessaire pour que le règlement de {{total.claimed}} nous parvienne d’ici le {{deadline}} ? Vous pouvez payer par virement : {{payment.details}}.\n"
    "\n"
    "S’il vous manque un document, ou si une facture soulève une question, nous sommes à votre écoute au {{company.phone}}. Et si le paiement vient de partir, un grand merci !\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "first_reminder.standard.fr", RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_CHANNEL_EMAIL, "fr", RELANCE_TONE_STANDARD,
    "Première relance (standard)",
    "Rappel de paiement : {{total.due}}",
    "{{salutation}}\n"
    "\n"
    "Sauf erreur de notre part, nous n’avons pas encore reçu le règlement {{invoices.of_below}}, dont le délai de paiement est dépassé.\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Il s’agit peut-être d’un simple oubli. Merci de régler {{total.claimed}} d’ici le {{deadline}}, par virement : {{payment.details}}.\n"
    "\n"
    "Si votre paiement est déjà parti, ne tenez pas compte de ce rappel. Si une facture pose problème, appelez-nous au {{company.phone}} : nous trouverons une solution ensemble.\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "first_reminder.firm.fr", RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_CHANNEL_EMAIL, "fr", RELANCE_TONE_FIRM,
    "Première relance (ferme)",
    "Paiement en retard : {{total.due}}",
    "{{salutation}}\n"
    "\n"
    "Le délai de paiement est dépassé et, à ce jour, {{invoices.below}} {{invoices.remain_unpaid}}.\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Nous vous demandons de régler {{total.claimed}} au plus tard le {{deadline}}, par virement : {{payment.details}}.\n"
    "\n"
    "Si une facture est contestée, signalez-le-nous dès aujourd’hui au {{company.phone}}. Sinon, nous comptons sur votre règlement à cette date.\n"
    "\n"
    "Cordialement,\n",
  },
  {
    "first_reminder.courteous.en", RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_CHANNEL_EMAIL, "en", RELANCE_TONE_COURTEOUS,
    "First reminder (courteous)",
    "A quick payment reminder",
    "{{salutation}}\n"
    "\n"
    "First of all, thank you for the trust you place in us.\n"
    "\n"
    "While reviewing our accounts, we noticed that we have not yet received payment {{invoices.of_below}}. It is most likely an oversight, or a letter gone astray.\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Could you arrange for the payment of {{total.claimed}} to reach us by {{deadline}}? You can pay by bank transfer to {{payment.details}}.\n"
    "\n"
    "If you need a copy of a document, or if an invoice raises a question, we are happy to help on {{company.phone}}. And if the payment has just gone out, many thanks!\n"
    "\n"
    "Kind regards,\n",
  },
  {
    "first_reminder.standard.en", RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_CHANNEL_EMAIL, "en", RELANCE_TONE_STANDARD,
    "First reminder (standard)",
    "Payment reminder: {{total.due}}",
    "{{salutation}}\n"
    "\n"
    "According to our records, the payment term has passed and we have not yet received payment {{invoices.of_below}}.\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "This may simply be an oversight. Please pay {{total.claimed}} by {{deadline}}, by bank transfer to {{payment.details}}.\n"
    "\n"
    "If your payment is already on its way, please disregard this reminder. If there is a problem with an invoice, call us on {{company.phone}} and we will find a solution together.\n"
    "\n"
    "Kind regards,\n",
  },
  {
    "first_reminder.firm.en", RELANCE_TEMPLATE_FIRST_REMINDER, RELANCE_CHANNEL_EMAIL, "en", RELANCE_TONE_FIRM,
    "First reminder (firm)",
    "Overdue payment: {{total.due}}",
    "{{salutation}}\n"
    "\n"
    "The payment term has passed and, as of today, {{invoices.below}} {{invoices.remain_unpaid}}.\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "We ask you to pay {{total.claimed}} no later than {{deadline}}, by bank transfer to {{payment.details}}.\n"
    "\n"
    "If you dispute an invoice, let us know today on {{company.phone}}. Otherwise, we expect your payment by that date.\n"
    "\n"
    "Regards,\n",
  },

  /* Second reminder: a written reminder went unanswered. The history says
   * when we wrote and called ({{history.sentence}}); the firm one is the
   * last reminder before the formal notice and opens formally. */
  {
    "second_reminder.courteous.fr", RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_CHANNEL_LETTER, "fr", RELANCE_TONE_COURTEOUS,
    "Deuxième relance (courtoise)",
    "Nos factures en attente de règlement",
    "{{salutation}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "Le règlement {{invoices.of_below}} ne nous est pas encore parvenu. Peut-être notre premier message s’est-il perdu, ou attend-il sur un autre bureau.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Nous vous serions reconnaissants de régler {{total.claimed}} d’ici le {{deadline}}, par virement : {{payment.details}}.\n"
    "\n"
    "Si une difficulté retarde ce paiement, parlons-en : appelez-nous au {{company.phone}}, nous trouverons ensemble une solution adaptée, par exemple un paiement en plusieurs fois.\n"
    "\n"
    "Merci par avance, et à bientôt.\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "second_reminder.standard.fr", RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_CHANNEL_LETTER, "fr", RELANCE_TONE_STANDARD,
    "Deuxième relance (standard)",
    "Deuxième rappel : {{total.due}} à régler",
    "{{salutation}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "Le règlement {{invoices.of_below}} ne nous est toujours pas parvenu.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Merci de régler {{total.claimed}} au plus tard le {{deadline}}, par virement : {{payment.details}}.\n"
    "\n"
    "Si quelque chose vous empêche de payer, une facture contestée ou une difficulté passagère, appelez-nous au {{company.phone}} avant cette date : nous préférons toujours trouver un arrangement. Sans règlement ni nouvelles de votre part, nous passerons à l’étape suivante du recouvrement.\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "second_reminder.firm.fr", RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_CHANNEL_LETTER, "fr", RELANCE_TONE_FIRM,
    "Deuxième relance (ferme)",
    "Dernier rappel avant mise en demeure",
    "{{salutation.formal}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "À ce jour, {{invoices.below}} {{invoices.remain_unpaid}}.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Nous vous demandons de régler {{total.claimed}} au plus tard le {{deadline}}, par virement : {{payment.details}}.\n"
    "\n"
    "Tout retard de paiement entraîne de plein droit des intérêts de retard et une indemnité forfaitaire pour frais de recouvrement de 40 € par facture (article L441-10 du Code de commerce).\n"
    "\n"
    "Sans règlement à cette date, nous vous adresserons une mise en demeure par lettre recommandée, avant d’engager une procédure de recouvrement judiciaire. Si une facture est contestée, signalez-le-nous dès aujourd’hui au {{company.phone}}.\n"
    "\n"
    "{{closing.formal}}\n",
  },
  {
    "second_reminder.courteous.en", RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_CHANNEL_LETTER, "en", RELANCE_TONE_COURTEOUS,
    "Second reminder (courteous)",
    "Invoices awaiting payment",
    "{{salutation}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "We have not received payment {{invoices.of_below}} yet. Perhaps our first message went astray, or is waiting on someone else’s desk.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "We would be grateful if you could pay {{total.claimed}} by {{deadline}}, by bank transfer to {{payment.details}}.\n"
    "\n"
    "If something is making this payment difficult, let us talk about it: call us on {{company.phone}} and we will find a suitable arrangement together, such as payment in instalments.\n"
    "\n"
    "Thank you in advance.\n"
    "\n"
    "Kind regards,\n",
  },
  {
    "second_reminder.standard.en", RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_CHANNEL_LETTER, "en", RELANCE_TONE_STANDARD,
    "Second reminder (standard)",
    "Second reminder: {{total.due}} to pay",
    "{{salutation}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "We still have not received payment {{invoices.of_below}}.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Please pay {{total.claimed}} no later than {{deadline}}, by bank transfer to {{payment.details}}.\n"
    "\n"
    "If something prevents you from paying, a disputed invoice or a temporary difficulty, call us on {{company.phone}} before that date: we always prefer to reach an arrangement. Without payment or news from you, we will move on to the next stage of collection.\n"
    "\n"
    "Kind regards,\n",
  },
  {
    "second_reminder.firm.en", RELANCE_TEMPLATE_SECOND_REMINDER, RELANCE_CHANNEL_LETTER, "en", RELANCE_TONE_FIRM,
    "Second reminder (firm)",
    "Final reminder before formal notice",
    "{{salutation.formal}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "As of today, {{invoices.below}} {{invoices.remain_unpaid}}.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "We ask you to pay {{total.claimed}} no later than {{deadline}}, by bank transfer to {{payment.details}}.\n"
    "\n"
    "Under French law, any late payment automatically bears late-payment interest and a fixed compensation for recovery costs of EUR 40 per invoice (Article L441-10 of the French Commercial Code).\n"
    "\n"
    "If we have not received payment by that date, we will send you a formal notice by registered letter before taking legal action to recover the debt. If you dispute an invoice, let us know today on {{company.phone}}.\n"
    "\n"
    "{{closing.formal}}\n",
  },

  /* After a call: what was said on the phone, in writing. The call is
   * quoted only when it reached someone; a promise made asks for what was
   * promised by its day, and what remains by when ({{request.sentence}}). */
  {
    "after_call.standard.fr", RELANCE_TEMPLATE_AFTER_CALL, RELANCE_CHANNEL_LETTER, "fr", RELANCE_TONE_STANDARD,
    "Courrier après appel (standard)",
    "Suite à notre appel du {{last_call.date}}",
    "{{salutation}}\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "Pour que tout soit clair entre nous, voici le détail de ce qui reste dû :\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "{{request.sentence}} Le règlement se fait par virement : {{payment.details}}.\n"
    "\n"
    "Si ce résumé ne correspond pas à ce que vous avez compris, ou si un point reste en suspens, appelez-nous au {{company.phone}} : mieux vaut le régler tout de suite.\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "after_call.standard.en", RELANCE_TEMPLATE_AFTER_CALL, RELANCE_CHANNEL_LETTER, "en", RELANCE_TONE_STANDARD,
    "Letter after a call (standard)",
    "Following our call of {{last_call.date}}",
    "{{salutation}}\n"
    "\n"
    "{{last_call.sentence}}\n"
    "\n"
    "So that everything is clear between us, here is what remains due:\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "{{request.sentence}} Payment is by bank transfer to {{payment.details}}.\n"
    "\n"
    "If this summary does not match your understanding, or if a point is still open, please call us on {{company.phone}}: it is best settled straight away.\n"
    "\n"
    "Kind regards,\n",
  },

  /* Broken promise: the payment promised did not come. The promise is
   * quoted: the call, the person, the amount and the day. */
  {
    "broken_promise.standard.fr", RELANCE_TEMPLATE_BROKEN_PROMISE, RELANCE_CHANNEL_LETTER, "fr", RELANCE_TONE_STANDARD,
    "Promesse non tenue (standard)",
    "Votre règlement annoncé pour le {{promise.date}}",
    "{{salutation}}\n"
    "\n"
    "{{promise.sentence}}\n"
    "\n"
    "Un contretemps peut arriver. Voici ce qui reste à régler :\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Nous vous demandons de régler {{total.claimed}} au plus tard le {{deadline}}, par virement : {{payment.details}}, ou de nous appeler d’ici là au {{company.phone}} pour convenir d’une nouvelle date que vous pourrez tenir.\n"
    "\n"
    "Sans règlement ni nouvelles de votre part à cette date, nous devrons engager la procédure de recouvrement, ce que nous souhaitons éviter.\n"
    "\n"
    "Bien cordialement,\n",
  },
  {
    "broken_promise.standard.en", RELANCE_TEMPLATE_BROKEN_PROMISE, RELANCE_CHANNEL_LETTER, "en", RELANCE_TONE_STANDARD,
    "Broken promise (standard)",
    "Your payment promised for {{promise.date}}",
    "{{salutation}}\n"
    "\n"
    "{{promise.sentence}}\n"
    "\n"
    "Things do not always go to plan. This is what remains to be paid:\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "We ask you to pay {{total.claimed}} no later than {{deadline}}, by bank transfer to {{payment.details}}, or to call us before then on {{company.phone}} to agree on a new date you can keep.\n"
    "\n"
    "Without payment or news from you by that date, we will have to start collection proceedings, which we would rather avoid.\n"
    "\n"
    "Kind regards,\n",
  },

  /* Formal notice: the last letter before legal action, registered. It
   * opens "Madame," / "Monsieur," / "Madame, Monsieur," and states the
   * real history, never "our previous reminders" when there were none. */
  {
    "formal_notice.standard.fr", RELANCE_TEMPLATE_FORMAL_NOTICE, RELANCE_CHANNEL_REGISTERED_LETTER, "fr", RELANCE_TONE_STANDARD,
    "Mise en demeure (standard)",
    "Mise en demeure de payer",
    "{{salutation.formal}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "{{promise.sentence}}\n"
    "\n"
    "À la date du {{date}}, {{invoices.below}}, à l’ordre {{customer.of_name}}, {{invoices.remain_unpaid}}.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "Par la présente, {{company.name}} vous met en demeure de lui régler la somme de {{total.claimed}} au plus tard le {{deadline}}.\n"
    "\n"
    "Cette somme comprend :\n"
    "- le principal restant dû : {{total.due}} ;\n"
    "- les intérêts de retard au taux annuel de {{penalties.rate}}, courus depuis la date d’échéance de chaque facture jusqu’au {{date}} : {{penalties.interest}} ;\n"
    "- l’indemnité forfaitaire pour frais de recouvrement de 40 € par facture payée en retard, prévue par l’article L441-10 du Code de commerce : {{penalties.indemnity}}.\n"
    "\n"
    "Les intérêts de retard continuent de courir jusqu’au paiement complet.\n"
    "\n"
    "Le règlement est à effectuer par virement sur notre compte : {{payment.details}}.\n"
    "\n"
    "À défaut de paiement intégral dans ce délai, nous saisirons sans autre avis la juridiction compétente, notamment par voie d’injonction de payer, afin d’obtenir le recouvrement de ces sommes ; les frais de procédure pourront être mis à votre charge.\n"
    "\n"
    "La présente lettre vaut mise en demeure au sens de l’article 1344 du Code civil. Si vous avez réglé ces sommes entre-temps, nous vous prions de ne pas en tenir compte.\n"
    "\n"
    "{{closing.formal}}\n",
  },
  {
    "formal_notice.standard.en", RELANCE_TEMPLATE_FORMAL_NOTICE, RELANCE_CHANNEL_REGISTERED_LETTER, "en", RELANCE_TONE_STANDARD,
    "Formal notice (standard)",
    "Formal notice to pay",
    "{{salutation.formal}}\n"
    "\n"
    "{{history.sentence}}\n"
    "\n"
    "{{promise.sentence}}\n"
    "\n"
    "As of {{date}}, {{invoices.below}}, issued by {{company.name}} to {{customer.name}}, {{invoices.remain_unpaid}}.\n"
    "\n"
    "{{invoices.table}}\n"
    "\n"
    "{{disputed.sentence}}\n"
    "\n"
    "We hereby give you formal notice to pay us the sum of {{total.claimed}} no later than {{deadline}}.\n"
    "\n"
    "This sum is made up of:\n"
    "- the principal still due: {{total.due}};\n"
    "- late-payment interest at the annual rate of {{penalties.rate}}, from the due date of each invoice to the day it was paid, or to {{date}} for what is still due: {{penalties.interest}};\n"
    "- the fixed compensation for recovery costs of EUR 40 per invoice paid late, under Article L441-10 of the French Commercial Code (Code de commerce): {{penalties.indemnity}}.\n"
    "\n"
    "Late-payment interest continues to accrue until payment in full.\n"
    "\n"
    "Payment is to be made by bank transfer to our account: {{payment.details}}.\n"
    "\n"
    "If full payment has not been received by that date, we will apply to the competent court without further notice, in particular for a payment order (injonction de payer), to recover these sums; the costs of the proceedings may be charged to you.\n"
    "\n"
    "This letter constitutes formal notice (mise en demeure) within the meaning of Article 1344 of the French Civil Code. If you have paid these sums in the meantime, please disregard it.\n"
    "\n"
    "{{closing.formal}}\n",
  },
};

const RelanceShippedTemplate *
_relance_templates_get_shipped (guint *n_templates)
{
  *n_templates = G_N_ELEMENTS (shipped);
  return shipped;
}

const RelanceShippedTemplate *
_relance_templates_find_shipped (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (shipped); i++)
    if (strcmp (shipped[i].key, key) == 0)
      return &shipped[i];

  return NULL;
}
