package io.emailaccounts.server.emailaccount.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.emailaccount.service.ChangeReceipt;
import io.emailaccounts.server.emailaccount.service.EmailAccountService;
import io.emailaccounts.server.generated.api.EmailAccountsApiDelegate;
import io.emailaccounts.server.generated.model.ActionResponse;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;
import io.emailaccounts.server.security.CurrentUser;

/** The EmailAccounts operations of the contract: map the request, call the service, map the answer. */
@Component
class EmailAccountsDelegate implements EmailAccountsApiDelegate {

    private final EmailAccountService service;

    EmailAccountsDelegate(EmailAccountService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<ActionResponse> updateEmailAccount(EmailAccountUpdate update) {
        ChangeReceipt receipt = service.applyUpdate(update.getId(), EmailAccountMapping.fields(update), CurrentUser.name());
        return ResponseEntity.ok(ActionEnvelopes.success("EmailAccount was successfully updated.", receipt));
    }
}
