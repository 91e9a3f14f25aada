/* relance-claim-declaration.h
 *
 * The claim declaration (déclaration de créance) to the mandataire
 * judiciaire of a customer in insolvency proceedings: a registered letter
 * with acknowledgement, laid out as every letter is (relance-letter.h:
 * letterhead, the mandataire in the envelope's window, place and date,
 * signature, footer), in the debtor's language. It carries the creditor
 * and the debtor (name, SIREN, address), the proceedings (kind, court,
 * judgment, BODACC), the table of invoices issued before the judgment
 * with what is still due, the days late at the judgment ("not due" for
 * those falling due after it), the interest line by line up to the
 * judgment and the 40 € indemnities, and the total; then the sums due
 * (échu) and falling due (à échoir, with their due dates) said apart, the
 * security ("none"), the documents attached and the signature. Written
 * after the deadline, it says a request for relief from forclusion goes
 * to the juge-commissaire at the same time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "relance-letter.h"
#include "relance-proceedings.h"

G_BEGIN_DECLS

/* The letter of @data (copied), to write with relance_letter_to_pdf(). */
RelanceLetter *relance_claim_declaration_new           (const RelanceClaimData *data,
                                                        GError                **error);
/* "Declaration-creance-C0042-2026-12-03.pdf" (code made safe) */
char          *relance_claim_declaration_get_file_name (const RelanceClaimData *data);
/* When @data is dated after the deadline: what to say to the user, in
 * the user's language ("The deadline … was 2026-05-15: …ask for relief
 * from forclusion before 2026-09-15"); NULL when in time. */
char          *relance_claim_declaration_get_warning   (const RelanceClaimData *data);

G_END_DECLS
