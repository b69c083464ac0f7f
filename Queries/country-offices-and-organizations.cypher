// The offices and organizations of one country: offices that belong to it
// directly, organizations located in it, offices of those organizations and
// of its localities, each with the people who hold it.
// Parameters: $country — the country's name or ISO code, any case
// (e.g. {"country": "Japan"} or {"country": "VN"}).
// Defaults, used when --params does not give them:
// @param country: "Japan"
MATCH (country:Country)
WHERE toLower(country.name) = toLower($country) OR toLower(country.iso) = toLower($country)
MATCH route = (thing)-[:OFFICE_OF|LOCATED_IN*1..2]->(country)
WHERE thing:Office OR thing:Organization
WITH country, thing, collect(route) AS routes
OPTIONAL MATCH (holder:Person)-[holds:HOLDS]->(thing)
RETURN CASE WHEN thing:Office THEN 'Office' ELSE 'Organization' END AS kind,
       coalesce(thing.title, thing.name) AS name,
       thing.kind AS organizationKind,
       collect(holder.name) AS holders,
       routes,
       collect(holds) AS holdings
ORDER BY kind, name;
