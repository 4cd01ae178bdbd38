package io.emailaccounts.server.emailaccount.web;

import java.time.ZoneOffset;

import io.emailaccounts.server.emailaccount.service.ChangeReceipt;
import io.emailaccounts.server.generated.model.ActionResponse;
import io.emailaccounts.server.generated.model.RecordId;

/** Builds the envelope of a successful create, update or delete. */
final class ActionEnvelopes {

    private ActionEnvelopes() {
    }

    static ActionResponse success(String message, ChangeReceipt receipt) {
        return new ActionResponse()
                .status(200)
                .message(message)
                .value(new RecordId().id(receipt.id()))
                .openInDialog(false)
                .openInWindow(false)
                .redirectURL(null)
                .javaScript(null)
                .updatedOn(receipt.changedOn().atOffset(ZoneOffset.UTC))
                .updatedBy(receipt.changedBy())
                .errors(null)
                .wasSuccessful(true);
    }
}
