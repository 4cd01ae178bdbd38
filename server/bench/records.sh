# Sourced by the benchmarks: the SQL that stores $records generated records (ids 1 to $records) in email_account.
# Usage: insert_select "<a row source of x from 1 to $records>" "<the database's random UUID function>"
# Every record: 100 businesses, ports, counters and times spread out, names in no particular order.
insert_select() {
    local range=$1 random_uuid=$2
    cat <<SQL
INSERT INTO email_account (id, unique_id, business_id, display_name, email_address, incoming_server,
    incoming_server_type, incoming_server_port, incoming_server_username, delete_message_settings, outgoing_server,
    outgoing_server_port, outgoing_server_username, last_message_id, error_count, active, last_check_time,
    created_on, updated_on, updated_by)
SELECT x, $random_uuid, MOD(x, 100) + 1, 'Inbox ' || MOD(x * 7919, $records), 'inbox' || x || '@example.com',
    'imap' || MOD(x, 10) || '.example.com', 1, 100 + MOD(x, 900), 'user' || x, 1 + MOD(x, 3), 'smtp.example.com',
    587, 'user' || x, x * 10, MOD(x, 7), MOD(x, 5) <> 0,
    TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + (x * INTERVAL '1' MINUTE),
    TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00' + (x * INTERVAL '5' MINUTE),
    TIMESTAMP WITH TIME ZONE '2024-06-01 00:00:00+00' + (x * INTERVAL '3' MINUTE), 'bench'
FROM $range;
SQL
}

