// Everything one article states: every node and relationship whose `sources`
// list names it.
// Parameters: $source — a seed file name or its leading part
// (e.g. {"source": "001_b515567d38da300a.txt"} or {"source": "001"}).
// Defaults, used when --params does not give them:
// @param source: "001"
MATCH (n)
WHERE any(s IN n.sources WHERE s STARTS WITH $source)
RETURN 'node' AS element,
       labels(n) AS kind,
       coalesce(n.name, n.title, n.id) AS what,
       properties(n) AS properties,
       n AS entity
UNION ALL
MATCH (a)-[r]->(b)
WHERE any(s IN r.sources WHERE s STARTS WITH $source)
RETURN 'relationship' AS element,
       [type(r)] AS kind,
       coalesce(a.name, a.title, a.id) + ' -> ' + coalesce(b.name, b.title, b.id) AS what,
       properties(r) AS properties,
       r AS entity;
