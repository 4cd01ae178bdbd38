package io.emailaccounts.server.emailaccount.web;

import java.time.ZoneOffset;

import org.openapitools.jackson.nullable.JsonNullable;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.service.EmailAccountWrite;
import io.emailaccounts.server.emailaccount.service.FieldChange;
import io.emailaccounts.server.generated.model.EmailAccount;
import io.emailaccounts.server.generated.model.EmailServerType;
import io.emailaccounts.server.generated.model.MessageDeletionPolicy;

/** Maps the generated models to the service's types and back; generated types stop here. */
final class EmailAccountMapping {

    private EmailAccountMapping() {
    }

    static EmailAccountWrite write(WritableEmailAccount body) {
        return new EmailAccountWrite(
                body.getBusinessId(),
                body.getDisplayName(),
                body.getEmailAddress(),
                body.getIncomingServer(),
                body.getIncomingServerType().getValue(),
                body.getIncomingServerPort(),
                body.getIncomingServerUsername(),
                body.getDeleteMessageSettings().getValue(),
                body.getOutgoingServer(),
                body.getOutgoingServerPort(),
                body.getOutgoingServerUsername(),
                body.getLastMessageId(),
                body.getErrorCount(),
                change(body.getActive()),
                change(body.getSendNotificationOnNewMessages()),
                change(body.getNotificationEmailAddress()),
                change(body.getIncomingServerSSL()),
                change(body.getOutgoingServerSSL()),
                change(body.getReplyToEmail()),
                change(body.getLastCheckTime()),
                secretChange(body.getGoogleAccessToken()),
                secretChange(body.getOffice365AccessToken()));
    }

    /** Absent keeps the stored value; present (null included) replaces it. */
    private static <T> FieldChange<T> change(JsonNullable<T> value) {
        return value.isPresent() ? FieldChange.replaceWith(value.get()) : FieldChange.keep();
    }

    /**
     * A write-only secret reads back as null, so null must keep it (a record read and sent back loses nothing); an
     * empty string removes it.
     */
    private static FieldChange<String> secretChange(JsonNullable<String> value) {
        if (!value.isPresent() || value.get() == null) {
            return FieldChange.keep();
        }
        return FieldChange.replaceWith(value.get().isEmpty() ? null : value.get());
    }

    static EmailAccount record(EmailAccountRecord stored) {
        return new EmailAccount()
                .id(stored.id())
                .uniqueId(stored.uniqueId())
                .businessId(stored.businessId())
                .displayName(stored.displayName())
                .emailAddress(stored.emailAddress())
                .incomingServer(stored.incomingServer())
                .incomingServerType(EmailServerType.fromValue(stored.incomingServerType()))
                .incomingServerPort(stored.incomingServerPort())
                .incomingServerUsername(stored.incomingServerUsername())
                .deleteMessageSettings(MessageDeletionPolicy.fromValue(stored.deleteMessageSettings()))
                .outgoingServer(stored.outgoingServer())
                .outgoingServerPort(stored.outgoingServerPort())
                .outgoingServerUsername(stored.outgoingServerUsername())
                .lastMessageId(stored.lastMessageId())
                .errorCount(stored.errorCount())
                .active(stored.active())
                .sendNotificationOnNewMessages(stored.sendNotificationOnNewMessages())
                .notificationEmailAddress(stored.notificationEmailAddress())
                .incomingServerSSL(stored.incomingServerSsl())
                .outgoingServerSSL(stored.outgoingServerSsl())
                .replyToEmail(stored.replyToEmail())
                .lastCheckTime(stored.lastCheckTime() == null ? null : stored.lastCheckTime().withOffsetSameInstant(ZoneOffset.UTC))
                .googleAccessToken(null)
                .office365AccessToken(null)
                .createdOn(stored.createdOn().withOffsetSameInstant(ZoneOffset.UTC))
                .updatedOn(stored.updatedOn().withOffsetSameInstant(ZoneOffset.UTC))
                .updatedBy(stored.updatedBy())
                .isNew(false)
                .systemId(stored.systemId())
                .toStringText(stored.displayName());
    }
}
