// The dialogue network: which country or office takes part in which dialogue
// mechanism, oldest dialogue first. Returns nodes and relationships (for a
// picture) and readable columns.
// Parameters: none.
MATCH (participant)-[part:PARTICIPATES_IN]->(dialogue:Dialogue)
RETURN coalesce(participant.name, participant.title) AS participantName,
       labels(participant) AS participantLabels,
       part.role AS role,
       dialogue.name AS dialogueName,
       dialogue.since AS since,
       dialogue.level AS level,
       part
ORDER BY dialogue.sinceYear, dialogueName, participantName;
