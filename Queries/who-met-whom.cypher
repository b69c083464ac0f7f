// Who met whom: every meeting or talks the articles state, with date, place
// and occasion, earliest first (undated meetings last).
// Parameters: none.
// Direction: visitor -> host (see docs/graph.md). `planned` is true for the
// meetings an article announces before the visit rather than reports.
MATCH (visitor:Person)-[meeting:MET]->(host:Person)
RETURN visitor.name AS visitor,
       host.name AS host,
       meeting.date AS meetingDate,
       meeting.dateText AS dateAsWritten,
       meeting.place AS place,
       meeting.occasion AS occasion,
       coalesce(meeting.planned, false) AS planned,
       meeting.sources AS sources,
       meeting AS met
ORDER BY meetingDate, visitor, host;
