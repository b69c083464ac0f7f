// The dialogue network: which country or office takes part in which dialogue
// mechanism, oldest dialogue first. Returns nodes and relationships (for a
// picture) and readable columns.
// Parameters: none.
MATCH (participant)-[part:PARTICIPATES_IN]->(dialogue:Dialogue)
RETURN participant, part, dialogue,
       coalesce(participant.name, participant.title) AS participantName,
       labels(participant) AS participantLabels,
       part.role AS role,
       dialogue.name AS dialogueName,
       dialogue.since AS since,
       dialogue.level AS level
ORDER BY dialogue.sinceYear, dialogueName, participantName;
