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
        return new ActionResponse(200, message, new RecordId(receipt.id()), false, false, null, null,
                receipt.changedOn().atOffset(ZoneOffset.UTC), receipt.changedBy(), null, true);
    }
}
