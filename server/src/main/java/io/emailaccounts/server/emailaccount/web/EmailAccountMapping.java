package io.emailaccounts.server.emailaccount.web;

import org.openapitools.jackson.nullable.JsonNullable;

import io.emailaccounts.server.emailaccount.service.EmailAccountFields;
import io.emailaccounts.server.emailaccount.service.FieldChange;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;

/** Maps the generated request models to the service's types; generated types stop here. */
final class EmailAccountMapping {

    private EmailAccountMapping() {
    }

    static EmailAccountFields fields(EmailAccountUpdate update) {
        return new EmailAccountFields(
                update.getBusinessId(),
                update.getDisplayName(),
                update.getEmailAddress(),
                update.getIncomingServer(),
                update.getIncomingServerType().getValue(),
                update.getIncomingServerPort(),
                update.getIncomingServerUsername(),
                update.getDeleteMessageSettings().getValue(),
                update.getOutgoingServer(),
                update.getOutgoingServerPort(),
                update.getOutgoingServerUsername(),
                update.getLastMessageId(),
                update.getErrorCount(),
                change(update.getActive()),
                change(update.getSendNotificationOnNewMessages()),
                change(update.getNotificationEmailAddress()),
                change(update.getIncomingServerSSL()),
                change(update.getOutgoingServerSSL()),
                change(update.getReplyToEmail()),
                change(update.getLastCheckTime()),
                change(update.getGoogleAccessToken()),
                change(update.getOffice365AccessToken()));
    }

    /** Absent keeps the stored value; present (null included) replaces it. */
    private static <T> FieldChange<T> change(JsonNullable<T> value) {
        return value.isPresent() ? FieldChange.replaceWith(value.get()) : FieldChange.keep();
    }
}
