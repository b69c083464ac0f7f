// Everything directly connected to one node: its relationships in both
// directions and the nodes at their other end.
// Parameters: $name — a name, an alias, an office title or a source id, any
// case (e.g. {"name": "Truong Thi Mai"} or {"name": "Kishida Fumio"}).
// Defaults, used when --params does not give them:
// @param name: "Truong Thi Mai"
MATCH (center)
WHERE toLower(center.name) = toLower($name)
   OR toLower(center.title) = toLower($name)
   OR toLower(center.id) = toLower($name)
   OR any(alias IN coalesce(center.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (center)-[link]-(neighbour)
RETURN type(link) AS relationship,
       startNode(link) = center AS outgoing,
       coalesce(neighbour.name, neighbour.title, neighbour.id) AS neighbourName,
       labels(neighbour) AS neighbourLabels,
       link
ORDER BY relationship, neighbourName;
