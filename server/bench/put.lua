-- wrk script: PUT the demo record with a valid body; the Authorization header comes from the environment.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTHORIZATION")
wrk.body = [[{"Id": 87654321, "BusinessId": 1001, "DisplayName": "Help desk inbox",
 "EmailAddress": "helpdesk@example.com", "IncomingServer": "imap.example.com", "IncomingServerType": 1,
 "IncomingServerPort": 993, "IncomingServerUsername": "helpdesk@example.com", "DeleteMessageSettings": 1,
 "OutgoingServer": "smtp.example.com", "OutgoingServerPort": 587, "OutgoingServerUsername": "helpdesk@example.com",
 "LastMessageId": 0, "ErrorCount": 0, "Active": true, "ReplyToEmail": null}]]

local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f  p50 %.2f ms  p99 %.2f ms  non-200 %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
