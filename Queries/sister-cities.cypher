// Locality cooperation ties (Vietnamese locality -> Japanese locality) with the
// year each tie was set up. Returns the Locality nodes and the SISTER_CITY
// relationships themselves, so the result can also be rendered as a picture.
// Parameters: none.
MATCH (vietnamese:Locality)-[tie:SISTER_CITY]->(japanese:Locality)
RETURN vietnamese.name AS vietnameseLocality,
       japanese.name AS japaneseLocality,
       tie.since AS since,
       tie
ORDER BY since, vietnameseLocality, japaneseLocality;
