<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
  <context>
    <name>AgentStates</name>
    <message>
      <source>Unknown (never logged in)</source>
      <translation>Inconnu (jamais connecté)</translation>
    </message>
    <message>
      <source>Logged out</source>
      <translation>Déconnecté</translation>
    </message>
    <message>
      <source>Logged in</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <source>On break</source>
      <translation>En pause</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>Disponible</translation>
    </message>
    <message>
      <source>Work offline</source>
      <translation>Travail hors ligne</translation>
    </message>
    <message>
      <source>Offered</source>
      <translation>Proposé</translation>
    </message>
    <message>
      <source>Processing</source>
      <translation>En traitement</translation>
    </message>
    <message>
      <source>Wrap-up</source>
      <translation>Post-appel</translation>
    </message>
    <message>
      <source>Busy</source>
      <translation>Occupé</translation>
    </message>
    <message>
      <source>Direct call</source>
      <translation>Appel direct</translation>
    </message>
    <message>
      <source>On email</source>
      <translation>En courriel</translation>
    </message>
    <message>
      <source>Status {code}</source>
      <translation>Statut {code}</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>has values ccdesk skipped: {problems}</source>
      <translation>contient des valeurs que ccdesk a ignorées : {problems}</translation>
    </message>
    <message>
      <source>Correct them in Settings (the file is backed up before ccdesk saves it) or in the file.</source>
      <translation>Corrigez-les dans les paramètres (ccdesk sauvegarde une copie du fichier avant d'enregistrer) ou dans le fichier.</translation>
    </message>
    <message>
      <source>{problem}, so nothing is logged</source>
      <translation>{problem}, donc rien n'est consigné</translation>
    </message>
    <message>
      <source>Calls still work. Free disk space or fix the folder's permissions, then restart ccdesk.</source>
      <translation>Les appels fonctionnent toujours. Libérez de l'espace disque ou corrigez les droits du dossier, puis redémarrez ccdesk.</translation>
    </message>
    <message>
      <source>The test failed inside ccdesk ({error}).</source>
      <translation>Le test a échoué dans ccdesk ({error}).</translation>
    </message>
    <message>
      <source>ccdesk cannot read its settings</source>
      <translation>ccdesk ne peut pas lire ses paramètres</translation>
    </message>
    <message>
      <source>Move the unreadable file aside and set up again, or quit and leave it as it is</source>
      <translation>Mettre de côté le fichier illisible et reconfigurer, ou quitter sans y toucher</translation>
    </message>
    <message>
      <source>Move it aside and set up again? The file is kept beside it as a backup, so nothing is lost.</source>
      <translation>Le mettre de côté et reconfigurer ? Le fichier est conservé à côté comme copie de sauvegarde : rien n'est perdu.</translation>
    </message>
    <message>
      <source>Move aside and set up again</source>
      <translation>Mettre de côté et reconfigurer</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Quitter</translation>
    </message>
    <message>
      <source>ccdesk cannot start</source>
      <translation>ccdesk ne peut pas démarrer</translation>
    </message>
    <message>
      <source>{problem}: links from other launches (tel: links, ccdesk --dial) cannot reach this window</source>
      <translation>{problem} : les liens venant d'autres lancements (liens tel:, ccdesk --dial) ne peuvent pas atteindre cette fenêtre</translation>
    </message>
  </context>
  <context>
    <name>AuditModel</name>
    <message>
      <source>Free line</source>
      <translation>Libérer une ligne</translation>
    </message>
    <message>
      <source>Free all lines</source>
      <translation>Libérer toutes les lignes</translation>
    </message>
    <message>
      <source>Hang up</source>
      <translation>Raccrocher</translation>
    </message>
    <message>
      <source>End call</source>
      <translation>Terminer l'appel</translation>
    </message>
    <message>
      <source>Set status</source>
      <translation>Définir le statut</translation>
    </message>
    <message>
      <source>Dial</source>
      <translation>Appeler</translation>
    </message>
    <message>
      <source>Transaction codes</source>
      <translation>Codes de transaction</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Résultat</translation>
    </message>
    <message>
      <source>HTTP</source>
      <translation>HTTP</translation>
    </message>
    <message>
      <source>Reasons</source>
      <translation>Raisons</translation>
    </message>
    <message>
      <source>Agent id</source>
      <translation>Identifiant d'agent</translation>
    </message>
    <message>
      <source>Interaction</source>
      <translation>Interaction</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Requête</translation>
    </message>
  </context>
  <context>
    <name>AuditPanel</name>
    <message>
      <source>Filter the audit trail</source>
      <translation>Filtrer le journal d'audit</translation>
    </message>
    <message>
      <source>Shows only the records that contain what you type; the table follows as you type</source>
      <translation>N'affiche que les entrées qui contiennent le texte saisi ; le tableau suit la saisie</translation>
    </message>
    <message>
      <source>Filter by agent, interaction, action, outcome, request or reasons</source>
      <translation>Filtrer par agent, interaction, action, résultat, requête ou raisons</translation>
    </message>
    <message>
      <source>Records shown</source>
      <translation>Entrées affichées</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Exporter en CSV…</translation>
    </message>
    <message>
      <source>Export the audit records shown as CSV</source>
      <translation>Exporter en CSV les entrées d'audit affichées</translation>
    </message>
    <message>
      <source>Asks where to save a CSV file of the records the filter shows</source>
      <translation>Demande où enregistrer un fichier CSV des entrées que le filtre affiche</translation>
    </message>
    <message>
      <source>Audit trail</source>
      <translation>Journal d'audit</translation>
    </message>
    <message>
      <source>Every action taken from this console, newest first; arrow keys move between records</source>
      <translation>Chaque action faite depuis cette console, la plus récente en premier ; les flèches passent d'une entrée à l'autre</translation>
    </message>
    <message numerus="yes">
      <source>%n record(s)</source>
      <translation>
        <numerusform>%n entrée</numerusform>
        <numerusform>%n entrées</numerusform>
      </translation>
    </message>
    <message>
      <source>No records match.</source>
      <translation>Aucune entrée ne correspond.</translation>
    </message>
    <message>
      <source>No actions recorded yet.</source>
      <translation>Aucune action enregistrée pour l'instant.</translation>
    </message>
    <message>
      <source>Export audit trail</source>
      <translation>Exporter le journal d'audit</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <source>Could not write {path}: {reason}</source>
      <translation>Impossible d'écrire {path} : {reason}</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n audit record(s) to {path}.</source>
      <translation>
        <numerusform>%n entrée d'audit exportée dans {path}.</numerusform>
        <numerusform>%n entrées d'audit exportées dans {path}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkBox</name>
    <message>
      <source>Several agents</source>
      <translation>Plusieurs agents</translation>
    </message>
    <message>
      <source>Act on every agent selected in the roster at once</source>
      <translation>Agir d'un coup sur tous les agents sélectionnés dans la liste</translation>
    </message>
    <message>
      <source>Lines to free</source>
      <translation>Lignes à libérer</translation>
    </message>
    <message>
      <source>Which lines Free selected frees: all, line 1 or line 2</source>
      <translation>Les lignes que « Libérer la sélection » libère : toutes, la ligne 1 ou la ligne 2</translation>
    </message>
    <message>
      <source>All lines</source>
      <translation>Toutes les lignes</translation>
    </message>
    <message>
      <source>Line {line}</source>
      <translation>Ligne {line}</translation>
    </message>
    <message>
      <source>Free selected…</source>
      <translation>Libérer la sélection…</translation>
    </message>
    <message>
      <source>Free lines of the selected agents</source>
      <translation>Libérer les lignes des agents sélectionnés</translation>
    </message>
    <message>
      <source>Frees the chosen lines of every selected agent, after a question</source>
      <translation>Libère les lignes choisies de chaque agent sélectionné, après confirmation</translation>
    </message>
    <message>
      <source>Set status of selected…</source>
      <translation>Statut de la sélection…</translation>
    </message>
    <message>
      <source>Set the status of the selected agents</source>
      <translation>Définir le statut des agents sélectionnés</translation>
    </message>
    <message>
      <source>Asks for a status and a status code, then sets it for each one</source>
      <translation>Demande un statut et un code de statut, puis les applique à chacun</translation>
    </message>
    <message>
      <source>Requests at a time</source>
      <translation>Requêtes simultanées</translation>
    </message>
    <message>
      <source>How many requests are in flight at once</source>
      <translation>Nombre de requêtes envoyées en même temps</translation>
    </message>
    <message>
      <source>Dry run</source>
      <translation>Simulation</translation>
    </message>
    <message>
      <source>Dry run: list the requests, send nothing</source>
      <translation>Simulation : lister les requêtes, ne rien envoyer</translation>
    </message>
    <message>
      <source>List exactly what would be sent, and send nothing</source>
      <translation>Lister exactement ce qui serait envoyé, sans rien envoyer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Cancel the bulk action</source>
      <translation>Annuler l'action groupée</translation>
    </message>
    <message>
      <source>Send nothing more; requests already sent finish</source>
      <translation>Ne plus rien envoyer ; les requêtes déjà envoyées se terminent</translation>
    </message>
    <message>
      <source>At a &amp;time</source>
      <translation>À la &amp;fois</translation>
    </message>
  </context>
  <context>
    <name>BulkConfirmDialog</name>
    <message>
      <source>Read the summary, then go ahead or cancel; Cancel is the default and sends nothing.</source>
      <translation>Lisez le résumé, puis confirmez ou annulez ; Annuler est le choix par défaut et n'envoie rien.</translation>
    </message>
    <message>
      <source>{action}?</source>
      <translation>{action} ?</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Résumé</translation>
    </message>
    <message>
      <source>Show details</source>
      <translation>Afficher les détails</translation>
    </message>
    <message>
      <source>Show each agent and the request</source>
      <translation>Afficher chaque agent et sa requête</translation>
    </message>
    <message>
      <source>Lists each agent, their status and the request ccdesk will send for them</source>
      <translation>Liste chaque agent, son statut et la requête que ccdesk enverra pour lui</translation>
    </message>
    <message>
      <source>Sends the requests now; this cannot be undone</source>
      <translation>Envoie les requêtes maintenant ; c'est irréversible</translation>
    </message>
    <message>
      <source>Sends nothing</source>
      <translation>N'envoie rien</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>Agent id</source>
      <translation>Identifiant d'agent</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>In this status</source>
      <translation>Dans ce statut</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Requête</translation>
    </message>
    <message>
      <source>Agents and requests</source>
      <translation>Agents et requêtes</translation>
    </message>
    <message>
      <source>One row per agent: name, id, status, time in it, and the request to send</source>
      <translation>Une ligne par agent : nom, identifiant, statut, temps passé dans ce statut et requête à envoyer</translation>
    </message>
    <message>
      <source>{status} (on a call)</source>
      <translation>{status} (en communication)</translation>
    </message>
    <message>
      <source>Hide details</source>
      <translation>Masquer les détails</translation>
    </message>
  </context>
  <context>
    <name>BulkResultsPanel</name>
    <message>
      <source>Bulk action progress</source>
      <translation>Progression de l'action groupée</translation>
    </message>
    <message>
      <source>How many of the agents of the run have an answer</source>
      <translation>Combien d'agents de l'envoi ont déjà une réponse</translation>
    </message>
    <message>
      <source>Select agents in the roster, then act on all of them at once.</source>
      <translation>Sélectionnez des agents dans la liste, puis agissez sur tous d'un coup.</translation>
    </message>
    <message>
      <source>Bulk action summary</source>
      <translation>Résumé de l'action groupée</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>Agent id</source>
      <translation>Identifiant d'agent</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Résultat</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>Results per agent</source>
      <translation>Résultats par agent</translation>
    </message>
    <message>
      <source>One row per agent of the last run: its result, and why when it failed</source>
      <translation>Une ligne par agent du dernier envoi : son résultat et, en cas d'échec, pourquoi</translation>
    </message>
    <message>
      <source>Requests a dry run would send</source>
      <translation>Requêtes qu'enverrait la simulation</translation>
    </message>
    <message>
      <source>One request a line, exactly as ccdesk would send it</source>
      <translation>Une requête par ligne, exactement telle que ccdesk l'enverrait</translation>
    </message>
    <message>
      <source>%v of %m answered</source>
      <translation>%v sur %m avec réponse</translation>
    </message>
    <message numerus="yes">
      <source>Dry run: %n request(s) listed below; nothing is sent.</source>
      <translation>
        <numerusform>Simulation : %n requête listée ci-dessous ; rien n'est envoyé.</numerusform>
        <numerusform>Simulation : %n requêtes listées ci-dessous ; rien n'est envoyé.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sending to %n agent(s)…</source>
      <translation>
        <numerusform>Envoi à %n agent…</numerusform>
        <numerusform>Envoi à %n agents…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sending to %n agent(s), {concurrency} at a time; Cancel sends nothing more…</source>
      <translation>
        <numerusform>Envoi à %n agent, {concurrency} à la fois ; Annuler arrête les envois…</numerusform>
        <numerusform>Envoi à %n agents, {concurrency} à la fois ; Annuler arrête les envois…</numerusform>
      </translation>
    </message>
    <message>
      <source>{done} of {total} answered: {counts}</source>
      <translation>{done} sur {total} avec réponse : {counts}</translation>
    </message>
    <message numerus="yes">
      <source>%n agent: {counts}.</source>
      <translation>
        <numerusform>%n agent : {counts}.</numerusform>
        <numerusform>%n agents : {counts}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agents: {counts}.</source>
      <translation>
        <numerusform>%n agent : {counts}.</numerusform>
        <numerusform>%n agents : {counts}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cancelled: nothing more was sent after that.</source>
      <translation>Annulé : plus rien n'a été envoyé ensuite.</translation>
    </message>
    <message>
      <source>The run stopped: {reason}</source>
      <translation>L'envoi s'est arrêté : {reason}</translation>
    </message>
    <message>
      <source>nothing yet</source>
      <translation>rien pour l'instant</translation>
    </message>
    <message numerus="yes">
      <source>%n done</source>
      <translation>
        <numerusform>%n réussi</numerusform>
        <numerusform>%n réussis</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n nothing to free</source>
      <translation>
        <numerusform>%n sans rien à libérer</numerusform>
        <numerusform>%n sans rien à libérer</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n failed</source>
      <translation>
        <numerusform>%n en échec</numerusform>
        <numerusform>%n en échec</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n dry run</source>
      <translation>
        <numerusform>%n en simulation</numerusform>
        <numerusform>%n en simulation</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n not sent</source>
      <translation>
        <numerusform>%n non envoyé</numerusform>
        <numerusform>%n non envoyés</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BulkStatusRequest</name>
    <message>
      <source>Agent id is required.</source>
      <translation>L'identifiant d'agent est obligatoire.</translation>
    </message>
  </context>
  <context>
    <name>CCClient</name>
    <message>
      <source>The user name is missing.</source>
      <translation>Le nom d'utilisateur est manquant.</translation>
    </message>
    <message>
      <source>The user name contains spaces, line breaks or control characters.</source>
      <translation>Le nom d'utilisateur contient des espaces, des sauts de ligne ou des caractères de contrôle.</translation>
    </message>
    <message>
      <source>The user name cannot contain ':' (Basic authentication forbids it).</source>
      <translation>Le nom d'utilisateur ne peut pas contenir « : » (l'authentification Basic l'interdit).</translation>
    </message>
    <message>
      <source>The Action Request Token is missing.</source>
      <translation>L'Action Request Token est manquant.</translation>
    </message>
    <message>
      <source>The Action Request Token contains spaces, line breaks or control characters.</source>
      <translation>L'Action Request Token contient des espaces, des sauts de ligne ou des caractères de contrôle.</translation>
    </message>
    <message>
      <source>The platform answered HTTP {status} but named no interaction id; the call may have been placed.</source>
      <translation>La plateforme a répondu HTTP {status} sans donner d'identifiant d'interaction ; l'appel a peut-être été passé.</translation>
    </message>
    <message>
      <source>Choose at least one agent.</source>
      <translation>Choisissez au moins un agent.</translation>
    </message>
    <message>
      <source>At most {most} agents can be changed at once; {given} were given.</source>
      <translation>Au plus {most} agents peuvent être modifiés à la fois ; {given} ont été indiqués.</translation>
    </message>
    <message>
      <source>The same agent is listed twice in one bulk status change.</source>
      <translation>Le même agent figure deux fois dans un même changement de statut groupé.</translation>
    </message>
    <message>
      <source>The platform did not report this agent's outcome.</source>
      <translation>La plateforme n'a pas indiqué le résultat pour cet agent.</translation>
    </message>
    <message>
      <source>The platform answered HTTP {status} after the call request was sent: {said}; the call may have been placed.</source>
      <translation>La plateforme a répondu HTTP {status} après l'envoi de la demande d'appel : {said} ; l'appel a peut-être été passé.</translation>
    </message>
    <message>
      <source>The platform answered HTTP {status} after the call request was sent; the call may have been placed.</source>
      <translation>La plateforme a répondu HTTP {status} après l'envoi de la demande d'appel ; l'appel a peut-être été passé.</translation>
    </message>
    <message>
      <source>A proxy or sign-in page answered instead of 8x8, so ccdesk cannot tell whether the call was placed. Check the agent's lines before dialling again, and sign in to the network or proxy if it asks.</source>
      <translation>Un proxy ou une page de connexion a répondu à la place de 8x8 : ccdesk ne peut pas savoir si l'appel a été passé. Vérifiez les lignes de l'agent avant de composer à nouveau, et connectez-vous au réseau ou au proxy s'il le demande.</translation>
    </message>
    <message>
      <source>The platform answered HTTP {status} with a body that could not be read.</source>
      <translation>La plateforme a répondu HTTP {status} avec un contenu illisible.</translation>
    </message>
  </context>
  <context>
    <name>CliHelp</name>
    <message>
      <source>Calls (the agent's two lines)</source>
      <translation>Appels (les deux lignes de l'agent)</translation>
    </message>
    <message>
      <source>place a call; prints its interaction id</source>
      <translation>passer un appel ; affiche son identifiant d'interaction</translation>
    </message>
    <message>
      <source>hang up the agent's leg; wrap-up follows</source>
      <translation>raccrocher la branche de l'agent ; le post-appel suit</translation>
    </message>
    <message>
      <source>end a call (--end-wrap-up: and wrap-up)</source>
      <translation>terminer un appel (--end-wrap-up : et le post-appel)</translation>
    </message>
    <message>
      <source>set transaction codes on a call</source>
      <translation>poser des codes de transaction sur un appel</translation>
    </message>
    <message>
      <source>free the agent's lines for the next call</source>
      <translation>libérer les lignes de l'agent pour l'appel suivant</translation>
    </message>
    <message>
      <source>The agent's status</source>
      <translation>Le statut de l'agent</translation>
    </message>
    <message>
      <source>set the agent's own status</source>
      <translation>changer le statut de l'agent lui-même</translation>
    </message>
    <message>
      <source>Supervisor (many agents at once)</source>
      <translation>Superviseur (plusieurs agents à la fois)</translation>
    </message>
    <message>
      <source>agents: status, code, time in status</source>
      <translation>agents : statut, code, temps dans le statut</translation>
    </message>
    <message>
      <source>set many agents' status</source>
      <translation>changer le statut de plusieurs agents</translation>
    </message>
    <message>
      <source>free many agents' lines</source>
      <translation>libérer les lignes de plusieurs agents</translation>
    </message>
    <message>
      <source>Setup</source>
      <translation>Configuration</translation>
    </message>
    <message>
      <source>store the token in the OS keyring</source>
      <translation>enregistrer le jeton dans le trousseau du système</translation>
    </message>
    <message>
      <source>Journal</source>
      <translation>Journal</translation>
    </message>
    <message>
      <source>recent calls and their states</source>
      <translation>appels récents et leur état</translation>
    </message>
    <message>
      <source>Event stream</source>
      <translation>Flux d'événements</translation>
    </message>
    <message>
      <source>8x8's live events as JSON lines</source>
      <translation>les événements de 8x8 en direct, en lignes JSON</translation>
    </message>
    <message>
      <source>Global options (--profile, --json, -v, --timeout and the connection options) go before or after the command: '{prog} --help' lists them.</source>
      <translation>Les options globales (--profile, --json, -v, --timeout et les options de connexion) se placent avant ou après la commande : '{prog} --help' les liste.</translation>
    </message>
    <message>
      <source>global options (before or after the command; [NAME]: the environment variable)</source>
      <translation>options globales (avant ou après la commande ; [NOM] : la variable d'environnement)</translation>
    </message>
    <message>
      <source>API base URL instead of the platform's; http only for loopback [CCDESK_BASE_URL]</source>
      <translation>URL de base de l'API à la place de celle de la plateforme ; http seulement en boucle locale [CCDESK_BASE_URL]</translation>
    </message>
    <message>
      <source>Basic-auth username, default the tenant [CCDESK_USERNAME]</source>
      <translation>nom d'utilisateur Basic-auth, par défaut le locataire [CCDESK_USERNAME]</translation>
    </message>
    <message>
      <source>an agent to act on (repeatable; default: the profile's agent)</source>
      <translation>un agent sur qui agir (répétable ; par défaut : l'agent du profil)</translation>
    </message>
    <message>
      <source>keep all ccdesk files under DIR [CCDESK_HOME]</source>
      <translation>garder tous les fichiers de ccdesk dans DIR [CCDESK_HOME]</translation>
    </message>
    <message>
      <source>8x8 event stream scheme and host, e.g. wss://pulsar-ws-use1.8x8.com; ws:// only for loopback [CCDESK_STREAM_URL]</source>
      <translation>schéma et hôte du flux d'événements de 8x8, par exemple wss://pulsar-ws-use1.8x8.com ; ws:// seulement en boucle locale [CCDESK_STREAM_URL]</translation>
    </message>
    <message>
      <source>8x8 event stream region: {regions} [CCDESK_STREAM_REGION]</source>
      <translation>région du flux d'événements de 8x8 : {regions} [CCDESK_STREAM_REGION]</translation>
    </message>
    <message>
      <source>machine-readable output on stdout (errors too)</source>
      <translation>sortie lisible par un programme sur stdout (les erreurs aussi)</translation>
    </message>
    <message>
      <source>log each request (redacted) on stderr</source>
      <translation>journaliser chaque requête (masquée) sur stderr</translation>
    </message>
    <message>
      <source>read timeout; for watch, stop after this long without an event</source>
      <translation>délai de lecture ; pour watch, s'arrêter après ce délai sans événement</translation>
    </message>
    <message>
      <source>agent ids to act on: a CSV (first column) or one id a line</source>
      <translation>les identifiants des agents sur qui agir : un CSV (première colonne) ou un identifiant par ligne</translation>
    </message>
    <message>
      <source>requests in flight at once, 1 to {most} (default {default})</source>
      <translation>requêtes en cours en même temps, de 1 à {most} (par défaut {default})</translation>
    </message>
    <message>
      <source>print exactly what would be sent; send nothing</source>
      <translation>afficher exactement ce qui serait envoyé ; ne rien envoyer</translation>
    </message>
    <message>
      <source>{prog} [global options] COMMAND [options] [arguments]</source>
      <translation>{prog} [options globales] COMMANDE [options] [arguments]</translation>
    </message>
    <message>
      <source>Place and manage 8x8 Contact Center calls from a terminal or a script: the agent's calls and lines, the agent's status, supervisors' actions on many agents, ccdesk's call journal and 8x8's event stream.</source>
      <translation>Passer et gérer des appels 8x8 Contact Center depuis un terminal ou un script : les appels et les lignes de l'agent, son statut, les actions des superviseurs sur plusieurs agents, le journal des appels de ccdesk et le flux d'événements de 8x8.</translation>
    </message>
    <message>
      <source>examples</source>
      <translation>exemples</translation>
    </message>
    <message>
      <source>commands</source>
      <translation>commandes</translation>
    </message>
    <message>
      <source>Run '{prog} COMMAND --help' for a command's options and examples.</source>
      <translation>Lancez '{prog} COMMANDE --help' pour les options et les exemples d'une commande.</translation>
    </message>
    <message>
      <source>Without --json, the result goes to stdout (an interaction id, a table) and messages to stderr. The Action Request Token comes from CCDESK_TOKEN or the OS keyring (ccdesk-cli login), never from an option.</source>
      <translation>Sans --json, le résultat va sur stdout (un identifiant d'interaction, un tableau) et les messages sur stderr. L'Action Request Token vient de CCDESK_TOKEN ou du trousseau du système (ccdesk-cli login), jamais d'une option.</translation>
    </message>
    <message>
      <source>Exit codes: 0 done; 2 bad input, nothing sent; 3 authentication or authorization (401/403); 4 rejected by 8x8; 5 server or network failure; 6 outcome unknown: the call may have been placed, so check the agent's lines before dialling again. free and set-status also: 1 ccdesk itself failed; 130 cancelled with Ctrl+C.</source>
      <translation>Codes de sortie : 0 fait ; 2 saisie incorrecte, rien d'envoyé ; 3 authentification ou autorisation (401/403) ; 4 refusé par 8x8 ; 5 panne du serveur ou du réseau ; 6 résultat inconnu : l'appel a peut-être été passé, vérifiez donc les lignes de l'agent avant de composer de nouveau. free et set-status aussi : 1 ccdesk lui-même a échoué ; 130 annulé par Ctrl+C.</translation>
    </message>
    <message>
      <source>the call's interaction id, as '{prog} call' printed it</source>
      <translation>l'identifiant d'interaction de l'appel, tel que '{prog} call' l'a affiché</translation>
    </message>
    <message>
      <source>Place a call for the agent: 8x8 rings the agent, then dials the number. Prints the call's interaction id on stdout (keep it for 'codes', 'hangup' and 'end') and the number as sent on stderr.</source>
      <translation>Passer un appel pour l'agent : 8x8 fait sonner l'agent, puis compose le numéro. Affiche l'identifiant d'interaction de l'appel sur stdout (gardez-le pour 'codes', 'hangup' et 'end') et le numéro tel qu'envoyé sur stderr.</translation>
    </message>
    <message>
      <source>A number is split into country code and national number (+1 (617) 555-1984 is sent as prefix 1, number 6175551984). With --prefix the digits are sent as typed after that prefix, for extensions and service codes. Exit code 6: the request may have reached 8x8 but no answer came; check the agent's lines before dialling again.</source>
      <translation>Un numéro est séparé en indicatif de pays et numéro national (+1 (617) 555-1984 est envoyé avec le préfixe 1 et le numéro 6175551984). Avec --prefix, les chiffres sont envoyés tels que saisis après ce préfixe, pour les postes et les codes de service. Code de sortie 6 : la requête est peut-être arrivée chez 8x8, mais aucune réponse n'est venue ; vérifiez les lignes de l'agent avant de composer de nouveau.</translation>
    </message>
    <message>
      <source>number to dial: +1 617 555 1984, a national number, or a tel: link</source>
      <translation>numéro à composer : +1 617 555 1984, un numéro national ou un lien tel:</translation>
    </message>
    <message>
      <source>send the number as typed after this prefix (raw mode)</source>
      <translation>envoyer le numéro tel que saisi après ce préfixe (mode brut)</translation>
    </message>
    <message>
      <source>two-letter region for national numbers (default: the profile's, else US)</source>
      <translation>région en deux lettres pour les numéros nationaux (par défaut : celle du profil, sinon US)</translation>
    </message>
    <message>
      <source>caller id to present (default: the agent's)</source>
      <translation>numéro présenté à l'appelé (par défaut : celui de l'agent)</translation>
    </message>
    <message>
      <source>queue id to associate the call with</source>
      <translation>identifiant de la file d'attente à associer à l'appel</translation>
    </message>
    <message>
      <source>dial plan id to apply</source>
      <translation>identifiant du plan de numérotation à appliquer</translation>
    </message>
    <message>
      <source>offer the call even when the agent is on a call on the other line (no help when both lines are busy, or the agent is on break or logged out)</source>
      <translation>présenter l'appel même si l'agent est en communication sur l'autre ligne (sans effet si les deux lignes sont occupées, ou si l'agent est en pause ou déconnecté)</translation>
    </message>
    <message>
      <source>extTransactionData element, shown to the agent (repeatable)</source>
      <translation>élément extTransactionData, montré à l'agent (répétable)</translation>
    </message>
    <message>
      <source>ctlUserData element, for integrations (repeatable)</source>
      <translation>élément ctlUserData, pour les intégrations (répétable)</translation>
    </message>
    <message>
      <source>Hang up the agent's leg of a call. The agent's wrap-up follows; a transfer or conference goes on without the agent.</source>
      <translation>Raccrocher la branche de l'agent d'un appel. Le post-appel de l'agent suit ; un transfert ou une conférence continue sans l'agent.</translation>
    </message>
    <message>
      <source>End a call: 8x8 ends the interaction. With --end-wrap-up the agent's wrap-up ends too, even when a mandatory transaction code is missing.</source>
      <translation>Terminer un appel : 8x8 termine l'interaction. Avec --end-wrap-up, le post-appel de l'agent se termine aussi, même s'il manque un code de transaction obligatoire.</translation>
    </message>
    <message>
      <source>also end the wrap-up (8x8 calls it post-processing)</source>
      <translation>terminer aussi le post-appel (post-processing chez 8x8)</translation>
    </message>
    <message>
      <source>Set transaction codes on a call, at most 6 per call. Each request changes only the lists it names: a list named holds exactly the codes sent for it, the others keep theirs. Prints what the call holds afterwards, as far as ccdesk knows.</source>
      <translation>Poser des codes de transaction sur un appel, 6 au plus par appel. Chaque requête ne change que les listes qu'elle nomme : une liste nommée contient exactement les codes envoyés pour elle, les autres gardent les leurs. Affiche ce que l'appel contient ensuite, pour autant que ccdesk le sache.</translation>
    </message>
    <message>
      <source>a transaction code: list id and item id, e.g. 12:234 (several codes: one after another)</source>
      <translation>un code de transaction : identifiant de liste et identifiant d'élément, par exemple 12:234 (plusieurs codes : l'un après l'autre)</translation>
    </message>
    <message>
      <source>Free the agent's lines for the next call: 8x8 cuts the agent's leg of the calls on them (wrap-up follows; a transfer or conference goes on without the agent). A line that is already free is not an error. With --agent or --agents-file, frees many agents' lines at once.</source>
      <translation>Libérer les lignes de l'agent pour l'appel suivant : 8x8 coupe la branche de l'agent des appels qui s'y trouvent (le post-appel suit ; un transfert ou une conférence continue sans l'agent). Une ligne déjà libre n'est pas une erreur. Avec --agent ou --agents-file, libère les lignes de plusieurs agents à la fois.</translation>
    </message>
    <message>
      <source>stdout gets one line per agent: the agent id, done, nothing to free, failed or not sent, and 8x8's words, tab-separated (with --json, one document). The exit code is the worst agent's.</source>
      <translation>stdout reçoit une ligne par agent : l'identifiant de l'agent, done, nothing to free, failed ou not sent, et les mots de 8x8, séparés par des tabulations (avec --json, un seul document). Le code de sortie est celui du pire agent.</translation>
    </message>
    <message>
      <source>free only this line (default: both)</source>
      <translation>libérer seulement cette ligne (par défaut : les deux)</translation>
    </message>
    <message>
      <source>Set the agent's status, or with --agent or --agents-file many agents' at once, through the Agent Status API's bulk endpoint.</source>
      <translation>Changer le statut de l'agent, ou avec --agent ou --agents-file celui de plusieurs agents à la fois, par le point d'accès groupé de l'API Agent Status.</translation>
    </message>
    <message>
      <source>stdout gets one line per agent: the agent id, done, failed or not sent, and 8x8's words, tab-separated (with --json, one document). The exit code is the worst agent's.</source>
      <translation>stdout reçoit une ligne par agent : l'identifiant de l'agent, done, failed ou not sent, et les mots de 8x8, séparés par des tabulations (avec --json, un seul document). Le code de sortie est celui du pire agent.</translation>
    </message>
    <message>
      <source>available, on-break, work-offline or logged-out (or 4, 3, 5, 1)</source>
      <translation>available, on-break, work-offline ou logged-out (ou 4, 3, 5, 1)</translation>
    </message>
    <message>
      <source>status code (the reason shown beside the status), e.g. 801:1725:Lunch</source>
      <translation>code de statut (le motif affiché à côté du statut), par exemple 801:1725:Lunch</translation>
    </message>
    <message>
      <source>List the tenant's agents as a table: name, agent id, status, status code and time in status. The Agent Status API says what each agent is doing, not since when: ccdesk counts from the first time it saw the agent in that status (here or in the window), and shows '-' for an agent first seen now.</source>
      <translation>Lister les agents du locataire dans un tableau : nom, identifiant, statut, code de statut et temps dans le statut. L'API Agent Status dit ce que fait chaque agent, pas depuis quand : ccdesk compte à partir de la première fois qu'il a vu l'agent dans ce statut (ici ou dans la fenêtre), et affiche '-' pour un agent vu pour la première fois.</translation>
    </message>
    <message>
      <source>only agents in this status: a name such as busy, wrap-up or available, or a number (repeatable)</source>
      <translation>seulement les agents dans ce statut : un nom comme busy, wrap-up ou available, ou un numéro (répétable)</translation>
    </message>
    <message>
      <source>only agents busy or in wrap-up for more than N minutes (as ccdesk has seen them)</source>
      <translation>seulement les agents occupés ou en post-appel depuis plus de N minutes (tels que ccdesk les a vus)</translation>
    </message>
    <message>
      <source>only the agents of this agent group (its groupId)</source>
      <translation>seulement les agents de ce groupe d'agents (son groupId)</translation>
    </message>
    <message>
      <source>Check the Action Request Token with a harmless read and store it in the OS keyring; the connection options given are saved in the profile. The token is read from a hidden prompt or stdin, never from the command line.</source>
      <translation>Vérifier l'Action Request Token par une lecture sans effet et l'enregistrer dans le trousseau du système ; les options de connexion données sont enregistrées dans le profil. Le jeton est lu dans une invite masquée ou sur stdin, jamais sur la ligne de commande.</translation>
    </message>
    <message>
      <source>Without a keyring (a headless server), set CCDESK_TOKEN instead.</source>
      <translation>Sans trousseau (un serveur sans écran), définissez plutôt CCDESK_TOKEN.</translation>
    </message>
    <message>
      <source>store the event stream key instead: the Data Request Token or an Admin Console key, read from the prompt or stdin [or {variable}]</source>
      <translation>enregistrer à la place la clé du flux d'événements : le Data Request Token ou une clé Admin Console, lue dans l'invite ou sur stdin [ou {variable}]</translation>
    </message>
    <message>
      <source>List the calls in ccdesk's journal, newest first, with their states. A call whose ccdesk stopped before 8x8 answered shows as 'unknown: may be live' until the agent's line is freed.</source>
      <translation>Lister les appels du journal de ccdesk, du plus récent au plus ancien, avec leur état. Un appel dont le ccdesk s'est arrêté avant la réponse de 8x8 apparaît comme 'unknown: may be live' jusqu'à ce que la ligne de l'agent soit libérée.</translation>
    </message>
    <message>
      <source>how many calls (default 20, at most {most})</source>
      <translation>combien d'appels (20 par défaut, {most} au plus)</translation>
    </message>
    <message>
      <source>Print each event of 8x8's event stream as one JSON line on stdout (messageId, publishTime, redeliveryCount, properties and the decoded payload; text is escaped, so one event is always one line). Progress goes to stderr. Ctrl+C or SIGTERM stops it (exit 0); so does --timeout S after S seconds without an event.</source>
      <translation>Afficher chaque événement du flux de 8x8 comme une ligne JSON sur stdout (messageId, publishTime, redeliveryCount, properties et la charge utile décodée ; le texte est échappé, donc un événement tient toujours sur une ligne). La progression va sur stderr. Ctrl+C ou SIGTERM l'arrête (sortie 0) ; --timeout S aussi, après S secondes sans événement.</translation>
    </message>
    <message>
      <source>The stream key (Data Request Token or Admin Console key) comes from CCDESK_STREAM_KEY or the keyring ({prog} login --stream-key).</source>
      <translation>La clé du flux (Data Request Token ou clé Admin Console) vient de CCDESK_STREAM_KEY ou du trousseau ({prog} login --stream-key).</translation>
    </message>
    <message>
      <source>topic to read (default: the profile's, else agent-v1/AGENT)</source>
      <translation>sujet à lire (par défaut : celui du profil, sinon agent-v1/AGENT)</translation>
    </message>
    <message>
      <source>where to start: latest (default), earliest (everything kept), or after a message id</source>
      <translation>où commencer : latest (par défaut), earliest (tout ce qui est gardé) ou après un identifiant de message</translation>
    </message>
    <message>
      <source>stop after N events</source>
      <translation>s'arrêter après N événements</translation>
    </message>
  </context>
  <context>
    <name>Client</name>
    <message>
      <source>HTTP {status}: a redirect to {host} answered instead of 8x8.</source>
      <translation>HTTP {status} : une redirection vers {host} a répondu à la place de 8x8.</translation>
    </message>
    <message>
      <source>HTTP {status}: a redirect to {host} answered instead of 8x8; the call request may or may not have reached the platform.</source>
      <translation>HTTP {status} : une redirection vers {host} a répondu à la place de 8x8 ; la demande d'appel a pu atteindre la plateforme, ou non.</translation>
    </message>
    <message>
      <source>HTTP {status}: a redirect answered instead of 8x8.</source>
      <translation>HTTP {status} : une redirection a répondu à la place de 8x8.</translation>
    </message>
    <message>
      <source>HTTP {status}: a redirect answered instead of 8x8; the call request may or may not have reached the platform.</source>
      <translation>HTTP {status} : une redirection a répondu à la place de 8x8 ; la demande d'appel a pu atteindre la plateforme, ou non.</translation>
    </message>
    <message>
      <source>HTTP {status}: a proxy asking to sign in answered instead of 8x8.</source>
      <translation>HTTP {status} : un proxy qui demande de se connecter a répondu à la place de 8x8.</translation>
    </message>
    <message>
      <source>HTTP {status}: a proxy asking to sign in answered instead of 8x8; the call request may or may not have reached the platform.</source>
      <translation>HTTP {status} : un proxy qui demande de se connecter a répondu à la place de 8x8 ; la demande d'appel a pu atteindre la plateforme, ou non.</translation>
    </message>
    <message>
      <source>HTTP {status}: a web page ({title}) answered instead of 8x8.</source>
      <translation>HTTP {status} : une page web ({title}) a répondu à la place de 8x8.</translation>
    </message>
    <message>
      <source>HTTP {status}: a web page ({title}) answered instead of 8x8; the call request may or may not have reached the platform.</source>
      <translation>HTTP {status} : une page web ({title}) a répondu à la place de 8x8 ; la demande d'appel a pu atteindre la plateforme, ou non.</translation>
    </message>
    <message>
      <source>HTTP {status}: a web page answered instead of 8x8.</source>
      <translation>HTTP {status} : une page web a répondu à la place de 8x8.</translation>
    </message>
    <message>
      <source>HTTP {status}: a web page answered instead of 8x8; the call request may or may not have reached the platform.</source>
      <translation>HTTP {status} : une page web a répondu à la place de 8x8 ; la demande d'appel a pu atteindre la plateforme, ou non.</translation>
    </message>
    <message>
      <source>No answer came back after the call request was sent: the platform took too long to answer.</source>
      <translation>Aucune réponse n'est revenue après l'envoi de la demande d'appel : la plateforme a mis trop de temps à répondre.</translation>
    </message>
    <message>
      <source>No answer came back after the call request was sent: the proxy refused the connection.</source>
      <translation>Aucune réponse n'est revenue après l'envoi de la demande d'appel : le proxy a refusé la connexion.</translation>
    </message>
    <message>
      <source>No answer came back after the call request was sent: the server closed the connection without answering.</source>
      <translation>Aucune réponse n'est revenue après l'envoi de la demande d'appel : le serveur a fermé la connexion sans répondre.</translation>
    </message>
    <message>
      <source>No answer came back after the call request was sent: the connection broke.</source>
      <translation>Aucune réponse n'est revenue après l'envoi de la demande d'appel : la connexion a été coupée.</translation>
    </message>
    <message>
      <source>No answer came back after the call request was sent: the connection failed.</source>
      <translation>Aucune réponse n'est revenue après l'envoi de la demande d'appel : la connexion a échoué.</translation>
    </message>
    <message>
      <source>No answer in time: the platform took too long to answer.</source>
      <translation>Pas de réponse à temps : la plateforme a mis trop de temps à répondre.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the connection timed out.</source>
      <translation>Impossible de joindre la plateforme : le délai de connexion a expiré.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the platform took too long to answer.</source>
      <translation>Impossible de joindre la plateforme : elle a mis trop de temps à répondre.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the proxy refused the connection.</source>
      <translation>Impossible de joindre la plateforme : le proxy a refusé la connexion.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the platform's certificate could not be verified (a proxy that inspects traffic needs its root certificate installed in the system's trust store).</source>
      <translation>Impossible de joindre la plateforme : son certificat n'a pas pu être vérifié (un proxy qui inspecte le trafic doit avoir son certificat racine installé dans le magasin de certificats du système).</translation>
    </message>
    <message>
      <source>Could not reach the platform: the platform's certificate could not be verified (a proxy that inspects traffic needs its root certificate installed in the system, and {variable}=system so that ccdesk uses the system's trust store).</source>
      <translation>Impossible de joindre la plateforme : son certificat n'a pas pu être vérifié (un proxy qui inspecte le trafic doit avoir son certificat racine installé dans le système, et {variable}=system doit être défini pour que ccdesk utilise le magasin de certificats du système).</translation>
    </message>
    <message>
      <source>Could not reach the platform: the host name could not be found.</source>
      <translation>Impossible de joindre la plateforme : le nom d'hôte est introuvable.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the connection was refused or the network is down.</source>
      <translation>Impossible de joindre la plateforme : la connexion a été refusée ou le réseau est indisponible.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the server closed the connection without answering.</source>
      <translation>Impossible de joindre la plateforme : le serveur a fermé la connexion sans répondre.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the connection broke.</source>
      <translation>Impossible de joindre la plateforme : la connexion a été coupée.</translation>
    </message>
    <message>
      <source>Could not reach the platform: the connection failed.</source>
      <translation>Impossible de joindre la plateforme : la connexion a échoué.</translation>
    </message>
  </context>
  <context>
    <name>Codes</name>
    <message>
      <source>At most {most} codes can be set; {count} are chosen.</source>
      <translation>{most} codes au plus peuvent être posés ; {count} sont choisis.</translation>
    </message>
    <message>
      <source>'{list}' allows one code; {count} are chosen.</source>
      <translation>« {list} » n'accepte qu'un code ; {count} sont choisis.</translation>
    </message>
    <message>
      <source>list #{list}: id must be a whole number, got {value}</source>
      <translation>liste n°{list} : l'identifiant doit être un nombre entier, reçu {value}</translation>
    </message>
    <message>
      <source>list #{list} item #{item}: id must be a whole number, got {value}</source>
      <translation>liste n°{list}, élément n°{item} : l'identifiant doit être un nombre entier, reçu {value}</translation>
    </message>
    <message>
      <source>{source}: expected an object with a "lists" array.</source>
      <translation>{source} : un objet avec un tableau "lists" est attendu.</translation>
    </message>
    <message>
      <source>Catalog</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>list #{list}: must be an object</source>
      <translation>liste n°{list} : doit être un objet</translation>
    </message>
    <message>
      <source>list #{list}: id {id} appears twice</source>
      <translation>liste n°{list} : l'identifiant {id} apparaît deux fois</translation>
    </message>
    <message>
      <source>list #{list} item #{item}: must be an object</source>
      <translation>liste n°{list}, élément n°{item} : doit être un objet</translation>
    </message>
    <message>
      <source>List {id}</source>
      <translation>Liste {id}</translation>
    </message>
    <message>
      <source>{source} has problems: {problems}</source>
      <translation>{source} contient des erreurs : {problems}</translation>
    </message>
    <message>
      <source>Import the catalog again in Settings &gt; Transaction codes, or fix the file.</source>
      <translation>Importez de nouveau le catalogue dans Paramètres &gt; Codes de transaction, ou corrigez le fichier.</translation>
    </message>
    <message>
      <source>is not valid JSON ({error})</source>
      <translation>n'est pas du JSON valide ({error})</translation>
    </message>
  </context>
  <context>
    <name>CodesDialog</name>
    <message>
      <source>Transaction codes</source>
      <translation>Codes de transaction</translation>
    </message>
    <message>
      <source>Choose the transaction codes of this call: search, tick codes in the list, then Set codes.</source>
      <translation>Choisissez les codes de transaction de cet appel : cherchez, cochez des codes dans la liste, puis Définir les codes.</translation>
    </message>
    <message>
      <source>Search codes…</source>
      <translation>Chercher un code…</translation>
    </message>
    <message>
      <source>Search transaction codes</source>
      <translation>Chercher des codes de transaction</translation>
    </message>
    <message>
      <source>Filter by list or code name or number. Enter toggles the only match; Down goes into the list.</source>
      <translation>Filtrez par nom ou numéro de liste ou de code. Entrée coche ou décoche le seul résultat ; Bas entre dans la liste.</translation>
    </message>
    <message>
      <source>No codes match</source>
      <translation>Aucun code ne correspond</translation>
    </message>
    <message>
      <source>Space or a click toggles a code; Enter sets the chosen codes.</source>
      <translation>Espace ou un clic coche ou décoche un code ; Entrée définit les codes choisis.</translation>
    </message>
    <message>
      <source>Required lists still without a code</source>
      <translation>Listes obligatoires encore sans code</translation>
    </message>
    <message>
      <source>Problems with the chosen codes</source>
      <translation>Problèmes avec les codes choisis</translation>
    </message>
    <message>
      <source>Codes 8x8 keeps</source>
      <translation>Codes que 8x8 conserve</translation>
    </message>
    <message>
      <source>list id : item id</source>
      <translation>id de liste : id d'élément</translation>
    </message>
    <message>
      <source>Code not in the catalog, as list id colon item id</source>
      <translation>Code absent du catalogue, sous la forme id de liste deux-points id d'élément</translation>
    </message>
    <message>
      <source>For a code missing from the catalog, e.g. 12:234. Enter adds it.</source>
      <translation>Pour un code absent du catalogue, p. ex. 12:234. Entrée l'ajoute.</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Add code</source>
      <translation>Ajouter le code</translation>
    </message>
    <message>
      <source>Adds the typed code under Other codes, or ticks it when the catalog has it.</source>
      <translation>Ajoute le code saisi sous Autres codes, ou le coche s'il est dans le catalogue.</translation>
    </message>
    <message>
      <source>Added code</source>
      <translation>Code ajouté</translation>
    </message>
    <message>
      <source>Codes chosen</source>
      <translation>Codes choisis</translation>
    </message>
    <message>
      <source>Set codes</source>
      <translation>Définir les codes</translation>
    </message>
    <message>
      <source>Sends the chosen codes to 8x8 for this call.</source>
      <translation>Envoie les codes choisis à 8x8 pour cet appel.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Closes without changing the call's codes.</source>
      <translation>Ferme sans changer les codes de l'appel.</translation>
    </message>
    <message>
      <source>Recent</source>
      <translation>Récents</translation>
    </message>
    <message>
      <source>Codes used on recent calls; the same as in the lists below.</source>
      <translation>Codes utilisés lors des appels récents ; les mêmes que dans les listes ci-dessous.</translation>
    </message>
    <message>
      <source>{code} (not in the catalog)</source>
      <translation>{code} (absent du catalogue)</translation>
    </message>
    <message>
      <source>Other codes</source>
      <translation>Autres codes</translation>
    </message>
    <message>
      <source>Codes not in the catalog, sent as typed. Uncheck to drop.</source>
      <translation>Codes absents du catalogue, envoyés tels que saisis. Décochez pour les retirer.</translation>
    </message>
    <message>
      <source>{code} — one from '{list}'</source>
      <translation>{code} — un seul de « {list} »</translation>
    </message>
    <message>
      <source>Required: wrap-up needs a code from this list. Choose any number of codes. List id {id}.</source>
      <translation>Obligatoire : le post-appel exige un code de cette liste. Choisissez autant de codes que voulu. Id de liste {id}.</translation>
    </message>
    <message>
      <source>Required: wrap-up needs a code from this list. Choose one code. List id {id}.</source>
      <translation>Obligatoire : le post-appel exige un code de cette liste. Choisissez un seul code. Id de liste {id}.</translation>
    </message>
    <message>
      <source>Choose any number of codes. List id {id}.</source>
      <translation>Choisissez autant de codes que voulu. Id de liste {id}.</translation>
    </message>
    <message>
      <source>Choose one code. List id {id}.</source>
      <translation>Choisissez un seul code. Id de liste {id}.</translation>
    </message>
    <message>
      <source>{list}: item {item} ({code})</source>
      <translation>{list} : élément {item} ({code})</translation>
    </message>
    <message numerus="yes">
      <source>At most %n codes per call</source>
      <translation>
        <numerusform>%n codes au plus par appel</numerusform>
        <numerusform>%n codes au plus par appel</numerusform>
      </translation>
    </message>
    <message>
      <source>Type a code as list id : item id, e.g. 12:234.</source>
      <translation>Saisissez un code sous la forme id de liste : id d'élément, p. ex. 12:234.</translation>
    </message>
    <message numerus="yes">
      <source>At most %n codes per call: uncheck one first.</source>
      <translation>
        <numerusform>%n codes au plus par appel : décochez-en d'abord un.</numerusform>
        <numerusform>%n codes au plus par appel : décochez-en d'abord un.</numerusform>
      </translation>
    </message>
    <message>
      <source>{name} is already chosen.</source>
      <translation>{name} est déjà choisi.</translation>
    </message>
    <message>
      <source>{code} is in the catalog: checked {name}.</source>
      <translation>{code} est dans le catalogue : {name} est coché.</translation>
    </message>
    <message>
      <source>Added {code} under Other codes.</source>
      <translation>{code} ajouté sous Autres codes.</translation>
    </message>
    <message>
      <source>Required: {lists}</source>
      <translation>Obligatoire : {lists}</translation>
    </message>
    <message>
      <source>All required lists have a code.</source>
      <translation>Toutes les listes obligatoires ont un code.</translation>
    </message>
    <message>
      <source>8x8 keeps the codes of a list that is not sent: unticking every code of {lists} leaves the call's codes there as they are.</source>
      <translation>8x8 conserve les codes d'une liste qui n'est pas envoyée : décocher tous les codes de {lists} laisse les codes de l'appel tels quels dans cette liste.</translation>
    </message>
    <message>
      <source>Choose at least one code.</source>
      <translation>Choisissez au moins un code.</translation>
    </message>
    <message numerus="yes">
      <source>{list} — Required  (choose any · %n chosen)</source>
      <translation>
        <numerusform>{list} — Obligatoire  (choix multiple · choisis : %n)</numerusform>
        <numerusform>{list} — Obligatoire  (choix multiple · choisis : %n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list} — Required  (choose one · %n chosen)</source>
      <translation>
        <numerusform>{list} — Obligatoire  (choix unique · choisis : %n)</numerusform>
        <numerusform>{list} — Obligatoire  (choix unique · choisis : %n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list}  (choose any · %n chosen)</source>
      <translation>
        <numerusform>{list}  (choix multiple · choisis : %n)</numerusform>
        <numerusform>{list}  (choix multiple · choisis : %n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{list}  (choose one · %n chosen)</source>
      <translation>
        <numerusform>{list}  (choix unique · choisis : %n)</numerusform>
        <numerusform>{list}  (choix unique · choisis : %n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of {limit} chosen</source>
      <translation>
        <numerusform>Choisis : %n sur {limit}</numerusform>
        <numerusform>Choisis : %n sur {limit}</numerusform>
      </translation>
    </message>
    <message>
      <source>{count} — {warning}</source>
      <translation>{count} — {warning}</translation>
    </message>
    <message>
      <source>No codes match “{search}”. A code missing from the catalog can be added below as list id : item id.</source>
      <translation>Aucun code ne correspond à « {search} ». Un code absent du catalogue peut être ajouté ci-dessous sous la forme id de liste : id d'élément.</translation>
    </message>
  </context>
  <context>
    <name>ConnectionCheck</name>
    <message>
      <source>Connected. {name} is {status}.</source>
      <translation>Connecté. Statut de {name} : {status}.</translation>
    </message>
    <message numerus="yes">
      <source>Connected. The tenant has %n agent(s).</source>
      <translation>
        <numerusform>Connecté. Le locataire a %n agent.</numerusform>
        <numerusform>Connecté. Le locataire a %n agents.</numerusform>
      </translation>
    </message>
    <message>
      <source>The token or username was rejected (401). If a new token was generated in Configuration Manager, the old one no longer works: paste the new one.</source>
      <translation>Le jeton ou le nom d'utilisateur a été refusé (401). Si un nouveau jeton a été créé dans Configuration Manager, l'ancien ne fonctionne plus : collez le nouveau.</translation>
    </message>
    <message>
      <source>Signed in, but the Agent Status API is not enabled for this tenant, so the agent's status cannot be shown. Calls still work; 8x8 support can enable the API.</source>
      <translation>Connecté, mais l'API Agent Status n'est pas activée pour ce locataire : le statut de l'agent ne peut pas être affiché. Les appels fonctionnent ; le support 8x8 peut activer l'API.</translation>
    </message>
    <message>
      <source>These credentials are not for tenant {tenant} (403).</source>
      <translation>Ces identifiants ne sont pas ceux du locataire {tenant} (403).</translation>
    </message>
    <message>
      <source>Signed in, but agent {agent} does not exist on this tenant. Check the agent's Internal Id.</source>
      <translation>Connecté, mais l'agent {agent} n'existe pas chez ce locataire. Vérifiez l'Internal Id de l'agent.</translation>
    </message>
    <message>
      <source>{problem}. {advice}</source>
      <translation>{problem}. {advice}</translation>
    </message>
  </context>
  <context>
    <name>Controller</name>
    <message>
      <source>The agent's leg is already down (8x8 no longer has the agent on this call): the call is in wrap-up.</source>
      <translation>La branche de l'agent est déjà raccrochée (8x8 n'a plus l'agent sur cet appel) : l'appel est en post-appel.</translation>
    </message>
    <message>
      <source>The call was not hung up.</source>
      <translation>L'appel n'a pas été raccroché.</translation>
    </message>
    <message>
      <source>The call was not ended.</source>
      <translation>L'appel n'a pas été terminé.</translation>
    </message>
    <message>
      <source>The transaction codes were not set.</source>
      <translation>Les codes de transaction n'ont pas été enregistrés.</translation>
    </message>
    <message>
      <source>Hang up failed</source>
      <translation>Échec du raccrochage</translation>
    </message>
    <message>
      <source>End call failed</source>
      <translation>Échec de la fin d'appel</translation>
    </message>
    <message>
      <source>Set codes failed</source>
      <translation>Échec de l'enregistrement des codes</translation>
    </message>
    <message>
      <source>Hang up: not done (the call in wrap-up says why).</source>
      <translation>Raccrocher : non fait (l'appel en post-appel indique pourquoi).</translation>
    </message>
    <message>
      <source>End call: not done (the call in wrap-up says why).</source>
      <translation>Terminer l'appel : non fait (l'appel en post-appel indique pourquoi).</translation>
    </message>
    <message>
      <source>Set codes: not done (the call in wrap-up says why).</source>
      <translation>Codes de transaction : non enregistrés (l'appel en post-appel indique pourquoi).</translation>
    </message>
    <message>
      <source>Hang up: not done (the call in line {line} says why).</source>
      <translation>Raccrocher : non fait (l'appel de la ligne {line} indique pourquoi).</translation>
    </message>
    <message>
      <source>End call: not done (the call in line {line} says why).</source>
      <translation>Terminer l'appel : non fait (l'appel de la ligne {line} indique pourquoi).</translation>
    </message>
    <message>
      <source>Set codes: not done (the call in line {line} says why).</source>
      <translation>Codes de transaction : non enregistrés (l'appel de la ligne {line} indique pourquoi).</translation>
    </message>
    <message>
      <source>Hung up the call to {who}; it is in wrap-up.</source>
      <translation>Appel vers {who} raccroché ; il est en post-appel.</translation>
    </message>
    <message>
      <source>Hung up the call; it is in wrap-up.</source>
      <translation>Appel raccroché ; il est en post-appel.</translation>
    </message>
    <message>
      <source>Ended the call to {who} and its wrap-up.</source>
      <translation>Appel vers {who} et son post-appel terminés.</translation>
    </message>
    <message>
      <source>Ended the call to {who}; its wrap-up is still open.</source>
      <translation>Appel vers {who} terminé ; son post-appel reste ouvert.</translation>
    </message>
    <message>
      <source>Ended the call and its wrap-up.</source>
      <translation>Appel et post-appel terminés.</translation>
    </message>
    <message>
      <source>Ended the call; its wrap-up is still open.</source>
      <translation>Appel terminé ; son post-appel reste ouvert.</translation>
    </message>
    <message>
      <source>Transaction codes set on the call to {who}.</source>
      <translation>Codes de transaction enregistrés pour l'appel vers {who}.</translation>
    </message>
    <message>
      <source>Transaction codes set on the call.</source>
      <translation>Codes de transaction enregistrés pour l'appel.</translation>
    </message>
    <message>
      <source>Not written to the journal: {problem}. Note the interaction id {id}: ccdesk cannot bring this call back after a restart. {remedy}</source>
      <translation>Non inscrit au journal : {problem}. Notez l'identifiant d'interaction {id} : ccdesk ne pourra pas retrouver cet appel après un redémarrage. {remedy}</translation>
    </message>
    <message>
      <source>Not written to the journal: {problem}. ccdesk cannot bring this call back after a restart. {remedy}</source>
      <translation>Non inscrit au journal : {problem}. ccdesk ne pourra pas retrouver cet appel après un redémarrage. {remedy}</translation>
    </message>
  </context>
  <context>
    <name>CrashNotice</name>
    <message>
      <source>Qt reported a critical problem</source>
      <translation>Qt a signalé un problème critique</translation>
    </message>
    <message>
      <source>ccdesk: a problem</source>
      <translation>ccdesk : un problème</translation>
    </message>
    <message>
      <source>ccdesk hit an unexpected problem and keeps running; the log has the details</source>
      <translation>ccdesk a rencontré un problème imprévu et continue de fonctionner ; le journal contient les détails</translation>
    </message>
    <message>
      <source>ccdesk hit a problem; details in {log}</source>
      <translation>ccdesk a rencontré un problème ; détails dans {log}</translation>
    </message>
    <message>
      <source>{context}: {summary}

ccdesk keeps running. If something looks wrong, save the diagnostics and send the file to IT. Further problems this session go to the log only.</source>
      <translation>{context} : {summary}

ccdesk continue de fonctionner. Si quelque chose semble anormal, enregistrez les diagnostics et envoyez le fichier au service informatique. Les problèmes suivants de cette session iront seulement dans le journal.</translation>
    </message>
    <message>
      <source>Open log folder</source>
      <translation>Ouvrir le dossier du journal</translation>
    </message>
    <message>
      <source>Shows the folder of ccdesk's log in the file manager</source>
      <translation>Affiche le dossier du journal de ccdesk dans le gestionnaire de fichiers</translation>
    </message>
    <message>
      <source>Save diagnostics…</source>
      <translation>Enregistrer les diagnostics…</translation>
    </message>
    <message>
      <source>Saves one zip for IT: logs, versions and settings, without the token or numbers</source>
      <translation>Enregistre un seul fichier zip pour le service informatique : journaux, versions et paramètres, sans le jeton ni les numéros</translation>
    </message>
    <message>
      <source>Save diagnostics</source>
      <translation>Enregistrer les diagnostics</translation>
    </message>
    <message>
      <source>Zip archives (*.zip)</source>
      <translation>Archives zip (*.zip)</translation>
    </message>
    <message>
      <source>Diagnostics not saved</source>
      <translation>Diagnostics non enregistrés</translation>
    </message>
    <message>
      <source>Diagnostics saved</source>
      <translation>Diagnostics enregistrés</translation>
    </message>
    <message>
      <source>Saved to {path}

Send this file to IT. It holds ccdesk's logs, versions and settings, without the token, phone numbers or the call journal.</source>
      <translation>Enregistré dans {path}

Envoyez ce fichier au service informatique. Il contient les journaux, les versions et les paramètres de ccdesk, sans le jeton, les numéros de téléphone ni le journal des appels.</translation>
    </message>
  </context>
  <context>
    <name>Credentials</name>
    <message>
      <source>No secure OS keyring is available on this computer, so the token cannot be stored. Set the environment variable {variable} to the Action Request Token instead (never pass it as a command-line argument: other users can see those).</source>
      <translation>Aucun trousseau sécurisé du système n'est disponible sur cet ordinateur : le jeton ne peut pas être enregistré. Définissez plutôt la variable d'environnement {variable} avec l'Action Request Token (ne le passez jamais en argument de ligne de commande : les autres utilisateurs peuvent les voir).</translation>
    </message>
    <message>
      <source>The OS keyring could not be read ({problem}). {way_out}</source>
      <translation>Le trousseau du système n'a pas pu être lu ({problem}). {way_out}</translation>
    </message>
    <message>
      <source>The OS keyring refused the token ({problem}). {way_out}</source>
      <translation>Le trousseau du système a refusé le jeton ({problem}). {way_out}</translation>
    </message>
    <message>
      <source>The OS keyring could not remove the token ({problem}).</source>
      <translation>Le trousseau du système n'a pas pu supprimer le jeton ({problem}).</translation>
    </message>
    <message>
      <source>No token for {account}. Store one with `ccdesk-cli login` (or the window's Settings), or set {variable}.</source>
      <translation>Aucun jeton pour {account}. Enregistrez-en un avec `ccdesk-cli login` (ou dans les paramètres de la fenêtre), ou définissez {variable}.</translation>
    </message>
  </context>
  <context>
    <name>DataTable</name>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <source>{table}: every value needs a name.</source>
      <translation>{table} : chaque valeur doit avoir un nom.</translation>
    </message>
  </context>
  <context>
    <name>DemoMenu</name>
    <message>
      <source>Dial: agent busy on the other line</source>
      <translation>Appeler : agent occupé sur l'autre ligne</translation>
    </message>
    <message>
      <source>Dial: agent unavailable (break, logged out)</source>
      <translation>Appeler : agent indisponible (pause, déconnecté)</translation>
    </message>
    <message>
      <source>Codes: invalid transaction code</source>
      <translation>Codes : code de transaction non valide</translation>
    </message>
    <message>
      <source>Codes: list is single choice</source>
      <translation>Codes : liste à choix unique</translation>
    </message>
    <message>
      <source>End: interaction not found</source>
      <translation>Terminer : interaction introuvable</translation>
    </message>
    <message>
      <source>Hang up: interaction not found for agent</source>
      <translation>Raccrocher : interaction introuvable pour l'agent</translation>
    </message>
    <message>
      <source>Free all: no phone interactions</source>
      <translation>Tout libérer : aucune interaction téléphonique</translation>
    </message>
    <message>
      <source>Free line: nothing on the line</source>
      <translation>Libérer la ligne : rien sur la ligne</translation>
    </message>
    <message>
      <source>401 token rejected</source>
      <translation>401 jeton refusé</translation>
    </message>
    <message>
      <source>403 forbidden (XML body)</source>
      <translation>403 interdit (réponse XML)</translation>
    </message>
    <message>
      <source>410 interaction already terminated</source>
      <translation>410 interaction déjà terminée</translation>
    </message>
    <message>
      <source>429 rate limited (Retry-After 2 s)</source>
      <translation>429 trop de requêtes (Retry-After 2 s)</translation>
    </message>
    <message>
      <source>500 server error</source>
      <translation>500 erreur du serveur</translation>
    </message>
    <message>
      <source>Timeout (no answer)</source>
      <translation>Délai dépassé (pas de réponse)</translation>
    </message>
    <message>
      <source>Dropped connection</source>
      <translation>Connexion coupée</translation>
    </message>
    <message>
      <source>Next request &amp;fails with</source>
      <translation>&amp;Prochaine requête en échec</translation>
    </message>
    <message>
      <source>Next request &amp;fails with: {fault}</source>
      <translation>&amp;Prochaine requête en échec : {fault}</translation>
    </message>
    <message>
      <source>Demo: the next matching request will fail ({fault}). It replaces “{before}”.</source>
      <translation>Démo : la prochaine requête concernée échouera ({fault}). Cela remplace « {before} ».</translation>
    </message>
    <message>
      <source>Demo: the next matching request will fail ({fault}).</source>
      <translation>Démo : la prochaine requête concernée échouera ({fault}).</translation>
    </message>
    <message>
      <source>Demo: “{fault}” is no longer armed.</source>
      <translation>Démo : « {fault} » n'est plus armé.</translation>
    </message>
    <message>
      <source>Simulator &amp;latency</source>
      <translation>&amp;Latence du simulateur</translation>
    </message>
    <message>
      <source>Simulator &amp;latency: {seconds} s</source>
      <translation>&amp;Latence du simulateur : {seconds} s</translation>
    </message>
    <message>
      <source>{seconds} s</source>
      <translation>{seconds} s</translation>
    </message>
    <message>
      <source>Demo: the simulator now answers after {seconds} s.</source>
      <translation>Démo : le simulateur répond maintenant après {seconds} s.</translation>
    </message>
    <message>
      <source>Agent Status API &amp;enabled</source>
      <translation>API Agent Status &amp;activée</translation>
    </message>
    <message>
      <source>Demo: the Agent Status API is on.</source>
      <translation>Démo : l'API Agent Status est activée.</translation>
    </message>
    <message>
      <source>Demo: the Agent Status API is off (403 in XML).</source>
      <translation>Démo : l'API Agent Status est désactivée (403 en XML).</translation>
    </message>
    <message>
      <source>The customer hangs &amp;up on line {line}</source>
      <translation>Le client &amp;raccroche sur la ligne {line}</translation>
    </message>
    <message>
      <source>Demo: the customer on line {line} hung up. 8x8's event stream says so at once; without it, ccdesk learns it from 8x8's next answer.</source>
      <translation>Démo : le client de la ligne {line} a raccroché. Le flux d'événements de 8x8 le signale aussitôt ; sans lui, ccdesk l'apprend à la prochaine réponse de 8x8.</translation>
    </message>
    <message>
      <source>Call on line {line} is &amp;not answered</source>
      <translation>Appel sans rép&amp;onse sur la ligne {line}</translation>
    </message>
    <message>
      <source>Demo: the call on line {line} was not answered; 8x8 frees the line.</source>
      <translation>Démo : l'appel de la ligne {line} est resté sans réponse ; 8x8 libère la ligne.</translation>
    </message>
    <message>
      <source>Demo: the simulator has no call on line {line}.</source>
      <translation>Démo : le simulateur n'a aucun appel sur la ligne {line}.</translation>
    </message>
    <message>
      <source>Demo: {problem}</source>
      <translation>Démo : {problem}</translation>
    </message>
    <message>
      <source>&amp;Another call arrives</source>
      <translation>&amp;Un autre appel arrive</translation>
    </message>
    <message>
      <source>Demo: an inbound call ({interaction}) was given to the agent.</source>
      <translation>Démo : un appel entrant ({interaction}) a été remis à l'agent.</translation>
    </message>
    <message>
      <source>&amp;Drop the event stream</source>
      <translation>&amp;Couper le flux d'événements</translation>
    </message>
    <message numerus="yes">
      <source>Demo: the event stream was cut (%n connection(s)); ccdesk reconnects and resumes.</source>
      <translation>
        <numerusform>Démo : le flux d'événements a été coupé (connexions : %n) ; ccdesk se reconnecte et reprend.</numerusform>
        <numerusform>Démo : le flux d'événements a été coupé (connexions : %n) ; ccdesk se reconnecte et reprend.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Clear injected faults</source>
      <translation>&amp;Effacer les pannes injectées</translation>
    </message>
    <message>
      <source>Demo: faults cleared.</source>
      <translation>Démo : pannes effacées.</translation>
    </message>
  </context>
  <context>
    <name>DeskController</name>
    <message>
      <source>dial</source>
      <translation>appeler</translation>
    </message>
    <message>
      <source>hang up</source>
      <translation>raccrocher</translation>
    </message>
    <message>
      <source>end call</source>
      <translation>terminer l'appel</translation>
    </message>
    <message>
      <source>transaction codes</source>
      <translation>codes de transaction</translation>
    </message>
    <message>
      <source>free line</source>
      <translation>libérer la ligne</translation>
    </message>
    <message>
      <source>free all lines</source>
      <translation>libérer toutes les lignes</translation>
    </message>
    <message>
      <source>check</source>
      <translation>vérifier</translation>
    </message>
    <message>
      <source>read the status</source>
      <translation>lire le statut</translation>
    </message>
    <message>
      <source>set the status</source>
      <translation>changer le statut</translation>
    </message>
    <message>
      <source>Line {line}: a call to {who} may be live: ccdesk got no answer to its request. Check, Free the line, or Dismiss it if you know no call was placed.</source>
      <translation>Ligne {line} : un appel vers {who} est peut-être en cours : ccdesk n'a reçu aucune réponse à sa demande. Vérifiez, libérez la ligne, ou écartez-le si vous savez qu'aucun appel n'a été passé.</translation>
    </message>
    <message>
      <source>Line {line}: a call may be live: ccdesk got no answer to its request. Check, Free the line, or Dismiss it if you know no call was placed.</source>
      <translation>Ligne {line} : un appel est peut-être en cours : ccdesk n'a reçu aucune réponse à sa demande. Vérifiez, libérez la ligne, ou écartez-le si vous savez qu'aucun appel n'a été passé.</translation>
    </message>
    <message numerus="yes">
      <source>Restored %n call(s) from the journal.</source>
      <translation>
        <numerusform>Appels rétablis depuis le journal : %n.</numerusform>
        <numerusform>Appels rétablis depuis le journal : %n.</numerusform>
      </translation>
    </message>
    <message>
      <source>Waiting for 8x8's answer to the call request, so its interaction id is kept…</source>
      <translation>En attente de la réponse de 8x8 à la demande d'appel, pour conserver son identifiant d'interaction…</translation>
    </message>
    <message>
      <source>Both lines hold calls as far as ccdesk knows: end or free a line first.</source>
      <translation>D'après ccdesk, les deux lignes sont occupées : terminez ou libérez d'abord une ligne.</translation>
    </message>
    <message>
      <source>Not dialled</source>
      <translation>Non composé</translation>
    </message>
    <message>
      <source>Nothing was dialled.</source>
      <translation>Aucun numéro n'a été composé.</translation>
    </message>
    <message>
      <source>ccdesk failed while dialling, after the request may have gone out; the call may have been placed. This is a bug: please report it (Help &gt; Save diagnostics).</source>
      <translation>ccdesk a échoué pendant la composition, peut-être après l'envoi de la demande ; l'appel a pu être passé. C'est un bogue : veuillez le signaler (Aide &gt; Enregistrer les diagnostics).</translation>
    </message>
    <message>
      <source>Line {line}: dialling {number}…</source>
      <translation>Ligne {line} : composition du {number}…</translation>
    </message>
    <message>
      <source>Line {line}: dialled {who}. 8x8 says the agent is also on a call ccdesk did not place.</source>
      <translation>Ligne {line} : {who} composé. Selon 8x8, l'agent est aussi sur un appel que ccdesk n'a pas passé.</translation>
    </message>
    <message>
      <source>Line {line}: dialled {who}.</source>
      <translation>Ligne {line} : {who} composé.</translation>
    </message>
    <message>
      <source>Line {line}: call placed, not journalled</source>
      <translation>Ligne {line} : appel passé, non inscrit au journal</translation>
    </message>
    <message>
      <source>Line {line}: no answer from 8x8: the call may be live (see line {line}).</source>
      <translation>Ligne {line} : aucune réponse de 8x8 : l'appel est peut-être en cours (voir la ligne {line}).</translation>
    </message>
    <message>
      <source>Line {line}: not dialled (line {line} says why).</source>
      <translation>Ligne {line} : non composé (la ligne {line} indique pourquoi).</translation>
    </message>
    <message>
      <source>Line {line}: not dialled</source>
      <translation>Ligne {line} : non composé</translation>
    </message>
    <message>
      <source>Hang up: {reason}</source>
      <translation>Raccrocher : {reason}</translation>
    </message>
    <message>
      <source>Line {line}: nothing to free, it was already free.</source>
      <translation>Ligne {line} : rien à libérer, elle était déjà libre.</translation>
    </message>
    <message>
      <source>Line {line} freed (it held the call to {who}).</source>
      <translation>Ligne {line} libérée (elle portait l'appel vers {who}).</translation>
    </message>
    <message>
      <source>Line {line} freed.</source>
      <translation>Ligne {line} libérée.</translation>
    </message>
    <message>
      <source>The line was not freed.</source>
      <translation>La ligne n'a pas été libérée.</translation>
    </message>
    <message>
      <source>Line {line}: not freed (line {line} says why).</source>
      <translation>Ligne {line} : non libérée (la ligne {line} indique pourquoi).</translation>
    </message>
    <message>
      <source>Line {line}: not freed</source>
      <translation>Ligne {line} : non libérée</translation>
    </message>
    <message>
      <source>Line {line}: dismissed; nothing was sent to 8x8.</source>
      <translation>Ligne {line} : appel écarté ; rien n'a été envoyé à 8x8.</translation>
    </message>
    <message>
      <source>The Agent Status API is switched off for this tenant, so ccdesk cannot ask 8x8 about the agent. Free the line to end whatever is on it, or Dismiss this call if you know it was not placed.</source>
      <translation>L'API Agent Status est désactivée pour ce locataire (tenant) : ccdesk ne peut pas interroger 8x8 sur l'agent. Libérez la ligne pour mettre fin à ce qui s'y trouve, ou écartez cet appel si vous savez qu'il n'a pas été passé.</translation>
    </message>
    <message>
      <source>Checked: {finding}</source>
      <translation>Vérifié : {finding}</translation>
    </message>
    <message>
      <source>Line {line}: {finding}</source>
      <translation>Ligne {line} : {finding}</translation>
    </message>
    <message>
      <source>8x8 could not be asked: {reason}</source>
      <translation>Impossible d'interroger 8x8 : {reason}</translation>
    </message>
    <message>
      <source>8x8 reports the agent as {status}. The agent is on a call, which may be only the one on the other line.</source>
      <translation>8x8 indique le statut {status} pour l'agent. L'agent est en communication, peut-être seulement avec l'appel de l'autre ligne.</translation>
    </message>
    <message>
      <source>8x8 reports the agent as {status}. The agent is on a call: this one may be live. Free the line to end it.</source>
      <translation>8x8 indique le statut {status} pour l'agent. L'agent est en communication : cet appel est peut-être en cours. Libérez la ligne pour y mettre fin.</translation>
    </message>
    <message>
      <source>8x8 reports the agent as {status}. A call has ended and its wrap-up is open: this call was probably placed. Free the line.</source>
      <translation>8x8 indique le statut {status} pour l'agent. Un appel s'est terminé et son post-appel est ouvert : cet appel a probablement été passé. Libérez la ligne.</translation>
    </message>
    <message>
      <source>8x8 reports the agent as {status}. The agent is not on a call: this one is not live. Dismiss it.</source>
      <translation>8x8 indique le statut {status} pour l'agent. L'agent n'est pas en communication : cet appel n'est pas en cours. Écartez-le.</translation>
    </message>
    <message>
      <source>Both lines freed.</source>
      <translation>Les deux lignes sont libérées.</translation>
    </message>
    <message>
      <source>Nothing to free: both lines were already free.</source>
      <translation>Rien à libérer : les deux lignes étaient déjà libres.</translation>
    </message>
    <message>
      <source>Lines not freed</source>
      <translation>Lignes non libérées</translation>
    </message>
    <message>
      <source>The call journal {path} was deleted or replaced while ccdesk was running. A new one was started, and the calls on screen were written to it again; calls made before are no longer in the recent list.</source>
      <translation>Le journal des appels {path} a été supprimé ou remplacé pendant que ccdesk fonctionnait. Un nouveau journal a été créé et les appels affichés y ont été réinscrits ; les appels antérieurs ne figurent plus dans les appels récents.</translation>
    </message>
    <message>
      <source>ccdesk: call journal started again</source>
      <translation>ccdesk : journal des appels recréé</translation>
    </message>
    <message numerus="yes">
      <source>No events for a call placed %n s ago: check the stream's region and topic.</source>
      <translation>
        <numerusform>Aucun événement pour un appel passé il y a %n s : vérifiez la région et le sujet du flux.</numerusform>
        <numerusform>Aucun événement pour un appel passé il y a %n s : vérifiez la région et le sujet du flux.</numerusform>
      </translation>
    </message>
    <message>
      <source>Status set to {status}.</source>
      <translation>Statut changé : {status}.</translation>
    </message>
    <message>
      <source>Set status</source>
      <translation>Changer de statut</translation>
    </message>
    <message>
      <source>Token rejected — open Settings</source>
      <translation>Jeton refusé — ouvrez les Paramètres</translation>
    </message>
    <message>
      <source>Token rejected (Agent Status API) — open Settings</source>
      <translation>Jeton refusé (API Agent Status) — ouvrez les Paramètres</translation>
    </message>
    <message>
      <source>Token rejected (Call API) — open Settings</source>
      <translation>Jeton refusé (API Call) — ouvrez les Paramètres</translation>
    </message>
    <message>
      <source>Connected</source>
      <translation>Connecté</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>Hors ligne</translation>
    </message>
    <message>
      <source>Platform error</source>
      <translation>Erreur de la plateforme</translation>
    </message>
    <message numerus="yes">
      <source>8x8 asks ccdesk to slow down; trying again in %n s…</source>
      <translation>
        <numerusform>8x8 demande à ccdesk de ralentir ; nouvel essai dans %n s…</numerusform>
        <numerusform>8x8 demande à ccdesk de ralentir ; nouvel essai dans %n s…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>8x8 did not answer; trying again in %n s…</source>
      <translation>
        <numerusform>8x8 n'a pas répondu ; nouvel essai dans %n s…</numerusform>
        <numerusform>8x8 n'a pas répondu ; nouvel essai dans %n s…</numerusform>
      </translation>
    </message>
    <message>
      <source>{title} (the message above says why).</source>
      <translation>{title} (le message ci-dessus indique pourquoi).</translation>
    </message>
  </context>
  <context>
    <name>Diagnostics</name>
    <message>
      <source>Unexpected error in ccdesk's thread {thread}</source>
      <translation>Erreur inattendue dans le fil d'exécution {thread} de ccdesk</translation>
    </message>
    <message>
      <source>cannot be written: its folder does not exist</source>
      <translation>ne peut pas être écrit : son dossier n'existe pas</translation>
    </message>
    <message>
      <source>Choose another folder (for example Documents) with free space, then save again.</source>
      <translation>Choisissez un autre dossier (par exemple Documents) qui a de l'espace libre, puis enregistrez de nouveau.</translation>
    </message>
  </context>
  <context>
    <name>DialPad</name>
    <message>
      <source>Dial pad</source>
      <translation>Clavier</translation>
    </message>
    <message>
      <source>Delete the last digit</source>
      <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
      <source>Removes the last character of the number to dial</source>
      <translation>Retire le dernier caractère du numéro à composer</translation>
    </message>
    <message>
      <source>Delete the last digit (Backspace)</source>
      <translation>Effacer le dernier chiffre (Retour arrière)</translation>
    </message>
    <message>
      <source>Adds {key} to the number</source>
      <translation>Ajoute {key} au numéro</translation>
    </message>
    <message>
      <source>Type {key} (or press {key} in the number field)</source>
      <translation>Saisir {key} (ou appuyez sur {key} dans le champ du numéro)</translation>
    </message>
  </context>
  <context>
    <name>DialPanel</name>
    <message>
      <source>Number to dial</source>
      <translation>Numéro à composer</translation>
    </message>
    <message>
      <source>Type a number or paste a tel: link; Enter dials</source>
      <translation>Saisissez un numéro ou collez un lien tel: ; Entrée lance l'appel</translation>
    </message>
    <message>
      <source>What will be sent</source>
      <translation>Ce qui sera envoyé</translation>
    </message>
    <message>
      <source>Raw (digits as typed)</source>
      <translation>Brut (chiffres tels que saisis)</translation>
    </message>
    <message>
      <source>Raw mode for extensions and service codes</source>
      <translation>Mode brut pour les postes et codes de service</translation>
    </message>
    <message>
      <source>For extensions and service codes: send the digits as typed after the prefix</source>
      <translation>Pour les postes et codes de service : envoie les chiffres tels que saisis après le préfixe</translation>
    </message>
    <message>
      <source>Raw mode prefix</source>
      <translation>Préfixe du mode brut</translation>
    </message>
    <message>
      <source>prefix</source>
      <translation>préfixe</translation>
    </message>
    <message>
      <source>Sent as the prefix before the digits; may be empty</source>
      <translation>Envoyé comme préfixe avant les chiffres ; peut rester vide</translation>
    </message>
    <message>
      <source>Dial pad</source>
      <translation>Clavier</translation>
    </message>
    <message>
      <source>Show the dial pad</source>
      <translation>Afficher le clavier</translation>
    </message>
    <message>
      <source>Caller ID</source>
      <translation>Numéro présenté</translation>
    </message>
    <message>
      <source>The number the customer sees; empty uses the agent's default caller ID</source>
      <translation>Le numéro que voit le client ; vide, c'est le numéro présenté par défaut de l'agent</translation>
    </message>
    <message>
      <source>Agent's default caller ID</source>
      <translation>Numéro présenté par défaut de l'agent</translation>
    </message>
    <message>
      <source>Caller ID (type an id or choose)</source>
      <translation>Numéro présenté (saisissez un identifiant ou choisissez)</translation>
    </message>
    <message>
      <source>Queue</source>
      <translation>File d'attente</translation>
    </message>
    <message>
      <source>The queue the call is placed for; may be empty</source>
      <translation>La file d'attente pour laquelle l'appel est passé ; peut rester vide</translation>
    </message>
    <message>
      <source>No queue</source>
      <translation>Aucune file d'attente</translation>
    </message>
    <message>
      <source>Queue (type an id or choose)</source>
      <translation>File d'attente (saisissez un identifiant ou choisissez)</translation>
    </message>
    <message>
      <source>Dial plan</source>
      <translation>Plan de numérotation</translation>
    </message>
    <message>
      <source>The dial plan that routes the call; empty uses the agent's</source>
      <translation>Le plan de numérotation qui achemine l'appel ; vide, c'est celui de l'agent</translation>
    </message>
    <message>
      <source>Agent's dial plan</source>
      <translation>Plan de numérotation de l'agent</translation>
    </message>
    <message>
      <source>Dial plan (type an id or choose)</source>
      <translation>Plan de numérotation (saisissez un identifiant ou choisissez)</translation>
    </message>
    <message>
      <source>Force call (even if on a call)</source>
      <translation>Forcer l'appel (même en communication)</translation>
    </message>
    <message>
      <source>Force call</source>
      <translation>Forcer l'appel</translation>
    </message>
    <message>
      <source>Use the agent's free line even if the agent is already on a call</source>
      <translation>Utilise la ligne libre de l'agent même s'il est déjà en communication</translation>
    </message>
    <message>
      <source>Caller &amp;ID</source>
      <translation>&amp;Numéro présenté</translation>
    </message>
    <message>
      <source>&amp;Queue</source>
      <translation>&amp;File d'attente</translation>
    </message>
    <message>
      <source>Dial &amp;plan</source>
      <translation>&amp;Plan de numérotation</translation>
    </message>
    <message>
      <source>extTransactionData: name/value pairs attached to the call</source>
      <translation>extTransactionData : paires nom/valeur jointes à l'appel</translation>
    </message>
    <message>
      <source>ctlUserData: name/value pairs for click-to-dial actions</source>
      <translation>ctlUserData : paires nom/valeur pour les actions d'appel en un clic</translation>
    </message>
    <message>
      <source>Attached data: extTransactionData</source>
      <translation>Données jointes : extTransactionData</translation>
    </message>
    <message>
      <source>Attached data: ctlUserData</source>
      <translation>Données jointes : ctlUserData</translation>
    </message>
    <message>
      <source>Attached data</source>
      <translation>Données jointes</translation>
    </message>
    <message>
      <source>Name/value pairs sent with the call</source>
      <translation>Paires nom/valeur envoyées avec l'appel</translation>
    </message>
    <message>
      <source>Attached data kind</source>
      <translation>Type de données jointes</translation>
    </message>
    <message>
      <source>Transaction data</source>
      <translation>Données de transaction</translation>
    </message>
    <message>
      <source>CTL user data</source>
      <translation>Données utilisateur CTL</translation>
    </message>
    <message>
      <source>Add a name/value row</source>
      <translation>Ajouter une ligne nom/valeur</translation>
    </message>
    <message>
      <source>Adds an empty row to the attached data shown, ready to type</source>
      <translation>Ajoute une ligne vide aux données jointes affichées, prête à remplir</translation>
    </message>
    <message>
      <source>Remove the selected rows</source>
      <translation>Supprimer les lignes sélectionnées</translation>
    </message>
    <message>
      <source>Removes the selected rows from the attached data shown</source>
      <translation>Supprime les lignes sélectionnées des données jointes affichées</translation>
    </message>
    <message>
      <source>Attached data preset</source>
      <translation>Modèle de données jointes</translation>
    </message>
    <message>
      <source>Load a saved set of attached data</source>
      <translation>Charger un ensemble enregistré de données jointes</translation>
    </message>
    <message>
      <source>Save…</source>
      <translation>Enregistrer…</translation>
    </message>
    <message>
      <source>Save attached data as a preset</source>
      <translation>Enregistrer les données jointes comme modèle</translation>
    </message>
    <message>
      <source>Save these rows as a preset for this profile</source>
      <translation>Enregistrer ces lignes comme modèle pour ce profil</translation>
    </message>
    <message>
      <source>Dial</source>
      <translation>Appeler</translation>
    </message>
    <message>
      <source>Places the call to the number in the field, with the choices below</source>
      <translation>Passe l'appel vers le numéro saisi, avec les choix ci-dessous</translation>
    </message>
    <message>
      <source>Place the call (Enter)</source>
      <translation>Passer l'appel (Entrée)</translation>
    </message>
    <message>
      <source>Presets…</source>
      <translation>Modèles…</translation>
    </message>
    <message>
      <source>Hide the dial pad</source>
      <translation>Masquer le clavier</translation>
    </message>
    <message>
      <source>The dial pad is shown</source>
      <translation>Le clavier est affiché</translation>
    </message>
    <message>
      <source>The dial pad is hidden</source>
      <translation>Le clavier est masqué</translation>
    </message>
    <message>
      <source>Type or paste a number (national numbers are read as {region}).</source>
      <translation>Saisissez ou collez un numéro (les numéros nationaux sont lus comme {region}).</translation>
    </message>
    <message>
      <source>Save preset</source>
      <translation>Enregistrer le modèle</translation>
    </message>
    <message>
      <source>Preset name:</source>
      <translation>Nom du modèle :</translation>
    </message>
    <message>
      <source>Dialling…</source>
      <translation>Composition…</translation>
    </message>
  </context>
  <context>
    <name>ErrorBar</name>
    <message>
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>Show what 8x8 said</source>
      <translation>Afficher la réponse de 8x8</translation>
    </message>
    <message>
      <source>Shows or hides 8x8's own words about this error</source>
      <translation>Affiche ou masque les propres termes de 8x8 sur cette erreur</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Masquer</translation>
    </message>
    <message>
      <source>Dismiss the error</source>
      <translation>Masquer l'erreur</translation>
    </message>
    <message>
      <source>Hides this message; the next error shows it again</source>
      <translation>Masque ce message ; la prochaine erreur le réaffiche</translation>
    </message>
    <message>
      <source>{title}: {summary}</source>
      <translation>{title} : {summary}</translation>
    </message>
    <message>
      <source>{heading}: {details}</source>
      <translation>{heading} : {details}</translation>
    </message>
  </context>
  <context>
    <name>Explain</name>
    <message>
      <source>The agent is on another call: tick Force call to use the free line, or free a line (Free line on the line, or Free all lines).</source>
      <translation>L'agent est déjà en communication : cochez Forcer l'appel pour utiliser la ligne libre, ou libérez une ligne (Libérer la ligne sur la ligne voulue, ou Libérer toutes les lignes).</translation>
    </message>
    <message>
      <source>The agent cannot take a call: both lines are busy, or the agent is on break or logged out. Force call does not help: free a line (Free line on the line, or Free all lines), or set the agent's status to Available.</source>
      <translation>L'agent ne peut pas prendre d'appel : ses deux lignes sont occupées, ou il est en pause ou déconnecté. Forcer l'appel n'y change rien : libérez une ligne (Libérer la ligne sur la ligne voulue, ou Libérer toutes les lignes), ou passez le statut de l'agent à Disponible.</translation>
    </message>
    <message>
      <source>The agent is {status}, so 8x8 gives them no calls: set the agent's status to Available, then dial again.</source>
      <translation>Le statut de l'agent est « {status} », donc 8x8 ne lui donne aucun appel : passez son statut à Disponible, puis composez de nouveau.</translation>
    </message>
    <message>
      <source>on break</source>
      <translation>En pause</translation>
    </message>
    <message>
      <source>logged out</source>
      <translation>Déconnecté</translation>
    </message>
    <message>
      <source>working offline</source>
      <translation>Travail hors ligne</translation>
    </message>
    <message>
      <source>Those lists allow only one code each: choose a single code per list.</source>
      <translation>Ces listes n'acceptent qu'un code chacune : choisissez un seul code par liste.</translation>
    </message>
    <message>
      <source>A call holds at most 6 transaction codes, counting those already set on it: codes of lists a request does not name stay set, and a list it names gets the codes sent for it. Send fewer codes, or send a list again with fewer of its codes.</source>
      <translation>Un appel porte au plus 6 codes de transaction, y compris ceux déjà posés : les codes des listes qu'une demande ne nomme pas restent posés, et une liste nommée reçoit les codes envoyés pour elle. Envoyez moins de codes, ou renvoyez une liste avec moins de ses codes.</translation>
    </message>
    <message>
      <source>That list or code does not exist on this tenant. Check the catalog against Configuration Manager.</source>
      <translation>Cette liste ou ce code n'existe pas chez ce locataire (tenant). Comparez le catalogue avec Configuration Manager.</translation>
    </message>
    <message>
      <source>The agent is not on that call any more (it may have been hung up or transferred).</source>
      <translation>L'agent n'est plus sur cet appel (il a peut-être été raccroché ou transféré).</translation>
    </message>
    <message>
      <source>The platform does not know that interaction id. Check it was copied whole.</source>
      <translation>La plateforme ne connaît pas cet identifiant d'interaction. Vérifiez qu'il a été copié en entier.</translation>
    </message>
    <message>
      <source>Nothing to free: the agent's lines are already free.</source>
      <translation>Rien à libérer : les lignes de l'agent sont déjà libres.</translation>
    </message>
    <message>
      <source>Nothing to free on that line: it is already free.</source>
      <translation>Rien à libérer sur cette ligne : elle est déjà libre.</translation>
    </message>
    <message>
      <source>The call has already ended; nothing more can be done on it.</source>
      <translation>L'appel est déjà terminé ; plus rien n'est possible sur cet appel.</translation>
    </message>
    <message>
      <source>Something went wrong.</source>
      <translation>Une erreur s'est produite.</translation>
    </message>
    <message>
      <source>Correct the input and try again; nothing was sent.</source>
      <translation>Corrigez la saisie et réessayez ; rien n'a été envoyé.</translation>
    </message>
    <message>
      <source>Complete the profile or environment settings; nothing was sent.</source>
      <translation>Complétez le profil ou les paramètres d'environnement ; rien n'a été envoyé.</translation>
    </message>
    <message>
      <source>The username or Action Request Token was rejected. If someone generated a new token in Configuration Manager, the old one stopped working: store the new one (Settings).</source>
      <translation>Le nom d'utilisateur ou le jeton Action Request Token a été refusé. Si quelqu'un a généré un nouveau jeton dans Configuration Manager, l'ancien ne fonctionne plus : enregistrez le nouveau (Paramètres).</translation>
    </message>
    <message>
      <source>Not allowed: 8x8 does not let these credentials act on this tenant. Check the tenant name and the username, and that the Action Request Token is this tenant's.</source>
      <translation>Non autorisé : 8x8 ne permet pas à ces identifiants d'agir sur ce locataire (tenant). Vérifiez le nom du locataire et le nom d'utilisateur, et que le jeton Action Request Token est bien celui de ce locataire.</translation>
    </message>
    <message>
      <source>The Agent Status API is not enabled for this tenant (8x8 enables it on request): ask 8x8 support to enable the "Agent Status API". Calls still work.</source>
      <translation>L'API Agent Status n'est pas activée pour ce locataire (tenant) ; 8x8 l'active sur demande : demandez au support 8x8 d'activer « Agent Status API ». Les appels fonctionnent toujours.</translation>
    </message>
    <message>
      <source>The agent, call or address does not exist. Check the ids.</source>
      <translation>L'agent, l'appel ou l'adresse n'existe pas. Vérifiez les identifiants.</translation>
    </message>
    <message>
      <source>Too many requests. Wait a moment and try again.</source>
      <translation>Trop de demandes. Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
      <source>The platform refused the request; its reasons say why.</source>
      <translation>La plateforme a refusé la demande ; ses motifs expliquent pourquoi.</translation>
    </message>
    <message>
      <source>The 8x8 platform had a problem. Try again in a moment.</source>
      <translation>La plateforme 8x8 a rencontré un problème. Réessayez dans un instant.</translation>
    </message>
    <message>
      <source>Could not reach the 8x8 platform. Check the network, the platform code or base URL.</source>
      <translation>Impossible de joindre la plateforme 8x8. Vérifiez le réseau, le code de plateforme ou l'URL de base.</translation>
    </message>
    <message>
      <source>The platform did not answer in time. Try again.</source>
      <translation>La plateforme n'a pas répondu à temps. Réessayez.</translation>
    </message>
    <message>
      <source>A proxy or sign-in page answered instead of 8x8, so the request may not have reached the platform. Sign in to the network or proxy if it asks, check the platform code or base URL, then try again.</source>
      <translation>Un proxy ou une page de connexion a répondu à la place de 8x8 : la demande n'a peut-être pas atteint la plateforme. Connectez-vous au réseau ou au proxy s'il le demande, vérifiez le code de plateforme ou l'URL de base, puis réessayez.</translation>
    </message>
    <message>
      <source>The call request may have been placed, but no answer came back. Check the agent's lines before dialling again, or the customer may be called twice.</source>
      <translation>La demande d'appel a peut-être abouti, mais aucune réponse n'est revenue. Vérifiez les lignes de l'agent avant de composer de nouveau, sinon le client risque d'être appelé deux fois.</translation>
    </message>
    <message>
      <source>8x8 said</source>
      <translation>Réponse de 8x8</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>8x8 said: {details}</source>
      <translation>Réponse de 8x8 : {details}</translation>
    </message>
    <message>
      <source>Details: {details}</source>
      <translation>Détails : {details}</translation>
    </message>
    <message>
      <source>Too many requests: the platform asks to wait {seconds} s before trying again.</source>
      <translation>Trop de demandes : la plateforme demande d'attendre {seconds} s avant de réessayer.</translation>
    </message>
    <message>
      <source>ccdesk got no answer and no error; try again.</source>
      <translation>ccdesk n'a reçu ni réponse ni erreur ; réessayez.</translation>
    </message>
    <message>
      <source>Something failed inside ccdesk. This is a bug: please report it with the diagnostics (Help &gt; Save diagnostics).</source>
      <translation>Une erreur interne s'est produite dans ccdesk. C'est un bogue : veuillez le signaler avec les diagnostics (Aide &gt; Enregistrer les diagnostics).</translation>
    </message>
  </context>
  <context>
    <name>FileProblemBar</name>
    <message>
      <source>Problem with a ccdesk file</source>
      <translation>Problème avec un fichier de ccdesk</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Avertissement</translation>
    </message>
    <message>
      <source>File problem</source>
      <translation>Problème de fichier</translation>
    </message>
    <message>
      <source>&amp;Move aside and start fresh</source>
      <translation>&amp;Mettre de côté et repartir à neuf</translation>
    </message>
    <message>
      <source>Move the file aside as a backup and start fresh</source>
      <translation>Mettre le fichier de côté comme copie de sauvegarde et repartir à neuf</translation>
    </message>
    <message>
      <source>Renames the file as a backup beside it; ccdesk starts a new one</source>
      <translation>Renomme le fichier en copie de sauvegarde à côté ; ccdesk en crée un nouveau</translation>
    </message>
    <message>
      <source>Open &amp;folder</source>
      <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
      <source>Open the file's folder</source>
      <translation>Ouvrir le dossier du fichier</translation>
    </message>
    <message>
      <source>Shows the folder in the file manager</source>
      <translation>Affiche le dossier dans le gestionnaire de fichiers</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Masquer</translation>
    </message>
    <message>
      <source>Dismiss this message</source>
      <translation>Masquer ce message</translation>
    </message>
    <message>
      <source>Hides this bar; the file is left as it is</source>
      <translation>Masque cette barre ; le fichier reste tel quel</translation>
    </message>
    <message>
      <source>Started fresh: the {name} that had a problem was moved aside. The old file is kept as {backup}.</source>
      <translation>Reparti à neuf : le fichier {name} qui posait problème a été mis de côté. L'ancien fichier est conservé sous {backup}.</translation>
    </message>
    <message>
      <source>Started fresh: the {name} that had a problem was moved aside.</source>
      <translation>Reparti à neuf : le fichier {name} qui posait problème a été mis de côté.</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>{heading}:</source>
      <translation>{heading} :</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>utilisation : </translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>arguments positionnels</translation>
    </message>
    <message>
      <source>options</source>
      <translation>options</translation>
    </message>
    <message>
      <source>show this help and exit</source>
      <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
      <source>show the version and exit</source>
      <translation>afficher la version et quitter</translation>
    </message>
    <message>
      <source>saved profile to use [CCDESK_PROFILE]</source>
      <translation>profil enregistré à utiliser [CCDESK_PROFILE]</translation>
    </message>
    <message>
      <source>platform code, e.g. na12 [CCDESK_PLATFORM]</source>
      <translation>code de plateforme, par exemple na12 [CCDESK_PLATFORM]</translation>
    </message>
    <message>
      <source>tenant name [CCDESK_TENANT]</source>
      <translation>nom du locataire (tenant) [CCDESK_TENANT]</translation>
    </message>
    <message>
      <source>the agent's Internal Id [CCDESK_AGENT]</source>
      <translation>l'Internal Id de l'agent [CCDESK_AGENT]</translation>
    </message>
  </context>
  <context>
    <name>Ids</name>
    <message>
      <source>The agent id is empty.</source>
      <translation>L'identifiant d'agent est vide.</translation>
    </message>
    <message>
      <source>The interaction id is empty.</source>
      <translation>L'identifiant d'interaction est vide.</translation>
    </message>
    <message>
      <source>The group id is empty.</source>
      <translation>L'identifiant de groupe est vide.</translation>
    </message>
    <message>
      <source>The queue id is empty.</source>
      <translation>L'identifiant de file d'attente est vide.</translation>
    </message>
    <message>
      <source>The dial plan id is empty.</source>
      <translation>L'identifiant du plan de numérotation est vide.</translation>
    </message>
    <message>
      <source>The caller id is empty.</source>
      <translation>Le numéro présenté est vide.</translation>
    </message>
    <message>
      <source>The status code's short code is empty.</source>
      <translation>Le code court du code de statut est vide.</translation>
    </message>
    <message>
      <source>The attached data name is empty.</source>
      <translation>Le nom de la donnée jointe est vide.</translation>
    </message>
    <message>
      <source>The transaction code list id is empty.</source>
      <translation>L'identifiant de liste du code de transaction est vide.</translation>
    </message>
    <message>
      <source>The transaction code item id is empty.</source>
      <translation>L'identifiant d'élément du code de transaction est vide.</translation>
    </message>
    <message>
      <source>The status code list id is empty.</source>
      <translation>L'identifiant de liste du code de statut est vide.</translation>
    </message>
    <message>
      <source>The status code item id is empty.</source>
      <translation>L'identifiant d'élément du code de statut est vide.</translation>
    </message>
    <message>
      <source>The agent id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant d'agent est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The interaction id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant d'interaction est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The group id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant de groupe est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The queue id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant de file d'attente est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The dial plan id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant du plan de numérotation est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The caller id is too long ({length} characters; at most {most}).</source>
      <translation>Le numéro présenté est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The status code's short code is too long ({length} characters; at most {most}).</source>
      <translation>Le code court du code de statut est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The attached data name is too long ({length} characters; at most {most}).</source>
      <translation>Le nom de la donnée jointe est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The attached data value is too long ({length} characters; at most {most}).</source>
      <translation>La valeur de la donnée jointe est trop longue ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The transaction code list id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant de liste du code de transaction est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The transaction code item id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant d'élément du code de transaction est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The status code list id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant de liste du code de statut est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The status code item id is too long ({length} characters; at most {most}).</source>
      <translation>L'identifiant d'élément du code de statut est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The agent id must not contain control, line-break or bidi characters: {value}.</source>
      <translation>L'identifiant d'agent ne doit pas contenir de caractères de contrôle, de saut de ligne ou bidirectionnels : {value}.</translation>
    </message>
    <message>
      <source>The interaction id must not contain control, line-break or bidi characters: {value}.</source>
      <translation>L'identifiant d'interaction ne doit pas contenir de caractères de contrôle, de saut de ligne ou bidirectionnels : {value}.</translation>
    </message>
    <message>
      <source>The group id must not contain control, line-break or bidi characters: {value}.</source>
      <translation>L'identifiant de groupe ne doit pas contenir de caractères de contrôle, de saut de ligne ou bidirectionnels : {value}.</translation>
    </message>
    <message>
      <source>The status code's short code must not contain control, line-break or bidi characters: {value}.</source>
      <translation>Le code court du code de statut ne doit pas contenir de caractères de contrôle, de saut de ligne ou bidirectionnels : {value}.</translation>
    </message>
    <message>
      <source>The attached data name must not contain control, line-break or bidi characters: {value}.</source>
      <translation>Le nom de la donnée jointe ne doit pas contenir de caractères de contrôle, de saut de ligne ou bidirectionnels : {value}.</translation>
    </message>
    <message>
      <source>The attached data value must not contain control, line-break or bidi characters: {value}.</source>
      <translation>La valeur de la donnée jointe ne doit pas contenir de caractères de contrôle, de saut de ligne ou bidirectionnels : {value}.</translation>
    </message>
    <message>
      <source>The queue id must be digits 0-9 only, got {value}.</source>
      <translation>L'identifiant de file d'attente ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The dial plan id must be digits 0-9 only, got {value}.</source>
      <translation>L'identifiant du plan de numérotation ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The caller id must be digits 0-9 only, got {value}.</source>
      <translation>Le numéro présenté ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The transaction code list id must be digits 0-9 only, got {value}.</source>
      <translation>L'identifiant de liste du code de transaction ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The transaction code item id must be digits 0-9 only, got {value}.</source>
      <translation>L'identifiant d'élément du code de transaction ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The status code list id must be digits 0-9 only, got {value}.</source>
      <translation>L'identifiant de liste du code de statut ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The status code item id must be digits 0-9 only, got {value}.</source>
      <translation>L'identifiant d'élément du code de statut ne doit contenir que des chiffres de 0 à 9 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The agent id must be one word without spaces or / \ ? # %: {value}.</source>
      <translation>L'identifiant d'agent doit être un seul mot, sans espace ni / \ ? # % : {value}.</translation>
    </message>
    <message>
      <source>The interaction id must be one word without spaces or / \ ? # %: {value}.</source>
      <translation>L'identifiant d'interaction doit être un seul mot, sans espace ni / \ ? # % : {value}.</translation>
    </message>
    <message>
      <source>The agent id cannot be {value}.</source>
      <translation>L'identifiant d'agent ne peut pas être {value}.</translation>
    </message>
    <message>
      <source>The interaction id cannot be {value}.</source>
      <translation>L'identifiant d'interaction ne peut pas être {value}.</translation>
    </message>
    <message>
      <source>The transaction code list id must be a whole number, got {value}.</source>
      <translation>L'identifiant de liste du code de transaction doit être un nombre entier (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The transaction code item id must be a whole number, got {value}.</source>
      <translation>L'identifiant d'élément du code de transaction doit être un nombre entier (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The status code list id must be a whole number, got {value}.</source>
      <translation>L'identifiant de liste du code de statut doit être un nombre entier (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The status code item id must be a whole number, got {value}.</source>
      <translation>L'identifiant d'élément du code de statut doit être un nombre entier (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The transaction code list id must be a whole number from 0 to {most}, got {value}.</source>
      <translation>L'identifiant de liste du code de transaction doit être un nombre entier de 0 à {most} (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The transaction code item id must be a whole number from 0 to {most}, got {value}.</source>
      <translation>L'identifiant d'élément du code de transaction doit être un nombre entier de 0 à {most} (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The status code list id must be a whole number from 0 to {most}, got {value}.</source>
      <translation>L'identifiant de liste du code de statut doit être un nombre entier de 0 à {most} (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The status code item id must be a whole number from 0 to {most}, got {value}.</source>
      <translation>L'identifiant d'élément du code de statut doit être un nombre entier de 0 à {most} (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>A status code needs its short code (Configuration Manager &gt; Status Codes).</source>
      <translation>Un code de statut doit avoir son code court (Configuration Manager &gt; Status Codes).</translation>
    </message>
    <message>
      <source>The line number must be 1 or 2, got {value}.</source>
      <translation>Le numéro de ligne doit être 1 ou 2 (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>Attached data needs a name for every value.</source>
      <translation>Chaque valeur des données jointes doit avoir un nom.</translation>
    </message>
  </context>
  <context>
    <name>Instance</name>
    <message>
      <source>Links and files opened from other launches cannot reach this window.</source>
      <translation>Les liens et fichiers ouverts depuis d'autres lancements ne peuvent pas atteindre cette fenêtre.</translation>
    </message>
    <message>
      <source>is not a folder</source>
      <translation>n'est pas un dossier</translation>
    </message>
    <message>
      <source>belongs to another user (uid {uid}), so it was not used</source>
      <translation>appartient à un autre utilisateur (uid {uid}), il n'a donc pas été utilisé</translation>
    </message>
    <message>
      <source>can be reached by other users (mode {mode}, should be 0700)</source>
      <translation>est accessible à d'autres utilisateurs (mode {mode}, devrait être 0700)</translation>
    </message>
    <message>
      <source>is not a socket, so it was left alone</source>
      <translation>n'est pas un socket, il n'a donc pas été touché</translation>
    </message>
    <message>
      <source>belongs to another user (uid {uid}), so it was neither used nor removed</source>
      <translation>appartient à un autre utilisateur (uid {uid}), il n'a donc été ni utilisé ni supprimé</translation>
    </message>
    <message>
      <source>the path is too long for a socket; set XDG_RUNTIME_DIR or use a shorter --home</source>
      <translation>le chemin est trop long pour un socket ; définissez XDG_RUNTIME_DIR ou utilisez un --home plus court</translation>
    </message>
    <message>
      <source>Links and files opened from other launches cannot reach this window. Remove {path} if it is a folder or damaged, and check that its folder can be written.</source>
      <translation>Les liens et fichiers ouverts depuis d'autres lancements ne peuvent pas atteindre cette fenêtre. Supprimez {path} s'il s'agit d'un dossier ou s'il est endommagé, et vérifiez que son dossier est accessible en écriture.</translation>
    </message>
    <message>
      <source>the pipe's security descriptor could not be made</source>
      <translation>le descripteur de sécurité du canal nommé n'a pas pu être créé</translation>
    </message>
  </context>
  <context>
    <name>InstanceServer</name>
    <message>
      <source>is in use by another ccdesk window of yours</source>
      <translation>est utilisé par une autre de vos fenêtres ccdesk</translation>
    </message>
  </context>
  <context>
    <name>InteractionDialog</name>
    <message>
      <source>Hang up or end a call of {agent}</source>
      <translation>Raccrocher ou terminer un appel de {agent}</translation>
    </message>
    <message>
      <source>Pick a known call or paste an interaction id, choose hang up or end, then OK; a question follows</source>
      <translation>Choisissez un appel connu ou collez un identifiant d'interaction, choisissez raccrocher ou terminer, puis OK ; une confirmation suit</translation>
    </message>
    <message>
      <source>Calls ccdesk knows for this agent:</source>
      <translation>Appels que ccdesk connaît pour cet agent :</translation>
    </message>
    <message>
      <source>ccdesk knows no open call for this agent; paste its interaction id below.</source>
      <translation>ccdesk ne connaît aucun appel en cours pour cet agent ; collez son identifiant d'interaction ci-dessous.</translation>
    </message>
    <message>
      <source>Known calls</source>
      <translation>Appels connus</translation>
    </message>
    <message>
      <source>Choosing a call puts its interaction id in the field below</source>
      <translation>Choisir un appel met son identifiant d'interaction dans le champ ci-dessous</translation>
    </message>
    <message>
      <source>Interaction id</source>
      <translation>Identifiant d'interaction</translation>
    </message>
    <message>
      <source>The interaction id of the call to hang up or end</source>
      <translation>L'identifiant d'interaction de l'appel à raccrocher ou à terminer</translation>
    </message>
    <message>
      <source>&amp;Interaction id</source>
      <translation>&amp;Identifiant d'interaction</translation>
    </message>
    <message>
      <source>Hang up the agent's leg (the call goes to wrap-up)</source>
      <translation>Raccrocher la branche de l'agent (l'appel passe en post-appel)</translation>
    </message>
    <message>
      <source>The agent leaves the call and goes to wrap-up</source>
      <translation>L'agent quitte l'appel et passe en post-appel</translation>
    </message>
    <message>
      <source>End the call</source>
      <translation>Terminer l'appel</translation>
    </message>
    <message>
      <source>The whole call ends, for the caller too</source>
      <translation>L'appel entier se termine, pour l'appelant aussi</translation>
    </message>
    <message>
      <source>Also end wrap-up</source>
      <translation>Terminer aussi le post-appel</translation>
    </message>
    <message>
      <source>With End the call: the agent's wrap-up ends as well</source>
      <translation>Avec « Terminer l'appel » : le post-appel de l'agent se termine aussi</translation>
    </message>
    <message>
      <source>{caller} — line {line}, {state}
{interaction}</source>
      <translation>{caller} — ligne {line}, {state}
{interaction}</translation>
    </message>
    <message>
      <source>{caller} — {state}
{interaction}</source>
      <translation>{caller} — {state}
{interaction}</translation>
    </message>
  </context>
  <context>
    <name>Journal</name>
    <message>
      <source>is a folder, not a file</source>
      <translation>est un dossier, pas un fichier</translation>
    </message>
    <message>
      <source>was written by a newer version of ccdesk (journal version {version}, this one reads up to {supported})</source>
      <translation>a été écrit par une version plus récente de ccdesk (journal en version {version}, celle-ci lit jusqu'à la version {supported})</translation>
    </message>
    <message>
      <source>Use the newer ccdesk, or move this journal aside and ccdesk starts a new one.</source>
      <translation>Utilisez la version plus récente de ccdesk, ou mettez ce journal de côté et ccdesk en commencera un nouveau.</translation>
    </message>
    <message>
      <source>has a calls table of another layout</source>
      <translation>contient une table des appels d'une autre structure</translation>
    </message>
    <message>
      <source>is an SQLite file but not a ccdesk journal</source>
      <translation>est un fichier SQLite, mais pas un journal ccdesk</translation>
    </message>
    <message>
      <source>is damaged ({verdict})</source>
      <translation>est endommagé ({verdict})</translation>
    </message>
    <message>
      <source>is closed</source>
      <translation>est fermé</translation>
    </message>
    <message>
      <source>Restart ccdesk.</source>
      <translation>Redémarrez ccdesk.</translation>
    </message>
  </context>
  <context>
    <name>JournalError</name>
    <message>
      <source>is locked by another program</source>
      <translation>est verrouillé par un autre programme</translation>
    </message>
    <message>
      <source>Close the other program using it (another ccdesk, a backup or sync tool), then try again.</source>
      <translation>Fermez l'autre programme qui l'utilise (un autre ccdesk, un outil de sauvegarde ou de synchronisation), puis réessayez.</translation>
    </message>
  </context>
  <context>
    <name>LinePanel</name>
    <message>
      <source>Idle</source>
      <translation>Libre</translation>
    </message>
    <message>
      <source>Dialling…</source>
      <translation>Composition…</translation>
    </message>
    <message>
      <source>On a call</source>
      <translation>En communication</translation>
    </message>
    <message>
      <source>Wrap-up</source>
      <translation>Post-appel</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Unknown: may be live</source>
      <translation>Inconnu : peut-être en cours</translation>
    </message>
    <message>
      <source>Hanging up…</source>
      <translation>Raccrochage…</translation>
    </message>
    <message>
      <source>Ending…</source>
      <translation>Fin en cours…</translation>
    </message>
    <message>
      <source>Setting codes…</source>
      <translation>Enregistrement des codes…</translation>
    </message>
    <message>
      <source>Freeing…</source>
      <translation>Libération…</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Vérification…</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Écarter</translation>
    </message>
    <message>
      <source>Line {line}</source>
      <translation>Ligne {line}</translation>
    </message>
    <message>
      <source>8x8 does not report which line a call is on. ccdesk follows its rule (a new call takes the lowest free line; hanging up, ending or freeing releases it) and corrects it from 8x8's answers. 'Free line' always acts on the platform's line.</source>
      <translation>8x8 n'indique pas sur quelle ligne se trouve un appel. ccdesk suit sa règle (un nouvel appel prend la première ligne libre ; raccrocher, terminer ou libérer la relâche) et la corrige d'après les réponses de 8x8. « Libérer la ligne » agit toujours sur la ligne de la plateforme.</translation>
    </message>
    <message>
      <source>Line {line} state</source>
      <translation>État de la ligne {line}</translation>
    </message>
    <message>
      <source>Line {line} elapsed time</source>
      <translation>Durée sur la ligne {line}</translation>
    </message>
    <message>
      <source>Line {line} number</source>
      <translation>Numéro sur la ligne {line}</translation>
    </message>
    <message>
      <source>Line {line} interaction id</source>
      <translation>Identifiant d'interaction de la ligne {line}</translation>
    </message>
    <message>
      <source>Copy the interaction id</source>
      <translation>Copier l'identifiant d'interaction</translation>
    </message>
    <message>
      <source>Copy line {line} interaction id</source>
      <translation>Copier l'identifiant d'interaction de la ligne {line}</translation>
    </message>
    <message>
      <source>Puts the call's interaction id on the clipboard</source>
      <translation>Copie l'identifiant d'interaction de l'appel dans le presse-papiers</translation>
    </message>
    <message>
      <source>Line {line} transaction codes</source>
      <translation>Codes de transaction de la ligne {line}</translation>
    </message>
    <message>
      <source>Line {line} last error</source>
      <translation>Dernière erreur de la ligne {line}</translation>
    </message>
    <message>
      <source>Line {line}: what 8x8 said</source>
      <translation>Ligne {line} : réponse de 8x8</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>Line {line}: show what 8x8 said</source>
      <translation>Ligne {line} : afficher la réponse de 8x8</translation>
    </message>
    <message>
      <source>Shows or hides 8x8's own words about the error</source>
      <translation>Affiche ou masque les termes exacts de 8x8 sur l'erreur</translation>
    </message>
    <message>
      <source>Hang up</source>
      <translation>Raccrocher</translation>
    </message>
    <message>
      <source>Hang up the agent's leg</source>
      <translation>Raccrocher la branche de l'agent</translation>
    </message>
    <message>
      <source>Hang up line {line}</source>
      <translation>Raccrocher la ligne {line}</translation>
    </message>
    <message>
      <source>Hangs up the agent's leg of the call on line {line}; the call goes to wrap-up</source>
      <translation>Raccroche la branche de l'agent sur l'appel de la ligne {line} ; l'appel passe en post-appel</translation>
    </message>
    <message>
      <source>End call</source>
      <translation>Terminer l'appel</translation>
    </message>
    <message>
      <source>End the call for everyone</source>
      <translation>Terminer l'appel pour tous</translation>
    </message>
    <message>
      <source>End call on line {line}</source>
      <translation>Terminer l'appel de la ligne {line}</translation>
    </message>
    <message>
      <source>Ends the call on line {line} for everyone</source>
      <translation>Termine l'appel de la ligne {line} pour tous</translation>
    </message>
    <message>
      <source>Also end wrap-up</source>
      <translation>Terminer aussi le post-appel</translation>
    </message>
    <message>
      <source>Line {line}: also end wrap-up when ending the call</source>
      <translation>Ligne {line} : terminer aussi le post-appel en terminant l'appel</translation>
    </message>
    <message>
      <source>End the wrap-up at once (8x8 calls it post-processing), even if a required code is missing</source>
      <translation>Terminer le post-appel tout de suite (8x8 l'appelle post-processing), même s'il manque un code obligatoire</translation>
    </message>
    <message>
      <source>Codes…</source>
      <translation>Codes…</translation>
    </message>
    <message>
      <source>Set transaction codes</source>
      <translation>Saisir les codes de transaction</translation>
    </message>
    <message>
      <source>Transaction codes for line {line}</source>
      <translation>Codes de transaction de la ligne {line}</translation>
    </message>
    <message>
      <source>Opens the transaction codes of the call on line {line}</source>
      <translation>Ouvre les codes de transaction de l'appel de la ligne {line}</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Vérifier</translation>
    </message>
    <message>
      <source>Ask 8x8 what the agent is doing now, and what that means here</source>
      <translation>Demander à 8x8 ce que fait l'agent en ce moment, et ce que cela signifie ici</translation>
    </message>
    <message>
      <source>Check line {line} with 8x8</source>
      <translation>Vérifier la ligne {line} auprès de 8x8</translation>
    </message>
    <message>
      <source>Asks 8x8 what the agent is doing now, to tell whether the call on line {line} is live</source>
      <translation>Demande à 8x8 ce que fait l'agent en ce moment, pour savoir si l'appel de la ligne {line} est en cours</translation>
    </message>
    <message>
      <source>You checked: this call was never placed. ccdesk stops showing it; nothing is sent to 8x8</source>
      <translation>Vous avez vérifié : cet appel n'a jamais été passé. ccdesk cesse de l'afficher ; rien n'est envoyé à 8x8</translation>
    </message>
    <message>
      <source>Dismiss the call on line {line}</source>
      <translation>Écarter l'appel de la ligne {line}</translation>
    </message>
    <message>
      <source>For a call you checked was never placed: ccdesk stops showing it; nothing is sent to 8x8</source>
      <translation>Pour un appel dont vous avez vérifié qu'il n'a jamais été passé : ccdesk cesse de l'afficher ; rien n'est envoyé à 8x8</translation>
    </message>
    <message>
      <source>Free line {line}</source>
      <translation>Libérer la ligne {line}</translation>
    </message>
    <message>
      <source>Free line {line} on the platform, whatever ccdesk believes is there</source>
      <translation>Libérer la ligne {line} sur la plateforme, quoi que ccdesk croie qu'elle porte</translation>
    </message>
    <message>
      <source>Frees line {line} on the platform, whatever ccdesk believes is there</source>
      <translation>Libère la ligne {line} sur la plateforme, quoi que ccdesk croie qu'elle porte</translation>
    </message>
    <message>
      <source>The call on line {line} and the actions on it</source>
      <translation>L'appel de la ligne {line} et ses actions</translation>
    </message>
    <message>
      <source>No call</source>
      <translation>Aucun appel</translation>
    </message>
    <message>
      <source>Codes: {codes}</source>
      <translation>Codes : {codes}</translation>
    </message>
    <message>
      <source>8x8 said: {details}</source>
      <translation>Réponse de 8x8 : {details}</translation>
    </message>
    <message>
      <source>Line {line}: {state}</source>
      <translation>Ligne {line} : {state}</translation>
    </message>
    <message>
      <source>Line {line}: dialling {who}</source>
      <translation>Ligne {line} : composition du {who}</translation>
    </message>
    <message>
      <source>Line {line}: on a call with {who}</source>
      <translation>Ligne {line} : en communication avec {who}</translation>
    </message>
    <message>
      <source>Line {line}: the call to {who} failed</source>
      <translation>Ligne {line} : échec de l'appel vers {who}</translation>
    </message>
    <message>
      <source>Line {line}: the call to {who} may be live</source>
      <translation>Ligne {line} : l'appel vers {who} est peut-être en cours</translation>
    </message>
    <message>
      <source>Line {line}: {who} in wrap-up</source>
      <translation>Ligne {line} : {who} en post-appel</translation>
    </message>
    <message>
      <source>Line {line}: the call to {who} failed: {reason}</source>
      <translation>Ligne {line} : échec de l'appel vers {who} : {reason}</translation>
    </message>
    <message>
      <source>Line {line} is free: the call with {who} was hung up and is in wrap-up</source>
      <translation>Ligne {line} libre : l'appel avec {who} a été raccroché et il est en post-appel</translation>
    </message>
    <message>
      <source>Line {line} is free: the call with {who} and its wrap-up were ended</source>
      <translation>Ligne {line} libre : l'appel avec {who} et son post-appel sont terminés</translation>
    </message>
    <message>
      <source>Line {line} is free: the call with {who} was ended; its wrap-up is open</source>
      <translation>Ligne {line} libre : l'appel avec {who} est terminé ; son post-appel est ouvert</translation>
    </message>
    <message>
      <source>Line {line} freed: the call with {who} is in wrap-up</source>
      <translation>Ligne {line} libérée : l'appel avec {who} est en post-appel</translation>
    </message>
    <message>
      <source>Line {line} is free: the call with {who} left it</source>
      <translation>Ligne {line} libre : l'appel avec {who} l'a quittée</translation>
    </message>
    <message>
      <source>Line {line} freed</source>
      <translation>Ligne {line} libérée</translation>
    </message>
    <message>
      <source>Line {line} is free</source>
      <translation>Ligne {line} libre</translation>
    </message>
  </context>
  <context>
    <name>Lines</name>
    <message>
      <source>Check asks 8x8 about the agent; Free the line to end whatever is on it; Dismiss if no call was placed.</source>
      <translation>Vérifier interroge 8x8 sur l'agent ; Libérer la ligne met fin à ce qui s'y trouve ; Écarter si aucun appel n'a été passé.</translation>
    </message>
    <message>
      <source>Idle</source>
      <translation>Libre</translation>
    </message>
    <message>
      <source>Dialling…</source>
      <translation>Composition…</translation>
    </message>
    <message>
      <source>On a call</source>
      <translation>En communication</translation>
    </message>
    <message>
      <source>Wrap-up</source>
      <translation>Post-appel</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>Unknown: may be live</source>
      <translation>Inconnu : peut-être en cours</translation>
    </message>
    <message>
      <source>No answer came to the call request: the call may be live.</source>
      <translation>Aucune réponse n'est venue à la demande d'appel : l'appel est peut-être en cours.</translation>
    </message>
    <message>
      <source>{error}: the call may be live.</source>
      <translation>{error} : l'appel est peut-être en cours.</translation>
    </message>
  </context>
  <context>
    <name>Links</name>
    <message>
      <source>The link is empty.</source>
      <translation>Le lien est vide.</translation>
    </message>
    <message>
      <source>The link is too long to be a phone link.</source>
      <translation>Le lien est trop long pour être un lien téléphonique.</translation>
    </message>
    <message>
      <source>The link contains control characters; it was ignored.</source>
      <translation>Le lien contient des caractères de contrôle ; il a été ignoré.</translation>
    </message>
    <message>
      <source>ccdesk does not handle {scheme}: links; use tel:, callto: or ccdesk:.</source>
      <translation>ccdesk ne prend pas en charge les liens {scheme}:. Utilisez tel:, callto: ou ccdesk:.</translation>
    </message>
    <message>
      <source>{text!r} does not hold a phone number; nothing was dialled.</source>
      <translation>{text!r} ne contient pas de numéro de téléphone ; rien n'a été composé.</translation>
    </message>
    <message>
      <source>Unknown ccdesk link action {action!r}; the only one is ccdesk:dial?number=...</source>
      <translation>Action de lien ccdesk inconnue {action!r} ; la seule action est ccdesk:dial?number=...</translation>
    </message>
    <message>
      <source>A ccdesk link cannot have a #fragment.</source>
      <translation>Un lien ccdesk ne peut pas avoir de #fragment.</translation>
    </message>
    <message>
      <source>A ccdesk link carries at most {limit} data items of each kind.</source>
      <translation>Un lien ccdesk porte au plus {limit} données de chaque type.</translation>
    </message>
    <message>
      <source>Unknown field {field!r} in the ccdesk link.</source>
      <translation>Champ inconnu {field!r} dans le lien ccdesk.</translation>
    </message>
    <message>
      <source>The field {field!r} appears twice in the ccdesk link.</source>
      <translation>Le champ {field!r} figure deux fois dans le lien ccdesk.</translation>
    </message>
    <message>
      <source>The ccdesk link has no number.</source>
      <translation>Le lien ccdesk ne contient pas de numéro.</translation>
    </message>
    <message>
      <source>In the link: {problem}</source>
      <translation>Dans le lien : {problem}</translation>
    </message>
    <message>
      <source>The prefix {prefix!r} in the link must be digits.</source>
      <translation>Le préfixe {prefix!r} du lien doit être composé de chiffres.</translation>
    </message>
    <message>
      <source>The ccdesk link has too many fields.</source>
      <translation>Le lien ccdesk contient trop de champs.</translation>
    </message>
    <message>
      <source>The ccdesk link is malformed (field {field} is not NAME=VALUE).</source>
      <translation>Le lien ccdesk est mal formé (le champ {field} n'est pas de la forme NOM=VALEUR).</translation>
    </message>
    <message>
      <source>Attached data in the link: {problem}</source>
      <translation>Données jointes du lien : {problem}</translation>
    </message>
    <message>
      <source>force must be 1 or 0 in the link, got {value!r}.</source>
      <translation>force doit valoir 1 ou 0 dans le lien, reçu {value!r}.</translation>
    </message>
  </context>
  <context>
    <name>LiveLines</name>
    <message>
      <source>{number} · inbound</source>
      <translation>{number} · entrant</translation>
    </message>
    <message>
      <source>{number} · placed elsewhere</source>
      <translation>{number} · passé ailleurs</translation>
    </message>
    <message>
      <source>Another call (inbound)</source>
      <translation>Autre appel (entrant)</translation>
    </message>
    <message>
      <source>Another call (placed elsewhere)</source>
      <translation>Autre appel (passé ailleurs)</translation>
    </message>
  </context>
  <context>
    <name>LiveStream</name>
    <message>
      <source>the event stream stopped on an unexpected error</source>
      <translation>le flux d'événements s'est arrêté sur une erreur inattendue</translation>
    </message>
  </context>
  <context>
    <name>LocalFileError</name>
    <message>
      <source>Move it aside (ccdesk keeps it as a backup) and ccdesk starts a new one.</source>
      <translation>Mettez-le de côté (ccdesk le garde en copie de sauvegarde) et ccdesk en commencera un nouveau.</translation>
    </message>
    <message>
      <source>Check the file and its folder, then try again.</source>
      <translation>Vérifiez le fichier et son dossier, puis réessayez.</translation>
    </message>
    <message>
      <source>The file {path} {problem}</source>
      <translation>Le fichier {path} {problem}</translation>
    </message>
    <message>
      <source>The call journal file {path} {problem}</source>
      <translation>Le journal des appels {path} {problem}</translation>
    </message>
    <message>
      <source>The settings file {path} {problem}</source>
      <translation>Le fichier des paramètres {path} {problem}</translation>
    </message>
    <message>
      <source>The transaction-code catalog file {path} {problem}</source>
      <translation>Le catalogue des codes de transaction {path} {problem}</translation>
    </message>
    <message>
      <source>The instance key file {path} {problem}</source>
      <translation>Le fichier de clé d'instance {path} {problem}</translation>
    </message>
    <message>
      <source>The hand-off endpoint file {path} {problem}</source>
      <translation>Le point de transfert des liens {path} {problem}</translation>
    </message>
    <message>
      <source>The log file {path} {problem}</source>
      <translation>Le fichier du journal de ccdesk {path} {problem}</translation>
    </message>
    <message>
      <source>The diagnostics file {path} {problem}</source>
      <translation>Le fichier de diagnostic {path} {problem}</translation>
    </message>
    <message>
      <source>The ccdesk folder {path} {problem}</source>
      <translation>Le dossier ccdesk {path} {problem}</translation>
    </message>
    <message>
      <source>The {kind} {path} {problem}</source>
      <translation>Le dossier « {kind} » {path} {problem}</translation>
    </message>
    <message>
      <source>The {kind} file {path} {problem}</source>
      <translation>Le fichier « {kind} » {path} {problem}</translation>
    </message>
  </context>
  <context>
    <name>LocalFiles</name>
    <message>
      <source>is locked by another program</source>
      <translation>est verrouillé par un autre programme</translation>
    </message>
    <message>
      <source>cannot be written: the disk is full</source>
      <translation>ne peut pas être écrit : le disque est plein</translation>
    </message>
    <message>
      <source>cannot be written: it or its folder is read-only</source>
      <translation>ne peut pas être écrit : lui ou son dossier est en lecture seule</translation>
    </message>
    <message>
      <source>is damaged (not a readable SQLite database)</source>
      <translation>est endommagé (ce n'est pas une base de données SQLite lisible)</translation>
    </message>
    <message>
      <source>cannot be opened (is it a folder, or is its folder missing or read-only?)</source>
      <translation>ne peut pas être ouvert (est-ce un dossier, ou son dossier est-il absent ou en lecture seule ?)</translation>
    </message>
    <message>
      <source>cannot be used ({reason})</source>
      <translation>ne peut pas être utilisé ({reason})</translation>
    </message>
    <message>
      <source>cannot be written: the disk is read-only</source>
      <translation>ne peut pas être écrit : le disque est en lecture seule</translation>
    </message>
    <message>
      <source>cannot be used: permission denied (read-only file or folder?)</source>
      <translation>ne peut pas être utilisé : autorisation refusée (fichier ou dossier en lecture seule ?)</translation>
    </message>
    <message>
      <source>is missing</source>
      <translation>est introuvable</translation>
    </message>
    <message>
      <source>is a folder, not a file</source>
      <translation>est un dossier, pas un fichier</translation>
    </message>
    <message>
      <source>cannot be reached: part of its path is a file, not a folder</source>
      <translation>est inaccessible : une partie de son chemin est un fichier, pas un dossier</translation>
    </message>
    <message>
      <source>is not readable text (not UTF-8)</source>
      <translation>n'est pas du texte lisible (pas en UTF-8)</translation>
    </message>
    <message>
      <source>may be readable by other users of this computer and could not be made private ({mode}): {reason}</source>
      <translation>est peut-être lisible par d'autres utilisateurs de cet ordinateur et n'a pas pu être rendu privé ({mode}) : {reason}</translation>
    </message>
    <message>
      <source>ccdesk goes on. Check who owns it and its rights (only you should read it), then restart ccdesk.</source>
      <translation>ccdesk continue. Vérifiez à qui il appartient et ses droits (vous seul devez pouvoir le lire), puis redémarrez ccdesk.</translation>
    </message>
    <message>
      <source>could not be moved aside: {problem}</source>
      <translation>n'a pas pu être mis de côté : {problem}</translation>
    </message>
    <message>
      <source>Move or rename {path} yourself, then start ccdesk again.</source>
      <translation>Déplacez ou renommez {path} vous-même, puis relancez ccdesk.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Dial on one side, the agent's two lines on the other, recent calls below; F1 lists the keys</source>
      <translation>La composition d'un côté, les deux lignes de l'agent de l'autre, les appels récents en dessous ; F1 liste les raccourcis</translation>
    </message>
    <message>
      <source>Free all lines</source>
      <translation>Libérer toutes les lignes</translation>
    </message>
    <message>
      <source>Asks first, naming the calls, then ends the agent's involvement in every call on both lines</source>
      <translation>Demande d'abord en nommant les appels, puis met fin à la participation de l'agent à tous les appels des deux lignes</translation>
    </message>
    <message>
      <source>End the agent's involvement in every call on both lines (Ctrl+Alt+0)</source>
      <translation>Mettre fin à la participation de l'agent à tous les appels des deux lignes (Ctrl+Alt+0)</translation>
    </message>
    <message>
      <source>8x8 puts a new call on the agent's first free line; ccdesk follows it and 8x8's answers.</source>
      <translation>8x8 place un nouvel appel sur la première ligne libre de l'agent ; ccdesk suit cette règle et les réponses de 8x8.</translation>
    </message>
    <message>
      <source>Number and interaction id copied.</source>
      <translation>Numéro et identifiant d'interaction copiés.</translation>
    </message>
    <message>
      <source>Agent</source>
      <translation>Agent</translation>
    </message>
    <message>
      <source>Profile and platform</source>
      <translation>Profil et plateforme</translation>
    </message>
    <message>
      <source>Connection state</source>
      <translation>État de la connexion</translation>
    </message>
    <message>
      <source>Event stream state</source>
      <translation>État du flux d'événements</translation>
    </message>
    <message>
      <source>DEMO · simulated 8x8</source>
      <translation>DÉMO · 8x8 simulé</translation>
    </message>
    <message>
      <source>ccdesk is talking to its built-in simulator, not to 8x8</source>
      <translation>ccdesk communique avec son simulateur intégré, pas avec 8x8</translation>
    </message>
    <message>
      <source>Agent status note</source>
      <translation>Remarque sur le statut de l'agent</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>&amp;Statut</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <source>Su&amp;pervisor console…</source>
      <translation>&amp;Console superviseur…</translation>
    </message>
    <message>
      <source>Make ccdesk the app for p&amp;hone links…</source>
      <translation>Faire de ccdesk l'app des liens &amp;téléphoniques…</translation>
    </message>
    <message>
      <source>&amp;Close to tray</source>
      <translation>&amp;Fermer dans la zone de notification</translation>
    </message>
    <message>
      <source>Start &amp;minimised to the tray</source>
      <translation>Démarrer &amp;réduit dans la zone de notification</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>&amp;Call</source>
      <translation>&amp;Appel</translation>
    </message>
    <message>
      <source>&amp;Dial</source>
      <translation>&amp;Appeler</translation>
    </message>
    <message>
      <source>Focus the &amp;number field</source>
      <translation>Aller au champ &amp;numéro</translation>
    </message>
    <message>
      <source>&amp;Redial selected recent call</source>
      <translation>&amp;Rappeler l'appel récent sélectionné</translation>
    </message>
    <message>
      <source>Free &amp;all lines…</source>
      <translation>Libérer &amp;toutes les lignes…</translation>
    </message>
    <message>
      <source>Keep 'Force call' ticked after a call</source>
      <translation>Garder « Forcer l'appel » coché après un appel</translation>
    </message>
    <message>
      <source>Keep 'Also end wrap-up' ticked after a call</source>
      <translation>Garder « Terminer aussi le post-appel » coché après un appel</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>Affic&amp;hage</translation>
    </message>
    <message>
      <source>&amp;Compact layout (beside a CRM)</source>
      <translation>Disposition &amp;compacte (à côté d'un CRM)</translation>
    </message>
    <message>
      <source>&amp;Demo</source>
      <translation>&amp;Démo</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Aid&amp;e</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
      <source>Save &amp;diagnostics…</source>
      <translation>Enregistrer les &amp;diagnostics…</translation>
    </message>
    <message>
      <source>&amp;About ccdesk</source>
      <translation>À &amp;propos de ccdesk</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>Connexion…</translation>
    </message>
    <message>
      <source>Not sent to the previous profile: {actions} (queued when you switched).</source>
      <translation>Non envoyé au profil précédent : {actions} (en attente lors du changement de profil).</translation>
    </message>
    <message>
      <source>no agent set</source>
      <translation>aucun agent défini</translation>
    </message>
    <message>
      <source>Profile {profile} · tenant {tenant} · {where}</source>
      <translation>Profil {profile} · locataire (tenant) {tenant} · {where}</translation>
    </message>
    <message>
      <source>Settings from the command line · tenant {tenant} · {where}</source>
      <translation>Paramètres de la ligne de commande · locataire (tenant) {tenant} · {where}</translation>
    </message>
    <message>
      <source>ccdesk — {who} @ {tenant} (demo)</source>
      <translation>ccdesk — {who} @ {tenant} (démo)</translation>
    </message>
    <message>
      <source>ccdesk — {who} @ {tenant}</source>
      <translation>ccdesk — {who} @ {tenant}</translation>
    </message>
    <message>
      <source>{warnings}

{preview}.

Dial anyway?</source>
      <translation>{warnings}

{preview}.

Appeler quand même ?</translation>
    </message>
    <message>
      <source>Dial anyway?</source>
      <translation>Appeler quand même ?</translation>
    </message>
    <message>
      <source>No answer came to the last call to {number} (line {line}): it may be live.

Dial it again anyway? Check on that line asks 8x8 first.</source>
      <translation>Le dernier appel vers {number} (ligne {line}) n'a reçu aucune réponse : il est peut-être en cours.

Composer de nouveau quand même ? Vérifier, sur cette ligne, interroge d'abord 8x8.</translation>
    </message>
    <message>
      <source>Dial the same number again?</source>
      <translation>Composer de nouveau le même numéro ?</translation>
    </message>
    <message>
      <source>Required transaction codes are missing for {call}: {codes}.

End wrap-up anyway? The call will be recorded without them.</source>
      <translation>Des codes de transaction obligatoires manquent pour {call} : {codes}.

Terminer le post-appel quand même ? L'appel sera enregistré sans eux.</translation>
    </message>
    <message>
      <source>End wrap-up without required codes?</source>
      <translation>Terminer le post-appel sans les codes obligatoires ?</translation>
    </message>
    <message>
      <source>Transaction codes — {call} (wrap-up)</source>
      <translation>Codes de transaction — {call} (post-appel)</translation>
    </message>
    <message>
      <source>Transaction codes — {call} (Line {line})</source>
      <translation>Codes de transaction — {call} (ligne {line})</translation>
    </message>
    <message>
      <source>Free line {line}? This cuts the agent's leg of {call}.

The customer is disconnected from the agent; the call goes to wrap-up.</source>
      <translation>Libérer la ligne {line} ? Cela coupe la participation de l'agent à {call}.

Le client est déconnecté de l'agent ; l'appel passe en post-appel.</translation>
    </message>
    <message>
      <source>Free line {line}?</source>
      <translation>Libérer la ligne {line} ?</translation>
    </message>
    <message>
      <source>• Line {line}: {call}</source>
      <translation>• Ligne {line} : {call}</translation>
    </message>
    <message>
      <source>End agent {agent}'s involvement in every call on both lines?

This cuts:{calls}

Callers on those lines are disconnected from the agent.</source>
      <translation>Mettre fin à la participation de l'agent {agent} à tous les appels des deux lignes ?

Cela coupe :{calls}

Les correspondants sur ces lignes sont déconnectés de l'agent.</translation>
    </message>
    <message>
      <source>End agent {agent}'s involvement in every call on both lines?

No call is shown on the lines; 8x8 may still hold one.

Callers on those lines are disconnected from the agent.</source>
      <translation>Mettre fin à la participation de l'agent {agent} à tous les appels des deux lignes ?

Aucun appel n'est affiché sur les lignes ; 8x8 en a peut-être encore un.

Les correspondants sur ces lignes sont déconnectés de l'agent.</translation>
    </message>
    <message>
      <source>Free all lines?</source>
      <translation>Libérer toutes les lignes ?</translation>
    </message>
    <message>
      <source>Freeing…</source>
      <translation>Libération…</translation>
    </message>
    <message>
      <source>Not available</source>
      <translation>Non disponible</translation>
    </message>
    <message>
      <source>The Agent Status API is not enabled for this tenant, so ccdesk cannot show or change the agent's status. Calls still work. 8x8 support can enable it.</source>
      <translation>L'API Agent Status n'est pas activée pour ce locataire (tenant) : ccdesk ne peut ni afficher ni changer le statut de l'agent. Les appels fonctionnent quand même. Le support 8x8 peut l'activer.</translation>
    </message>
    <message>
      <source>Status unknown</source>
      <translation>Statut inconnu</translation>
    </message>
    <message>
      <source>The status could not be read: {error}</source>
      <translation>Le statut n'a pas pu être lu : {error}</translation>
    </message>
    <message>
      <source>Agent status: {status}</source>
      <translation>Statut de l'agent : {status}</translation>
    </message>
    <message>
      <source>Log out of 8x8?</source>
      <translation>Se déconnecter de 8x8 ?</translation>
    </message>
    <message>
      <source>Log the agent out? 8x8 stops offering calls until the agent logs in again (Available).</source>
      <translation>Déconnecter l'agent ? 8x8 cesse de lui proposer des appels jusqu'à sa prochaine connexion (Disponible).</translation>
    </message>
    <message>
      <source>Presets saved. The settings file held values ccdesk could not read: the old file is kept as {backup}.</source>
      <translation>Préréglages enregistrés. Le fichier de paramètres contenait des valeurs que ccdesk n'a pas pu lire : l'ancien fichier est conservé sous {backup}.</translation>
    </message>
    <message>
      <source>Presets not saved: {error} {explanation}</source>
      <translation>Préréglages non enregistrés : {error} {explanation}</translation>
    </message>
    <message>
      <source>No OS keyring</source>
      <translation>Aucun trousseau du système</translation>
    </message>
    <message>
      <source>The token is kept for this session only: ccdesk asks for it again at the next start (or set CCDESK_TOKEN).</source>
      <translation>Le jeton est conservé pour cette session seulement : ccdesk le redemandera au prochain démarrage (ou définissez CCDESK_TOKEN).</translation>
    </message>
    <message>
      <source>The settings file {path} held values ccdesk could not read; they are kept in {backup}</source>
      <translation>Le fichier de paramètres {path} contenait des valeurs que ccdesk n'a pas pu lire ; elles sont conservées dans {backup}</translation>
    </message>
    <message>
      <source>Your new settings are saved. Copy anything you still need from the kept file.</source>
      <translation>Vos nouveaux paramètres sont enregistrés. Copiez depuis le fichier conservé ce dont vous avez encore besoin.</translation>
    </message>
    <message>
      <source>Profile {profile} saved. Start ccdesk without --demo to use it.</source>
      <translation>Profil {profile} enregistré. Démarrez ccdesk sans --demo pour l'utiliser.</translation>
    </message>
    <message>
      <source>Cannot use this profile</source>
      <translation>Impossible d'utiliser ce profil</translation>
    </message>
    <message>
      <source>The profile just saved could not be used; the window keeps the previous one</source>
      <translation>Le profil qui vient d'être enregistré n'a pas pu être utilisé ; la fenêtre garde le précédent</translation>
    </message>
    <message>
      <source>Dial: Enter in the number field, or Ctrl+Return</source>
      <translation>Appeler : Entrée dans le champ du numéro, ou Ctrl+Return</translation>
    </message>
    <message>
      <source>Focus the number field: Ctrl+L</source>
      <translation>Aller au champ du numéro : Ctrl+L</translation>
    </message>
    <message>
      <source>Dial the selected recent call again: Enter or double-click in the list, or Ctrl+R</source>
      <translation>Rappeler l'appel récent sélectionné : Entrée ou double-clic dans la liste, ou Ctrl+R</translation>
    </message>
    <message>
      <source>Free all lines: Ctrl+Alt+0</source>
      <translation>Libérer toutes les lignes : Ctrl+Alt+0</translation>
    </message>
    <message>
      <source>Compact layout on or off: Ctrl+Shift+M</source>
      <translation>Activer ou désactiver la disposition compacte : Ctrl+Shift+M</translation>
    </message>
    <message>
      <source>Supervisor console: Ctrl+Shift+O</source>
      <translation>Console superviseur : Ctrl+Shift+O</translation>
    </message>
    <message>
      <source>Settings: Ctrl+,</source>
      <translation>Paramètres : Ctrl+,</translation>
    </message>
    <message>
      <source>Agent status: Alt+S, then Space opens its menu (typing never changes it)</source>
      <translation>Statut de l'agent : Alt+S, puis Espace ouvre son menu (la saisie ne le change jamais)</translation>
    </message>
    <message>
      <source>These keys work wherever the cursor is in this window.</source>
      <translation>Ces raccourcis fonctionnent où que soit le curseur dans cette fenêtre.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Raccourcis clavier</translation>
    </message>
    <message>
      <source>The keys of this window and what each does</source>
      <translation>Les raccourcis de cette fenêtre et leur effet</translation>
    </message>
    <message>
      <source>none (demo or CCDESK_TOKEN)</source>
      <translation>aucun (démo ou CCDESK_TOKEN)</translation>
    </message>
    <message>
      <source>About ccdesk</source>
      <translation>À propos de ccdesk</translation>
    </message>
    <message>
      <source>&lt;h3&gt;ccdesk {version}&lt;/h3&gt;&lt;p&gt;A desktop controller for the 8x8 Contact Center.&lt;/p&gt;&lt;p&gt;{versions}&lt;br&gt;Keyring: {keyring}&lt;br&gt;Data: {folder}&lt;/p&gt;</source>
      <translation>&lt;h3&gt;ccdesk {version}&lt;/h3&gt;&lt;p&gt;Un poste de contrôle de bureau pour 8x8 Contact Center.&lt;/p&gt;&lt;p&gt;{versions}&lt;br&gt;Trousseau : {keyring}&lt;br&gt;Données : {folder}&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Link refused</source>
      <translation>Lien refusé</translation>
    </message>
    <message>
      <source>Nothing was dialled.</source>
      <translation>Rien n'a été composé.</translation>
    </message>
    <message>
      <source>The number field holds {typed}, typed but not dialled.

Replace it with {number} from the link?</source>
      <translation>Le champ du numéro contient {typed}, saisi mais pas composé.

Le remplacer par {number}, venu du lien ?</translation>
    </message>
    <message>
      <source>Replace the number being typed?</source>
      <translation>Remplacer le numéro en cours de saisie ?</translation>
    </message>
    <message>
      <source>Link not used: the number being typed was kept.</source>
      <translation>Lien non utilisé : le numéro en cours de saisie a été conservé.</translation>
    </message>
    <message>
      <source>Number from a link: check the preview, then press Enter to dial.</source>
      <translation>Numéro venu d'un lien : vérifiez l'aperçu, puis appuyez sur Entrée pour appeler.</translation>
    </message>
    <message>
      <source>The window state file {path} cannot be read, so the window's size and tray choices are back to their defaults</source>
      <translation>Le fichier d'état de la fenêtre {path} est illisible : la taille de la fenêtre et les choix de zone de notification reviennent à leurs valeurs par défaut</translation>
    </message>
    <message>
      <source>Move it aside (ccdesk keeps it as a backup) and ccdesk starts a new one.</source>
      <translation>Mettez-le de côté (ccdesk le conserve comme copie de sauvegarde) et ccdesk en crée un nouveau.</translation>
    </message>
    <message>
      <source>ccdesk is still running</source>
      <translation>ccdesk fonctionne toujours</translation>
    </message>
    <message>
      <source>It keeps running in the tray; Quit from its menu.</source>
      <translation>Il continue dans la zone de notification ; quittez-le depuis son menu.</translation>
    </message>
    <message>
      <source>A call ccdesk did not place is on this agent</source>
      <translation>Un appel que ccdesk n'a pas passé occupe cet agent</translation>
    </message>
    <message>
      <source>8x8 reports the agent busy or in wrap-up, but no call ccdesk knows of is on the lines or in wrap-up: it was placed or taken elsewhere (Agent Workspace, another ccdesk). Free line 1 or 2 acts on it if needed.</source>
      <translation>8x8 indique l'agent occupé ou en post-appel, mais aucun appel connu de ccdesk n'est sur les lignes ni en post-appel : il a été passé ou pris ailleurs (Agent Workspace, un autre ccdesk). Libérer la ligne 1 ou 2 agit sur lui au besoin.</translation>
    </message>
    <message>
      <source>Free all lines…</source>
      <translation>Libérer toutes les lignes…</translation>
    </message>
    <message>
      <source>Line {line}: Hang up</source>
      <translation>Ligne {line} : Raccrocher</translation>
    </message>
    <message>
      <source>Line {line}: End call</source>
      <translation>Ligne {line} : Terminer l'appel</translation>
    </message>
    <message>
      <source>Line {line}: Transaction codes…</source>
      <translation>Ligne {line} : Codes de transaction…</translation>
    </message>
    <message>
      <source>Line {line}: Free line</source>
      <translation>Ligne {line} : Libérer la ligne</translation>
    </message>
    <message>
      <source>Hang up: {line1} (line 1), {line2} (line 2)</source>
      <translation>Raccrocher : {line1} (ligne 1), {line2} (ligne 2)</translation>
    </message>
    <message>
      <source>End call: {line1} (line 1), {line2} (line 2)</source>
      <translation>Terminer l'appel : {line1} (ligne 1), {line2} (ligne 2)</translation>
    </message>
    <message>
      <source>Transaction codes: {line1} (line 1), {line2} (line 2)</source>
      <translation>Codes de transaction : {line1} (ligne 1), {line2} (ligne 2)</translation>
    </message>
    <message>
      <source>Free line: {line1} (line 1), {line2} (line 2)</source>
      <translation>Libérer la ligne : {line1} (ligne 1), {line2} (ligne 2)</translation>
    </message>
    <message>
      <source>a call</source>
      <translation>un appel</translation>
    </message>
    <message>
      <source>{call} (interaction {id})</source>
      <translation>{call} (interaction {id})</translation>
    </message>
    <message>
      <source>{call} (no interaction id: 8x8 never answered)</source>
      <translation>{call} (aucun identifiant d'interaction : 8x8 n'a jamais répondu)</translation>
    </message>
  </context>
  <context>
    <name>Models</name>
    <message>
      <source>Choose at least one transaction code.</source>
      <translation>Choisissez au moins un code de transaction.</translation>
    </message>
    <message>
      <source>The same transaction code is listed twice.</source>
      <translation>Le même code de transaction figure deux fois.</translation>
    </message>
    <message>
      <source>At most {most} transaction codes can be set on a call; {given} were given.</source>
      <translation>Un appel peut recevoir au plus {most} codes de transaction ; {given} ont été indiqués.</translation>
    </message>
  </context>
  <context>
    <name>Numbers</name>
    <message>
      <source>sent as prefix (empty), number {number}</source>
      <translation>envoyé avec le préfixe (vide), numéro {number}</translation>
    </message>
    <message>
      <source>sent as prefix {prefix}, number {number}</source>
      <translation>envoyé avec le préfixe {prefix}, numéro {number}</translation>
    </message>
    <message>
      <source>{keyed} → {display}, sent as prefix {prefix}, number {number}</source>
      <translation>{keyed} → {display}, envoyé avec le préfixe {prefix}, numéro {number}</translation>
    </message>
    <message>
      <source>{keyed} → {display}, sent as prefix (empty), number {number}</source>
      <translation>{keyed} → {display}, envoyé avec le préfixe (vide), numéro {number}</translation>
    </message>
    <message>
      <source>{display}, sent as prefix {prefix}, number {number}</source>
      <translation>{display}, envoyé avec le préfixe {prefix}, numéro {number}</translation>
    </message>
    <message>
      <source>{display}, sent as prefix (empty), number {number}</source>
      <translation>{display}, envoyé avec le préfixe (vide), numéro {number}</translation>
    </message>
    <message>
      <source>Enter a number to dial.</source>
      <translation>Saisissez un numéro à composer.</translation>
    </message>
    <message>
      <source>8x8 dials no extension: extension {extension} is not dialled; ask for it when answered.</source>
      <translation>8x8 ne compose pas les postes : le poste {extension} ne sera pas composé ; demandez-le quand on vous répond.</translation>
    </message>
    <message>
      <source>{text!r} is not a phone number: a + belongs only at the start.</source>
      <translation>{text!r} n'est pas un numéro de téléphone : le + ne peut figurer qu'au début.</translation>
    </message>
    <message>
      <source>{text!r} is not a phone number: only digits, + * # and letters can be dialled (letters count as on a phone keypad, as in 1-800-FLOWERS).</source>
      <translation>{text!r} n'est pas un numéro de téléphone : seuls les chiffres, + * # et les lettres peuvent être composés (les lettres valent comme sur un clavier téléphonique, par exemple 1-800-FLOWERS).</translation>
    </message>
    <message>
      <source>{text!r} is not a phone number: type its digits (letters count as on a phone keypad, as in 1-800-FLOWERS).</source>
      <translation>{text!r} n'est pas un numéro de téléphone : saisissez ses chiffres (les lettres valent comme sur un clavier téléphonique, par exemple 1-800-FLOWERS).</translation>
    </message>
    <message>
      <source>{text!r} is too long to be a phone number.</source>
      <translation>{text!r} est trop long pour être un numéro de téléphone.</translation>
    </message>
    <message>
      <source>The prefix must be digits (or empty), got {prefix!r}.</source>
      <translation>Le préfixe doit être composé de chiffres (ou vide), reçu {prefix!r}.</translation>
    </message>
    <message>
      <source>With an explicit prefix, type the number without '+'.</source>
      <translation>Avec un préfixe explicite, saisissez le numéro sans « + ».</translation>
    </message>
    <message>
      <source>{text!r} has * or #: use raw mode (an explicit prefix) for service codes.</source>
      <translation>{text!r} contient * ou # : utilisez le mode brut (un préfixe explicite) pour les codes de service.</translation>
    </message>
    <message>
      <source>Unknown region {region!r}: use a two-letter country code such as US or GB.</source>
      <translation>Région inconnue {region!r} : utilisez un code de pays à deux lettres, comme US ou GB.</translation>
    </message>
    <message>
      <source>{text} looks incomplete: add the area code.</source>
      <translation>{text} semble incomplet : ajoutez l'indicatif régional.</translation>
    </message>
    <message>
      <source>{number} is not a number in use: check the digits.</source>
      <translation>{number} n'est pas un numéro attribué : vérifiez les chiffres.</translation>
    </message>
    <message>
      <source>{number} is not a number in use in region {region}: check the digits.</source>
      <translation>{number} n'est pas un numéro attribué dans la région {region} : vérifiez les chiffres.</translation>
    </message>
    <message>
      <source>{text!r} is too short for a phone number: check the digits, or use raw mode for extensions and short codes.</source>
      <translation>{text!r} est trop court pour un numéro de téléphone : vérifiez les chiffres, ou utilisez le mode brut pour les postes et les numéros courts.</translation>
    </message>
    <message>
      <source>{text!r} is too short for a phone number in region {region}: check the digits, or use raw mode for extensions and short codes.</source>
      <translation>{text!r} est trop court pour un numéro de téléphone dans la région {region} : vérifiez les chiffres, ou utilisez le mode brut pour les postes et les numéros courts.</translation>
    </message>
    <message>
      <source>{text!r} is not a phone number: check the digits, or use raw mode for extensions and short codes.</source>
      <translation>{text!r} n'est pas un numéro de téléphone : vérifiez les chiffres, ou utilisez le mode brut pour les postes et les numéros courts.</translation>
    </message>
    <message>
      <source>{text!r} is not a phone number in region {region}: check the digits, or use raw mode for extensions and short codes.</source>
      <translation>{text!r} n'est pas un numéro de téléphone dans la région {region} : vérifiez les chiffres, ou utilisez le mode brut pour les postes et les numéros courts.</translation>
    </message>
    <message>
      <source>{text!r} starts with no country code in use: check the digits after the +.</source>
      <translation>{text!r} ne commence par aucun indicatif de pays attribué : vérifiez les chiffres après le +.</translation>
    </message>
    <message>
      <source>{text!r} is not a possible phone number in region {region}. If it is {number}, type the + first.</source>
      <translation>{text!r} n'est pas un numéro de téléphone possible dans la région {region}. S'il s'agit du {number}, saisissez d'abord le +.</translation>
    </message>
    <message>
      <source>{text!r} is too short for a phone number: add the area code, or use raw mode for extensions and short codes.</source>
      <translation>{text!r} est trop court pour un numéro de téléphone : ajoutez l'indicatif régional, ou utilisez le mode brut pour les postes et les numéros courts.</translation>
    </message>
    <message>
      <source>{text!r} is too short for a phone number in region {region}: add the area code, or use raw mode for extensions and short codes.</source>
      <translation>{text!r} est trop court pour un numéro de téléphone dans la région {region} : ajoutez l'indicatif régional, ou utilisez le mode brut pour les postes et les numéros courts.</translation>
    </message>
    <message>
      <source>{text!r} is too long for a phone number: check the digits.</source>
      <translation>{text!r} est trop long pour un numéro de téléphone : vérifiez les chiffres.</translation>
    </message>
    <message>
      <source>{text!r} is not a possible phone number: check the digits.</source>
      <translation>{text!r} n'est pas un numéro de téléphone possible : vérifiez les chiffres.</translation>
    </message>
    <message>
      <source>{text!r} is too long for a phone number in region {region}: check the digits, or type the number with + and its country code.</source>
      <translation>{text!r} est trop long pour un numéro de téléphone dans la région {region} : vérifiez les chiffres, ou saisissez le numéro avec le + et son indicatif de pays.</translation>
    </message>
    <message>
      <source>{text!r} is not a possible phone number in region {region}: check the digits, or type the number with + and its country code.</source>
      <translation>{text!r} n'est pas un numéro de téléphone possible dans la région {region} : vérifiez les chiffres, ou saisissez le numéro avec le + et son indicatif de pays.</translation>
    </message>
  </context>
  <context>
    <name>Paths</name>
    <message>
      <source>The tenant is empty.</source>
      <translation>Le nom du locataire (tenant) est vide.</translation>
    </message>
    <message>
      <source>The topic namespace is empty.</source>
      <translation>L'espace de noms du sujet est vide.</translation>
    </message>
    <message>
      <source>The topic name is empty.</source>
      <translation>Le nom du sujet est vide.</translation>
    </message>
    <message>
      <source>The tenant is too long ({length} characters; at most {most}).</source>
      <translation>Le nom du locataire (tenant) est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The topic namespace is too long ({length} characters; at most {most}).</source>
      <translation>L'espace de noms du sujet est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The topic name is too long ({length} characters; at most {most}).</source>
      <translation>Le nom du sujet est trop long ({length} caractères ; {most} au plus).</translation>
    </message>
    <message>
      <source>The tenant cannot be {value}.</source>
      <translation>Le nom du locataire (tenant) ne peut pas être {value}.</translation>
    </message>
    <message>
      <source>The group id cannot be {value}.</source>
      <translation>L'identifiant de groupe ne peut pas être {value}.</translation>
    </message>
    <message>
      <source>The topic namespace cannot be {value}.</source>
      <translation>L'espace de noms du sujet ne peut pas être {value}.</translation>
    </message>
    <message>
      <source>The topic name cannot be {value}.</source>
      <translation>Le nom du sujet ne peut pas être {value}.</translation>
    </message>
    <message>
      <source>The tenant must not contain spaces or line breaks: {value}.</source>
      <translation>Le nom du locataire (tenant) ne doit pas contenir d'espaces ni de sauts de ligne : {value}.</translation>
    </message>
    <message>
      <source>The group id must not contain spaces or line breaks: {value}.</source>
      <translation>L'identifiant de groupe ne doit pas contenir d'espaces ni de sauts de ligne : {value}.</translation>
    </message>
    <message>
      <source>The topic namespace must not contain spaces or line breaks: {value}.</source>
      <translation>L'espace de noms du sujet ne doit pas contenir d'espaces ni de sauts de ligne : {value}.</translation>
    </message>
    <message>
      <source>The topic name must not contain spaces or line breaks: {value}.</source>
      <translation>Le nom du sujet ne doit pas contenir d'espaces ni de sauts de ligne : {value}.</translation>
    </message>
    <message>
      <source>The tenant must not contain control or invisible characters: {value}.</source>
      <translation>Le nom du locataire (tenant) ne doit pas contenir de caractères de contrôle ou invisibles : {value}.</translation>
    </message>
    <message>
      <source>The topic namespace must not contain control or invisible characters: {value}.</source>
      <translation>L'espace de noms du sujet ne doit pas contenir de caractères de contrôle ou invisibles : {value}.</translation>
    </message>
    <message>
      <source>The topic name must not contain control or invisible characters: {value}.</source>
      <translation>Le nom du sujet ne doit pas contenir de caractères de contrôle ou invisibles : {value}.</translation>
    </message>
    <message>
      <source>The tenant must not contain {character}: {value}.</source>
      <translation>Le nom du locataire (tenant) ne doit pas contenir {character} : {value}.</translation>
    </message>
    <message>
      <source>The group id must not contain {character}: {value}.</source>
      <translation>L'identifiant de groupe ne doit pas contenir {character} : {value}.</translation>
    </message>
    <message>
      <source>The topic namespace must not contain {character}: {value}.</source>
      <translation>L'espace de noms du sujet ne doit pas contenir {character} : {value}.</translation>
    </message>
    <message>
      <source>The topic name must not contain {character}: {value}.</source>
      <translation>Le nom du sujet ne doit pas contenir {character} : {value}.</translation>
    </message>
    <message>
      <source>cannot be created: {blocker} is a file, not a folder</source>
      <translation>ne peut pas être créé : {blocker} est un fichier, pas un dossier</translation>
    </message>
    <message>
      <source>Move or rename {blocker}, or choose another folder with --home (or CCDESK_HOME).</source>
      <translation>Déplacez ou renommez {blocker}, ou choisissez un autre dossier avec --home (ou CCDESK_HOME).</translation>
    </message>
    <message>
      <source>cannot be created: the disk is read-only</source>
      <translation>ne peut pas être créé : le disque est en lecture seule</translation>
    </message>
    <message>
      <source>cannot be created: permission denied</source>
      <translation>ne peut pas être créé : accès refusé</translation>
    </message>
    <message>
      <source>cannot be created: the disk is full</source>
      <translation>ne peut pas être créé : le disque est plein</translation>
    </message>
    <message>
      <source>cannot be created ({reason})</source>
      <translation>ne peut pas être créé ({reason})</translation>
    </message>
    <message>
      <source>Fix the permissions of the folder above it or free some space, or choose another folder with --home (or CCDESK_HOME).</source>
      <translation>Corrigez les droits du dossier parent ou libérez de l'espace, ou choisissez un autre dossier avec --home (ou CCDESK_HOME).</translation>
    </message>
  </context>
  <context>
    <name>PhoneLinks</name>
    <message>
      <source>This ccdesk is not an installed app, so macOS cannot choose it.</source>
      <translation>Ce ccdesk n'est pas une application installée, donc macOS ne peut pas le choisir.</translation>
    </message>
    <message>
      <source>macOS asks you to confirm: choose “Use ccdesk”. If it does not ask, open FaceTime &gt; Settings and choose ccdesk under “Default for calls”.</source>
      <translation>macOS vous demande de confirmer : choisissez ccdesk. S'il ne le demande pas, ouvrez FaceTime &gt; Réglages et choisissez ccdesk comme application par défaut pour les appels.</translation>
    </message>
    <message>
      <source>Windows Settings opened at ccdesk's page in Default apps: choose ccdesk for TEL and CALLTO.</source>
      <translation>Les paramètres de Windows sont ouverts à la page de ccdesk dans Applications par défaut : choisissez ccdesk pour TEL et CALLTO.</translation>
    </message>
    <message>
      <source>ccdesk now opens tel: and callto: links.</source>
      <translation>ccdesk ouvre maintenant les liens tel: et callto:.</translation>
    </message>
    <message>
      <source>The system did not accept the change ({problem}). Choose ccdesk in its settings.</source>
      <translation>Le système n'a pas accepté le changement ({problem}). Choisissez ccdesk dans ses paramètres.</translation>
    </message>
  </context>
  <context>
    <name>PlaceCallRequest</name>
    <message>
      <source>Agent id is required.</source>
      <translation>L'identifiant d'agent est obligatoire.</translation>
    </message>
    <message>
      <source>Prefix must be digits only, got {value}.</source>
      <translation>Le préfixe ne doit contenir que des chiffres (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>Number must be digits and * # only, got {value}.</source>
      <translation>Le numéro ne doit contenir que des chiffres, * et # (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>The number is too long to dial (prefix at most {prefix} digits, number at most {number}).</source>
      <translation>Le numéro est trop long pour être composé (préfixe de {prefix} chiffres au plus, numéro de {number} au plus).</translation>
    </message>
  </context>
  <context>
    <name>Platforms</name>
    <message>
      <source>Platform code {code} is not valid: it is two letters and a number, such as na12 or eu9, as seen in the Configuration Manager address.</source>
      <translation>Le code de plateforme {code} n'est pas valide : il s'écrit avec deux lettres et un nombre, comme na12 ou eu9, tel qu'il figure dans l'adresse de Configuration Manager.</translation>
    </message>
    <message>
      <source>Platform code {code} was used as {platform}: the letter after the number names a server, not the API host.</source>
      <translation>Le code de plateforme {code} a été utilisé comme {platform} : la lettre après le nombre désigne un serveur, pas l'hôte de l'API.</translation>
    </message>
    <message>
      <source>Bell Canada tenants may use their own host; set the base URL if this one does not answer.</source>
      <translation>Les locataires Bell Canada peuvent avoir leur propre hôte ; indiquez l'URL de base si celui-ci ne répond pas.</translation>
    </message>
    <message>
      <source>The base URL is empty.</source>
      <translation>L'URL de base est vide.</translation>
    </message>
    <message>
      <source>The base URL {url} contains spaces or control characters.</source>
      <translation>L'URL de base {url} contient des espaces ou des caractères de contrôle.</translation>
    </message>
    <message>
      <source>The base URL {url} must not have a query (?) or fragment (#).</source>
      <translation>L'URL de base {url} ne doit pas comporter de requête (?) ni de fragment (#).</translation>
    </message>
    <message>
      <source>The base URL {url} is not valid: {problem}.</source>
      <translation>L'URL de base {url} n'est pas valide : {problem}.</translation>
    </message>
    <message>
      <source>The base URL {url} must start with https://.</source>
      <translation>L'URL de base {url} doit commencer par https://.</translation>
    </message>
    <message>
      <source>The base URL {url} has no host.</source>
      <translation>L'URL de base {url} n'indique aucun hôte.</translation>
    </message>
    <message>
      <source>The base URL must not contain a user name or password; the token is stored separately.</source>
      <translation>L'URL de base ne doit contenir ni nom d'utilisateur ni mot de passe ; le jeton est conservé à part.</translation>
    </message>
    <message>
      <source>The base URL {url} uses plain http: plain http is only allowed to this computer (loopback); use https.</source>
      <translation>L'URL de base {url} utilise http simple : http simple n'est permis que vers cet ordinateur (boucle locale) ; utilisez https.</translation>
    </message>
  </context>
  <context>
    <name>ProblemBars</name>
    <message>
      <source>Problems with ccdesk's files</source>
      <translation>Problèmes avec les fichiers de ccdesk</translation>
    </message>
  </context>
  <context>
    <name>Profiles</name>
    <message>
      <source>must hold a JSON object {...}, not a list [...]</source>
      <translation>doit contenir un objet JSON {...}, pas une liste [...]</translation>
    </message>
    <message>
      <source>must hold a JSON object {...}, not text</source>
      <translation>doit contenir un objet JSON {...}, pas du texte</translation>
    </message>
    <message>
      <source>must hold a JSON object {...}, not true/false</source>
      <translation>doit contenir un objet JSON {...}, pas true/false</translation>
    </message>
    <message>
      <source>must hold a JSON object {...}, not a number</source>
      <translation>doit contenir un objet JSON {...}, pas un nombre</translation>
    </message>
    <message>
      <source>must hold a JSON object {...}, not null</source>
      <translation>doit contenir un objet JSON {...}, pas null</translation>
    </message>
    <message>
      <source>Profile '{name}' contains a secret ({keys}). Tokens and keys belong in the OS keyring or CCDESK_TOKEN / CCDESK_STREAM_KEY, never in the config file: remove it from the file.</source>
      <translation>Le profil « {name} » contient un secret ({keys}). Les jetons et les clés vont dans le trousseau du système ou dans CCDESK_TOKEN / CCDESK_STREAM_KEY, jamais dans le fichier de configuration : retirez-le du fichier.</translation>
    </message>
    <message>
      <source>'{key}' must be text; ignored</source>
      <translation>« {key} » doit être du texte ; ignoré</translation>
    </message>
    <message>
      <source>'{key}' must be true or false; ignored</source>
      <translation>« {key} » doit valoir true ou false ; ignoré</translation>
    </message>
    <message>
      <source>'{key}' must be "POST" or "PUT"; ignored</source>
      <translation>« {key} » doit valoir "POST" ou "PUT" ; ignoré</translation>
    </message>
    <message>
      <source>unknown setting '{key}'; ignored</source>
      <translation>paramètre inconnu « {key} » ; ignoré</translation>
    </message>
    <message>
      <source>profile '{name}': {problem}</source>
      <translation>profil « {name} » : {problem}</translation>
    </message>
    <message>
      <source>'{key}' must be a list; ignored</source>
      <translation>« {key} » doit être une liste ; ignoré</translation>
    </message>
    <message>
      <source>'{key}' item #{n} is not an id or an object with a "value"; ignored</source>
      <translation>« {key} », élément n°{n} : ni un identifiant ni un objet avec "value" ; ignoré</translation>
    </message>
    <message>
      <source>'{key}' item #{n}: {problem}; ignored</source>
      <translation>« {key} », élément n°{n} : {problem} ; ignoré</translation>
    </message>
    <message>
      <source>'status_codes' must be a list; ignored</source>
      <translation>« status_codes » doit être une liste ; ignoré</translation>
    </message>
    <message>
      <source>it is not an object</source>
      <translation>ce n'est pas un objet</translation>
    </message>
    <message>
      <source>'status_codes' item #{n} is not a status code {{list_id, item_id, short_code, name}} ({problem}); ignored</source>
      <translation>« status_codes », élément n°{n} : pas un code de statut {{list_id, item_id, short_code, name}} ({problem}) ; ignoré</translation>
    </message>
    <message>
      <source>'data_presets' must be an object (preset name -&gt; data); ignored</source>
      <translation>« data_presets » doit être un objet (nom du modèle -&gt; données) ; ignoré</translation>
    </message>
    <message>
      <source>preset '{preset}' must be an object; ignored</source>
      <translation>le modèle « {preset} » doit être un objet ; ignoré</translation>
    </message>
    <message>
      <source>preset '{preset}': '{part}' holds rows that are not [name, value]; ignored</source>
      <translation>modèle « {preset} » : « {part} » contient des lignes qui ne sont pas [nom, valeur] ; ignoré</translation>
    </message>
    <message>
      <source>preset '{preset}': unknown part '{part}'; ignored</source>
      <translation>modèle « {preset} » : partie inconnue « {part} » ; ignoré</translation>
    </message>
    <message>
      <source>none saved yet</source>
      <translation>aucun enregistré pour l'instant</translation>
    </message>
    <message>
      <source>There is no profile named '{name}' (profiles: {known}).</source>
      <translation>Aucun profil ne s'appelle « {name} » (profils : {known}).</translation>
    </message>
    <message>
      <source>could not be saved: {problem}</source>
      <translation>n'a pas pu être enregistré : {problem}</translation>
    </message>
    <message>
      <source>The settings were not changed. Free some disk space or fix the folder's permissions, then save again.</source>
      <translation>Les paramètres n'ont pas changé. Libérez de l'espace disque ou corrigez les droits du dossier, puis enregistrez de nouveau.</translation>
    </message>
    <message>
      <source>is empty</source>
      <translation>est vide</translation>
    </message>
    <message>
      <source>is not valid JSON ({error})</source>
      <translation>n'est pas du JSON valide ({error})</translation>
    </message>
    <message>
      <source>written by a newer ccdesk (version {version}); settings it added are ignored</source>
      <translation>écrit par un ccdesk plus récent (version {version}) ; les paramètres qu'il a ajoutés sont ignorés</translation>
    </message>
    <message>
      <source>'profiles' must be an object (profile name -&gt; settings); ignored</source>
      <translation>« profiles » doit être un objet (nom du profil -&gt; paramètres) ; ignoré</translation>
    </message>
    <message>
      <source>profile '{name}' must be an object; ignored</source>
      <translation>le profil « {name} » doit être un objet ; ignoré</translation>
    </message>
    <message>
      <source>is refused: {reason}</source>
      <translation>est refusé : {reason}</translation>
    </message>
    <message>
      <source>Remove the secret from the file (store the token with ccdesk-cli login or Settings).</source>
      <translation>Retirez le secret du fichier (enregistrez le jeton avec ccdesk-cli login ou dans les paramètres).</translation>
    </message>
    <message>
      <source>'default_profile' must be text; ignored</source>
      <translation>« default_profile » doit être du texte ; ignoré</translation>
    </message>
    <message>
      <source>could not be backed up before saving: {problem}; nothing was saved</source>
      <translation>n'a pas pu être sauvegardé avant l'enregistrement : {problem} ; rien n'a été enregistré</translation>
    </message>
  </context>
  <context>
    <name>Recent</name>
    <message>
      <source>dialling</source>
      <translation>appel en cours de composition</translation>
    </message>
    <message>
      <source>on a call</source>
      <translation>en communication</translation>
    </message>
    <message>
      <source>in wrap-up</source>
      <translation>en post-appel</translation>
    </message>
    <message>
      <source>ended</source>
      <translation>terminé</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échoué</translation>
    </message>
    <message>
      <source>may be live: no answer came</source>
      <translation>peut-être en cours : aucune réponse reçue</translation>
    </message>
    <message>
      <source>line {line}</source>
      <translation>ligne {line}</translation>
    </message>
    <message>
      <source>Failed {count} times in a row, from {first} to {last}</source>
      <translation>Échec {count} fois de suite, de {first} à {last}</translation>
    </message>
    <message>
      <source>Dialled {when}</source>
      <translation>Composé le {when}</translation>
    </message>
    <message>
      <source>Interaction id: {id}</source>
      <translation>Identifiant d'interaction : {id}</translation>
    </message>
    <message>
      <source>Checked by the agent: no call was placed.</source>
      <translation>Vérifié par l'agent : aucun appel n'a été passé.</translation>
    </message>
    <message>
      <source>8x8 placed the next call with no other line taken: this one was not live.</source>
      <translation>8x8 a passé l'appel suivant sans qu'aucune autre ligne soit occupée : celui-ci n'était pas en cours.</translation>
    </message>
  </context>
  <context>
    <name>RecentCalls</name>
    <message>
      <source>No calls yet. Numbers you dial appear here: select one and press Enter to dial it again.</source>
      <translation>Aucun appel pour l'instant. Les numéros que vous composez s'affichent ici : sélectionnez-en un et appuyez sur Entrée pour le rappeler.</translation>
    </message>
    <message>
      <source>Recent calls</source>
      <translation>Appels récents</translation>
    </message>
    <message>
      <source>Redial</source>
      <translation>Rappeler</translation>
    </message>
    <message>
      <source>Dial the selected recent number again</source>
      <translation>Rappeler le numéro récent sélectionné</translation>
    </message>
    <message>
      <source>Dials the selected call's number again, asking what a dial asks (Ctrl+R)</source>
      <translation>Recompose le numéro de l'appel sélectionné, avec les mêmes confirmations qu'un appel (Ctrl+R)</translation>
    </message>
    <message>
      <source>Dial the selected number again (Enter or double-click in the list, Ctrl+R)</source>
      <translation>Rappeler le numéro sélectionné (Entrée ou double-clic dans la liste, Ctrl+R)</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Copier</translation>
    </message>
    <message>
      <source>Copy the selected recent call's number and interaction id</source>
      <translation>Copier le numéro et l'identifiant d'interaction de l'appel récent sélectionné</translation>
    </message>
    <message>
      <source>Puts the number and interaction id on the clipboard</source>
      <translation>Copie le numéro et l'identifiant d'interaction dans le presse-papiers</translation>
    </message>
    <message>
      <source>Copy the selected call's number and interaction id (Ctrl+C in the list)</source>
      <translation>Copier le numéro et l'identifiant d'interaction de l'appel sélectionné (Ctrl+C dans la liste)</translation>
    </message>
    <message>
      <source>Calls placed lately, newest first; Enter or a double-click dials one again, Ctrl+C copies it</source>
      <translation>Appels passés récemment, du plus récent au plus ancien ; Entrée ou un double-clic rappelle, Ctrl+C copie</translation>
    </message>
  </context>
  <context>
    <name>Roster</name>
    <message>
      <source>The agents file lists {count} agents; at most {most} at a time.</source>
      <translation>Le fichier d'agents en liste {count} ; {most} au maximum à la fois.</translation>
    </message>
    <message>
      <source>The agents file lists no agent ids.</source>
      <translation>Le fichier d'agents ne contient aucun identifiant d'agent.</translation>
    </message>
    <message>
      <source>{path} is not a regular file.</source>
      <translation>{path} n'est pas un fichier ordinaire.</translation>
    </message>
    <message>
      <source>{path} is {size} MB; a roster file may be at most {most} MB.</source>
      <translation>{path} fait {size} Mo ; un fichier de liste des agents ne peut pas dépasser {most} Mo.</translation>
    </message>
    <message>
      <source>{path} is not a UTF-8 text file.</source>
      <translation>{path} n'est pas un fichier texte UTF-8.</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}.</source>
      <translation>Impossible de lire {path} : {reason}.</translation>
    </message>
  </context>
  <context>
    <name>RosterModel</name>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Agent id</source>
      <translation>Identifiant d'agent</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>In this status</source>
      <translation>Dans ce statut</translation>
    </message>
    <message>
      <source>Last action</source>
      <translation>Dernière action</translation>
    </message>
    <message>
      <source>not known</source>
      <translation>inconnu</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>(sans nom)</translation>
    </message>
    <message>
      <source>unknown (no Agent Status API)</source>
      <translation>inconnu (pas d'API Agent Status)</translation>
    </message>
    <message>
      <source>{status} (8x8's status {code}, sub-status {sub})</source>
      <translation>{status} (statut 8x8 {code}, sous-statut {sub})</translation>
    </message>
    <message>
      <source>{status} (8x8's status {code})</source>
      <translation>{status} (statut 8x8 {code})</translation>
    </message>
    <message>
      <source>{code}: status code list {list}, item {item}, short code {short}</source>
      <translation>{code} : liste de codes de statut {list}, élément {item}, code court {short}</translation>
    </message>
    <message>
      <source>{code}: status code list {list}, item {item}</source>
      <translation>{code} : liste de codes de statut {list}, élément {item}</translation>
    </message>
    <message>
      <source>In this status since {time}: the time of 8x8's status event (its clock).</source>
      <translation>Dans ce statut depuis {time} : l'heure de l'événement de statut de 8x8 (selon son horloge).</translation>
    </message>
    <message>
      <source>How long ccdesk has seen this agent in this status (the platform does not say since when).</source>
      <translation>Depuis combien de temps ccdesk voit cet agent dans ce statut (la plateforme ne dit pas depuis quand).</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <source>embedded simulator</source>
      <translation>simulateur intégré</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>No agent id: pass --agent, set CCDESK_AGENT, or save it in the profile (the agent's Internal Id from Configuration Manager &gt; Users).</source>
      <translation>Aucun identifiant d'agent : passez --agent, définissez CCDESK_AGENT ou enregistrez-le dans le profil (l'Internal Id de l'agent, dans Configuration Manager &gt; Users).</translation>
    </message>
    <message>
      <source>Where is your contact center? Pass --platform (e.g. na12) or --base-url, set CCDESK_PLATFORM, or save a profile.</source>
      <translation>Où est votre centre de contact ? Passez --platform (par exemple na12) ou --base-url, définissez CCDESK_PLATFORM, ou enregistrez un profil.</translation>
    </message>
    <message>
      <source>No tenant: pass --tenant, set CCDESK_TENANT, or save it in the profile.</source>
      <translation>Aucun locataire (tenant) : passez --tenant, définissez CCDESK_TENANT ou enregistrez-le dans le profil.</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Stored in the OS keyring</source>
      <translation>Conservé dans le trousseau du système</translation>
    </message>
    <message>
      <source>Paste the Action Request Token</source>
      <translation>Collez l'Action Request Token</translation>
    </message>
    <message>
      <source>Paste the stream key</source>
      <translation>Collez la clé du flux</translation>
    </message>
    <message>
      <source>Removed on Save</source>
      <translation>Supprimée à l'enregistrement</translation>
    </message>
    <message>
      <source>Taken from {variable} (set in the environment)</source>
      <translation>Prise dans {variable} (définie dans l'environnement)</translation>
    </message>
    <message>
      <source>None (no live updates)</source>
      <translation>Aucun (pas de mises à jour en direct)</translation>
    </message>
    <message>
      <source>Other host (stream URL)</source>
      <translation>Autre hôte (URL du flux)</translation>
    </message>
    <message>
      <source>Caller IDs</source>
      <translation>Numéros présentés</translation>
    </message>
    <message>
      <source>Caller ID number</source>
      <translation>Numéro présenté</translation>
    </message>
    <message>
      <source>The numbers a call can present as caller ID, each with a name to show.</source>
      <translation>Les numéros qu'un appel peut présenter, chacun avec un nom à afficher.</translation>
    </message>
    <message>
      <source>Queues</source>
      <translation>Files d'attente</translation>
    </message>
    <message>
      <source>Queue id</source>
      <translation>Id de file d'attente</translation>
    </message>
    <message>
      <source>The queues an outbound call can be placed in, each with a name to show.</source>
      <translation>Les files d'attente où un appel sortant peut être placé, chacune avec un nom à afficher.</translation>
    </message>
    <message>
      <source>Dial plans</source>
      <translation>Plans de numérotation</translation>
    </message>
    <message>
      <source>Dial plan id</source>
      <translation>Id de plan de numérotation</translation>
    </message>
    <message>
      <source>The dial plans a call can use, each with a name to show.</source>
      <translation>Les plans de numérotation qu'un appel peut utiliser, chacun avec un nom à afficher.</translation>
    </message>
    <message>
      <source>Caller ID rows {rows} have a name but no value.</source>
      <translation>Numéros présentés, lignes {rows} : un nom sans valeur.</translation>
    </message>
    <message>
      <source>Caller ID row {rows} has a name but no value.</source>
      <translation>Numéros présentés, ligne {rows} : un nom sans valeur.</translation>
    </message>
    <message>
      <source>Queue rows {rows} have a name but no value.</source>
      <translation>Files d'attente, lignes {rows} : un nom sans valeur.</translation>
    </message>
    <message>
      <source>Queue row {rows} has a name but no value.</source>
      <translation>Files d'attente, ligne {rows} : un nom sans valeur.</translation>
    </message>
    <message>
      <source>Dial plan rows {rows} have a name but no value.</source>
      <translation>Plans de numérotation, lignes {rows} : un nom sans valeur.</translation>
    </message>
    <message>
      <source>Dial plan row {rows} has a name but no value.</source>
      <translation>Plans de numérotation, ligne {rows} : un nom sans valeur.</translation>
    </message>
    <message>
      <source>Enter the platform code (such as na12) or a base URL.</source>
      <translation>Saisissez le code de plateforme (comme na12) ou une URL de base.</translation>
    </message>
    <message>
      <source>no stream key is stored for tenant {tenant}: paste it</source>
      <translation>aucune clé de flux n'est conservée pour le locataire {tenant} : collez-la</translation>
    </message>
    <message>
      <source>the test failed inside ccdesk ({error})</source>
      <translation>le test a échoué dans ccdesk ({error})</translation>
    </message>
    <message>
      <source>Live: {host} accepted the key for {topic}.</source>
      <translation>En direct : {host} a accepté la clé pour {topic}.</translation>
    </message>
    <message>
      <source>Key refused (HTTP 401): 8x8 did not accept this key for tenant {tenant}. Paste the Data Request Token or an Admin Console key (eght_…), not the Action Request Token, and check the tenant name.</source>
      <translation>Clé refusée (HTTP 401) : 8x8 n'a pas accepté cette clé pour le locataire {tenant}. Collez le Data Request Token ou une clé Admin Console (eght_…), pas l'Action Request Token, et vérifiez le nom du locataire.</translation>
    </message>
    <message>
      <source>Topic not allowed (HTTP 403): 8x8 knows the key but it may not read {topic}. An Admin Console key needs the Pulsar Event Stream product; or give another topic.</source>
      <translation>Sujet non autorisé (HTTP 403) : 8x8 connaît la clé, mais elle ne peut pas lire {topic}. Une clé Admin Console exige le produit Pulsar Event Stream ; sinon, indiquez un autre sujet.</translation>
    </message>
    <message>
      <source>Failed: {detail}.</source>
      <translation>Échec : {detail}.</translation>
    </message>
    <message>
      <source>Cannot reach the stream: {detail}.</source>
      <translation>Flux injoignable : {detail}.</translation>
    </message>
    <message>
      <source>The stream did not answer: {detail}.</source>
      <translation>Le flux n'a pas répondu : {detail}.</translation>
    </message>
    <message>
      <source>The stream did not answer.</source>
      <translation>Le flux n'a pas répondu.</translation>
    </message>
    <message>
      <source>Enter the stream URL, such as wss://pulsar-ws-use1.8x8.com (ws:// only to this computer), or choose a region.</source>
      <translation>Saisissez l'URL du flux, comme wss://pulsar-ws-use1.8x8.com (ws:// seulement vers cet ordinateur), ou choisissez une région.</translation>
    </message>
    <message>
      <source>'{region}' is not an 8x8 event stream region: choose UK3, US1 or US2, or Other host with its URL.</source>
      <translation>« {region} » n'est pas une région de flux d'événements 8x8 : choisissez UK3, US1 ou US2, ou Autre hôte avec son URL.</translation>
    </message>
    <message>
      <source>ccdesk settings</source>
      <translation>Paramètres de ccdesk</translation>
    </message>
    <message>
      <source>The profiles ccdesk connects with, and the window's language. Nothing is kept until Save.</source>
      <translation>Les profils avec lesquels ccdesk se connecte, et la langue de la fenêtre. Rien n'est conservé avant Enregistrer.</translation>
    </message>
    <message>
      <source>Profile settings</source>
      <translation>Paramètres du profil</translation>
    </message>
    <message>
      <source>The settings of the profile selected in the list.</source>
      <translation>Les paramètres du profil sélectionné dans la liste.</translation>
    </message>
    <message>
      <source>&amp;Connection</source>
      <translation>&amp;Connexion</translation>
    </message>
    <message>
      <source>&amp;Event stream</source>
      <translation>&amp;Flux d'événements</translation>
    </message>
    <message>
      <source>&amp;Dialling</source>
      <translation>&amp;Numérotation</translation>
    </message>
    <message>
      <source>Transaction c&amp;odes</source>
      <translation>Codes de &amp;transaction</translation>
    </message>
    <message>
      <source>Status code&amp;s</source>
      <translation>Codes d&amp;e statut</translation>
    </message>
    <message>
      <source>Settings message</source>
      <translation>Message des paramètres</translation>
    </message>
    <message>
      <source>New profile</source>
      <translation>Nouveau profil</translation>
    </message>
    <message>
      <source>{problem} Settings cannot be saved until it is fixed.</source>
      <translation>{problem} Les paramètres ne peuvent pas être enregistrés tant que ce n'est pas corrigé.</translation>
    </message>
    <message>
      <source>&lt;b&gt;Welcome to ccdesk.&lt;/b&gt; To connect to your contact center you need the &lt;b&gt;platform code&lt;/b&gt; (it is in the Configuration Manager address, such as na12), the &lt;b&gt;tenant&lt;/b&gt; name, the agent's &lt;b&gt;Internal Id&lt;/b&gt;, and the &lt;b&gt;Action Request Token&lt;/b&gt; from Configuration Manager &amp;gt; Integration &amp;gt; API Token. No account at hand? Try the demo: a simulated contact center on this computer.</source>
      <translation>&lt;b&gt;Bienvenue dans ccdesk.&lt;/b&gt; Pour vous connecter à votre centre de contact, il vous faut le &lt;b&gt;code de plateforme&lt;/b&gt; (il figure dans l'adresse de Configuration Manager, comme na12), le nom du &lt;b&gt;locataire&lt;/b&gt;, l'&lt;b&gt;Internal Id&lt;/b&gt; de l'agent et l'&lt;b&gt;Action Request Token&lt;/b&gt; de Configuration Manager &amp;gt; Integration &amp;gt; API Token. Pas de compte sous la main ? Essayez la démo : un centre de contact simulé sur cet ordinateur.</translation>
    </message>
    <message>
      <source>Try the &amp;demo</source>
      <translation>Essayer la &amp;démo</translation>
    </message>
    <message>
      <source>Try the demo</source>
      <translation>Essayer la démo</translation>
    </message>
    <message>
      <source>Open ccdesk against a simulated contact center; nothing is sent to 8x8.</source>
      <translation>Ouvre ccdesk sur un centre de contact simulé ; rien n'est envoyé à 8x8.</translation>
    </message>
    <message>
      <source>&amp;Profiles:</source>
      <translation>&amp;Profils :</translation>
    </message>
    <message>
      <source>Profiles</source>
      <translation>Profils</translation>
    </message>
    <message>
      <source>The saved profiles; the tabs show the selected one. Delete removes it.</source>
      <translation>Les profils enregistrés ; les onglets affichent celui qui est sélectionné. Suppr le supprime.</translation>
    </message>
    <message>
      <source>&amp;Add</source>
      <translation>&amp;Ajouter</translation>
    </message>
    <message>
      <source>Add profile</source>
      <translation>Ajouter un profil</translation>
    </message>
    <message>
      <source>Adds an empty profile to fill in.</source>
      <translation>Ajoute un profil vide à remplir.</translation>
    </message>
    <message>
      <source>D&amp;uplicate</source>
      <translation>D&amp;upliquer</translation>
    </message>
    <message>
      <source>Duplicate profile</source>
      <translation>Dupliquer le profil</translation>
    </message>
    <message>
      <source>Adds a copy of the selected profile, without its token or stream key.</source>
      <translation>Ajoute une copie du profil sélectionné, sans son jeton ni sa clé de flux.</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Supprimer</translation>
    </message>
    <message>
      <source>Remove profile</source>
      <translation>Supprimer le profil</translation>
    </message>
    <message>
      <source>Removes the selected profile after asking; it is gone on Save.</source>
      <translation>Supprime le profil sélectionné après confirmation ; il disparaît à l'enregistrement.</translation>
    </message>
    <message>
      <source>Profile name</source>
      <translation>Nom du profil</translation>
    </message>
    <message>
      <source>The name the profile is listed and chosen by.</source>
      <translation>Le nom sous lequel le profil est listé et choisi.</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>N&amp;om :</translation>
    </message>
    <message>
      <source>Platform c&amp;ode</source>
      <translation>Code de p&amp;lateforme</translation>
    </message>
    <message>
      <source>Use a platform code</source>
      <translation>Utiliser un code de plateforme</translation>
    </message>
    <message>
      <source>ccdesk finds 8x8's address from the platform code.</source>
      <translation>ccdesk trouve l'adresse de 8x8 à partir du code de plateforme.</translation>
    </message>
    <message>
      <source>Base &amp;URL</source>
      <translation>URL de &amp;base</translation>
    </message>
    <message>
      <source>Use an explicit base URL</source>
      <translation>Utiliser une URL de base explicite</translation>
    </message>
    <message>
      <source>For a tenant whose API is not on an 8x8 host.</source>
      <translation>Pour un locataire dont l'API n'est pas sur un hôte 8x8.</translation>
    </message>
    <message>
      <source>The code in your Configuration Manager address, such as na12.</source>
      <translation>Le code qui figure dans l'adresse de votre Configuration Manager, comme na12.</translation>
    </message>
    <message>
      <source>Platform code</source>
      <translation>Code de plateforme</translation>
    </message>
    <message>
      <source>Only when your tenant's API is not on an 8x8 host (Bell Canada).</source>
      <translation>Seulement si l'API de votre locataire n'est pas sur un hôte 8x8 (Bell Canada).</translation>
    </message>
    <message>
      <source>Base URL</source>
      <translation>URL de base</translation>
    </message>
    <message>
      <source>API &amp;location:</source>
      <translation>Adresse de l'AP&amp;I :</translation>
    </message>
    <message>
      <source>The tenant name, as used in the API paths.</source>
      <translation>Le nom du locataire, tel qu'il figure dans les chemins de l'API.</translation>
    </message>
    <message>
      <source>Tenant</source>
      <translation>Locataire</translation>
    </message>
    <message>
      <source>&amp;Tenant:</source>
      <translation>Locatai&amp;re :</translation>
    </message>
    <message>
      <source>Username</source>
      <translation>Nom d'utilisateur</translation>
    </message>
    <message>
      <source>The API username; empty means the same as the tenant.</source>
      <translation>Le nom d'utilisateur de l'API ; vide, c'est le même que le locataire.</translation>
    </message>
    <message>
      <source>same as tenant</source>
      <translation>identique au locataire</translation>
    </message>
    <message>
      <source>User&amp;name:</source>
      <translation>No&amp;m d'utilisateur :</translation>
    </message>
    <message>
      <source>The agent's Internal Id, from Configuration Manager &gt; Users.</source>
      <translation>L'Internal Id de l'agent, dans Configuration Manager &gt; Users.</translation>
    </message>
    <message>
      <source>Agent Internal Id</source>
      <translation>Internal Id de l'agent</translation>
    </message>
    <message>
      <source>A&amp;gent Id:</source>
      <translation>Id d'a&amp;gent :</translation>
    </message>
    <message>
      <source>Action Request Token</source>
      <translation>Action Request Token</translation>
    </message>
    <message>
      <source>From Configuration Manager &gt; Integration &gt; API Token. Kept in the OS keyring on Save, never shown; leave empty to keep the stored one.</source>
      <translation>Dans Configuration Manager &gt; Integration &gt; API Token. Conservé dans le trousseau du système à l'enregistrement, jamais affiché ; laissez vide pour garder celui qui est conservé.</translation>
    </message>
    <message>
      <source>S&amp;how</source>
      <translation>Affic&amp;her</translation>
    </message>
    <message>
      <source>Show token</source>
      <translation>Afficher le jeton</translation>
    </message>
    <message>
      <source>Shows or hides the typed token.</source>
      <translation>Affiche ou masque le jeton saisi.</translation>
    </message>
    <message>
      <source>To&amp;ken:</source>
      <translation>&amp;Jeton :</translation>
    </message>
    <message>
      <source>&amp;Test connection</source>
      <translation>Tester la conne&amp;xion</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Tester la connexion</translation>
    </message>
    <message>
      <source>Asks 8x8 once with these settings, without saving; the answer shows below.</source>
      <translation>Interroge 8x8 une fois avec ces paramètres, sans enregistrer ; la réponse s'affiche en dessous.</translation>
    </message>
    <message>
      <source>Connection test result</source>
      <translation>Résultat du test de connexion</translation>
    </message>
    <message>
      <source>With 8x8's event stream, ccdesk learns at once what happens to the agent's calls outside ccdesk, such as a customer hanging up. It is optional: without it, ccdesk learns of such changes from 8x8's next answer.</source>
      <translation>Avec le flux d'événements de 8x8, ccdesk apprend aussitôt ce qui arrive aux appels de l'agent en dehors de ccdesk, comme un client qui raccroche. Il est facultatif : sans lui, ccdesk apprend ces changements à la prochaine réponse de 8x8.</translation>
    </message>
    <message>
      <source>Event stream (live updates)</source>
      <translation>Flux d'événements (mises à jour en direct)</translation>
    </message>
    <message>
      <source>Event stream region</source>
      <translation>Région du flux d'événements</translation>
    </message>
    <message>
      <source>The 8x8 region your tenant is hosted in. A wrong region connects but never receives an event.</source>
      <translation>La région 8x8 où votre locataire est hébergé. Une mauvaise région se connecte, mais ne reçoit jamais d'événement.</translation>
    </message>
    <message>
      <source>Re&amp;gion:</source>
      <translation>Régi&amp;on :</translation>
    </message>
    <message>
      <source>Scheme and host only: wss:// to any host, ws:// only to this computer. Choose Other host to use it.</source>
      <translation>Schéma et hôte seulement : wss:// vers n'importe quel hôte, ws:// seulement vers cet ordinateur. Choisissez Autre hôte pour l'utiliser.</translation>
    </message>
    <message>
      <source>Event stream URL</source>
      <translation>URL du flux d'événements</translation>
    </message>
    <message>
      <source>Where events are read from</source>
      <translation>Où les événements sont lus</translation>
    </message>
    <message>
      <source>Stream UR&amp;L:</source>
      <translation>UR&amp;L du flux :</translation>
    </message>
    <message>
      <source>namespace/topic, such as event-v1/all. Empty: the agent's own topic, agent-v1/ followed by the agent's Internal Id.</source>
      <translation>espace de noms/sujet, comme event-v1/all. Vide : le sujet propre à l'agent, agent-v1/ suivi de l'Internal Id de l'agent.</translation>
    </message>
    <message>
      <source>Event stream topic</source>
      <translation>Sujet du flux d'événements</translation>
    </message>
    <message>
      <source>&amp;Topic:</source>
      <translation>Su&amp;jet :</translation>
    </message>
    <message>
      <source>The Data Request Token (Configuration Manager &gt; Integration &gt; API Token) or an Admin Console key eght_… with the Pulsar Event Stream product; not the Action Request Token. It can read the whole tenant's events.</source>
      <translation>Le Data Request Token (Configuration Manager &gt; Integration &gt; API Token) ou une clé Admin Console eght_… avec le produit Pulsar Event Stream ; pas l'Action Request Token. Elle peut lire les événements de tout le locataire.</translation>
    </message>
    <message>
      <source>Event stream key</source>
      <translation>Clé du flux d'événements</translation>
    </message>
    <message>
      <source>Show stream key</source>
      <translation>Afficher la clé du flux</translation>
    </message>
    <message>
      <source>Shows or hides the typed stream key.</source>
      <translation>Affiche ou masque la clé de flux saisie.</translation>
    </message>
    <message>
      <source>Remo&amp;ve</source>
      <translation>Reti&amp;rer</translation>
    </message>
    <message>
      <source>Remove stored stream key</source>
      <translation>Retirer la clé de flux conservée</translation>
    </message>
    <message>
      <source>Removes this tenant's stored stream key from the OS keyring on Save.</source>
      <translation>Retire du trousseau du système la clé de flux conservée pour ce locataire, à l'enregistrement.</translation>
    </message>
    <message>
      <source>Event stream key problem</source>
      <translation>Problème de clé du flux d'événements</translation>
    </message>
    <message>
      <source>Which key</source>
      <translation>Quelle clé</translation>
    </message>
    <message>
      <source>Stream &amp;key:</source>
      <translation>Clé du flu&amp;x :</translation>
    </message>
    <message>
      <source>Test strea&amp;m</source>
      <translation>Tester &amp;le flux</translation>
    </message>
    <message>
      <source>Test stream</source>
      <translation>Tester le flux</translation>
    </message>
    <message>
      <source>Connect once with this key and topic, without saving.</source>
      <translation>Se connecter une fois avec cette clé et ce sujet, sans enregistrer.</translation>
    </message>
    <message>
      <source>Stream test result</source>
      <translation>Résultat du test du flux</translation>
    </message>
    <message>
      <source>Default region for national numbers</source>
      <translation>Région par défaut des numéros nationaux</translation>
    </message>
    <message>
      <source>Numbers typed without + are read as numbers of this country.</source>
      <translation>Les numéros saisis sans + sont lus comme des numéros de ce pays.</translation>
    </message>
    <message>
      <source>&amp;Region for national numbers:</source>
      <translation>&amp;Région par défaut :</translation>
    </message>
    <message>
      <source>Dial tel:, callto: and ccdesk: links at once</source>
      <translation>Composer aussitôt les liens tel:, callto: et ccdesk:</translation>
    </message>
    <message>
      <source>Dial links at once</source>
      <translation>Composer les liens aussitôt</translation>
    </message>
    <message>
      <source>Off (recommended): a clicked link fills the dial field and waits for Enter. On: the call is placed as soon as the link arrives.</source>
      <translation>Désactivé (recommandé) : un lien cliqué remplit le champ de numéro et attend Entrée. Activé : l'appel est passé dès que le lien arrive.</translation>
    </message>
    <message>
      <source>A status change can carry a status code (a reason such as Lunch). 8x8 has no API that lists them: copy the list id, item id and short code from Configuration Manager &gt; Status Codes, or read them from an agent in that state in the supervisor roster. They are offered when a status is set.</source>
      <translation>Un changement de statut peut porter un code de statut (un motif comme Repas). 8x8 n'a aucune API qui les liste : copiez l'id de liste, l'id d'élément et le code court depuis Configuration Manager &gt; Status Codes, ou relevez-les sur un agent dans ce statut dans la liste de la console superviseur. Ils sont proposés quand un statut est défini.</translation>
    </message>
    <message>
      <source>Status codes</source>
      <translation>Codes de statut</translation>
    </message>
    <message>
      <source>One status code a row: list id, item id, short code and a name to show.</source>
      <translation>Un code de statut par ligne : id de liste, id d'élément, code court et un nom à afficher.</translation>
    </message>
    <message>
      <source>List id</source>
      <translation>Id de liste</translation>
    </message>
    <message>
      <source>Item id</source>
      <translation>Id d'élément</translation>
    </message>
    <message>
      <source>Short code</source>
      <translation>Code court</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <source>Add status code</source>
      <translation>Ajouter un code de statut</translation>
    </message>
    <message>
      <source>Adds an empty row to fill in.</source>
      <translation>Ajoute une ligne vide à remplir.</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <source>Remove status code</source>
      <translation>Supprimer le code de statut</translation>
    </message>
    <message>
      <source>Removes the selected rows.</source>
      <translation>Supprime les lignes sélectionnées.</translation>
    </message>
    <message>
      <source>Status code problem</source>
      <translation>Problème de code de statut</translation>
    </message>
    <message>
      <source>Add to {list}</source>
      <translation>Ajouter à : {list}</translation>
    </message>
    <message>
      <source>Remove from {list}</source>
      <translation>Supprimer de : {list}</translation>
    </message>
    <message>
      <source>{list}: problem</source>
      <translation>{list} : problème</translation>
    </message>
    <message>
      <source>8x8 has no API that lists transaction codes, so the names for their numeric ids come from a catalog file. The file is checked and a copy is kept with the settings.</source>
      <translation>8x8 n'a aucune API qui liste les codes de transaction ; les noms de leurs id numériques viennent donc d'un fichier catalogue. Le fichier est vérifié et une copie est conservée avec les paramètres.</translation>
    </message>
    <message>
      <source>Catalog file:</source>
      <translation>Fichier catalogue :</translation>
    </message>
    <message>
      <source>Catalog file</source>
      <translation>Fichier catalogue</translation>
    </message>
    <message>
      <source>&amp;Import catalog...</source>
      <translation>&amp;Importer un catalogue...</translation>
    </message>
    <message>
      <source>Import catalog file</source>
      <translation>Importer un fichier catalogue</translation>
    </message>
    <message>
      <source>Choose a transaction-code catalog file; it is checked now and copied on Save.</source>
      <translation>Choisissez un fichier catalogue de codes de transaction ; il est vérifié tout de suite et copié à l'enregistrement.</translation>
    </message>
    <message>
      <source>C&amp;lear catalog</source>
      <translation>&amp;Vider le catalogue</translation>
    </message>
    <message>
      <source>Clear catalog</source>
      <translation>Vider le catalogue</translation>
    </message>
    <message>
      <source>This profile uses no catalog: codes are entered by number.</source>
      <translation>Ce profil n'utilise plus de catalogue : les codes sont saisis par numéro.</translation>
    </message>
    <message>
      <source>Catalog problem</source>
      <translation>Problème de catalogue</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
      <source>Checks every profile, then saves them all and closes; Ctrl+S does the same.</source>
      <translation>Vérifie chaque profil, puis les enregistre tous et ferme ; Ctrl+S fait de même.</translation>
    </message>
    <message>
      <source>Save all profiles (Ctrl+S)</source>
      <translation>Enregistrer tous les profils (Ctrl+S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Closes without saving any change; Escape does the same.</source>
      <translation>Ferme sans enregistrer aucun changement ; Échap fait de même.</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <source>The language of ccdesk's window; System default follows the computer's. Takes effect the next time ccdesk starts.</source>
      <translation>La langue de la fenêtre de ccdesk ; Langue du système suit celle de l'ordinateur. Prend effet au prochain démarrage de ccdesk.</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Langue du système</translation>
    </message>
    <message>
      <source>Takes effect the next time ccdesk starts.</source>
      <translation>Prend effet au prochain démarrage de ccdesk.</translation>
    </message>
    <message>
      <source>Lan&amp;guage:</source>
      <translation>Lan&amp;gue :</translation>
    </message>
    <message>
      <source>{field}: problem</source>
      <translation>{field} : problème</translation>
    </message>
    <message>
      <source>(unnamed)</source>
      <translation>(sans nom)</translation>
    </message>
    <message>
      <source>{profile} is the profile ccdesk is running on now (the demo's, in memory): it is shown here, and not saved. Add a real profile with Add.</source>
      <translation>{profile} est le profil qu'utilise ccdesk en ce moment (celui de la démo, en mémoire) : il est affiché ici, mais pas enregistré. Ajoutez un vrai profil avec Ajouter.</translation>
    </message>
    <message>
      <source>{region} (not an 8x8 region)</source>
      <translation>{region} (pas une région 8x8)</translation>
    </message>
    <message>
      <source>The platform code is in your Configuration Manager address (such as na12).</source>
      <translation>Le code de plateforme figure dans l'adresse de votre Configuration Manager (comme na12).</translation>
    </message>
    <message>
      <source>Requests go to {url}.</source>
      <translation>Les requêtes vont à {url}.</translation>
    </message>
    <message>
      <source>{topic} (default)</source>
      <translation>{topic} (par défaut)</translation>
    </message>
    <message>
      <source>Events are read from {url}, topic {topic}.</source>
      <translation>Les événements sont lus depuis {url}, sujet {topic}.</translation>
    </message>
    <message>
      <source>Remove the stream key stored for tenant {tenant} when you save. It serves every profile of this tenant.</source>
      <translation>Retirer à l'enregistrement la clé de flux conservée pour le locataire {tenant}. Elle sert à tous les profils de ce locataire.</translation>
    </message>
    <message>
      <source>No stream key is stored for this tenant.</source>
      <translation>Aucune clé de flux n'est conservée pour ce locataire.</translation>
    </message>
    <message>
      <source>The stream key of tenant {tenant} is removed from the OS keyring when you save; Cancel keeps it.</source>
      <translation>La clé de flux du locataire {tenant} sera retirée du trousseau du système à l'enregistrement ; Annuler la conserve.</translation>
    </message>
    <message>
      <source>&amp;Hide</source>
      <translation>Mas&amp;quer</translation>
    </message>
    <message>
      <source>Hide stream key</source>
      <translation>Masquer la clé du flux</translation>
    </message>
    <message>
      <source>Hide token</source>
      <translation>Masquer le jeton</translation>
    </message>
    <message>
      <source>the list id must be a whole number</source>
      <translation>l'id de liste doit être un nombre entier</translation>
    </message>
    <message>
      <source>the item id must be a whole number</source>
      <translation>l'id d'élément doit être un nombre entier</translation>
    </message>
    <message>
      <source>Status code row {row}: {problem}.</source>
      <translation>Code de statut, ligne {row} : {problem}.</translation>
    </message>
    <message>
      <source>{profile} copy</source>
      <translation>{profile} copie</translation>
    </message>
    <message>
      <source>Remove the profile '{profile}'? It is gone when the settings are saved; a token stored for its login stays in the keyring for other profiles.</source>
      <translation>Supprimer le profil « {profile} » ? Il disparaît à l'enregistrement des paramètres ; un jeton conservé pour son identifiant de connexion reste dans le trousseau pour les autres profils.</translation>
    </message>
    <message>
      <source>Import transaction-code catalog</source>
      <translation>Importer un catalogue de codes de transaction</translation>
    </message>
    <message>
      <source>Catalog files (*.json);;All files (*)</source>
      <translation>Fichiers catalogue (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Catalog file {path} cannot be read ({error}).</source>
      <translation>Le fichier catalogue {path} ne peut pas être lu ({error}).</translation>
    </message>
    <message numerus="yes">
      <source>%n code list(s) found; a copy is kept on Save.</source>
      <translation>
        <numerusform>Listes de codes trouvées : %n ; une copie est conservée à l'enregistrement.</numerusform>
        <numerusform>Listes de codes trouvées : %n ; une copie est conservée à l'enregistrement.</numerusform>
      </translation>
    </message>
    <message>
      <source>{path} (copied on save)</source>
      <translation>{path} (copié à l'enregistrement)</translation>
    </message>
    <message>
      <source>None: codes are entered by number, as LIST:ITEM.</source>
      <translation>Aucun : les codes sont saisis par numéro, sous la forme LISTE:ÉLÉMENT.</translation>
    </message>
    <message>
      <source>Give the profile a name.</source>
      <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
      <source>Another profile is already called '{profile}'.</source>
      <translation>Un autre profil s'appelle déjà « {profile} ».</translation>
    </message>
    <message>
      <source>The tenant name is required.</source>
      <translation>Le nom du locataire est obligatoire.</translation>
    </message>
    <message>
      <source>The agent's Internal Id is required.</source>
      <translation>L'Internal Id de l'agent est obligatoire.</translation>
    </message>
    <message>
      <source>'{region}' is not a region code: use two letters such as US.</source>
      <translation>« {region} » n'est pas un code de région : utilisez deux lettres, comme US.</translation>
    </message>
    <message>
      <source>this tenant</source>
      <translation>ce locataire</translation>
    </message>
    <message>
      <source>This is the Action Request Token, which the calls use; the event stream needs the Data Request Token or an Admin Console key (eght_…).</source>
      <translation>C'est l'Action Request Token, qui sert aux appels ; le flux d'événements exige le Data Request Token ou une clé Admin Console (eght_…).</translation>
    </message>
    <message>
      <source>Paste the stream key: the one stored for {tenant} is removed on Save.</source>
      <translation>Collez la clé du flux : celle conservée pour {tenant} est retirée à l'enregistrement.</translation>
    </message>
    <message>
      <source>Paste the stream key: none is stored for {tenant}.</source>
      <translation>Collez la clé du flux : aucune n'est conservée pour {tenant}.</translation>
    </message>
    <message>
      <source>Testing…</source>
      <translation>Test en cours…</translation>
    </message>
    <message>
      <source>Testing the connection as {user}…</source>
      <translation>Test de la connexion en tant que {user}…</translation>
    </message>
    <message>
      <source>The test could not start: {detail}</source>
      <translation>Le test n'a pas pu démarrer : {detail}</translation>
    </message>
    <message>
      <source>The agent's Internal Id is required: the stream reads the agent's topic.</source>
      <translation>L'Internal Id de l'agent est obligatoire : le flux lit le sujet de l'agent.</translation>
    </message>
    <message>
      <source>Connecting to {host} for {topic}…</source>
      <translation>Connexion à {host} pour {topic}…</translation>
    </message>
    <message>
      <source>the test could not start: {detail}</source>
      <translation>le test n'a pas pu démarrer : {detail}</translation>
    </message>
    <message>
      <source>The settings could not be saved: {error}</source>
      <translation>Les paramètres n'ont pas pu être enregistrés : {error}</translation>
    </message>
    <message>
      <source>The language could not be saved in {path}, so nothing was saved: check that this folder can be written to.</source>
      <translation>La langue n'a pas pu être enregistrée dans {path}, donc rien n'a été enregistré : vérifiez que ce dossier est accessible en écriture.</translation>
    </message>
    <message>
      <source>No OS keyring: use the token for this session only?</source>
      <translation>Pas de trousseau système : utiliser le jeton pour cette session seulement ?</translation>
    </message>
    <message>
      <source>This computer has no secure OS keyring, so ccdesk cannot store the Action Request Token. ccdesk can keep it in memory until you quit: you will be asked for it again at the next start (or set CCDESK_TOKEN).

Use the token for this session only?</source>
      <translation>Cet ordinateur n'a pas de trousseau système sécurisé : ccdesk ne peut donc pas conserver l'Action Request Token. ccdesk peut le garder en mémoire jusqu'à ce que vous quittiez : il vous sera redemandé au prochain démarrage (ou définissez CCDESK_TOKEN).

Utiliser le jeton pour cette session seulement ?</translation>
    </message>
    <message>
      <source>no secure OS keyring is available</source>
      <translation>aucun trousseau système sécurisé n'est disponible</translation>
    </message>
    <message>
      <source>The event stream key for tenant {tenant} could not be removed from the OS keyring ({reason}), so nothing was saved.</source>
      <translation>La clé du flux d'événements du locataire {tenant} n'a pas pu être retirée du trousseau du système ({reason}), donc rien n'a été enregistré.</translation>
    </message>
    <message>
      <source>The event stream key for tenant {tenant} could not be stored in the OS keyring ({reason}), so nothing was saved. Set {variable} to the key instead (never on a command line).</source>
      <translation>La clé du flux d'événements du locataire {tenant} n'a pas pu être conservée dans le trousseau du système ({reason}), donc rien n'a été enregistré. Définissez plutôt {variable} avec la clé (jamais sur une ligne de commande).</translation>
    </message>
  </context>
  <context>
    <name>StatusButton</name>
    <message>
      <source>Agent status</source>
      <translation>Statut de l'agent</translation>
    </message>
    <message>
      <source>Shows the status 8x8 reports; opens a menu to choose another (Space or Enter)</source>
      <translation>Affiche le statut indiqué par 8x8 ; ouvre un menu pour en choisir un autre (Espace ou Entrée)</translation>
    </message>
    <message>
      <source>Agent statuses</source>
      <translation>Statuts de l'agent</translation>
    </message>
    <message>
      <source>The statuses an agent can choose, each with its status codes below it</source>
      <translation>Les statuts qu'un agent peut choisir, chacun suivi de ses codes de statut</translation>
    </message>
    <message>
      <source>Status unknown</source>
      <translation>Statut inconnu</translation>
    </message>
  </context>
  <context>
    <name>StatusChange</name>
    <message>
      <source>A status code needs its list id, item id and short code together (LIST:ITEM:SHORT, e.g. 801:1725:Lunch); got {list}:{item}:{short}.</source>
      <translation>Un code de statut exige ensemble son identifiant de liste, son identifiant d'élément et son code court, sous la forme LISTE:ÉLÉMENT:CODE, par exemple 801:1725:Lunch (valeur reçue : {list}:{item}:{short}).</translation>
    </message>
    <message>
      <source>A status code is LIST:ITEM:SHORT, e.g. 801:1725:Lunch; got {value}.</source>
      <translation>Un code de statut s'écrit LISTE:ÉLÉMENT:CODE, par exemple 801:1725:Lunch (valeur reçue : {value}).</translation>
    </message>
  </context>
  <context>
    <name>StatusCode</name>
    <message>
      <source>A status code's list id must be a whole number, got {value}.</source>
      <translation>L'identifiant de liste d'un code de statut doit être un nombre entier (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>A status code's item id must be a whole number, got {value}.</source>
      <translation>L'identifiant d'élément d'un code de statut doit être un nombre entier (valeur reçue : {value}).</translation>
    </message>
    <message>
      <source>A status code needs its short code (Configuration Manager &gt; Status Codes).</source>
      <translation>Un code de statut doit avoir son code court (Configuration Manager &gt; Status Codes).</translation>
    </message>
    <message>
      <source>A status code's name must be text, got {value}.</source>
      <translation>Le nom d'un code de statut doit être du texte (valeur reçue : {value}).</translation>
    </message>
  </context>
  <context>
    <name>StatusDialog</name>
    <message>
      <source>Choose a status and, if you want, a status code, then OK; a question follows</source>
      <translation>Choisissez un statut et, si vous le souhaitez, un code de statut, puis OK ; une confirmation suit</translation>
    </message>
    <message>
      <source>Status to set</source>
      <translation>Statut à définir</translation>
    </message>
    <message>
      <source>The status codes offered below follow this choice</source>
      <translation>Les codes de statut proposés ci-dessous suivent ce choix</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>&amp;Statut</translation>
    </message>
    <message>
      <source>Status code</source>
      <translation>Code de statut</translation>
    </message>
    <message>
      <source>Pick a status code, or type one as LIST:ITEM:SHORT, for example 801:1725:Lunch</source>
      <translation>Choisissez un code de statut, ou saisissez-en un sous la forme LISTE:ÉLÉMENT:COURT, par exemple 801:1725:Lunch</translation>
    </message>
    <message>
      <source>Status &amp;code</source>
      <translation>&amp;Code de statut</translation>
    </message>
    <message>
      <source>The profile's status codes and those seen in the roster with this status are listed; type another as LIST:ITEM:SHORT, e.g. 801:1725:Lunch (the short code is required with a code).</source>
      <translation>La liste contient les codes de statut du profil et ceux vus dans la liste des agents avec ce statut ; saisissez-en un autre sous la forme LISTE:ÉLÉMENT:COURT, par ex. 801:1725:Lunch (le code court est obligatoire avec un code).</translation>
    </message>
    <message>
      <source>Problem with the status code</source>
      <translation>Problème avec le code de statut</translation>
    </message>
    <message>
      <source>(no status code)</source>
      <translation>(aucun code de statut)</translation>
    </message>
  </context>
  <context>
    <name>Stream</name>
    <message>
      <source>The event stream URL is empty.</source>
      <translation>L'URL du flux d'événements est vide.</translation>
    </message>
    <message>
      <source>The event stream URL {url} contains spaces or control characters.</source>
      <translation>L'URL du flux d'événements {url} contient des espaces ou des caractères de contrôle.</translation>
    </message>
    <message>
      <source>The event stream URL {url} is not valid: {problem}.</source>
      <translation>L'URL du flux d'événements {url} n'est pas valide : {problem}.</translation>
    </message>
    <message>
      <source>The event stream URL {url} must start with wss:// (for example {example}), or ws:// for this computer only.</source>
      <translation>L'URL du flux d'événements {url} doit commencer par wss:// (par exemple {example}), ou par ws:// pour cet ordinateur seulement.</translation>
    </message>
    <message>
      <source>The event stream URL must not contain a user name or key; the key is stored separately.</source>
      <translation>L'URL du flux d'événements ne doit contenir ni nom d'utilisateur ni clé ; la clé est conservée à part.</translation>
    </message>
    <message>
      <source>The event stream URL {url} must not have a query (?) or fragment (#); the key never goes in the URL.</source>
      <translation>L'URL du flux d'événements {url} ne doit comporter ni requête (?) ni fragment (#) ; la clé ne figure jamais dans l'URL.</translation>
    </message>
    <message>
      <source>The event stream URL {url} must be the scheme and host only, such as {example}: ccdesk adds the reader path, tenant and topic.</source>
      <translation>L'URL du flux d'événements {url} doit se limiter au schéma et à l'hôte, comme {example} : ccdesk ajoute le chemin de lecture, le locataire et le sujet.</translation>
    </message>
    <message>
      <source>The event stream URL {url} has no host.</source>
      <translation>L'URL du flux d'événements {url} n'indique aucun hôte.</translation>
    </message>
    <message>
      <source>The event stream URL {url} uses plain ws://, which is only allowed to this computer (loopback): use wss://.</source>
      <translation>L'URL du flux d'événements {url} utilise ws:// simple, permis seulement vers cet ordinateur (boucle locale) : utilisez wss://.</translation>
    </message>
    <message>
      <source>The event stream topic is empty.</source>
      <translation>Le sujet du flux d'événements est vide.</translation>
    </message>
    <message>
      <source>The event stream topic {topic} must be namespace/topic only, such as agent-v1/agXXXX or event-v1/AgentStatusChange: ccdesk adds persistent/ and the tenant.</source>
      <translation>Le sujet du flux d'événements {topic} doit s'écrire seulement espace-de-noms/sujet, comme agent-v1/agXXXX ou event-v1/AgentStatusChange : ccdesk ajoute persistent/ et le locataire.</translation>
    </message>
    <message>
      <source>The event stream topic {topic} must be namespace/topic, such as agent-v1/agXXXX or event-v1/AgentStatusChange.</source>
      <translation>Le sujet du flux d'événements {topic} doit s'écrire espace-de-noms/sujet, comme agent-v1/agXXXX ou event-v1/AgentStatusChange.</translation>
    </message>
    <message>
      <source>The start position is empty: use latest, earliest or a message id.</source>
      <translation>La position de départ est vide : utilisez latest, earliest ou un identifiant de message.</translation>
    </message>
    <message>
      <source>The start position {start} is not latest, earliest or a message id (base64 text such as CAEQAQ==).</source>
      <translation>La position de départ {start} n'est ni latest, ni earliest, ni un identifiant de message (texte base64 comme CAEQAQ==).</translation>
    </message>
    <message>
      <source>Unknown event stream region {region}: use {regions} (8x8's UK3, US1, US2), or give the stream URL.</source>
      <translation>Région de flux d'événements inconnue {region} : utilisez {regions} (UK3, US1, US2 chez 8x8), ou indiquez l'URL du flux.</translation>
    </message>
    <message>
      <source>No event stream URL or region: give one (uk3, us1, us2) or the stream URL.</source>
      <translation>Aucune URL ni région de flux d'événements : indiquez une région (uk3, us1, us2) ou l'URL du flux.</translation>
    </message>
    <message>
      <source>The event stream key is empty.</source>
      <translation>La clé du flux d'événements est vide.</translation>
    </message>
    <message>
      <source>The event stream key contains spaces, line breaks or other characters no key has: store it again, copied whole.</source>
      <translation>La clé du flux d'événements contient des espaces, des sauts de ligne ou d'autres caractères qu'aucune clé ne contient : enregistrez-la de nouveau, copiée en entier.</translation>
    </message>
    <message>
      <source>no answer from the stream server for {seconds} s</source>
      <translation>aucune réponse du serveur du flux depuis {seconds} s</translation>
    </message>
    <message>
      <source>the stream server closed the connection (code {code}: {reason})</source>
      <translation>le serveur du flux a fermé la connexion (code {code} : {reason})</translation>
    </message>
    <message>
      <source>the stream server closed the connection (code {code})</source>
      <translation>le serveur du flux a fermé la connexion (code {code})</translation>
    </message>
    <message>
      <source>the connection dropped</source>
      <translation>la connexion a été perdue</translation>
    </message>
  </context>
  <context>
    <name>StreamReader</name>
    <message>
      <source>the stream server closed the connection</source>
      <translation>le serveur du flux a fermé la connexion</translation>
    </message>
    <message>
      <source>no address found for {host}</source>
      <translation>aucune adresse trouvée pour {host}</translation>
    </message>
    <message>
      <source>8x8 refused the stream key (HTTP 401) for tenant {tenant}: {said}. Store the tenant's Data Request Token or an Admin Console key (eght_...) as the stream key (ccdesk-cli login --stream-key, or CCDESK_STREAM_KEY), and check the tenant name</source>
      <translation>8x8 a refusé la clé de flux (HTTP 401) pour le locataire {tenant} : {said}. Enregistrez comme clé de flux le Data Request Token du locataire ou une clé Admin Console (eght_...) (ccdesk-cli login --stream-key, ou CCDESK_STREAM_KEY), et vérifiez le nom du locataire</translation>
    </message>
    <message>
      <source>8x8 refused the stream key (HTTP 401) for tenant {tenant}. Store the tenant's Data Request Token or an Admin Console key (eght_...) as the stream key (ccdesk-cli login --stream-key, or CCDESK_STREAM_KEY), and check the tenant name</source>
      <translation>8x8 a refusé la clé de flux (HTTP 401) pour le locataire {tenant}. Enregistrez comme clé de flux le Data Request Token du locataire ou une clé Admin Console (eght_...) (ccdesk-cli login --stream-key, ou CCDESK_STREAM_KEY), et vérifiez le nom du locataire</translation>
    </message>
    <message>
      <source>8x8 did not allow this stream key to read {topic} (HTTP 403): {said}. The key may lack the 'Pulsar Event Stream' product, or may not be allowed this topic</source>
      <translation>8x8 n'a pas autorisé cette clé de flux à lire {topic} (HTTP 403) : {said}. La clé n'a peut-être pas le produit « Pulsar Event Stream », ou n'a pas accès à ce sujet</translation>
    </message>
    <message>
      <source>8x8 did not allow this stream key to read {topic} (HTTP 403). The key may lack the 'Pulsar Event Stream' product, or may not be allowed this topic</source>
      <translation>8x8 n'a pas autorisé cette clé de flux à lire {topic} (HTTP 403). La clé n'a peut-être pas le produit « Pulsar Event Stream », ou n'a pas accès à ce sujet</translation>
    </message>
    <message>
      <source>8x8 refused to start at message {id} (HTTP {status}): {said}; starting at the latest event next</source>
      <translation>8x8 a refusé de commencer au message {id} (HTTP {status}) : {said} ; la prochaine lecture commencera au dernier événement</translation>
    </message>
    <message>
      <source>8x8 refused to start at message {id} (HTTP {status}); starting at the latest event next</source>
      <translation>8x8 a refusé de commencer au message {id} (HTTP {status}) ; la prochaine lecture commencera au dernier événement</translation>
    </message>
    <message>
      <source>a proxy asks to sign in (HTTP 407) before reaching {host}</source>
      <translation>un proxy demande de se connecter (HTTP 407) avant de joindre {host}</translation>
    </message>
    <message>
      <source>something other than the event stream answered at {host} (HTTP {status}): a proxy or sign-in page, or the wrong stream URL</source>
      <translation>autre chose que le flux d'événements a répondu à {host} (HTTP {status}) : un proxy ou une page de connexion, ou une mauvaise URL du flux</translation>
    </message>
    <message>
      <source>the stream server {host} refused the connection (HTTP {status}): {said}</source>
      <translation>le serveur du flux {host} a refusé la connexion (HTTP {status}) : {said}</translation>
    </message>
    <message>
      <source>the stream server {host} refused the connection (HTTP {status})</source>
      <translation>le serveur du flux {host} a refusé la connexion (HTTP {status})</translation>
    </message>
    <message>
      <source>{host} answered with a redirect ({status}) to {location}; ccdesk does not follow it (the key would go along): check the stream URL or region</source>
      <translation>{host} a répondu par une redirection ({status}) vers {location} ; ccdesk ne la suit pas (la clé partirait avec) : vérifiez l'URL du flux ou la région</translation>
    </message>
    <message>
      <source>the proxy setting cannot be used for the event stream: {problem}</source>
      <translation>le réglage du proxy ne peut pas servir pour le flux d'événements : {problem}</translation>
    </message>
    <message>
      <source>a SOCKS proxy is set (ALL_PROXY or HTTPS_PROXY) but ccdesk cannot use SOCKS for the event stream: set an http proxy, or NO_PROXY for the stream host</source>
      <translation>un proxy SOCKS est défini (ALL_PROXY ou HTTPS_PROXY), mais ccdesk ne peut pas utiliser SOCKS pour le flux d'événements : définissez un proxy http, ou NO_PROXY pour l'hôte du flux</translation>
    </message>
    <message>
      <source>the proxy did not connect to {host}: {problem}</source>
      <translation>le proxy ne s'est pas connecté à {host} : {problem}</translation>
    </message>
    <message>
      <source>the certificate of {host} could not be verified ({problem}); a proxy that inspects traffic needs its root certificate installed in the system's trust store</source>
      <translation>le certificat de {host} n'a pas pu être vérifié ({problem}) ; un proxy qui inspecte le trafic doit avoir son certificat racine installé dans le magasin de certificats du système</translation>
    </message>
    <message>
      <source>the certificate of {host} could not be verified ({problem}); a proxy that inspects traffic needs its root certificate installed in the system, and {variable}=system so that ccdesk uses the system's trust store</source>
      <translation>le certificat de {host} n'a pas pu être vérifié ({problem}) ; un proxy qui inspecte le trafic doit avoir son certificat racine installé dans le système, et {variable}=system doit être défini pour que ccdesk utilise le magasin de certificats du système</translation>
    </message>
    <message>
      <source>the secure connection to {host} failed ({problem})</source>
      <translation>la connexion sécurisée à {host} a échoué ({problem})</translation>
    </message>
    <message>
      <source>the stream host {host} could not be found ({problem}): check the stream URL or region, and the network</source>
      <translation>l'hôte du flux {host} est introuvable ({problem}) : vérifiez l'URL du flux ou la région, et le réseau</translation>
    </message>
    <message>
      <source>{host} did not answer within {seconds} s</source>
      <translation>{host} n'a pas répondu dans les {seconds} s</translation>
    </message>
    <message>
      <source>{host} refused the connection</source>
      <translation>{host} a refusé la connexion</translation>
    </message>
    <message>
      <source>could not connect to {host}: {problem}</source>
      <translation>impossible de se connecter à {host} : {problem}</translation>
    </message>
    <message>
      <source>{host} did not accept the WebSocket upgrade: {problem}</source>
      <translation>{host} n'a pas accepté le passage en WebSocket : {problem}</translation>
    </message>
    <message>
      <source>the connection failed: {kind}: {problem}</source>
      <translation>la connexion a échoué : {kind} : {problem}</translation>
    </message>
  </context>
  <context>
    <name>StreamSettings</name>
    <message>
      <source>The stream key is the tenant's Data Request Token (Configuration Manager &gt; Integration &gt; API Token) or an Admin Console key with the 'Pulsar Event Stream' product (eght_...), not the Action Request Token the calls use. Store it with `ccdesk-cli login --stream-key` (or the window's Settings), or set CCDESK_STREAM_KEY.</source>
      <translation>La clé du flux est le Data Request Token du locataire (Configuration Manager &gt; Integration &gt; API Token) ou une clé Admin Console avec le produit « Pulsar Event Stream » (eght_...), pas l'Action Request Token des appels. Enregistrez-la avec `ccdesk-cli login --stream-key` (ou dans les paramètres de la fenêtre), ou définissez CCDESK_STREAM_KEY.</translation>
    </message>
    <message>
      <source>profile '{name}'</source>
      <translation>profil « {name} »</translation>
    </message>
    <message>
      <source>{key} is set but no event stream region or URL is: pass --stream-region (uk3, us1, us2) or --stream-url, set {region} or {url}, or save one in the profile. Without one, unset {key}.</source>
      <translation>{key} est défini, mais aucune région ni URL de flux d'événements : passez --stream-region (uk3, us1, us2) ou --stream-url, définissez {region} ou {url}, ou enregistrez-en une dans le profil. Sinon, retirez {key}.</translation>
    </message>
    <message>
      <source>The event stream ({origin}) reads the agent's topic agent-v1/AGENT, but there is no agent id: pass --agent, set CCDESK_AGENT, or save it in the profile (or give a stream topic).</source>
      <translation>Le flux d'événements ({origin}) lit le sujet de l'agent agent-v1/AGENT, mais il n'y a pas d'identifiant d'agent : passez --agent, définissez CCDESK_AGENT ou enregistrez-le dans le profil (ou indiquez un sujet de flux).</translation>
    </message>
    <message>
      <source>{problem} (from {origin})</source>
      <translation>{problem} (d'après {origin})</translation>
    </message>
    <message>
      <source>The event stream is set up ({origin}) but there is no stream key for tenant {tenant}. {help}</source>
      <translation>Le flux d'événements est configuré ({origin}), mais il n'y a pas de clé de flux pour le locataire {tenant}. {help}</translation>
    </message>
    <message>
      <source>{problem} {help}</source>
      <translation>{problem} {help}</translation>
    </message>
  </context>
  <context>
    <name>StreamState</name>
    <message>
      <source>Live updates: not set up</source>
      <translation>Mises à jour en direct : non configurées</translation>
    </message>
    <message>
      <source>8x8's event stream is not used: {problem}</source>
      <translation>Le flux d'événements de 8x8 n'est pas utilisé : {problem}</translation>
    </message>
    <message>
      <source>{url}, topic {topic}</source>
      <translation>{url}, sujet {topic}</translation>
    </message>
    <message>
      <source>Live · no events</source>
      <translation>En direct · aucun événement</translation>
    </message>
    <message>
      <source>8x8's events arrive as they happen ({where}).</source>
      <translation>Les événements de 8x8 arrivent en temps réel ({where}).</translation>
    </message>
    <message>
      <source>Live</source>
      <translation>En direct</translation>
    </message>
    <message>
      <source>Live updates: connecting…</source>
      <translation>Mises à jour en direct : connexion…</translation>
    </message>
    <message>
      <source>Connecting to {where}.</source>
      <translation>Connexion à {where}.</translation>
    </message>
    <message>
      <source>no reason given</source>
      <translation>aucune raison indiquée</translation>
    </message>
    <message numerus="yes">
      <source>Reconnecting in %n s</source>
      <translation>
        <numerusform>Reconnexion dans %n s</numerusform>
        <numerusform>Reconnexion dans %n s</numerusform>
      </translation>
    </message>
    <message>
      <source>Reconnecting…</source>
      <translation>Reconnexion…</translation>
    </message>
    <message>
      <source>The event stream dropped: {reason}.
{where}
The lines show what 8x8's answers said until it is back.</source>
      <translation>Le flux d'événements s'est interrompu : {reason}.
{where}
Les lignes reflètent les réponses de 8x8 jusqu'à son retour.</translation>
    </message>
    <message>
      <source>Failed: {reason}</source>
      <translation>Échec : {reason}</translation>
    </message>
    <message>
      <source>The event stream stopped: {reason}
{where}</source>
      <translation>Le flux d'événements s'est arrêté : {reason}
{where}</translation>
    </message>
    <message>
      <source>Live updates: off</source>
      <translation>Mises à jour en direct : désactivées</translation>
    </message>
    <message>
      <source>The event stream is stopped ({where}).</source>
      <translation>Le flux d'événements est arrêté ({where}).</translation>
    </message>
  </context>
  <context>
    <name>SupervisorBulk</name>
    <message>
      <source>Cancelled before it was sent.</source>
      <translation>Annulé avant l'envoi.</translation>
    </message>
    <message>
      <source>Dry run: listed below, not sent.</source>
      <translation>Simulation : listé ci-dessous, non envoyé.</translation>
    </message>
  </context>
  <context>
    <name>SupervisorConfirm</name>
    <message>
      <source>Callers on these lines will be disconnected.</source>
      <translation>Les appelants sur ces lignes seront déconnectés.</translation>
    </message>
    <message>
      <source>status unknown</source>
      <translation>statut inconnu</translation>
    </message>
    <message numerus="yes">
      <source>%n agent: {statuses}.</source>
      <translation>
        <numerusform>%n agent : {statuses}.</numerusform>
        <numerusform>%n agents : {statuses}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agents: {statuses}.</source>
      <translation>
        <numerusform>%n agent : {statuses}.</numerusform>
        <numerusform>%n agents : {statuses}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agent is Available: probably nothing to free there.</source>
      <translation>
        <numerusform>%n agent est Disponible : sans doute rien à libérer de ce côté.</numerusform>
        <numerusform>%n agents sont Disponibles : sans doute rien à libérer de ce côté.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n agents are Available: probably nothing to free there.</source>
      <translation>
        <numerusform>%n agent est Disponible : sans doute rien à libérer de ce côté.</numerusform>
        <numerusform>%n agents sont Disponibles : sans doute rien à libérer de ce côté.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them is on a call now.</source>
      <translation>
        <numerusform>%n d'entre eux est en communication en ce moment.</numerusform>
        <numerusform>%n d'entre eux sont en communication en ce moment.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them are on a call now.</source>
      <translation>
        <numerusform>%n d'entre eux est en communication en ce moment.</numerusform>
        <numerusform>%n d'entre eux sont en communication en ce moment.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>ccdesk sends %n request, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</source>
      <translation>
        <numerusform>ccdesk envoie %n requête, {concurrency} à la fois ; Annuler arrête les nouveaux envois. C'est irréversible.</numerusform>
        <numerusform>ccdesk envoie %n requêtes, {concurrency} à la fois ; Annuler arrête les nouveaux envois. C'est irréversible.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>ccdesk sends %n requests, {concurrency} at a time; Cancel stops sending new ones. This cannot be undone.</source>
      <translation>
        <numerusform>ccdesk envoie %n requête, {concurrency} à la fois ; Annuler arrête les nouveaux envois. C'est irréversible.</numerusform>
        <numerusform>ccdesk envoie %n requêtes, {concurrency} à la fois ; Annuler arrête les nouveaux envois. C'est irréversible.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them has a call on its lines.</source>
      <translation>
        <numerusform>%n d'entre eux a un appel sur ses lignes.</numerusform>
        <numerusform>%n d'entre eux ont des appels sur leurs lignes.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of them have calls on their lines.</source>
      <translation>
        <numerusform>%n d'entre eux a un appel sur ses lignes.</numerusform>
        <numerusform>%n d'entre eux ont des appels sur leurs lignes.</numerusform>
      </translation>
    </message>
    <message>
      <source>ccdesk cannot tell whether they are on calls.</source>
      <translation>ccdesk ne peut pas savoir s'ils sont en communication.</translation>
    </message>
    <message>
      <source>None of them is on a call as far as 8x8's statuses say.</source>
      <translation>Aucun d'eux n'est en communication, d'après les statuts de 8x8.</translation>
    </message>
  </context>
  <context>
    <name>SupervisorModels</name>
    <message>
      <source>{seconds} s</source>
      <translation>{seconds} s</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <source>{hours} h {minutes} min</source>
      <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
      <source>Logged out</source>
      <translation>Déconnecté</translation>
    </message>
    <message>
      <source>On break</source>
      <translation>En pause</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>Disponible</translation>
    </message>
    <message>
      <source>Work offline</source>
      <translation>Travail hors ligne</translation>
    </message>
    <message>
      <source>Wrap-up</source>
      <translation>Post-appel</translation>
    </message>
    <message>
      <source>Busy</source>
      <translation>Occupé</translation>
    </message>
    <message>
      <source>Free line {line}</source>
      <translation>Libérer la ligne {line}</translation>
    </message>
    <message>
      <source>Free all lines</source>
      <translation>Libérer toutes les lignes</translation>
    </message>
    <message>
      <source>Hang up</source>
      <translation>Raccrocher</translation>
    </message>
    <message>
      <source>End the call and its wrap-up</source>
      <translation>Terminer l'appel et son post-appel</translation>
    </message>
    <message>
      <source>End the call</source>
      <translation>Terminer l'appel</translation>
    </message>
    <message>
      <source>Set to {status} ({code})</source>
      <translation>Passer en {status} ({code})</translation>
    </message>
    <message>
      <source>Set to {status}</source>
      <translation>Passer en {status}</translation>
    </message>
    <message>
      <source>{action}: nothing to free</source>
      <translation>{action} : rien à libérer</translation>
    </message>
    <message>
      <source>{action}: failed</source>
      <translation>{action} : échec</translation>
    </message>
    <message>
      <source>{action}: not sent (cancelled)</source>
      <translation>{action} : non envoyé (annulé)</translation>
    </message>
    <message>
      <source>{action}: dry run, not sent</source>
      <translation>{action} : simulation, non envoyé</translation>
    </message>
    <message>
      <source>Line {line} freed</source>
      <translation>Ligne {line} libérée</translation>
    </message>
    <message>
      <source>Lines freed</source>
      <translation>Lignes libérées</translation>
    </message>
    <message>
      <source>Hung up</source>
      <translation>Raccroché</translation>
    </message>
    <message>
      <source>Call and wrap-up ended</source>
      <translation>Appel et post-appel terminés</translation>
    </message>
    <message>
      <source>Call ended</source>
      <translation>Appel terminé</translation>
    </message>
    <message>
      <source>Status set to {status} ({code})</source>
      <translation>Statut passé à {status} ({code})</translation>
    </message>
    <message>
      <source>Status set to {status}</source>
      <translation>Statut passé à {status}</translation>
    </message>
    <message>
      <source>Free line {line} of agent {agent}</source>
      <translation>Libérer la ligne {line} de l'agent {agent}</translation>
    </message>
    <message>
      <source>Free all lines of agent {agent}</source>
      <translation>Libérer toutes les lignes de l'agent {agent}</translation>
    </message>
    <message>
      <source>Hang up agent {agent} on interaction {interaction}</source>
      <translation>Raccrocher l'agent {agent} sur l'interaction {interaction}</translation>
    </message>
    <message>
      <source>End interaction {interaction} and its wrap-up</source>
      <translation>Terminer l'interaction {interaction} et son post-appel</translation>
    </message>
    <message>
      <source>End interaction {interaction}</source>
      <translation>Terminer l'interaction {interaction}</translation>
    </message>
    <message>
      <source>Set agent {agent} to {status} ({code})</source>
      <translation>Passer l'agent {agent} en {status} ({code})</translation>
    </message>
    <message>
      <source>Set agent {agent} to {status}</source>
      <translation>Passer l'agent {agent} en {status}</translation>
    </message>
    <message>
      <source>done</source>
      <translation>réussi</translation>
    </message>
    <message>
      <source>nothing to free</source>
      <translation>rien à libérer</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>échec</translation>
    </message>
    <message>
      <source>dry run</source>
      <translation>simulation</translation>
    </message>
    <message>
      <source>not sent</source>
      <translation>non envoyé</translation>
    </message>
    <message>
      <source>8x8 said: {reasons}</source>
      <translation>Réponse de 8x8 : {reasons}</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tous</translation>
    </message>
    <message>
      <source>Stuck</source>
      <translation>Bloqués</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Autres</translation>
    </message>
  </context>
  <context>
    <name>SupervisorWindow</name>
    <message>
      <source>ccdesk supervisor — {tenant} ({where})</source>
      <translation>ccdesk console superviseur — {tenant} ({where})</translation>
    </message>
    <message>
      <source>Supervisor views</source>
      <translation>Vues de la console superviseur</translation>
    </message>
    <message>
      <source>The roster of agents, and the audit trail of actions</source>
      <translation>La liste des agents et le journal d'audit des actions</translation>
    </message>
    <message>
      <source>&amp;Roster</source>
      <translation>&amp;Liste des agents</translation>
    </message>
    <message>
      <source>&amp;Audit trail</source>
      <translation>&amp;Journal d'audit</translation>
    </message>
    <message>
      <source>Simulator latency</source>
      <translation>Latence du simulateur</translation>
    </message>
    <message>
      <source>Refresh roster</source>
      <translation>Actualiser la liste</translation>
    </message>
    <message>
      <source>Free line {line}…</source>
      <translation>Libérer la ligne {line}…</translation>
    </message>
    <message>
      <source>Free all lines…</source>
      <translation>Libérer toutes les lignes…</translation>
    </message>
    <message>
      <source>Hang up or end a call…</source>
      <translation>Raccrocher ou terminer un appel…</translation>
    </message>
    <message>
      <source>Set status…</source>
      <translation>Définir le statut…</translation>
    </message>
    <message>
      <source>Select all shown</source>
      <translation>Sélectionner tous les agents affichés</translation>
    </message>
    <message>
      <source>Select stuck</source>
      <translation>Sélectionner les bloqués</translation>
    </message>
    <message>
      <source>Select only the agents shown that are stuck: busy or in wrap-up longer than the minutes set ({keys})</source>
      <translation>Sélectionner uniquement les agents affichés qui sont bloqués : occupés ou en post-appel depuis plus longtemps que les minutes indiquées ({keys})</translation>
    </message>
    <message>
      <source>Find agent</source>
      <translation>Trouver un agent</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Agents</source>
      <translation>Agents</translation>
    </message>
    <message>
      <source>The tenant's agents. Arrow keys move and select; Shift with the arrows, or Ctrl with the arrows then Space, selects several; Enter hangs up or ends a call of the selected agent; the menu key lists the actions.</source>
      <translation>Les agents du locataire (tenant). Les flèches déplacent et sélectionnent ; Maj avec les flèches, ou Ctrl avec les flèches puis Espace, en sélectionne plusieurs ; Entrée raccroche ou termine un appel de l'agent sélectionné ; la touche Menu liste les actions.</translation>
    </message>
    <message>
      <source>Roster state</source>
      <translation>État de la liste</translation>
    </message>
    <message>
      <source>Result of the last action</source>
      <translation>Résultat de la dernière action</translation>
    </message>
    <message>
      <source>Selects every agent the filters show</source>
      <translation>Sélectionne tous les agents que les filtres affichent</translation>
    </message>
    <message>
      <source>Selects the agents shown that are busy or in wrap-up longer than the minutes set</source>
      <translation>Sélectionne les agents affichés occupés ou en post-appel depuis plus longtemps que les minutes indiquées</translation>
    </message>
    <message>
      <source>Filter agents</source>
      <translation>Filtrer les agents</translation>
    </message>
    <message>
      <source>Shows only the agents whose name, id, status or code contains what you type</source>
      <translation>N'affiche que les agents dont le nom, l'identifiant, le statut ou le code contient le texte saisi</translation>
    </message>
    <message>
      <source>Filter by name, id or status ({keys})</source>
      <translation>Filtrer par nom, identifiant ou statut ({keys})</translation>
    </message>
    <message>
      <source>Agent group id</source>
      <translation>Identifiant de groupe d'agents</translation>
    </message>
    <message>
      <source>Group id (all)</source>
      <translation>Identifiant de groupe (tous)</translation>
    </message>
    <message>
      <source>Read only the agents of this agent group (the Agent Status API's groupId); empty: every agent</source>
      <translation>Lire uniquement les agents de ce groupe (le groupId de l'API Agent Status) ; vide : tous les agents</translation>
    </message>
    <message>
      <source>Show agents by status</source>
      <translation>Afficher les agents par statut</translation>
    </message>
    <message>
      <source>Shows all agents, the stuck ones, or only those in one status</source>
      <translation>Affiche tous les agents, les agents bloqués ou seulement ceux d'un statut</translation>
    </message>
    <message>
      <source>Busy or in wrap-up for longer than the minutes beside</source>
      <translation>Occupés ou en post-appel depuis plus longtemps que les minutes indiquées à côté</translation>
    </message>
    <message>
      <source>Stuck after minutes</source>
      <translation>Bloqué après (minutes)</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>An agent busy or in wrap-up longer than this is stuck</source>
      <translation>Un agent occupé ou en post-appel depuis plus longtemps que cela est bloqué</translation>
    </message>
    <message>
      <source>Refresh every</source>
      <translation>Actualiser toutes les</translation>
    </message>
    <message>
      <source>Refresh the roster automatically</source>
      <translation>Actualiser la liste automatiquement</translation>
    </message>
    <message>
      <source>Reads the roster again every so many seconds, set beside</source>
      <translation>Relit la liste toutes les N secondes, indiquées à côté</translation>
    </message>
    <message>
      <source>Seconds between refreshes</source>
      <translation>Secondes entre deux actualisations</translation>
    </message>
    <message>
      <source>How often the roster is read again when Refresh every is on</source>
      <translation>Fréquence de relecture de la liste quand « Actualiser toutes les » est cochée</translation>
    </message>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <source>Reads every agent and their status again</source>
      <translation>Relit tous les agents et leur statut</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Actualiser</translation>
    </message>
    <message>
      <source>Agents shown</source>
      <translation>Agents affichés</translation>
    </message>
    <message>
      <source>Live status updates</source>
      <translation>Statuts en direct</translation>
    </message>
    <message>
      <source>stuck &amp;after</source>
      <translation>bloqué &amp;après</translation>
    </message>
    <message>
      <source>Roster problem</source>
      <translation>Problème de liste des agents</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Avertissement</translation>
    </message>
    <message>
      <source>Import roster CSV…</source>
      <translation>Importer une liste CSV…</translation>
    </message>
    <message>
      <source>Import a roster from a CSV file of agent id and name</source>
      <translation>Importer une liste d'agents depuis un fichier CSV d'identifiants et de noms</translation>
    </message>
    <message>
      <source>Asks for the file; freeing lines, ending calls and setting status work for its agents</source>
      <translation>Demande le fichier ; libérer des lignes, terminer des appels et définir le statut fonctionnent pour ses agents</translation>
    </message>
    <message>
      <source>Selected agent:</source>
      <translation>Agent sélectionné :</translation>
    </message>
    <message>
      <source>Frees line {line} of the selected agent, after a question; a caller on it is cut off</source>
      <translation>Libère la ligne {line} de l'agent sélectionné, après confirmation ; un appelant sur cette ligne est coupé</translation>
    </message>
    <message>
      <source>Frees every line of the selected agent, after a question; callers are cut off</source>
      <translation>Libère toutes les lignes de l'agent sélectionné, après confirmation ; les appelants sont coupés</translation>
    </message>
    <message>
      <source>Asks which call of the selected agent to hang up or end</source>
      <translation>Demande quel appel de l'agent sélectionné raccrocher ou terminer</translation>
    </message>
    <message>
      <source>Call…</source>
      <translation>Appel…</translation>
    </message>
    <message>
      <source>Asks for a status and a status code for the selected agent</source>
      <translation>Demande un statut et un code de statut pour l'agent sélectionné</translation>
    </message>
    <message>
      <source>&amp;Demo</source>
      <translation>&amp;Démo</translation>
    </message>
    <message>
      <source>Demo: the simulator answers after {seconds} s</source>
      <translation>Démo : le simulateur répond après {seconds} s</translation>
    </message>
    <message>
      <source>Read the roster</source>
      <translation>Lire la liste des agents</translation>
    </message>
    <message>
      <source>The Agent Status API is switched off for this tenant (8x8 answered “403 - Forbidden.”), so ccdesk cannot list agents or their statuses. Ask 8x8 support to enable it. Meanwhile, import a CSV file of agent id and name: freeing lines, ending calls and setting status still work for those agents.</source>
      <translation>L'API Agent Status est désactivée pour ce locataire (tenant) (8x8 a répondu « 403 - Forbidden. »), donc ccdesk ne peut pas lister les agents ni leurs statuts. Demandez au soutien de 8x8 de l'activer. En attendant, importez un fichier CSV d'identifiants et de noms d'agents : libérer des lignes, terminer des appels et définir le statut fonctionnent toujours pour ces agents.</translation>
    </message>
    <message>
      <source>The roster could not be read.</source>
      <translation>La liste des agents n'a pas pu être lue.</translation>
    </message>
    <message numerus="yes">
      <source>Showing the %n agent(s) imported from a file.</source>
      <translation>
        <numerusform>Affichage de %n agent importé d'un fichier.</numerusform>
        <numerusform>Affichage des %n agents importés d'un fichier.</numerusform>
      </translation>
    </message>
    <message>
      <source>The roster could not be read; see the note above the table.</source>
      <translation>La liste des agents n'a pas pu être lue ; voyez la note au-dessus du tableau.</translation>
    </message>
    <message>
      <source>Import roster</source>
      <translation>Importer une liste d'agents</translation>
    </message>
    <message>
      <source>CSV files (*.csv);;All files (*)</source>
      <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>Rien n'a été importé.</translation>
    </message>
    <message numerus="yes">
      <source>Showing the %n agent(s) imported from {file}.</source>
      <translation>
        <numerusform>Affichage de %n agent importé de {file}.</numerusform>
        <numerusform>Affichage des %n agents importés de {file}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Imported %n agent(s) from {path}.</source>
      <translation>
        <numerusform>%n agent importé de {path}.</numerusform>
        <numerusform>%n agents importés de {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n agent</source>
      <translation>
        <numerusform>{shown} sur %n agent</numerusform>
        <numerusform>{shown} sur %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n agents</source>
      <translation>
        <numerusform>{shown} sur %n agent</numerusform>
        <numerusform>{shown} sur %n agents</numerusform>
      </translation>
    </message>
    <message>
      <source>No agents in group {group}.</source>
      <translation>Aucun agent dans le groupe {group}.</translation>
    </message>
    <message>
      <source>Reading the roster…</source>
      <translation>Lecture de la liste des agents…</translation>
    </message>
    <message>
      <source>No agents in the roster.</source>
      <translation>Aucun agent dans la liste.</translation>
    </message>
    <message>
      <source>No agents match the filter.</source>
      <translation>Aucun agent ne correspond au filtre.</translation>
    </message>
    <message numerus="yes">
      <source>Selected %n agent stuck for more than {minutes} min.</source>
      <translation>
        <numerusform>%n agent sélectionné, bloqué depuis plus de {minutes} min.</numerusform>
        <numerusform>%n agents sélectionnés, bloqués depuis plus de {minutes} min.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Selected %n agents stuck for more than {minutes} min.</source>
      <translation>
        <numerusform>%n agent sélectionné, bloqué depuis plus de {minutes} min.</numerusform>
        <numerusform>%n agents sélectionnés, bloqués depuis plus de {minutes} min.</numerusform>
      </translation>
    </message>
    <message>
      <source>No agent shown is busy or in wrap-up for more than {minutes} min.</source>
      <translation>Aucun agent affiché n'est occupé ou en post-appel depuis plus de {minutes} min.</translation>
    </message>
    <message>
      <source>Set status of {agent}</source>
      <translation>Définir le statut de {agent}</translation>
    </message>
    <message>
      <source>{action}?

Agent: {agent}

The agent is on a call. Callers on these lines will be disconnected.

ccdesk sends:
{request}

This cannot be undone.</source>
      <translation>{action} ?

Agent : {agent}

L'agent est en communication. Les appelants sur ces lignes seront déconnectés.

ccdesk envoie :
{request}

C'est irréversible.</translation>
    </message>
    <message>
      <source>{action}?

Agent: {agent}

ccdesk sends:
{request}

This cannot be undone.</source>
      <translation>{action} ?

Agent : {agent}

ccdesk envoie :
{request}

C'est irréversible.</translation>
    </message>
    <message>
      <source>{action}: sending…</source>
      <translation>{action} : envoi…</translation>
    </message>
    <message>
      <source>{action}: the result is not in the audit trail.</source>
      <translation>{action} : le résultat n'est pas dans le journal d'audit.</translation>
    </message>
    <message>
      <source>{agent}: {result}.</source>
      <translation>{agent} : {result}.</translation>
    </message>
    <message>
      <source>{agent}: {problem}</source>
      <translation>{agent} : {problem}</translation>
    </message>
    <message>
      <source>8x8 said: {reasons}</source>
      <translation>Réponse de 8x8 : {reasons}</translation>
    </message>
    <message>
      <source>Free lines</source>
      <translation>Libérer les lignes</translation>
    </message>
    <message numerus="yes">
      <source>Free all lines of %n agent</source>
      <translation>
        <numerusform>Libérer toutes les lignes de %n agent</numerusform>
        <numerusform>Libérer toutes les lignes de %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free all lines of %n agents</source>
      <translation>
        <numerusform>Libérer toutes les lignes de %n agent</numerusform>
        <numerusform>Libérer toutes les lignes de %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free line {line} of %n agent</source>
      <translation>
        <numerusform>Libérer la ligne {line} de %n agent</numerusform>
        <numerusform>Libérer la ligne {line} de %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Free line {line} of %n agents</source>
      <translation>
        <numerusform>Libérer la ligne {line} de %n agent</numerusform>
        <numerusform>Libérer la ligne {line} de %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set status of %n agent</source>
      <translation>
        <numerusform>Définir le statut de %n agent</numerusform>
        <numerusform>Définir le statut de %n agents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set status of %n agents</source>
      <translation>
        <numerusform>Définir le statut de %n agent</numerusform>
        <numerusform>Définir le statut de %n agents</numerusform>
      </translation>
    </message>
    <message>
      <source>Set status</source>
      <translation>Définir le statut</translation>
    </message>
    <message numerus="yes">
      <source>Set %n agent to {status} ({code})</source>
      <translation>
        <numerusform>Passer %n agent en {status} ({code})</numerusform>
        <numerusform>Passer %n agents en {status} ({code})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agents to {status} ({code})</source>
      <translation>
        <numerusform>Passer %n agent en {status} ({code})</numerusform>
        <numerusform>Passer %n agents en {status} ({code})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agent to {status}</source>
      <translation>
        <numerusform>Passer %n agent en {status}</numerusform>
        <numerusform>Passer %n agents en {status}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set %n agents to {status}</source>
      <translation>
        <numerusform>Passer %n agent en {status}</numerusform>
        <numerusform>Passer %n agents en {status}</numerusform>
      </translation>
    </message>
    <message>
      <source>Cancelling: nothing more is sent; waiting for requests in flight…</source>
      <translation>Annulation : plus rien n'est envoyé ; attente des requêtes en cours…</translation>
    </message>
    <message>
      <source>{action}: {counts}.</source>
      <translation>{action} : {counts}.</translation>
    </message>
    <message>
      <source>ccdesk could not remember that bulk status takes {method}.</source>
      <translation>ccdesk n'a pas pu retenir que le statut groupé utilise {method}.</translation>
    </message>
    <message numerus="yes">
      <source>%n result(s) are not in the audit trail: the journal {journal} {problem}. The rows above are their only record.</source>
      <translation>
        <numerusform>%n résultat n'est pas dans le journal d'audit : le journal {journal} {problem}. Les lignes ci-dessus en sont la seule trace.</numerusform>
        <numerusform>%n résultats ne sont pas dans le journal d'audit : le journal {journal} {problem}. Les lignes ci-dessus en sont la seule trace.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Dry run: %n request(s) listed; nothing was sent.</source>
      <translation>
        <numerusform>Simulation : %n requête listée ; rien n'a été envoyé.</numerusform>
        <numerusform>Simulation : %n requêtes listées ; rien n'a été envoyé.</numerusform>
      </translation>
    </message>
    <message>
      <source>Dry run</source>
      <translation>Simulation</translation>
    </message>
    <message>
      <source>Status changes are shown but not remembered.</source>
      <translation>Les changements de statut sont affichés mais pas conservés.</translation>
    </message>
    <message>
      <source>Statuses here change as 8x8 publishes them, and “in this status” counts from the time 8x8 gives the change. Refresh reads every agent again.</source>
      <translation>Les statuts changent ici dès que 8x8 les publie, et « dans ce statut » compte à partir de l'heure que 8x8 donne au changement. Actualiser relit tous les agents.</translation>
    </message>
    <message numerus="yes">
      <source>%n status change(s) since the last read were for agents not listed here (another group, or new): they are not added until Refresh lists them.</source>
      <translation>
        <numerusform>%n changement de statut depuis la dernière lecture concernait un agent absent de cette liste (autre groupe, ou nouveau) : il n'est ajouté que quand Actualiser le liste.</numerusform>
        <numerusform>%n changements de statut depuis la dernière lecture concernaient des agents absents de cette liste (autre groupe, ou nouveaux) : ils ne sont ajoutés que quand Actualiser les liste.</numerusform>
      </translation>
    </message>
    <message>
      <source>{action}: nothing was sent.</source>
      <translation>{action} : rien n'a été envoyé.</translation>
    </message>
  </context>
  <context>
    <name>Time</name>
    <message>
      <source>{weekday} {time}</source>
      <translation>{weekday} {time}</translation>
    </message>
    <message>
      <source>{day} {month} {time}</source>
      <translation>{day} {month} {time}</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>lun.</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>mar.</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>mer.</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>jeu.</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>ven.</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>sam.</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>dim.</translation>
    </message>
    <message>
      <source>Jan</source>
      <translation>janv.</translation>
    </message>
    <message>
      <source>Feb</source>
      <translation>févr.</translation>
    </message>
    <message>
      <source>Mar</source>
      <translation>mars</translation>
    </message>
    <message>
      <source>Apr</source>
      <translation>avr.</translation>
    </message>
    <message>
      <source>May</source>
      <translation>mai</translation>
    </message>
    <message>
      <source>Jun</source>
      <translation>juin</translation>
    </message>
    <message>
      <source>Jul</source>
      <translation>juil.</translation>
    </message>
    <message>
      <source>Aug</source>
      <translation>août</translation>
    </message>
    <message>
      <source>Sep</source>
      <translation>sept.</translation>
    </message>
    <message>
      <source>Oct</source>
      <translation>oct.</translation>
    </message>
    <message>
      <source>Nov</source>
      <translation>nov.</translation>
    </message>
    <message>
      <source>Dec</source>
      <translation>déc.</translation>
    </message>
    <message>
      <source>{year}-{month}-{day} {time}</source>
      <translation>{day}/{month}/{year} {time}</translation>
    </message>
  </context>
  <context>
    <name>Tls</name>
    <message>
      <source>{variable} must be 'system' (the operating system's certificate authorities) or 'certifi' (the list shipped with ccdesk), not {value}.</source>
      <translation>{variable} doit valoir « system » (les autorités de certification du système d'exploitation) ou « certifi » (la liste fournie avec ccdesk), pas {value}.</translation>
    </message>
  </context>
  <context>
    <name>TransactionCode</name>
    <message>
      <source>A transaction code is LIST:ITEM with two whole numbers, got {value}.</source>
      <translation>Un code de transaction s'écrit LISTE:ÉLÉMENT, avec deux nombres entiers (valeur reçue : {value}).</translation>
    </message>
  </context>
  <context>
    <name>Tray</name>
    <message>
      <source>ccdesk: lines idle</source>
      <translation>ccdesk : lignes libres</translation>
    </message>
    <message>
      <source>ccdesk tray menu</source>
      <translation>Menu de ccdesk dans la zone de notification</translation>
    </message>
    <message>
      <source>Show the window, dial from the clipboard, free lines, set the status, quit</source>
      <translation>Afficher la fenêtre, appeler depuis le presse-papiers, libérer des lignes, changer le statut, quitter</translation>
    </message>
    <message>
      <source>Show ccdesk</source>
      <translation>Afficher ccdesk</translation>
    </message>
    <message>
      <source>Dial from clipboard</source>
      <translation>Appeler depuis le presse-papiers</translation>
    </message>
    <message>
      <source>Free line {line}</source>
      <translation>Libérer la ligne {line}</translation>
    </message>
    <message>
      <source>Free all lines…</source>
      <translation>Libérer toutes les lignes…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Agent status</source>
      <translation>Statut de l'agent</translation>
    </message>
    <message>
      <source>Choose the agent's status; logging out asks first</source>
      <translation>Choisir le statut de l'agent ; la déconnexion demande confirmation</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Quitter</translation>
    </message>
    <message>
      <source>line {line} {state}</source>
      <translation>ligne {line} : {state}</translation>
    </message>
    <message numerus="yes">
      <source>%n in wrap-up</source>
      <translation>
        <numerusform>%n en post-appel</numerusform>
        <numerusform>%n en post-appel</numerusform>
      </translation>
    </message>
    <message>
      <source>lines idle</source>
      <translation>lignes libres</translation>
    </message>
    <message>
      <source>{status} · {lines}</source>
      <translation>{status} · {lines}</translation>
    </message>
    <message>
      <source>ccdesk: {lines} (offline)</source>
      <translation>ccdesk : {lines} (hors ligne)</translation>
    </message>
    <message>
      <source>ccdesk: {lines}</source>
      <translation>ccdesk : {lines}</translation>
    </message>
  </context>
  <context>
    <name>WindowHelp</name>
    <message>
      <source>ccdesk: the 8x8 Contact Center agent window.</source>
      <translation>ccdesk : la fenêtre de l'agent 8x8 Contact Center.</translation>
    </message>
    <message>
      <source>API base URL; http only for loopback [CCDESK_BASE_URL]</source>
      <translation>URL de base de l'API ; http seulement en boucle locale [CCDESK_BASE_URL]</translation>
    </message>
    <message>
      <source>Basic-auth username [CCDESK_USERNAME]</source>
      <translation>nom d'utilisateur Basic-auth [CCDESK_USERNAME]</translation>
    </message>
    <message>
      <source>keep all ccdesk files under this folder [CCDESK_HOME]</source>
      <translation>garder tous les fichiers de ccdesk dans ce dossier [CCDESK_HOME]</translation>
    </message>
    <message>
      <source>8x8 event stream scheme and host, e.g. wss://pulsar-ws-use1.8x8.com [CCDESK_STREAM_URL]</source>
      <translation>schéma et hôte du flux d'événements de 8x8, par exemple wss://pulsar-ws-use1.8x8.com [CCDESK_STREAM_URL]</translation>
    </message>
    <message>
      <source>event stream region: uk3, us1 or us2 [CCDESK_STREAM_REGION]</source>
      <translation>région du flux d'événements : uk3, us1 ou us2 [CCDESK_STREAM_REGION]</translation>
    </message>
    <message>
      <source>do not follow 8x8's event stream: the window learns only from its own requests' answers</source>
      <translation>ne pas suivre le flux d'événements de 8x8 : la fenêtre n'apprend que par les réponses à ses propres requêtes</translation>
    </message>
    <message>
      <source>read timeout in seconds (default 15)</source>
      <translation>délai de lecture en secondes (15 par défaut)</translation>
    </message>
    <message>
      <source>run against the built-in simulator</source>
      <translation>fonctionner avec le simulateur intégré</translation>
    </message>
    <message>
      <source>drive a whole call through the window against the simulator, then exit 0 or 1</source>
      <translation>mener un appel complet dans la fenêtre avec le simulateur, puis quitter avec 0 ou 1</translation>
    </message>
    <message>
      <source>demo/self-test: make every simulated request fail (e.g. status:500, drop)</source>
      <translation>démo/autotest : faire échouer chaque requête simulée (par exemple status:500, drop)</translation>
    </message>
    <message>
      <source>light or dark, or as the system is (default)</source>
      <translation>clair ou sombre, ou comme le système (par défaut)</translation>
    </message>
    <message>
      <source>the window's language (default: Settings, else the system's)</source>
      <translation>la langue de la fenêtre (par défaut : celle des paramètres, sinon celle du système)</translation>
    </message>
    <message>
      <source>open the supervisor console (no agent needed)</source>
      <translation>ouvrir la console superviseur (aucun agent requis)</translation>
    </message>
    <message>
      <source>log every request (redacted) on stderr</source>
      <translation>journaliser chaque requête (masquée) sur stderr</translation>
    </message>
    <message>
      <source>put NUMBER in the dial field of the (running) window</source>
      <translation>mettre NUMBER dans le champ de numérotation de la fenêtre (ouverte)</translation>
    </message>
    <message>
      <source>a tel:, callto: or ccdesk: link to dial (see README)</source>
      <translation>un lien tel:, callto: ou ccdesk: à composer (voir le README)</translation>
    </message>
  </context>
  <context>
    <name>WrapUpList</name>
    <message>
      <source>{who} · wrap-up · call ended</source>
      <translation>{who} · post-appel · appel terminé</translation>
    </message>
    <message>
      <source>{who} · wrap-up</source>
      <translation>{who} · post-appel</translation>
    </message>
    <message>
      <source>A call ccdesk did not place · wrap-up · call ended</source>
      <translation>Appel non passé par ccdesk · post-appel · appel terminé</translation>
    </message>
    <message>
      <source>A call ccdesk did not place · wrap-up</source>
      <translation>Appel non passé par ccdesk · post-appel</translation>
    </message>
    <message>
      <source>Calls in wrap-up</source>
      <translation>Appels en post-appel</translation>
    </message>
    <message>
      <source>Calls whose leg is down and whose wrap-up is open: set their codes and end them</source>
      <translation>Appels dont la branche est raccrochée et le post-appel ouvert : saisissez leurs codes et terminez-les</translation>
    </message>
    <message>
      <source>Wrap-up (calls whose leg is down: they hold no line)</source>
      <translation>Post-appel (appels dont la branche est raccrochée : ils n'occupent aucune ligne)</translation>
    </message>
  </context>
  <context>
    <name>WrapUpRow</name>
    <message>
      <source>Codes…</source>
      <translation>Codes…</translation>
    </message>
    <message>
      <source>Opens the transaction codes of this call</source>
      <translation>Ouvre les codes de transaction de cet appel</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Terminer</translation>
    </message>
    <message>
      <source>Ends the call; with Also end wrap-up ticked, its wrap-up ends too</source>
      <translation>Termine l'appel ; si « Terminer aussi le post-appel » est coché, le post-appel se termine aussi</translation>
    </message>
    <message>
      <source>Also end wrap-up</source>
      <translation>Terminer aussi le post-appel</translation>
    </message>
    <message>
      <source>End the wrap-up at once (8x8 calls it post-processing), even if a required code is missing</source>
      <translation>Terminer le post-appel tout de suite (8x8 l'appelle post-processing), même s'il manque un code obligatoire</translation>
    </message>
    <message>
      <source>Codes: {codes}</source>
      <translation>Codes : {codes}</translation>
    </message>
    <message>
      <source>Codes: no codes yet</source>
      <translation>Codes : aucun code pour l'instant</translation>
    </message>
    <message>
      <source>8x8 said: {details}</source>
      <translation>Réponse de 8x8 : {details}</translation>
    </message>
    <message>
      <source>Setting codes…</source>
      <translation>Enregistrement des codes…</translation>
    </message>
    <message>
      <source>Ending…</source>
      <translation>Fin en cours…</translation>
    </message>
    <message>
      <source>Wrap-up: {call}</source>
      <translation>Post-appel : {call}</translation>
    </message>
    <message>
      <source>Transaction codes for {call} in wrap-up</source>
      <translation>Codes de transaction de {call} en post-appel</translation>
    </message>
    <message>
      <source>End {call}</source>
      <translation>Terminer {call}</translation>
    </message>
    <message>
      <source>Also end wrap-up of {call} when ending it</source>
      <translation>Terminer aussi le post-appel de {call} en le terminant</translation>
    </message>
  </context>
</TS>