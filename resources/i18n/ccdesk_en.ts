<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
  <context>
    <name>AuditPanel</name>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>%n record</numerusform>
        <numerusform>%n records</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported %n audit record(s) to {path}.</source>
      <translation>
        <numerusform>Exported %n audit record to {path}.</numerusform>
        <numerusform>Exported %n audit records to {path}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkResultsPanel</name>
    <message numerus="yes">
      <source>Dry run: %n request(s) listed below; nothing is sent.</source>
      <translation>
        <numerusform>Dry run: %n request listed below; nothing is sent.</numerusform>
        <numerusform>Dry run: %n requests listed below; nothing is sent.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sending to %n agent(s)…</source>
      <translation>
        <numerusform>Sending to %n agent…</numerusform>
        <numerusform>Sending to %n agents…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sending to %n agent(s), {concurrency} at a time; Cancel sends nothing more…</source>
      <translation>
        <numerusform>Sending to %n agent, {concurrency} at a time; Cancel sends nothing more…</numerusform>
        <numerusform>Sending to %n agents, {concurrency} at a time; Cancel sends nothing more…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agent: {counts}.</source>
      <translation>
        <numerusform>%n agent: {counts}.</numerusform>
        <numerusform>%n agents: {counts}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agents: {counts}.</source>
      <translation>
        <numerusform>%n agent: {counts}.</numerusform>
        <numerusform>%n agents: {counts}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n done</source>
      <translation>
        <numerusform>%n done</numerusform>
        <numerusform>%n done</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n nothing to free</source>
      <translation>
        <numerusform>%n nothing to free</numerusform>
        <numerusform>%n nothing to free</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failed</source>
      <translation>
        <numerusform>%n failed</numerusform>
        <numerusform>%n failed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n dry run</source>
      <translation>
        <numerusform>%n dry run</numerusform>
        <numerusform>%n dry run</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n not sent</source>
      <translation>
        <numerusform>%n not sent</numerusform>
        <numerusform>%n not sent</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CodesDialog</name>
    <message numerus="yes">
      <source>At most %n codes per call</source>
      <translation>
        <numerusform>At most %n codes per call</numerusform>
        <numerusform>At most %n codes per call</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>At most %n codes per call: uncheck one first.</source>
      <translation>
        <numerusform>At most %n codes per call: uncheck one first.</numerusform>
        <numerusform>At most %n codes per call: uncheck one first.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list} — Required  (choose any · %n chosen)</source>
      <translation>
        <numerusform>{list} — Required  (choose any · %n chosen)</numerusform>
        <numerusform>{list} — Required  (choose any · %n chosen)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list} — Required  (choose one · %n chosen)</source>
      <translation>
        <numerusform>{list} — Required  (choose one · %n chosen)</numerusform>
        <numerusform>{list} — Required  (choose one · %n chosen)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list}  (choose any · %n chosen)</source>
      <translation>
        <numerusform>{list}  (choose any · %n chosen)</numerusform>
        <numerusform>{list}  (choose any · %n chosen)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list}  (choose one · %n chosen)</source>
      <translation>
        <numerusform>{list}  (choose one · %n chosen)</numerusform>
        <numerusform>{list}  (choose one · %n chosen)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of {limit} chosen</source>
      <translation>
        <numerusform>%n of {limit} chosen</numerusform>
        <numerusform>%n of {limit} chosen</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConnectionCheck</name>
    <message numerus="yes">
      <source>Connected. The tenant has %n agent(s).</source>
      <translation>
        <numerusform>Connected. The tenant has %n agent.</numerusform>
        <numerusform>Connected. The tenant has %n agents.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DemoMenu</name>
    <message numerus="yes">
      <source>Demo: the event stream was cut (%n connection(s)); ccdesk reconnects and resumes.</source>
      <translation>
        <numerusform>Demo: the event stream was cut (%n connection); ccdesk reconnects and resumes.</numerusform>
        <numerusform>Demo: the event stream was cut (%n connections); ccdesk reconnects and resumes.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeskController</name>
    <message numerus="yes">
      <source>Restored %n call(s) from the journal.</source>
      <translation>
        <numerusform>Restored %n call from the journal.</numerusform>
        <numerusform>Restored %n calls from the journal.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>No events for a call placed %n s ago: check the stream's region and topic.</source>
      <translation>
        <numerusform>No events for a call placed %n s ago: check the stream's region and topic.</numerusform>
        <numerusform>No events for a call placed %n s ago: check the stream's region and topic.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>8x8 asks ccdesk to slow down; trying again in %n s…</source>
      <translation>
        <numerusform>8x8 asks ccdesk to slow down; trying again in %n s…</numerusform>
        <numerusform>8x8 asks ccdesk to slow down; trying again in %n s…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>8x8 did not answer; trying again in %n s…</source>
      <translation>
        <numerusform>8x8 did not answer; trying again in %n s…</numerusform>
        <numerusform>8x8 did not answer; trying again in %n s…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message numerus="yes">
      <source>%n code list(s) found; a copy is kept on Save.</source>
      <translation>
        <numerusform>%n code list found; a copy is kept on Save.</numerusform>
        <numerusform>%n code lists found; a copy is kept on Save.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StreamState</name>
    <message numerus="yes">
      <source>Reconnecting in %n s</source>
      <translation>
        <numerusform>Reconnecting in %n s</numerusform>
        <numerusform>Reconnecting in %n s</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SupervisorConfirm</name>
    <message numerus="yes">
      <source>%n agent: {statuses}.</source>
      <translation>
        <numerusform>%n agent: {statuses}.</numerusform>
        <numerusform>%n agents: {statuses}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agents: {statuses}.</source>
      <translation>
        <numerusform>%n agent: {statuses}.</numerusform>
        <numerusform>%n agents: {statuses}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agent is Available: probably nothing to free there.</source>
      <translation>
        <numerusform>%n agent is Available: probably nothing to free there.</numerusform>
        <numerusform>%n agents are Available: probably nothing to free there.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agents are Available: probably nothing to free there.</source>
      <translation>
        <numerusform>%n agent is Available: probably nothing to free there.</numerusform>
        <numerusform>%n agents are Available: probably nothing to free there.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them is on a call now.</source>
      <translation>
        <numerusform>%n of them is on a call now.</numerusform>
        <numerusform>%n of them are on a call now.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them are on a call now.</source>
      <translation>
        <numerusform>%n of them is on a call now.</numerusform>
        <numerusform>%n of them are on a call now.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>ccdesk sends %n request, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</source>
      <translation>
        <numerusform>ccdesk sends %n request, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</numerusform>
        <numerusform>ccdesk sends %n requests, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>ccdesk sends %n requests, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</source>
      <translation>
        <numerusform>ccdesk sends %n request, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</numerusform>
        <numerusform>ccdesk sends %n requests, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them has a call on its lines.</source>
      <translation>
        <numerusform>%n of them has a call on its lines.</numerusform>
        <numerusform>%n of them have calls on their lines.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them have calls on their lines.</source>
      <translation>
        <numerusform>%n of them has a call on its lines.</numerusform>
        <numerusform>%n of them have calls on their lines.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SupervisorWindow</name>
    <message numerus="yes">
      <source>Showing the %n agent(s) imported from a file.</source>
      <translation>
        <numerusform>Showing the %n agent imported from a file.</numerusform>
        <numerusform>Showing the %n agents imported from a file.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Showing the %n agent(s) imported from {file}.</source>
      <translation>
        <numerusform>Showing the %n agent imported from {file}.</numerusform>
        <numerusform>Showing the %n agents imported from {file}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Imported %n agent(s) from {path}.</source>
      <translation>
        <numerusform>Imported %n agent from {path}.</numerusform>
        <numerusform>Imported %n agents from {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n agent</source>
      <translation>
        <numerusform>{shown} of %n agent</numerusform>
        <numerusform>{shown} of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n agents</source>
      <translation>
        <numerusform>{shown} of %n agent</numerusform>
        <numerusform>{shown} of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Selected %n agent stuck for more than {minutes} min.</source>
      <translation>
        <numerusform>Selected %n agent stuck for more than {minutes} min.</numerusform>
        <numerusform>Selected %n agents stuck for more than {minutes} min.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Selected %n agents stuck for more than {minutes} min.</source>
      <translation>
        <numerusform>Selected %n agent stuck for more than {minutes} min.</numerusform>
        <numerusform>Selected %n agents stuck for more than {minutes} min.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free all lines of %n agent</source>
      <translation>
        <numerusform>Free all lines of %n agent</numerusform>
        <numerusform>Free all lines of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free all lines of %n agents</source>
      <translation>
        <numerusform>Free all lines of %n agent</numerusform>
        <numerusform>Free all lines of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free line {line} of %n agent</source>
      <translation>
        <numerusform>Free line {line} of %n agent</numerusform>
        <numerusform>Free line {line} of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free line {line} of %n agents</source>
      <translation>
        <numerusform>Free line {line} of %n agent</numerusform>
        <numerusform>Free line {line} of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set status of %n agent</source>
      <translation>
        <numerusform>Set status of %n agent</numerusform>
        <numerusform>Set status of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set status of %n agents</source>
      <translation>
        <numerusform>Set status of %n agent</numerusform>
        <numerusform>Set status of %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agent to {status} ({code})</source>
      <translation>
        <numerusform>Set %n agent to {status} ({code})</numerusform>
        <numerusform>Set %n agents to {status} ({code})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agents to {status} ({code})</source>
      <translation>
        <numerusform>Set %n agent to {status} ({code})</numerusform>
        <numerusform>Set %n agents to {status} ({code})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agent to {status}</source>
      <translation>
        <numerusform>Set %n agent to {status}</numerusform>
        <numerusform>Set %n agents to {status}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agents to {status}</source>
      <translation>
        <numerusform>Set %n agent to {status}</numerusform>
        <numerusform>Set %n agents to {status}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n result(s) are not in the audit trail: the journal {journal} {problem}. The rows above are their only record.</source>
      <translation>
        <numerusform>%n result is not in the audit trail: the journal {journal} {problem}. The row above is its only record.</numerusform>
        <numerusform>%n results are not in the audit trail: the journal {journal} {problem}. The rows above are their only record.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Dry run: %n request(s) listed; nothing was sent.</source>
      <translation>
        <numerusform>Dry run: %n request listed; nothing was sent.</numerusform>
        <numerusform>Dry run: %n requests listed; nothing was sent.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n status change(s) since the last read were for agents not listed here (another group, or new): they are not added until Refresh lists them.</source>
      <translation>
        <numerusform>%n status change since the last read was for an agent not listed here (another group, or new): it is not added until Refresh lists it.</numerusform>
        <numerusform>%n status changes since the last read were for agents not listed here (another group, or new): they are not added until Refresh lists them.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Tray</name>
    <message numerus="yes">
      <source>%n in wrap-up</source>
      <translation>
        <numerusform>%n in wrap-up</numerusform>
        <numerusform>%n in wrap-up</numerusform>
      </translation>
    </message>
  </context>
</TS>