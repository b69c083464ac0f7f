// The shortest chain linking two people through meetings, offices and the
// bodies those offices belong to (MET, HOLDS, OFFICE_OF, MEMBER_OF,
// PARTICIPATES_IN), ignoring direction. CITIZEN_OF is left out on purpose:
// through a country every two citizens would be two hops apart.
// Parameters: $from, $to — a person's name or one of its aliases, any case
// (e.g. {"from": "Kotaro Nagasaki", "to": "Nguyen Minh Vu"}).
// Defaults, used when --params does not give them:
// @param from: "Kotaro Nagasaki"
// @param to: "Nguyen Minh Vu"
MATCH (first:Person), (last:Person)
WHERE (toLower(first.name) = toLower($from)
       OR any(alias IN first.aliases WHERE toLower(alias) = toLower($from)))
  AND (toLower(last.name) = toLower($to)
       OR any(alias IN last.aliases WHERE toLower(alias) = toLower($to)))
MATCH chain = shortestPath((first)-[:MET|HOLDS|OFFICE_OF|MEMBER_OF|PARTICIPATES_IN*..12]-(last))
RETURN length(chain) AS hops,
       [step IN nodes(chain) | coalesce(step.name, step.title)] AS steps,
       [link IN relationships(chain) | type(link)] AS links,
       chain;
