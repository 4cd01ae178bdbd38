package io.emailaccounts.server.emailaccount.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.service.Caller;
import io.emailaccounts.server.emailaccount.service.ChangeReceipt;
import io.emailaccounts.server.emailaccount.service.EmailAccountProperty;
import io.emailaccounts.server.emailaccount.service.EmailAccountService;
import io.emailaccounts.server.emailaccount.service.SearchResult;
import io.emailaccounts.server.generated.api.EmailAccountsApiDelegate;
import io.emailaccounts.server.generated.model.ActionResponse;
import io.emailaccounts.server.generated.model.EmailAccount;
import io.emailaccounts.server.generated.model.EmailAccountFields;
import io.emailaccounts.server.generated.model.EmailAccountList;
import io.emailaccounts.server.generated.model.EmailAccountOrderField;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;
import io.emailaccounts.server.generated.model.EmailServerType;
import io.emailaccounts.server.generated.model.MessageDeletionPolicy;
import io.emailaccounts.server.generated.model.SortDirection;
import io.emailaccounts.server.security.CurrentUser;

/** The EmailAccounts operations of the contract: map the request, call the service, map the answer. */
@Component
class EmailAccountsDelegate implements EmailAccountsApiDelegate {

    private final EmailAccountService service;

    EmailAccountsDelegate(EmailAccountService service) {
        this.service = service;
    }

    /** The record, with its version as ETag (a matching If-None-Match is answered 304). */
    @Override
    public ResponseEntity<EmailAccount> getEmailAccount(Long id, String ifNoneMatch) {
        EmailAccountRecord record = service.get(id, caller());
        return ResponseEntity.ok().eTag(EntityTags.of(record.version())).body(EmailAccountMapping.record(record));
    }

    @Override
    public ResponseEntity<ActionResponse> createEmailAccount(EmailAccountFields body) {
        ChangeReceipt receipt = service.create(EmailAccountMapping.write(body), caller());
        return ResponseEntity.ok(ActionEnvelopes.success("EmailAccount was successfully created.", receipt));
    }

    @Override
    public ResponseEntity<ActionResponse> updateEmailAccount(EmailAccountUpdate update, String ifMatch) {
        ChangeReceipt receipt = service.applyUpdate(update.getId(), EmailAccountMapping.write(update), caller(),
                EntityTags.versionsIn(ifMatch));
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, EntityTags.of(receipt.version()))
                .body(ActionEnvelopes.success("EmailAccount was successfully updated.", receipt));
    }

    @Override
    public ResponseEntity<ActionResponse> deleteEmailAccount(Long id) {
        ChangeReceipt receipt = service.delete(id, caller());
        return ResponseEntity.ok(ActionEnvelopes.success("EmailAccount was successfully deleted.", receipt));
    }

    /** A page of results in the list envelope or, with {@code id}, a bare array of records (a batch read). */
    @Override
    public ResponseEntity<Object> searchEmailAccounts(Integer page, Integer size, EmailAccountOrderField orderBy,
            SortDirection dir, String id, Long business, String displayName, String emailAddress,
            String incomingServer, EmailServerType incomingServerType, Integer incomingServerPort,
            String incomingServerUsername, MessageDeletionPolicy deleteMessageSettings, String outgoingServer,
            Integer outgoingServerPort, String outgoingServerUsername, Long lastMessageId, Integer errorCount,
            Boolean active, Boolean sendNotificationOnNewMessages, String notificationEmailAddress,
            Boolean incomingServerSSL, Boolean outgoingServerSSL, String replyToEmail, String lastCheckTime,
            Integer fromIncomingServerPort, Integer toIncomingServerPort, Integer fromOutgoingServerPort,
            Integer toOutgoingServerPort, String fromLastCheckTime, String toLastCheckTime, Long fromLastMessageId,
            Long toLastMessageId, Integer fromErrorCount, Integer toErrorCount, String fromCreatedOn,
            String toCreatedOn, String fromUpdatedOn, String toUpdatedOn) {
        if (id != null) {
            List<EmailAccount> records = service.getAll(SearchParameters.batchIds(id), caller()).stream()
                    .map(EmailAccountMapping::record).toList();
            return ResponseEntity.ok(records);
        }
        SearchParameters search = new SearchParameters(page, size, orderBy == null ? null : orderBy.getValue(), dir)
                .equalTo(EmailAccountProperty.BUSINESS_ID, business)
                .equalTo(EmailAccountProperty.DISPLAY_NAME, displayName)
                .equalTo(EmailAccountProperty.EMAIL_ADDRESS, emailAddress)
                .equalTo(EmailAccountProperty.INCOMING_SERVER, incomingServer)
                .equalTo(EmailAccountProperty.INCOMING_SERVER_TYPE, incomingServerType, EmailServerType::getValue)
                .equalTo(EmailAccountProperty.INCOMING_SERVER_PORT, incomingServerPort)
                .equalTo(EmailAccountProperty.INCOMING_SERVER_USERNAME, incomingServerUsername)
                .equalTo(EmailAccountProperty.DELETE_MESSAGE_SETTINGS, deleteMessageSettings, MessageDeletionPolicy::getValue)
                .equalTo(EmailAccountProperty.OUTGOING_SERVER, outgoingServer)
                .equalTo(EmailAccountProperty.OUTGOING_SERVER_PORT, outgoingServerPort)
                .equalTo(EmailAccountProperty.OUTGOING_SERVER_USERNAME, outgoingServerUsername)
                .equalTo(EmailAccountProperty.LAST_MESSAGE_ID, lastMessageId)
                .equalTo(EmailAccountProperty.ERROR_COUNT, errorCount)
                .equalTo(EmailAccountProperty.ACTIVE, active)
                .equalTo(EmailAccountProperty.SEND_NOTIFICATION_ON_NEW_MESSAGES, sendNotificationOnNewMessages)
                .equalTo(EmailAccountProperty.NOTIFICATION_EMAIL_ADDRESS, notificationEmailAddress)
                .equalTo(EmailAccountProperty.INCOMING_SERVER_SSL, incomingServerSSL)
                .equalTo(EmailAccountProperty.OUTGOING_SERVER_SSL, outgoingServerSSL)
                .equalTo(EmailAccountProperty.REPLY_TO_EMAIL, replyToEmail)
                .equalToTime(EmailAccountProperty.LAST_CHECK_TIME, "EmailAccount_LastCheckTime", lastCheckTime)
                .between(EmailAccountProperty.INCOMING_SERVER_PORT, fromIncomingServerPort, toIncomingServerPort)
                .between(EmailAccountProperty.OUTGOING_SERVER_PORT, fromOutgoingServerPort, toOutgoingServerPort)
                .between(EmailAccountProperty.LAST_MESSAGE_ID, fromLastMessageId, toLastMessageId)
                .between(EmailAccountProperty.ERROR_COUNT, fromErrorCount, toErrorCount)
                .betweenTimes(EmailAccountProperty.LAST_CHECK_TIME, "from_EmailAccount_LastCheckTime", fromLastCheckTime,
                        "to_EmailAccount_LastCheckTime", toLastCheckTime)
                .betweenTimes(EmailAccountProperty.CREATED_ON, "from_EmailAccount_CreatedOn", fromCreatedOn,
                        "to_EmailAccount_CreatedOn", toCreatedOn)
                .betweenTimes(EmailAccountProperty.UPDATED_ON, "from_EmailAccount_UpdatedOn", fromUpdatedOn,
                        "to_EmailAccount_UpdatedOn", toUpdatedOn);
        return ResponseEntity.ok(page(service.search(search.query(), caller())));
    }

    private static Caller caller() {
        return new Caller(CurrentUser.name(), CurrentUser.businesses());
    }

    private static EmailAccountList page(SearchResult result) {
        return new EmailAccountList(
                result.records().stream().map(EmailAccountMapping::record).toList(),
                result.query().page(),
                result.query().size(),
                result.query().orderBy().apiName(),
                result.query().descending() ? SortDirection.Descending : SortDirection.Ascending,
                result.firstItem(),
                result.lastItem(),
                result.totalItems(),
                result.totalPages(),
                result.hasNextPage(),
                result.hasPreviousPage());
    }
}
